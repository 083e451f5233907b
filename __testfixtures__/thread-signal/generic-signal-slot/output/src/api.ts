import axios from 'axios';

const api = axios.create({ timeout: 5000 });

export async function getInvoice(id: string, signal?: AbortSignal) {
  const { data } = await api.get(`/invoices/${id}`, { signal });
  return data;
}

export async function createInvoice(body: unknown, signal?: AbortSignal) {
  return (await axios.post('/invoices', body, { timeout: 10_000, signal })).data;
}

export async function handler(request: Request) {
  const invoice = await getInvoice(new URL(request.url).searchParams.get('id') ?? '', request.signal);
  return createInvoice(invoice, request.signal);
}
