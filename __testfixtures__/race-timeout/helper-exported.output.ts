export function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
}

export async function getUser(id: string) {
  const timeoutSignal = AbortSignal.timeout(5000);
  const response = await fetch(`/users/${id}`, { signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('timeout') : error;
  });
  return response;
}
