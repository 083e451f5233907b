export async function search(query: string, signal: AbortSignal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  const results = await index.search(query, { signal: controller.signal });
  if (results.length > 100) controller.abort();
  return results;
}
