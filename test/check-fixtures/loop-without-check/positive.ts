declare function save(row: string): Promise<void>;

export async function importAll(rows: string[], signal: AbortSignal) {
  for (const row of rows) {
    await save(row);
  }
}
