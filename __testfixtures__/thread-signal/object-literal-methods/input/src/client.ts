export const api = {
  async get(path: string) {
    return fetch(`https://example.com${path}`);
  },
  list: async (path: string) => {
    const response = await fetch(`https://example.com${path}?all=1`, { headers: { accept: 'application/json' } });
    return response.json();
  },
};

export async function sync(options: { signal?: AbortSignal; path: string }) {
  await api.get(options.path);
  return api.list(options.path);
}
