export async function getUser(id: string) {
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return response;
}

export const load = (url: string) => Promise.race([fetch(url), new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 100))]);
