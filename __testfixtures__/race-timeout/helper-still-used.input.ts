const timeout = (ms: number) => new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));

export async function getUser(id: string) {
  const response = await Promise.race([fetch(`/users/${id}`), timeout(5000)]);
  return response;
}

export async function compute(job: Promise<number>) {
  return await Promise.race([job, timeout(1000)]);
}
