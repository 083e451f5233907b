import { request } from 'node:http';
import * as https from 'node:https';

export function get(url: string, signal: AbortSignal) {
  return request(url, { timeout: 10_000, signal: AbortSignal.any([signal, AbortSignal.timeout(10_000)]) });
}

export function head(url: URL, signal?: AbortSignal) {
  return https.get(url, { method: 'HEAD', timeout: 2 * 1000, signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(2 * 1000)]) : AbortSignal.timeout(2 * 1000) });
}

export function forwarded(url: string, signal: AbortSignal) {
  return https.get(url, { timeout: 2000, signal: AbortSignal.any([signal, AbortSignal.timeout(2000)]) });
}
