export async function retry(task, options) {
  let signal = options.signal;
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  if (options.fresh) signal = undefined;
  return task(controller.signal, signal);
}
