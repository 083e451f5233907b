export async function getUser(id: string, signal: AbortSignal) {
  const response = await fetch(`/api/users/${id}`);
  const again = await fetch(`/api/users/${id}`, { headers: { accept: 'application/json' } });
  return [response, again];
}
