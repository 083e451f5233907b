import { once } from 'node:events';

export async function waitForDrain(stream: NodeJS.WritableStream, signal: AbortSignal) {
  await once(stream, 'drain', { signal: AbortSignal.any([signal, AbortSignal.timeout(5000)]) });
}

export async function waitForClose(stream: NodeJS.WritableStream) {
  await once(stream, 'close', { signal: AbortSignal.timeout(TIMEOUT_MS) });
}
