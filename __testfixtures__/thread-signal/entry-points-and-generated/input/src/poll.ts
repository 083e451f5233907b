export async function poll(url: string) {
  return fetch(url);
}

setInterval(() => {
  void poll('https://example.com/health');
}, 1000);

void poll('https://example.com/start');
