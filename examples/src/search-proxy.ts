/**
 * Fans a search out to every shard. Written before AbortSignal.any existed: each request links
 * its own controller to the server's shutdown signal and to the caller's signal by hand, and the
 * listeners stay on the long-lived shutdown signal after every search.
 */
export const shutdown = new AbortController();

export async function searchShard(shard: string, query: string, signal: AbortSignal): Promise<unknown> {
  const controller = new AbortController();
  shutdown.signal.addEventListener('abort', () => controller.abort());
  signal.addEventListener('abort', () => controller.abort());
  const timer = setTimeout(() => controller.abort(), 2_000);
  try {
    const response = await fetch(`${shard}/search?q=${encodeURIComponent(query)}`, { signal: controller.signal });
    return await response.json();
  } finally {
    clearTimeout(timer);
  }
}

export async function searchAll(shards: string[], query: string, signal: AbortSignal) {
  const log = openSearchLog(query);
  signal.addEventListener('abort', () => log.write('cancelled'));
  try {
    return await Promise.all(shards.map((shard) => searchShard(shard, query, signal)));
  } finally {
    log.close();
  }
}

function openSearchLog(query: string) {
  return {
    write: (line: string) => console.info(`[${query}] ${line}`),
    close: () => console.info(`[${query}] settled`),
  };
}
