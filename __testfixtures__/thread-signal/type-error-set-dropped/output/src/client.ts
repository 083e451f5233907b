export async function getUser(id: string) {
  return fetch(`/users/${id}`);
}

export async function getOrder(id: string, signal?: AbortSignal) {
  return fetch(`/orders/${id}`, { signal });
}
