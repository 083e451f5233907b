const load = async (url: string, { signal }: { signal?: AbortSignal } = {}) => fetch(url, { signal });

interface SyncOptions {
  retries: number;
  signal?: AbortSignal;
}

async function sync(ids: string[], options: SyncOptions) {
  return ids;
}

export async function one(url: string) {
  return await Promise.race([
    load(url),
    new Promise((_, reject) => setTimeout(() => reject(new Error('load timed out')), 5000)),
  ]);
}

export async function many(ids: string[]) {
  const result = await Promise.race([
    sync(ids, { retries: 2 }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('sync timed out')), 10_000)),
  ]);
  return result;
}

// Checked once before the work starts: the signal alone would not end a hanging call.
async function upload(file: string, signal?: AbortSignal) {
  signal?.throwIfAborted();
  return file;
}

export async function send(file: string) {
  return await Promise.race([
    upload(file),
    new Promise((_, reject) => setTimeout(() => reject(new Error('upload timed out')), 5000)),
  ]);
}
