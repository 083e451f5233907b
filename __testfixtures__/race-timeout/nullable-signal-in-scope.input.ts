// A RequestInit signal (or one typed `| null`) joins AbortSignal.any only when present: it throws on null.
export async function get(url: string, init: RequestInit) {
  return await Promise.race([
    fetch(url),
    new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 5000)),
  ]);
}

export async function read(path: string, signal: AbortSignal | null) {
  return await Promise.race([
    fetch(path),
    new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 5000)),
  ]);
}
