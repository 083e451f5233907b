export async function copy(source, target, options) {
  const controller = new AbortController();
  function onAbort() {
    controller.abort();
  }
  options.signal.addEventListener('abort', onAbort);
  const stream = source.open();
  try {
    await target.write(stream, { signal: controller.signal });
  } catch (error) {
    log(error);
    throw error;
  } finally {
    options.signal.removeEventListener('abort', onAbort);
    stream.close();
  }
}
