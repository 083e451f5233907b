import { readFile } from 'node:fs/promises';

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function withSignal(path, signal) {
  await sleep(100);
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
  await sleep(options.delay);
}
