export async function sync(items: string[], signal: AbortSignal) {
  for (const item of items) {
    if (item.startsWith('#')) continue;
    {
      const controller = new AbortController();
      signal.addEventListener('abort', () => controller.abort());
      await push(item, controller.signal);
    }
  }
}
