async function post(url: string, body: string, signal?: AbortSignal): Promise<void> {
  await fetch(url, { method: 'POST', body, signal });
}

async function send(url: string, body: string): Promise<void> {
  await post(url, body);
}

export async function run(url: string, signal: AbortSignal, parent: AbortSignal): Promise<void> {
  // Aborted: its own notice must go out without it.
  signal.addEventListener('abort', () => send(`${url}/cancelled`, 'aborted'), { once: true });
  // Another signal's listener: this one can still cancel the call.
  parent.addEventListener('abort', () => send(`${url}/parent`, 'parent aborted'));
  await send(url, 'start');
}
