// Only the call outside the listener gets the signal: inside it, the signal has already aborted.
export async function run(url: string, signal: AbortSignal, parent: AbortSignal): Promise<void> {
  signal.addEventListener('abort', () => fetch(`${url}/cancelled`, { method: 'POST' }), { once: true });
  parent.addEventListener('abort', () => fetch(`${url}/parent`, { method: 'POST' }));
  await fetch(url);
}
