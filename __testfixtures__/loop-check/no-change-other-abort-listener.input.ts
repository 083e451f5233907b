export async function crawl(pages: Page[], signal: AbortSignal) {
  signal.addEventListener('abort', onAbort, { once: true });
  for (const page of pages) {
    await page.load();
  }
}
