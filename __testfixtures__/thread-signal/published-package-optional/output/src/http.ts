/** Not exported by the package's entry, but exported from its module: its callers may be anywhere. */
export async function getJson(url: string, signal?: AbortSignal) {
  return (await fetch(url, { signal })).json();
}

async function getText(url: string, signal?: AbortSignal) {
  return (await fetch(url, { signal })).text();
}

export const ping = (host: string, signal?: AbortSignal) => getText(`https://${host}/ping`, signal);

/** Only called with a signal that is always there: the parameter can be required. */
async function getBytes(url: string, signal?: AbortSignal) {
  return (await fetch(url, { signal })).arrayBuffer();
}

async function mirror(request: Request) {
  return new Response(await getBytes(request.url, request.signal));
}

export const worker = { fetch: mirror };
