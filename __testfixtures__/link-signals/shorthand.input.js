export async function get(url, parentSignal) {
  const controller = new AbortController();
  parentSignal.addEventListener('abort', () => controller.abort());
  return fetch(url, { signal: controller.signal });
}
