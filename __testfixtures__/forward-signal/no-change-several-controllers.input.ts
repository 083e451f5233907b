import { readFile } from 'node:fs/promises';

// A deadline of its own and a controller that combines it with the caller's signal: which one a
// call wants is for a person (the deadline has fired by the time the report is read).
export async function run(command: () => Promise<void>, report: string, timeoutMs: number) {
  const timeoutController = new AbortController();
  const combinedController = new AbortController();
  const timer = setTimeout(() => timeoutController.abort(), timeoutMs);
  timeoutController.signal.addEventListener('abort', () => combinedController.abort());
  await command();
  clearTimeout(timer);
  return readFile(report, 'utf8');
}

// The caller's signal is taken out of the options in the body: the local controller is not the
// only signal the function has.
export async function execute(options: { abortSignal: AbortSignal; path: string }) {
  const { abortSignal: signal, path } = options;
  const inactivity = new AbortController();
  signal.addEventListener('abort', () => inactivity.abort());
  return readFile(path, 'utf8');
}
