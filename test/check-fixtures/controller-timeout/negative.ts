export async function getJson(url: string) {
  return await (await fetch(url, { signal: AbortSignal.timeout(5_000) })).json();
}

// A controller the caller aborts: no timer involved.
export function cancellable(url: string) {
  const controller = new AbortController();
  return { done: fetch(url, { signal: controller.signal }), cancel: () => controller.abort() };
}
