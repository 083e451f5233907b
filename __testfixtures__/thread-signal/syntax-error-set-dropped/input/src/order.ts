export async function getOrder(id: string) {
  return fetch(`/orders/${id}`);
}
