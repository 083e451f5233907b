import { shutdownSignal } from './lifecycle.mjs';

const signal = AbortSignal.any([shutdownSignal]);

export const serverSignal = signal;
