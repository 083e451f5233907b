export class Client {
  private controller = new AbortController();

  async get(url: string) {
    const timer = setTimeout(() => this.controller.abort(), 3000);
    try {
      return await fetch(url, { signal: this.controller.signal });
    } finally {
      clearTimeout(timer);
    }
  }
}
