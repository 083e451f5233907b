const once = (fn) => fn;

export async function job(worker, signal) {
  const result = await new Promise((resolve, reject) => {
    worker.once('result', resolve);
    worker.once('error', reject);
  });
  return once(result);
}
