const shutdown = new AbortController();

export async function get(url: string, signal?: AbortSignal) {
  return fetch(url, { signal: shutdown.signal });
}
