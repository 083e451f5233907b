export function viaOnabort(signal) {
  const controller = new AbortController();
  signal.onabort = () => controller.abort();
  return controller.signal;
}

export function viaBind(signal) {
  const controller = new AbortController();
  signal.addEventListener('abort', controller.abort.bind(controller), { once: true });
  return controller.signal;
}
