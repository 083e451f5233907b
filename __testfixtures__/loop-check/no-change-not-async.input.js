function schedule(items, signal) {
  for (const item of items) {
    queue.push(item);
  }
}

async function withoutSignal(items) {
  for (const item of items) {
    await handle(item);
  }
}
