/**
 * Status page probe.
 */

/** Reads the status page, a second time if the first read fails. */
async function readTwice(url: string) {
  const first = await fetch(url).catch(() => undefined);
  return first ?? fetch(url);
}

export async function statusHandler(request: Request) {
  return readTwice(new URL('/status', request.url).href);
}
