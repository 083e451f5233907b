import { EventEmitter } from 'node:events';

function setTimeout(fn, ms) {
  return globalThis.setTimeout(fn, ms * 2);
}

export async function a(signal) {
  await new Promise((resolve) => setTimeout(resolve, 10));
  return new EventEmitter();
}
