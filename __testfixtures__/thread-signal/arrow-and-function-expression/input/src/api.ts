export const loadUser = async (id: string) => {
  const response = await fetch(`/users/${id}`);
  return response.json();
};

export const loadText = async (url: string) => (await fetch(url)).text();

const loadAll = async function (ids: string[]) {
  return Promise.all(ids.map((id) => loadUser(id)));
};

export const first = async (ids: string[]) => (await loadAll(ids))[0];

export const short = (url: RequestInfo) => fetch(url);

export async function route(request: Request) {
  await short(request.url);
  await loadText(request.url);
  return first([request.url]);
}
