export class Crawler {
  constructor(private readonly shutdownSignal: AbortSignal) {}

  async crawl(url: string, signal: AbortSignal): Promise<string> {
    const linkedSignal = AbortSignal.any([this.shutdownSignal, signal]);
    const response = await fetch(url, { signal: linkedSignal });
    return response.text();
  }
}
