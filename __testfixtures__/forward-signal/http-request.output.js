import http from 'node:http';
import { get } from 'https';

export function ping(url, signal) {
  const req = http.request(url, { signal }, (res) => res.resume());
  req.end();
  get('https://example.com/health', { timeout: 1000, signal }, (res) => res.resume());
  http.get({ host: 'localhost', port: 80, signal }, (res) => res.resume());
}
