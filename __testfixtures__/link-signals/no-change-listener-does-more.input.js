export function withLogging(signal, logger) {
  const controller = new AbortController();
  signal.addEventListener(
    'abort',
    () => {
      logger.info('cancelled');
      controller.abort();
    },
    { once: true },
  );
  return controller.signal;
}
