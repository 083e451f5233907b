async function pump(source, signal) {
  while (source.hasMore()) {
    signal?.throwIfAborted();
    await source.next();
  } // keep pulling
  do {
    signal?.throwIfAborted();
    await tick();
  } while (pending());
}
