export const api = {
  async get(path: string, signal?: AbortSignal) {
    return fetch(`https://example.com${path}`, { signal });
  },
  list: async (path: string, signal?: AbortSignal) => {
    const response = await fetch(`https://example.com${path}?all=1`, { headers: { accept: 'application/json' }, signal });
    return response.json();
  },
};

export async function sync(options: { signal?: AbortSignal; path: string }) {
  await api.get(options.path, options.signal);
  return api.list(options.path, options.signal);
}
