export async function drain(items: string[], signal?: AbortSignal) {
  for (const item of items) await handle(item);
}
