export const loadUser = async (id: string, signal?: AbortSignal) => {
  const response = await fetch(`/users/${id}`, { signal });
  return response.json();
};

export const loadText = async (url: string, signal?: AbortSignal) => (await fetch(url, { signal })).text();

const loadAll = async function (ids: string[], signal?: AbortSignal) {
  return Promise.all(ids.map((id) => loadUser(id, signal)));
};

export const first = async (ids: string[], signal?: AbortSignal) => (await loadAll(ids, signal))[0];

export const short = (url: RequestInfo, signal?: AbortSignal) => fetch(url, { signal });

export async function route(request: Request) {
  await short(request.url, request.signal);
  await loadText(request.url, request.signal);
  return first([request.url], request.signal);
}
