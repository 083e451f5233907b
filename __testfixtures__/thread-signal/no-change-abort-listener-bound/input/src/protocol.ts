export interface SendOptions {
  requestSignal?: AbortSignal;
}

export interface Transport {
  send(message: object, options?: SendOptions): Promise<void>;
}

/** Listeners given as a bound function or as a member of the class: they run once the signal has aborted. */
export class Protocol {
  constructor(private readonly transport: Transport) {}

  request(method: string, signal?: AbortSignal): Promise<void> {
    const cancel = (reason: string) => this.transport.send({ method: 'notifications/cancelled', params: { method, reason } });
    function report(this: Protocol) {
      return this.transport.send({ method: 'notifications/message', params: { text: `${method} aborted` } });
    }
    signal?.addEventListener('abort', cancel.bind(undefined, 'aborted'), { once: true });
    signal?.addEventListener('abort', report.bind(this), { once: true });
    signal?.addEventListener('abort', this.onAbort, { once: true });
    signal?.addEventListener('abort', this.onStop.bind(this), { once: true });
    signal?.addEventListener(
      'abort',
      function (this: Protocol) {
        return this.transport.send({ method: 'notifications/closed' });
      }.bind(this),
      { once: true },
    );
    return this.transport.send({ method }, { requestSignal: signal });
  }

  private readonly onAbort = (): Promise<void> => this.transport.send({ method: 'notifications/aborted' });

  private onStop(): Promise<void> {
    return this.transport.send({ method: 'notifications/stopped' });
  }
}
