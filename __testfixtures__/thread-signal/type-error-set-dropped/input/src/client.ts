export async function getUser(id: string) {
  return fetch(`/users/${id}`);
}

export async function getOrder(id: string) {
  return fetch(`/orders/${id}`);
}
