import {EventEmitter} from 'node:events';

type Options = {signal?: AbortSignal};

export async function ready(emitter: EventEmitter, {signal}: Options = {}) {
  await new Promise((resolve, reject) => {
    emitter.once('ready', resolve);
    emitter.once('error', reject);
  });
}
