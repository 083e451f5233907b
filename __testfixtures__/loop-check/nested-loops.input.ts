export async function crawl(pages: Page[], signal: AbortSignal) {
  outer: for (const page of pages) {
    await page.load();
    for (const link of page.links) {
      if (link.external) continue outer;
      await visit(link);
    }
  }
  for (const batch of batches) {
    for (const item of batch) {
      await save(item);
    }
  }
}
