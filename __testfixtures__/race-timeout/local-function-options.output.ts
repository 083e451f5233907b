const load = async (url: string, { signal }: { signal?: AbortSignal } = {}) => fetch(url, { signal });

interface SyncOptions {
  retries: number;
  signal?: AbortSignal;
}

async function sync(ids: string[], options: SyncOptions) {
  return ids;
}

export async function one(url: string) {
  const timeoutSignal = AbortSignal.timeout(5000);
  return await load(url, { signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('load timed out') : error;
  });
}

export async function many(ids: string[]) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const result = await Promise.race([
    sync(ids, { retries: 2 }),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('sync timed out')), 10_000);
    }),
  ]).finally(() => clearTimeout(timer));
  return result;
}

// Checked once before the work starts: the signal alone would not end a hanging call.
async function upload(file: string, signal?: AbortSignal) {
  signal?.throwIfAborted();
  return file;
}

export async function send(file: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return await Promise.race([
    upload(file),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('upload timed out')), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
}
