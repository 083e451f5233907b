import { writeFile } from 'node:fs/promises';

const delay = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

async function backoff(attempt: number) {
  const ms = Math.min(30_000, 2 ** attempt * 250);
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/** Downloads `url` to `path`, retrying with exponential backoff. */
export async function download(url: string, path: string, options: { signal?: AbortSignal } = {}) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url);
      if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
      await writeFile(path, Buffer.from(await response.arrayBuffer()));
      return;
    } catch (error) {
      if (attempt >= 5) throw error;
      await backoff(attempt);
    }
  }
}

/** Waits until the mirror is likely to have the file. */
export async function waitForMirror(seconds: number) {
  await delay(seconds * 1000);
}

/** Gives a fresh release time to reach the mirror, then downloads it. */
export async function downloadRelease(url: string, path: string, signal: AbortSignal) {
  await waitForMirror(30);
  await download(url, path, { signal });
}
