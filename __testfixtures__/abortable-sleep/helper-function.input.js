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

export async function withOptions(options) {
  await sleep(options.delay);
}
