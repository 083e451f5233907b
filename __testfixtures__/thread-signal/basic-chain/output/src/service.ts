import { getOrders, getUser } from './client.js';

export async function loadProfile(id: string, signal?: AbortSignal) {
  const user = await getUser(id, signal);
  const orders = await getOrders(id, signal);
  return { user, orders };
}
