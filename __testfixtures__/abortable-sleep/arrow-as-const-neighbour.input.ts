export const makeDefaults = () => ({
  retries: 3,

  delayMs: 100,
}) as const;

export const makeLimits = () => ({ max: 10, min: 1, }) satisfies Record<string, number>;

export async function retry(task: () => Promise<void>, signal: AbortSignal) {
  const { retries, delayMs } = makeDefaults();
  for (let attempt = 0; attempt < retries; attempt++) {
    await task();
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
}
