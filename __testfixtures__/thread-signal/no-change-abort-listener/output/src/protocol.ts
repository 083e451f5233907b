export interface SendOptions {
  relatedRequestId?: number;
  requestSignal?: AbortSignal;
}

export interface Transport {
  send(message: object, options?: SendOptions): Promise<void>;
}

export interface RequestOptions {
  signal?: AbortSignal;
  timeout?: number;
}

export class Protocol {
  constructor(private readonly transport: Transport) {}

  request(method: string, options?: RequestOptions): Promise<unknown> {
    let onAbort: (() => void) | undefined;
    return new Promise((resolve, reject) => {
      const messageId = Math.random();
      const cancel = (reason: unknown) => {
        this.transport
          .send({ method: 'notifications/cancelled', params: { requestId: messageId, reason: String(reason) } }, { relatedRequestId: messageId })
          .catch(() => undefined);
        reject(reason);
      };

      onAbort = () => cancel(options?.signal?.reason);
      options?.signal?.addEventListener('abort', onAbort, { once: true });

      const timeoutHandler = () => cancel(new Error('Request timed out'));
      setTimeout(timeoutHandler, options?.timeout ?? 60_000);
      resolve(method);
    }).finally(() => {
      if (onAbort) options?.signal?.removeEventListener('abort', onAbort);
    });
  }
}

/** Every way of registering a listener, with the listener inline or named. */
export function watch(url: string, signal: AbortSignal): void {
  const notify = () => fetch(`${url}/cancelled`, { method: 'POST' });
  function report() {
    void fetch(`${url}/report`, { method: 'POST' });
  }
  signal.addEventListener('abort', notify, { once: true });
  signal.addEventListener('abort', report);
  signal.addEventListener('abort', () => fetch(`${url}/closed`, { method: 'POST' }));
  signal.onabort = () => {
    void fetch(`${url}/aborted`, { method: 'POST' });
  };
}
