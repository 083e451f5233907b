export async function sync(items: string[], signal: AbortSignal) {
  for (const item of items) {
    if (item.startsWith('#')) continue;
    {
      const linkedSignal = AbortSignal.any([signal]);
      await push(item, linkedSignal);
    }
  }
}
