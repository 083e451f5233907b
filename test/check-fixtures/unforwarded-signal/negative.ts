import axios from 'axios';

export async function load(url: string, signal: AbortSignal) {
  const response = await fetch(url, { signal });
  const { data } = await axios.get(url, { signal, timeout: 5_000 });
  return { response, data };
}

// No signal in scope: nothing to forward.
export async function loadOnce(url: string) {
  return fetch(url);
}
