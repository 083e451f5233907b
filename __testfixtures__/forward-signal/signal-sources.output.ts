import { readFile } from 'node:fs/promises';

export async function typedOtherName(path: string, cancel: AbortSignal) {
  return readFile(path, { signal: cancel });
}

export async function destructured(path: string, { signal: abort }: { signal?: AbortSignal } = {}) {
  return readFile(path, { signal: abort });
}

export async function optionsBag(path: string, options: { signal?: AbortSignal; encoding?: BufferEncoding }) {
  return readFile(path, { signal: options.signal });
}

export async function handler(request: Request) {
  return fetch('https://upstream.example.com', { method: request.method, signal: request.signal });
}
