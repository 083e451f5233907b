export async function getUser(id: string, timeoutMs: number) {
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), timeoutMs / 2)),
  ]);
  return response;
}
