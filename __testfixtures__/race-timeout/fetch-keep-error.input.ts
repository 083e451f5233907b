export class TimeoutError extends Error {}

export async function getUser(id: string) {
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => setTimeout(() => reject(new TimeoutError('user lookup timed out')), 5000)),
  ]);
  return response;
}
