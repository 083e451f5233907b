export async function getOrder(id: string, signal?: AbortSignal) {
  return fetch(`/orders/${id}`, { signal });
}
