import { rm, writeFile } from 'node:fs/promises';

// Cleanup must still run when the signal aborted the work: it does not get the signal.
export async function render(path: string, html: string, signal: AbortSignal) {
  try {
    await writeFile(`${path}.tmp`, html, { signal: signal });
  } finally {
    await rm(`${path}.tmp`, { force: true });
  }
}

export function upload(url: string, body: string, signal: AbortSignal) {
  return fetch(url, { method: 'PUT', body, signal }).finally(() => fetch(`${url}/unlock`, { method: 'POST' }));
}
