export async function poll(url: string, signal?: AbortSignal) {
  return fetch(url, { signal });
}

setInterval(() => {
  void poll('https://example.com/health');
}, 1000);

void poll('https://example.com/start');
