export async function fastest(urls: string[]) {
  // Two operations, no timer.
  const first = await Promise.race([fetch(urls[0]), fetch(urls[1])]);
  // A fallback value after a delay is not a timeout error.
  const value = await Promise.race([fetch(urls[0]), new Promise((resolve) => setTimeout(() => resolve(undefined), 100))]);
  // A timer that already gets cleared.
  let timer: ReturnType<typeof setTimeout> | undefined;
  await Promise.race([fetch(urls[0]), new Promise((_, reject) => { timer = setTimeout(() => reject(new Error('timeout')), 100); })]).finally(() => clearTimeout(timer));
  return { first, value };
}
