export async function withCaller(url: string, signal: AbortSignal) {
  const timeoutSignal = AbortSignal.timeout(3000);
  return await fetch(url, { signal: timeoutSignal });
}

export async function alone(url: string) {
  const signal = AbortSignal.timeout(3000);
  return await fetch(url, { signal });
}
