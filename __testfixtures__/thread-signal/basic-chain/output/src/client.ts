export async function getUser(id: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(`https://api.example.com/users/${id}`, { signal });
  return response.json();
}

export async function getOrders(id: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(`https://api.example.com/orders/${id}`, { method: 'GET', signal });
  return response.json();
}
