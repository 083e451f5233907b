import { getUser } from './client';
import { getOrder } from './order';

export async function handleUser(request: Request) {
  return getUser(request.url);
}

export async function handleOrder(request: Request) {
  return getOrder(request.url);
}
