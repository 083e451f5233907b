async function loadUser(id: string, signal?: AbortSignal): Promise<unknown> {
  const response = await fetch(`/users/${id}`, { signal });
  return response.json();
}

async function loadOrders(id: string, { signal }: { signal?: AbortSignal } = {}): Promise<unknown> {
  const response = await fetch(`/orders/${id}`, { signal });
  return response.json();
}

export async function loadAll(id: string) {
  const timeoutSignal = AbortSignal.timeout(1000);
  const user = await loadUser(id, timeoutSignal).catch((error) => {
    throw timeoutSignal.aborted ? new Error('user timeout') : error;
  });
  const timeoutSignal2 = AbortSignal.timeout(1000);
  const orders = await loadOrders(id, { signal: timeoutSignal2 }).catch((error) => {
    throw timeoutSignal2.aborted ? new Error('orders timeout') : error;
  });
  return { user, orders };
}

export async function loadUserWith(id: string, signal: AbortSignal) {
  const timeoutSignal = AbortSignal.timeout(1000);
  return loadUser(id, AbortSignal.any([signal, timeoutSignal])).catch((error) => {
    throw timeoutSignal.aborted ? new Error('user timeout') : error;
  });
}
