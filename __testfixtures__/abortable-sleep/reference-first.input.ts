/// <reference types="node" />
/** Waits before the next poll. */
export async function pause(signal: AbortSignal): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
