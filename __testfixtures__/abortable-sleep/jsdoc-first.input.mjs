// @ts-check

/**
 * Waits before the next poll.
 * @param {AbortSignal} signal
 */
export async function pause(signal) {
  await new Promise((resolve) => setTimeout(resolve, 100));
}
