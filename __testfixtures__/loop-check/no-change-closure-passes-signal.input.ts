export async function fetchFollowingRedirects(url: string, customFetch: typeof fetch | undefined, abortSignal?: AbortSignal) {
  const perHopInit = (redirect: RequestRedirect): RequestInit => ({ signal: abortSignal, redirect });
  let current = url;
  for (let hop = 0; hop < 5; hop++) {
    const fetchImpl = customFetch ?? (await getDefaultFetch());
    const response = await fetchImpl(current, perHopInit('manual'));
    const location = response.headers.get('location');
    if (!location) return response;
    await cancelBody(response);
    current = new URL(location, current).toString();
  }
  throw new Error('too many redirects');
}
