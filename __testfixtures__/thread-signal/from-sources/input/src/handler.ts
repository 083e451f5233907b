import { getUser } from './client.js';

export async function handle(request: Request): Promise<Response> {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  return Response.json(await loadUser(id));
}

async function loadUser(id: string) {
  return getUser(id);
}

export async function nightly(ids: string[]) {
  for (const id of ids) await loadUser(id);
}
