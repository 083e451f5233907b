interface ClientConfig {
  signal?: AbortSignal;
  timeout: number;
}

export class Client {
  private config: ClientConfig = { timeout: 5000 };

  get closed() {
    return this.config.signal?.aborted ?? false;
  }

  async reconnect(url: string, config: Omit<ClientConfig, 'signal'>) {
    this.config = { ...config };
    return fetch(url, { signal: AbortSignal.timeout(this.config.timeout) });
  }
}
