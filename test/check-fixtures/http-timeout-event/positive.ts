import http from 'node:http';

export function ping(url: string) {
  return http.get(url, { timeout: 2_000 });
}
