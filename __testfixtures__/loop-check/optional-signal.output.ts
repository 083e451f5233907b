export async function copyAll(files: string[], signal?: AbortSignal) {
  for (const file of files) {
    signal?.throwIfAborted();
    await copy(file);
  }
  for (let i = 0; i < 3; i++) {
    signal?.throwIfAborted();
    await retry(i);
  }
}
