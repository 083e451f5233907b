export async function crawl(pages: Page[], signal: AbortSignal) {
  outer: for (const page of pages) {
    signal.throwIfAborted();
    await page.load();
    for (const link of page.links) {
      signal.throwIfAborted();
      if (link.external) continue outer;
      await visit(link);
    }
  }
  for (const batch of batches) {
    for (const item of batch) {
      signal.throwIfAborted();
      await save(item);
    }
  }
}
