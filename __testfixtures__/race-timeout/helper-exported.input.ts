export function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

export async function getUser(id: string) {
  const response = await Promise.race([fetch(`/users/${id}`), timeout(5000)]);
  return response;
}
