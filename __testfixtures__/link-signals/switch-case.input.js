export async function handle(command, signal) {
  switch (command.type) {
    case 'fetch': {
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort());
      return fetch(command.url, { signal: controller.signal });
    }
    case 'exec':
      const controller2 = new AbortController();
      signal.addEventListener('abort', () => controller2.abort());
      return exec(command.line, { signal: controller2.signal });
    default:
      return undefined;
  }
}
