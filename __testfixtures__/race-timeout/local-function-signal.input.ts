async function loadUser(id: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(`/users/${id}`, { signal });
  return response.json();
}

async function loadOrders(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<unknown> {
  const response = await fetch(`/orders/${id}`, { signal });
  return response.json();
}

export async function loadAll(id: string) {
  const user = await Promise.race([loadUser(id), new Promise((_, reject) => setTimeout(() => reject(new Error('user timeout')), 1000))]);
  const orders = await Promise.race([loadOrders(id), new Promise((_, reject) => setTimeout(() => reject(new Error('orders timeout')), 1000))]);
  return { user, orders };
}

export async function loadUserWith(id: string, signal: AbortSignal) {
  return Promise.race([loadUser(id, signal), new Promise((_, reject) => setTimeout(() => reject(new Error('user timeout')), 1000))]);
}
