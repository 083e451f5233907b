export class Job {
  start(signal) {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort(), { once: true });
    this.controller = controller;
    return run(controller.signal);
  }
}
