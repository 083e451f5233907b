// The controller is aborted by hand too: the timer is one of the causes the code handles.
export function start(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 5_000);
  const done = fetch(url, { signal: controller.signal }).finally(() => clearTimeout(timer));
  return { done, cancel: () => controller.abort() };
}
