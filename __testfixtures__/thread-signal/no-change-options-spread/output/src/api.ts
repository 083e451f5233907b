interface RequestOptions {
  url: string;
  headers?: HeadersInit;
  signal?: AbortSignal | null;
}

export class Api {
  async request(options: RequestOptions) {
    return fetch(options.url, { headers: options.headers ?? {}, signal: options.signal ?? null });
  }

  /** The caller's init, signal and all, is spread into the options. */
  async get(url: string, init: RequestInit = {}) {
    return this.request({ ...init, headers: { accept: 'application/json' }, url });
  }

  /** A Request's properties do not spread: its signal would be lost. */
  async forward(url: string, original: Request) {
    return this.request({ ...original, url });
  }

  /** The signal spread in when there is one: `{ signal }` or nothing. */
  async head(url: string, signal?: AbortSignal) {
    return this.request({ ...(signal ? { signal } : {}), url });
  }
}
