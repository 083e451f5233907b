import { getOrders, getUser } from './client.js';

export async function loadProfile(id: string) {
  const user = await getUser(id);
  const orders = await getOrders(id);
  return { user, orders };
}
