import { EventEmitter } from 'node:events';

export async function retry(emitter: EventEmitter, attempts: number, signal: AbortSignal) {
  for (let i = 0; i < attempts; i++) {
    emitter.emit('attempt', i);
    await new Promise((resolve) => setTimeout(resolve, 100 * i));
    await new Promise<void>((resolve) => setTimeout(() => resolve(), 50));
    await new Promise(function (resolve) {
      setTimeout(resolve, 25);
    });
    await new Promise<void>((done) => {
      setTimeout(() => {
        done();
      }, 10);
    });
  }
}
