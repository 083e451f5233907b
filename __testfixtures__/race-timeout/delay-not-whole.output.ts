export async function getUser(id: string, timeoutMs: number) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), timeoutMs / 2);
    }),
  ]).finally(() => clearTimeout(timer));
  return response;
}
