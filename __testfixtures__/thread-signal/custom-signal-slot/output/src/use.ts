import { callRemote, poll } from './sdk.js';

export async function refresh(name: string, signal?: AbortSignal) {
  await poll(name, signal);
  return callRemote(name, { timeoutMs: 1000, abortSignal: signal });
}

export async function route(request: Request) {
  return refresh(request.url, request.signal);
}
