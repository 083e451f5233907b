interface ClientConfig {
  signal?: AbortSignal;
}

export class Client {
  constructor(private readonly config: ClientConfig) {}

  get closed() {
    return this.config.signal?.aborted ?? false;
  }

  poll(url: string) {
    return setInterval(function (this: unknown) {
      void fetch(url, { signal: AbortSignal.timeout(1000) });
    }, 5000);
  }
}
