import { once } from 'node:events';

/** Resolves when the emitter's 'abort' fires: a signal option would make it reject then instead. */
export async function waitForStop(emitter: EventTarget) {
  await once(emitter, 'abort');
}
