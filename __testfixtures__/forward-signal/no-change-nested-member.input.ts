import { readFile } from 'node:fs/promises';

interface Plain {
  options: { retries: number };
}

interface Named {
  options: { signal: string };
}

// The type says `options` has no signal.
export async function plain(context: Plain, path: string) {
  return readFile(path, 'utf8');
}

// A `signal` that is not an AbortSignal.
export async function named(context: Named, path: string) {
  return readFile(path, 'utf8');
}

// No read of context.options.signal and no type to say there is one.
export async function untyped(context: any, path: string) {
  return readFile(path, 'utf8');
}

// The name is rebound at the call: `context` there is not the parameter.
export async function shadowed(context: { options: { signal?: AbortSignal } }, paths: string[]) {
  return paths.map((context) => readFile(context, 'utf8'));
}

export class Poller {
  config = { signal: undefined as AbortSignal | undefined };

  read(path: string) {
    if (this.config.signal?.aborted) return;
    // A `function` has a `this` of its own: not the instance.
    return function (this: unknown) {
      return readFile(path, 'utf8');
    };
  }
}
