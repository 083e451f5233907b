export async function getUser(id: string, signal: AbortSignal) {
  const response = await Promise.race([
    fetch(`/users/${id}`, { headers: { accept: 'application/json' } }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}

export async function getOptional(id: string, options?: { signal?: AbortSignal }) {
  return Promise.race([fetch(`/users/${id}`), new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 2000))]);
}
