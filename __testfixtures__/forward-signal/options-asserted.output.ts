import { fetch as undiciFetch, type RequestInit as UndiciRequestInit } from 'undici';

declare const dispatcher: unknown;

// The caller's init, signal and all, spread into options behind a type assertion: passed.
export function withDispatcher(input: string, init?: RequestInit) {
  return fetch(input, { ...init, dispatcher } as RequestInit);
}

// Through a variable that holds the spread literal, behind a double assertion: passed.
export async function proxied(url: string, init?: RequestInit) {
  const fetchOptions: RequestInit & { dispatcher?: unknown } = { ...init, dispatcher };
  const options = fetchOptions as unknown as UndiciRequestInit;
  return undiciFetch(url, options);
}

// A literal of other options behind an assertion gets the signal inside it.
export function post(url: string, body: string, signal: AbortSignal) {
  return fetch(url, { method: 'POST', body, signal } as RequestInit);
}
