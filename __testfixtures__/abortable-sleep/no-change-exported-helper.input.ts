export function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function warmUp() {
  await sleep(10);
  await pause(10);
}
