function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}

export async function getUser(id: string) {
  const response = await withTimeout(fetch(`/users/${id}`), 5000);
  return response;
}

export async function compute(job: Promise<number>) {
  return withTimeout(job, 1000);
}
