export class Client {
  private readonly controller = new AbortController();

  async get(url: string, signal?: AbortSignal) {
    return fetch(url, { signal: this.controller.signal });
  }
}
