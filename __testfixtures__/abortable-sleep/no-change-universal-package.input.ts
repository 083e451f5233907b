// The package of this file also builds for browsers (see the options): no node: import.
export async function retryFetch(url: string, signal: AbortSignal) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { signal });
    if (response.ok || attempt === 3) return response;
    await new Promise((resolve) => setTimeout(resolve, 2 ** attempt * 100));
  }
}
