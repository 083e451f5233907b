export async function compute(worker, input) {
  let timer;
  const result = await Promise.race([
    worker.run(input),
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('worker timed out')), 10000);
    }),
  ]).finally(() => clearTimeout(timer));
  return result;
}

export function withTimeout(promise, ms) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  })]).finally(() => clearTimeout(timer));
}
