const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

export async function getUser(id: string) {
  const timeoutSignal = AbortSignal.timeout(5000);
  const response = await fetch(`/users/${id}`, { signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('timeout') : error;
  });
  return response;
}

export async function compute(job: Promise<number>) {
  return await Promise.race([job, timeout(1000)]);
}
