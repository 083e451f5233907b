export class Poller {
  constructor(options) {
    this.options = options;
  }

  stop() {
    return this.options.signal?.aborted;
  }

  async poll(url) {
    const controller = new AbortController();
    this.current = controller;
    return fetch(url, { signal: controller.signal });
  }
}
