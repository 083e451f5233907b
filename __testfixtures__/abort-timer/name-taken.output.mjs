const signal = 'SIGTERM';

export async function download(url) {
  const timeoutSignal = AbortSignal.timeout(30_000);
  const response = await fetch(url, { signal: timeoutSignal });
  return Buffer.from(await response.arrayBuffer());
}

export function stop(child) {
  child.kill(signal);
}
