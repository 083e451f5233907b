export async function getUser(id: string, signal: AbortSignal) {
  const timeoutSignal = AbortSignal.timeout(5000);
  const response = await fetch(`/users/${id}`, { headers: { accept: 'application/json' }, signal: AbortSignal.any([signal, timeoutSignal]) }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('timeout') : error;
  });
  return response;
}

export async function getOptional(id: string, options?: { signal?: AbortSignal }) {
  const timeoutSignal = AbortSignal.timeout(2000);
  return fetch(`/users/${id}`, { signal: options?.signal ? AbortSignal.any([options?.signal, timeoutSignal]) : timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('timeout') : error;
  });
}
