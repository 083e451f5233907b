import axios from 'axios';

const api = axios.create({ timeout: 5000 });

export async function getInvoice(id: string) {
  const { data } = await api.get(`/invoices/${id}`);
  return data;
}

export async function createInvoice(body: unknown) {
  return (await axios.post('/invoices', body, { timeout: 10_000 })).data;
}

export async function handler(request: Request) {
  const invoice = await getInvoice(new URL(request.url).searchParams.get('id') ?? '');
  return createInvoice(invoice);
}
