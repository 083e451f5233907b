import { callRemote, poll } from './sdk.js';

export async function refresh(name: string) {
  await poll(name);
  return callRemote(name, { timeoutMs: 1000 });
}

export async function route(request: Request) {
  return refresh(request.url);
}
