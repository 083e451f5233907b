// Nothing runs between the controller and the timer: a function declaration using the
// signal cannot be called too early.
export async function get(url: string) {
  const signal = AbortSignal.timeout(3000);
  return await request();

  function request() {
    return fetch(url, { signal });
  }
}
