/* ctxmod-disable sleep-without-signal -- this module's waits must run to the end */
export async function poll(signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 100));
  await new Promise((resolve) => setTimeout(resolve, 200));
}
