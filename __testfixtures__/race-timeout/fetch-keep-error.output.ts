export class TimeoutError extends Error {}

export async function getUser(id: string) {
  const timeoutSignal = AbortSignal.timeout(5000);
  const response = await fetch(`/users/${id}`, { signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new TimeoutError('user lookup timed out') : error;
  });
  return response;
}
