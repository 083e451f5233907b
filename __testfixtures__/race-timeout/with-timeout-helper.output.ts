function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([promise, new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  })]).finally(() => clearTimeout(timer));
}

export async function getUser(id: string) {
  const timeoutSignal = AbortSignal.timeout(5000);
  const response = await fetch(`/users/${id}`, { signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error(`timed out after 5000 ms`) : error;
  });
  return response;
}

export async function compute(job: Promise<number>) {
  return withTimeout(job, 1000);
}
