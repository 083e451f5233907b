import { readFile } from 'node:fs/promises';
import { setTimeout as setTimeoutPromise } from 'node:timers/promises';

function sleep(ms, signal) {
  return setTimeoutPromise(ms, undefined, { signal });
}

export async function withSignal(path, signal) {
  await sleep(100, signal);
  return readFile(path, { signal });
}

export async function withoutSignal() {
  await sleep(100);
}

export async function withOptions(options) {
  await sleep(options.delay, options.signal);
}
