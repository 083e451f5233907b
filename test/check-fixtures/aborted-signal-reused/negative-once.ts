export class Client {
  constructor(private readonly options: { signal?: AbortSignal; timeout: number }) {
    // Set up once: no attempt runs this again.
    options.signal = options.signal ? AbortSignal.any([options.signal, AbortSignal.timeout(options.timeout)]) : AbortSignal.timeout(options.timeout);
  }
}
