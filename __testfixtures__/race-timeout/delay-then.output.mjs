import axios from 'axios';

export class TimeoutError extends Error {}

export async function getOrders(customer, signal) {
  const timeoutSignal = AbortSignal.timeout(8000);
  const { data } = await axios.get(`/customers/${customer}/orders`, { signal: signal ? AbortSignal.any([signal, timeoutSignal]) : timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new TimeoutError('orders') : error;
  });
  return data;
}
