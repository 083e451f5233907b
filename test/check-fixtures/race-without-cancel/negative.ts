export async function getStock(sku: string, signal: AbortSignal) {
  const response = await fetch(`/stock/${sku}`, { signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)]) });
  return response.json();
}

// A race between two operations, not against a timer.
export function first(a: Promise<number>, b: Promise<number>) {
  return Promise.race([a, b]);
}
