import { shutdownSignal } from './lifecycle.mjs';

const controller = new AbortController();
shutdownSignal.addEventListener('abort', () => controller.abort());

export const serverSignal = controller.signal;
