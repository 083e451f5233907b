export async function sum(values: number[], signal: AbortSignal) {
  let total = 0;
  for (const value of values) {
    total += value;
  }
  for (const value of values) {
    queue.push(async () => {
      await record(value);
    });
  }
  return total;
}
