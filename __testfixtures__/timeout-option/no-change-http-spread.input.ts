import http from 'node:http';

const defaults = { headers: { 'user-agent': 'probe' } };

export function probe(url: string, signal: AbortSignal) {
  return http.get(url, { ...defaults, timeout: 1000 });
}
