// Nothing runs between the controller and the timer: a function declaration using the
// signal cannot be called too early.
export async function get(url: string) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 3000);
  try {
    return await request();
  } finally {
    clearTimeout(timer);
  }

  function request() {
    return fetch(url, { signal: controller.signal });
  }
}
