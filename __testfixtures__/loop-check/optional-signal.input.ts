export async function copyAll(files: string[], signal?: AbortSignal) {
  for (const file of files) {
    await copy(file);
  }
  for (let i = 0; i < 3; i++) {
    await retry(i);
  }
}
