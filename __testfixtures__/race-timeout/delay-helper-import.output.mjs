import axios from 'axios';
import { setInterval } from 'node:timers/promises';

export async function getOrders(customer, signal) {
  const timeoutSignal = AbortSignal.timeout(8000);
  const { data } = await axios.get(`/customers/${customer}/orders`, { signal: signal ? AbortSignal.any([signal, timeoutSignal]) : timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('orders timed out') : error;
  });
  return data;
}

export async function* ticks(signal) {
  for await (const tick of setInterval(1000, undefined, { signal })) yield tick;
}
