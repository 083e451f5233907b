export class Poller {
  private readonly controller = new AbortController();

  // The poller's own lifetime, shared by every call: whether a caller's signal belongs here is a design question.
  async tick(url: string, signal?: AbortSignal) {
    return fetch(url, { signal: this.controller.signal });
  }

  close() {
    this.controller.abort();
  }
}
