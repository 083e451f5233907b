import { hostname } from 'node:os';

// The caller awaits what the function returns, so the sleep is waited for at once.
export async function cooldown(ms: number, signal: AbortSignal) {
  console.log('cooling down on', hostname());
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
