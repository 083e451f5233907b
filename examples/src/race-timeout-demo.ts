import { readFile } from 'node:fs/promises';

export class InventoryTimeoutError extends Error {}

/**
 * Looks up stock with a five-second limit. The race rejects on time, but the request goes on
 * in the background, and the timer keeps running after a fast answer.
 */
export async function getStock(sku: string, signal: AbortSignal): Promise<number> {
  const response = await Promise.race([
    fetch(`https://inventory.internal/api/stock/${sku}`),
    new Promise<never>((_, reject) => setTimeout(() => reject(new InventoryTimeoutError(`stock of ${sku}`)), 5_000)),
  ]);
  return ((await response.json()) as { count: number }).count;
}

/** Reads the price list, giving up after a second; the read itself is never stopped. */
export async function loadPriceList(path: string): Promise<string> {
  return Promise.race([readFile(path, 'utf8'), timeout(1_000)]);
}

function timeout(ms: number): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
}

/** A quote for a request: it has the request's signal, but the price-list read below cannot take it. */
export async function quote(sku: string, signal: AbortSignal): Promise<string> {
  const [stock, prices] = await Promise.all([getStock(sku, signal), loadPriceList('./prices.csv')]);
  return `${sku}: ${stock} in stock, ${prices.split('\n').find((line) => line.startsWith(`${sku},`)) ?? 'no price'}`;
}
