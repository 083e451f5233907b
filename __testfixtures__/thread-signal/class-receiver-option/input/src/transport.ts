export interface SendOptions {
  /** Cancels the request that carries this message; a transport with one shared channel ignores it. */
  requestSignal?: AbortSignal;
}

export interface Transport {
  send(message: string, options?: SendOptions): Promise<void>;
}

/** One shared pipe: a message cannot be taken back once written, so the option is not read. */
export class PipeTransport implements Transport {
  async send(message: string, _options?: SendOptions): Promise<void> {
    process.stdout.write(`${message}\n`);
  }
}

/** One POST per message: the option cancels it. */
export class HttpTransport implements Transport {
  constructor(private readonly url: string) {}

  async send(message: string, options?: SendOptions): Promise<void> {
    await fetch(this.url, { method: 'POST', body: message, signal: options?.requestSignal });
  }
}
