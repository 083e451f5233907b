export class Session {
  constructor(private readonly url: string) {}

  /** The request's signal: `accept` has none of its own. */
  async post(body: string, signal?: AbortSignal): Promise<void> {
    await fetch(this.url, { method: 'POST', body, signal });
    await this.accept();
  }

  /** Opens the session's stream, left to run past this request: not threaded for it. */
  private async accept(): Promise<void> {
    this.openStream().catch((error: unknown) => console.error(error));
    void this.openStream();
  }

  /** The same left-to-run call next to work that is awaited: threaded for that one only. */
  async reply(signal?: AbortSignal): Promise<string> {
    return this.answer(signal);
  }

  private async answer(signal?: AbortSignal): Promise<string> {
    this.openStream().catch((error: unknown) => console.error(error));
    const response = await fetch(`${this.url}/reply`, { signal });
    return response.text();
  }

  /** A rejection handed to what the caller awaits: not left to run, threaded. */
  async wait(signal?: AbortSignal): Promise<void> {
    await this.settle(signal);
  }

  private settle(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.openStream(signal).then(resolve).catch(reject);
    });
  }

  private async openStream(signal?: AbortSignal): Promise<void> {
    const response = await fetch(`${this.url}/events`, { signal });
    for await (const chunk of response.body ?? []) console.log(chunk);
  }
}
