// A signal typed `| null` goes to node:timers/promises as `signal ?? undefined`.
function delay(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function poll(check: () => boolean, signal: AbortSignal | null) {
  while (!check()) {
    await delay(100);
  }
}

export async function settle({ signal }: { signal?: AbortSignal | null }) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
