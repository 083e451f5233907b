// A RequestInit signal (or one typed `| null`) joins AbortSignal.any only when present: it throws on null.
export async function get(url: string, init: RequestInit) {
  const timeoutSignal = AbortSignal.timeout(5000);
  return await fetch(url, { signal: init.signal ? AbortSignal.any([init.signal, timeoutSignal]) : timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('slow') : error;
  });
}

export async function read(path: string, signal: AbortSignal | null) {
  const timeoutSignal = AbortSignal.timeout(5000);
  return await fetch(path, { signal: signal ? AbortSignal.any([signal, timeoutSignal]) : timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('slow') : error;
  });
}
