export class Runner {
  protected async fromStream(readable: ReadableStream<Event>, options?: { signal?: AbortSignal }) {
    this.listenForAbort(options?.signal);
    for await (const event of this.read(readable)) {
      this.add(event);
    }
  }

  async watch(queue: Queue, signal: AbortSignal) {
    track(signal);
    while (queue.open) {
      await queue.next();
    }
  }
}
