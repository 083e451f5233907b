import { download, get, readCache } from './http.js';

export async function loadUser(id: string, options?: { signal?: AbortSignal | undefined }) {
  const res = await get(`/users/${id}`, { headers: { accept: 'json' }, ...(options?.signal ? { signal: options?.signal } : {}) });
  return res.json();
}

export async function loadTeam(id: string, options?: { signal?: AbortSignal | undefined }) {
  return get(`/teams/${id}`, options?.signal ? { signal: options?.signal } : undefined);
}

export async function loadPage(url: string, options?: { signal?: AbortSignal | undefined }) {
  return download(url, { signal: options?.signal });
}

export async function loadCached(path: string, options?: { signal?: AbortSignal | undefined }) {
  return readCache(path, { encoding: 'utf8', signal: options?.signal });
}

export async function handle(req: Request) {
  return Promise.all([loadUser('1', { signal: req.signal }), loadTeam('2', { signal: req.signal }), loadPage(req.url, { signal: req.signal }), loadCached('/tmp/cache', { signal: req.signal })]);
}

export async function handleWith(id: string, opts: { signal?: AbortSignal }) {
  return loadUser(id, { signal: opts.signal });
}
