export const load = async function signal(url: string, retries: number): Promise<Response> {
  const timeoutSignal = AbortSignal.timeout(5000);
  try {
    return await fetch(url, { signal: timeoutSignal });
  } catch (error) {
    if (retries > 0) return signal(url, retries - 1);
    throw error;
  }
};

export async function withCallback(make: (signal: AbortSignal) => Promise<Response>) {
  const timeoutSignal = AbortSignal.timeout(5000);
  return await make(timeoutSignal);
}

export async function beforeLaterDeclaration(url: string) {
  const timeoutSignal = AbortSignal.timeout(5000);
  return await fetch(url, { signal: timeoutSignal, headers: { 'x-signal': String(signal) } });
}

var signal = 'SIGTERM';
