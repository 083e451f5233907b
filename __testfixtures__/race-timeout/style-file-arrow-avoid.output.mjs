export async function get(urls) {
  const ok = urls.filter(url => url.startsWith('https:'));
  const timeoutSignal = AbortSignal.timeout(2000);
  const res = await fetch(ok[0], { signal: timeoutSignal }).catch(error => {
    throw timeoutSignal.aborted ? new Error('timed out') : error;
  });
  return res;
}
