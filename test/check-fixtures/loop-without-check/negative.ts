declare function save(row: string, signal: AbortSignal): Promise<void>;

export async function importAll(rows: string[], signal: AbortSignal) {
  for (const row of rows) {
    await save(row, signal);
  }
}

// No signal in scope.
export async function importQuietly(rows: string[]) {
  for (const row of rows) await save(row, AbortSignal.timeout(1_000));
}
