export class Client {
  async request(url: string, signal: AbortSignal) {
    const controller = new AbortController();
    const onAbort = () => controller.abort();
    try {
      signal.addEventListener('abort', onAbort);
      const response = await fetch(url, { signal: controller.signal });
      return await response.json();
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  }
}
