export async function run(tasks: Task[], signal: AbortSignal) {
  for (const task of tasks) {
    if (signal.aborted) break;
    await task.run();
  }
  while (pending()) {
    await step();
    signal.throwIfAborted();
  }
  for (const task of tasks) {
    await fetch(task.url, { signal });
  }
}

export async function poll(signal: AbortSignal) {
  while (!signal.aborted) await step();
}
