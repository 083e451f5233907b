export async function copy(source, target, options) {
  const signal = AbortSignal.any([options.signal]);
  const stream = source.open();
  try {
    await target.write(stream, { signal });
  } catch (error) {
    log(error);
    throw error;
  } finally {
    stream.close();
  }
}
