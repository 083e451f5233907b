import { setTimeout as sleep } from 'node:timers/promises'

export async function retry<T>(attempt: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let tries = 0; ; tries++) {
    try {
      return await attempt()
    } catch (error) {
      if (tries === 3) throw error
      await sleep(100 * 2 ** tries, undefined, { signal })
    }
  }
}
