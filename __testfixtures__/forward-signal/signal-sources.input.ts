import { readFile } from 'node:fs/promises';

export async function typedOtherName(path: string, cancel: AbortSignal) {
  return readFile(path);
}

export async function destructured(path: string, { signal: abort }: { signal?: AbortSignal } = {}) {
  return readFile(path);
}

export async function optionsBag(path: string, options: { signal?: AbortSignal; encoding?: BufferEncoding }) {
  return readFile(path);
}

export async function handler(request: Request) {
  return fetch('https://upstream.example.com', { method: request.method });
}
