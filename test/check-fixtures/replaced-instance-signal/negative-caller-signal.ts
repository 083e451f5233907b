interface ClientConfig {
  signal?: AbortSignal;
}

// The method's own caller passes a signal: that one is derived from (replaced-signal), not the object's.
export class Client {
  constructor(private readonly config: ClientConfig) {}

  get closed() {
    return this.config.signal?.aborted ?? false;
  }

  async get(url: string, signal?: AbortSignal) {
    return fetch(url, { signal: AbortSignal.timeout(5000) });
  }
}
