export async function handle(command, signal) {
  switch (command.type) {
    case 'fetch': {
      const linkedSignal = AbortSignal.any([signal]);
      return fetch(command.url, { signal: linkedSignal });
    }
    case 'exec':
      const linkedSignal2 = AbortSignal.any([signal]);
      return exec(command.line, { signal: linkedSignal2 });
    default:
      return undefined;
  }
}
