export class Client {
  private options: { signal?: AbortSignal; timeout: number; retries: number } = { timeout: 1000, retries: 2 };

  async send(url: string, attempt = 0): Promise<Response> {
    this.options.signal = this.options.signal ? AbortSignal.any([this.options.signal, AbortSignal.timeout(this.options.timeout)]) : AbortSignal.timeout(this.options.timeout);
    try {
      return await fetch(url, { signal: this.options.signal });
    } catch (error) {
      if (attempt < this.options.retries) return this.send(url, attempt + 1);
      throw error;
    }
  }
}
