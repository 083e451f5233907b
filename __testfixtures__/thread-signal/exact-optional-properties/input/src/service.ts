import { download, get, readCache } from './http.js';

export async function loadUser(id: string) {
  const res = await get(`/users/${id}`, { headers: { accept: 'json' } });
  return res.json();
}

export async function loadTeam(id: string) {
  return get(`/teams/${id}`);
}

export async function loadPage(url: string) {
  return download(url);
}

export async function loadCached(path: string) {
  return readCache(path, { encoding: 'utf8' });
}

export async function handle(req: Request) {
  return Promise.all([loadUser('1'), loadTeam('2'), loadPage(req.url), loadCached('/tmp/cache')]);
}

export async function handleWith(id: string, opts: { signal?: AbortSignal }) {
  return loadUser(id);
}
