import { loadProfile } from './service.js';

export async function handle(request: Request): Promise<Response> {
  const id = new URL(request.url).searchParams.get('id') ?? '';
  return Response.json(await loadProfile(id, request.signal));
}
