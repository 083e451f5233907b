/** A function of the same name as the pinned method: the test does not call it, so it is threaded. */
export async function openDiff(oldPath: string, newPath: string, signal?: AbortSignal) {
  return fetch(`http://localhost:7778/diff?old=${oldPath}&new=${newPath}`, { signal });
}
