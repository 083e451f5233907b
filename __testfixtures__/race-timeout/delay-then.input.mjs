import axios from 'axios';

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export class TimeoutError extends Error {}

export async function getOrders(customer, signal) {
  const { data } = await Promise.race([
    axios.get(`/customers/${customer}/orders`),
    delay(8000).then(() => {
      throw new TimeoutError('orders');
    }),
  ]);
  return data;
}
