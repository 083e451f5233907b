export async function getUser(id: string, signal: AbortSignal) {
  const response = await fetch(`/api/users/${id}`, { signal });
  const again = await fetch(`/api/users/${id}`, { headers: { accept: 'application/json' }, signal });
  return [response, again];
}
