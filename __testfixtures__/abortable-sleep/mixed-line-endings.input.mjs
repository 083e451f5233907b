/*!
 * A license header pasted in with CRLF line endings.
 */
function wait(ms, signal) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export async function poll(check, signal) {
  while (!(await check())) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
