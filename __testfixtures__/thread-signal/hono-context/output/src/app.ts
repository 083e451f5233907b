/** The shape of a Hono context: the Fetch Request is `c.req.raw`. */
interface Context {
  req: { raw: Request; param(name: string): string };
  json(value: unknown): Response;
}

async function getItem(id: string, signal?: AbortSignal) {
  return (await fetch(`https://items.example.com/${id}`, { signal })).json();
}

export async function itemRoute(c: Context) {
  return c.json(await getItem(c.req.param('id'), c.req.raw.signal));
}
