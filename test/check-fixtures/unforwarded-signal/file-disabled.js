/* ctxmod-disable unforwarded-signal */
export async function load(url, signal) {
  await fetch(url);
}
