export async function relay(names: string[], signal: AbortSignal) {
  for (const name of names) {
    const signal = lookup(name);
    await send(signal);
  }
}
