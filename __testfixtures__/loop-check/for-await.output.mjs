import { on } from 'node:events';

export async function follow(stream, emitter, signal) {
  for await (const chunk of stream) {
    signal?.throwIfAborted();
    process(chunk);
  }
  for await (const [event] of on(emitter, 'data', { signal })) {
    await process(event);
  }
}
