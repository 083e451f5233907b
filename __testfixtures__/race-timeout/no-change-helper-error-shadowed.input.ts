class TimeoutError extends Error {}

function timeout(ms: number) {
  return new Promise<never>((_, reject) => setTimeout(() => reject(new TimeoutError('timed out')), ms));
}

export async function getUser(url: string) {
  const TimeoutError = 'shadow';
  const response = await Promise.race([fetch(url), timeout(100)]);
  return { response, TimeoutError };
}
