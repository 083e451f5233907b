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

// An untyped options bag counts as carrying a signal only where the function reads options.signal.
export async function withOptionsWithoutEvidence(options) {
  await sleep(options.delay);
}

export async function withOptions(options) {
  if (options.signal?.aborted) return;
  await sleep(options.delay, options?.signal);
}
