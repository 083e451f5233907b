import { Agent } from 'undici';

const dispatcher = new Agent();

/** The caller's options, signal and all, are spread into the call. */
export async function fetchWithAgent(url: string, options: RequestInit = {}) {
  return fetch(url, { ...options, dispatcher });
}

/** An init typed RequestInit carries the signal its caller put there. */
export async function post(url: string, init: RequestInit, signal: AbortSignal) {
  signal.throwIfAborted();
  return fetch(url, { ...init, method: 'POST' });
}

/** A local object that holds the signal. */
export async function get(url: string, signal: AbortSignal) {
  const base = { signal, headers: { accept: 'application/json' } };
  return fetch(url, { ...base, method: 'GET' });
}

/** A conditional spread of a literal that holds the signal (the signal may be null, which node's spawn rejects). */
export async function search(pattern: string, signal?: AbortSignal | null) {
  return fetch(`https://search.example.com/?q=${pattern}`, { ...(signal ? { signal } : {}), method: 'GET' });
}

export async function lookup(url: string, signal?: AbortSignal) {
  return fetch(url, { ...(signal && { signal }), headers: { accept: 'application/json' } });
}
