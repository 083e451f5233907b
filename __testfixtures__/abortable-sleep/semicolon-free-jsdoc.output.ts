import { setTimeout as sleep } from 'node:timers/promises'
import { log } from './log'

/**
 * Waits until the server answers.
 *
 * @example
 *   const res = await waitReady('http://localhost:8080/health');
 */
export async function waitReady(url: string, signal?: AbortSignal) {
  const res = await fetch(url, { signal })
  log('once')
  await sleep(500, undefined, { signal })
  return res
}
