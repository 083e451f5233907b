export async function getStock(sku: string, signal: AbortSignal) {
  const response = await Promise.race([
    fetch(`/stock/${sku}`, { signal }),
    new Promise<never>((_, reject) => setTimeout(() => reject(new Error('slow')), 5_000)),
  ]);
  return response.json();
}
