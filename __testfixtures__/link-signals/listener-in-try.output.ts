export class Client {
  async request(url: string, signal: AbortSignal) {
    const linkedSignal = AbortSignal.any([signal]);
    const response = await fetch(url, { signal: linkedSignal });
    return await response.json();
  }
}
