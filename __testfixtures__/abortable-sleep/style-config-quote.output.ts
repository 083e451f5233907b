import { setTimeout as sleep } from "node:timers/promises";

export async function backoff(attempt: number, signal?: AbortSignal) {
  await sleep(2 ** attempt * 100, undefined, { signal });
}
