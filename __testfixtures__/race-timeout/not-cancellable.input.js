export async function compute(worker, input) {
  const result = await Promise.race([
    worker.run(input),
    new Promise((_, reject) => setTimeout(() => reject(new Error('worker timed out')), 10000)),
  ]);
  return result;
}

export function withTimeout(promise, ms) {
  return Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms))]);
}
