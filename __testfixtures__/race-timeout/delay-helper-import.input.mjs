import axios from 'axios';
import { setInterval, setTimeout as sleep } from 'node:timers/promises';

const delay = (ms, signal) => sleep(ms, undefined, { signal });

export async function getOrders(customer, signal) {
  const { data } = await Promise.race([
    axios.get(`/customers/${customer}/orders`, { signal }),
    delay(8000, signal).then(() => Promise.reject(new Error('orders timed out'))),
  ]);
  return data;
}

export async function* ticks(signal) {
  for await (const tick of setInterval(1000, undefined, { signal })) yield tick;
}
