export async function getUser(id: string, signal: AbortSignal) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const response = await Promise.race([
    fetch(`/users/${id}`),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
  return response;
}

export async function getTeam(id: string) {
  const timeoutSignal = AbortSignal.timeout(5000);
  const response = await fetch(`/teams/${id}`, { signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('timeout') : error;
  });
  return response;
}
