import { createServer } from 'node:http';

export async function warmUp({ delayMs, signal }: { delayMs: number; signal?: AbortSignal }) {
  await new Promise((resolve) => setTimeout(resolve, delayMs));
  return createServer();
}

export const drain = async ({ signal: abortSignal }: { signal: AbortSignal }) => {
  await new Promise((resolve) => setTimeout(resolve, 1_000));
};
