export async function getUser(id: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
  return response;
}
