import axios from 'axios';
import { readFile } from 'node:fs/promises';

export async function load(url: string, signal: AbortSignal) {
  const response = await fetch(url);
  const { data } = await axios.get(url, { timeout: 5_000 });
  const text = await readFile('config.json', 'utf8');
  return { response, data, text };
}

export async function post(url: string, init: RequestInit, signal: AbortSignal) {
  return fetch(url, init);
}

// The options come from elsewhere: they may already carry a signal, so migrate leaves the call to a human.
export async function put(url: string, makeInit: () => any, signal: AbortSignal) {
  const init = makeInit();
  return fetch(url, init);
}
