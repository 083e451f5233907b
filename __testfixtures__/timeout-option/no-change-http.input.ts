import http from 'node:http';

export function computed(url: string, retries: number) {
  return http.get(url, { timeout: backoff(retries) });
}

export function ownSignal(url: string, controller: AbortController) {
  return http.get(url, { timeout: 5000, signal: controller.signal });
}

export function disabled(url: string) {
  return http.get(url, { timeout: 0 });
}

export function noTimeout(url: string) {
  return http.get(url, { headers: { accept: 'text/plain' } });
}

export function optionsVariable(url: string, options: http.RequestOptions) {
  return http.get(url, options);
}

function backoff(n: number) {
  return 1000 * 2 ** n;
}
