import { download, get, readCache } from './http.js';

export async function loadUser(id: string, signal?: AbortSignal) {
  const res = await get(`/users/${id}`, { headers: { accept: 'json' }, ...(signal ? { signal } : {}) });
  return res.json();
}

export async function loadTeam(id: string, signal?: AbortSignal) {
  return get(`/teams/${id}`, signal ? { signal } : undefined);
}

export async function loadPage(url: string, signal?: AbortSignal) {
  return download(url, signal);
}

export async function loadCached(path: string, signal?: AbortSignal) {
  return readCache(path, { encoding: 'utf8' }, signal);
}

export async function handle(req: Request) {
  return Promise.all([loadUser('1', req.signal), loadTeam('2', req.signal), loadPage(req.url, req.signal), loadCached('/tmp/cache', req.signal)]);
}

export async function handleWith(id: string, opts: { signal?: AbortSignal }) {
  return loadUser(id, opts.signal);
}
