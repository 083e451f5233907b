export async function getUser(id: string, signal: AbortSignal) {
  const response = await Promise.race([
    fetch(`/users/${id}`, { signal }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}
