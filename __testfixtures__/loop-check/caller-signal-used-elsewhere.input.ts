export async function importAll(url: string, rows: Row[], signal: AbortSignal) {
  const schema = await fetch(url, { signal }).then((response) => response.json());
  for (const row of rows) {
    await insert(schema, row);
  }
}
