export class Crawler {
  constructor(private readonly shutdownSignal: AbortSignal) {}

  async crawl(url: string, signal: AbortSignal): Promise<string> {
    const ac = new AbortController();
    this.shutdownSignal.addEventListener('abort', () => ac.abort());
    signal.addEventListener('abort', () => ac.abort());
    const response = await fetch(url, { signal: ac.signal });
    return response.text();
  }
}
