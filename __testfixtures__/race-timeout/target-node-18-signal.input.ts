export async function getUser(id: string, signal: AbortSignal) {
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}

export async function getTeam(id: string) {
  const response = await Promise.race([
    fetch(`/teams/${id}`),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}
