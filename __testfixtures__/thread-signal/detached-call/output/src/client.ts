export class Client {
  constructor(private readonly url: string) {}

  async send(body: string, signal?: AbortSignal): Promise<void> {
    const response = await fetch(this.url, { method: 'POST', body, signal });
    if (response.status === 202) {
      // The session's event stream outlives this request.
      this.openStream().catch((error: unknown) => console.error(error));
      void this.openStream();
      return;
    }
    await this.readReply(signal);
  }

  /** The reply is awaited through the promise the rejection is handed on to: not left to run. */
  ping(signal?: AbortSignal): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      this.readReply(signal).then(resolve).catch(reject);
      this.readReply(signal).catch(reject);
    });
  }

  private async openStream(): Promise<void> {
    const response = await fetch(`${this.url}/events`);
    for await (const chunk of response.body ?? []) console.log(chunk);
  }

  private async readReply(signal?: AbortSignal): Promise<string> {
    const response = await fetch(`${this.url}/reply`, { signal });
    return response.text();
  }
}
