function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function load(url: string, signal: AbortSignal) {
  await sleep(100);
  return fetch(url);
}
