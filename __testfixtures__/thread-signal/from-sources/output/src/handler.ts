import { getUser } from './client.js';

export async function handle(request: Request): Promise<Response> {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  return Response.json(await loadUser(id, request.signal));
}

async function loadUser(id: string, signal?: AbortSignal) {
  return getUser(id, signal);
}

export async function nightly(ids: string[]) {
  for (const id of ids) await loadUser(id);
}
