/// <reference types="node" />
import { setTimeout as sleep } from "node:timers/promises";

/** Waits before the next poll. */
export async function pause(signal: AbortSignal): Promise<void> {
  await sleep(100, undefined, { signal });
}
