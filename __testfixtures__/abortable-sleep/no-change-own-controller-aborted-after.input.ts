export async function compact(client: Client) {
  const eventsAbort = new AbortController();
  const settled = defer();
  const eventLoop = subscribe({ signal: eventsAbort.signal, onEvent: () => settled.resolve() });
  const compacted = await summarize(client);
  if (compacted.error) {
    eventsAbort.abort();
    throw new Error('compaction failed');
  }
  // Nothing aborts eventsAbort while this waits: the function does, right after.
  await Promise.race([settled.promise, sleep(250)]);
  eventsAbort.abort();
  await eventLoop.catch(() => {});
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
