function fetch(url: string, init?: { retries: number }) {
  return Promise.resolve({ url, init });
}

export async function get(url: string, signal: AbortSignal) {
  return fetch(url);
}
