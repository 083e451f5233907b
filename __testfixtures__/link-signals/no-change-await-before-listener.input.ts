export async function load(signal: AbortSignal) {
  const controller = new AbortController();
  const config = await readConfig();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  return fetch(config.url, { signal: controller.signal });
}
