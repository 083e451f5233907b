/** Reads `arguments`: an extra argument would change what it logs. */
export function send(event: string, detail?: string) {
  const parts = Array.from(arguments).join(' ');
  return fetch('https://log.example.com', { method: 'POST', body: parts });
}

/** Its arity is read: `length` would change with a new parameter. */
export async function ping(host: string) {
  return fetch(`https://${host}/ping`);
}

export const pingArity = ping.length;

/** Called with `.call`: that call would not pass the signal. */
export async function check(this: { base: string }, path: string) {
  return fetch(`${this.base}/${path}`);
}

export async function handler(request: Request) {
  await send('start');
  await ping('example.com');
  return check.call({ base: 'https://api.example.com' }, 'health');
}

/** A property named `arguments` is no read of the function's `arguments`: threaded as usual. */
export async function callTool(name: string, args: Record<string, unknown>) {
  const request = { method: 'tools/call', params: { name, arguments: args } };
  return fetch('https://tools.example.com', { method: 'POST', body: JSON.stringify(request.params.arguments) });
}

export async function tool(request: Request) {
  return callTool('diff', { path: new URL(request.url).pathname });
}
