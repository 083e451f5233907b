/** Not exported by the package's entry, but exported from its module: its callers may be anywhere. */
export async function getJson(url: string) {
  return (await fetch(url)).json();
}

async function getText(url: string) {
  return (await fetch(url)).text();
}

export const ping = (host: string) => getText(`https://${host}/ping`);

/** Only called with a signal that is always there: the parameter can be required. */
async function getBytes(url: string) {
  return (await fetch(url)).arrayBuffer();
}

async function mirror(request: Request) {
  return new Response(await getBytes(request.url));
}

export const worker = { fetch: mirror };
