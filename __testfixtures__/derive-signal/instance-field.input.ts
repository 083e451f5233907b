interface ClientConfig {
  signal?: AbortSignal;
  timeout: number;
}

export class Client {
  constructor(private readonly config: ClientConfig) {}

  get closed() {
    return this.config.signal?.aborted ?? false;
  }

  async get(url: string) {
    return fetch(url, { signal: AbortSignal.timeout(this.config.timeout) });
  }
}
