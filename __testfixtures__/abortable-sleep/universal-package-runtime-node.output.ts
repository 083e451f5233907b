import { setTimeout as sleep } from 'node:timers/promises';

// The package also builds for browsers, but --runtime node says to treat every file as Node code.
export async function retryFetch(url: string, signal: AbortSignal) {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(url, { signal });
    if (response.ok || attempt === 3) return response;
    await sleep(2 ** attempt * 100, undefined, { signal });
  }
}
