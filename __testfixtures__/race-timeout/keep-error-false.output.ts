export async function getUser(id: string) {
  const response = await fetch(`/users/${id}`, { signal: AbortSignal.timeout(5000) });
  return response;
}

export const load = (url: string) => fetch(url, { signal: AbortSignal.timeout(100) });
