const error = new Error('request timed out');

export async function ping(url) {
  const timeoutSignal = AbortSignal.timeout(1000);
  await fetch(url, { signal: timeoutSignal }).catch((reason) => {
    throw timeoutSignal.aborted ? error : reason;
  });
}
