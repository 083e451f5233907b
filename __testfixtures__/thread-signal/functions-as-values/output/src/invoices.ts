import type { EventEmitter } from 'node:events';

export async function loadInvoice(id: string, signal?: AbortSignal) {
  const response = await fetch(`https://api.example.com/invoices/${id}`, { signal });
  return response.json();
}

export async function loadAll(ids: string[], signal: AbortSignal) {
  return Promise.all(ids.map((id) => loadInvoice(id, signal)));
}

export function loadFirst(ids: Promise<string[]>, signal: AbortSignal) {
  return ids.then((list) => list[0] ?? '').then((id) => loadInvoice(id, signal));
}

export async function loadNightly(ids: string[]) {
  for (const invoice of await Promise.all(ids.map((id) => loadInvoice(id)))) console.log(invoice);
}

/** An event listener gets what the emitter passes: its arguments are not known. */
export async function loadReceipt(id: string) {
  return fetch(`https://api.example.com/receipts/${id}`);
}

export function watch(emitter: EventEmitter, signal: AbortSignal) {
  emitter.on('receipt', loadReceipt);
  return loadReceipt('latest');
}
