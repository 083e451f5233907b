async function drain(items, signal) {
  for (const item of items) {
    await handle(item);
  }
}
