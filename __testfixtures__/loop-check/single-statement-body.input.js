async function pump(source, signal) {
  while (source.hasMore()) await source.next(); // keep pulling
  do await tick(); while (pending());
}
