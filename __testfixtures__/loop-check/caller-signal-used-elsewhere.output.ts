export async function importAll(url: string, rows: Row[], signal: AbortSignal) {
  const schema = await fetch(url, { signal }).then((response) => response.json());
  for (const row of rows) {
    signal.throwIfAborted();
    await insert(schema, row);
  }
}
