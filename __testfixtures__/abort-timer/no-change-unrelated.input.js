import { AbortController } from 'abort-controller';

export function withPolyfill(url) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  return fetch(url, { signal: controller.signal }).finally(() => clearTimeout(timer));
}

export function socketTimeout(socket) {
  setTimeout(() => socket.abort(), 3000);
}
