import { waitForStop } from './wait.js';

export async function handler(signal: AbortSignal) {
  await waitForStop(signal);
  return signal.reason;
}
