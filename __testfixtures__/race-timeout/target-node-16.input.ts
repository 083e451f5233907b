export async function getUser(id: string) {
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}
