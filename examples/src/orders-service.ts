import { getJson } from './api-client.ts';

export interface OrderSummary {
  id: string;
  total: number;
  items: number;
}

interface Order {
  id: string;
  lines: { price: number; quantity: number }[];
}

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Retries transient failures: three attempts, 200 ms apart. */
export async function getOrderSummary(id: string, signal: AbortSignal): Promise<OrderSummary> {
  let lastError: unknown;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const order = await getJson<Order>(`https://orders.internal/api/orders/${encodeURIComponent(id)}`, { signal });
      return {
        id: order.id,
        total: order.lines.reduce((sum, line) => sum + line.price * line.quantity, 0),
        items: order.lines.length,
      };
    } catch (error) {
      lastError = error;
      // Bug: the caller may have gone away, but we wait (and retry) anyway.
      await sleep(200);
    }
  }
  throw lastError;
}
