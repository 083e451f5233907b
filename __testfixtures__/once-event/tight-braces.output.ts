import {EventEmitter, once} from 'node:events';

type Options = {signal?: AbortSignal};

export async function ready(emitter: EventEmitter, {signal}: Options = {}) {
  await once(emitter, 'ready', {signal});
}
