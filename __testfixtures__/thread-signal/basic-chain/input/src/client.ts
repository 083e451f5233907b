export async function getUser(id: string): Promise<unknown> {
  const response = await fetch(`https://api.example.com/users/${id}`);
  return response.json();
}

export async function getOrders(id: string): Promise<unknown> {
  const response = await fetch(`https://api.example.com/orders/${id}`, { method: 'GET' });
  return response.json();
}
