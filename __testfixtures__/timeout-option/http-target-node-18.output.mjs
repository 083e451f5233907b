import http from 'node:http';

export function withCaller(url, signal) {
  return http.get(url, { timeout: 2000 });
}

export function alone(url) {
  return http.get(url, { timeout: 2000, signal: AbortSignal.timeout(2000) });
}
