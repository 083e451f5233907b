import { getJson } from './api-client.ts';

interface Row {
  sku: string;
  quantity: number;
}

/**
 * Imports rows one at a time. Aborting `signal` stops nothing: the loop runs through every row.
 */
export async function importRows(rows: Row[], signal: AbortSignal): Promise<number> {
  let imported = 0;
  for (const row of rows) {
    await saveRow(row);
    imported++;
  }
  return imported;
}

async function saveRow(row: Row): Promise<void> {
  await getJson(`https://stock.internal/api/rows/${row.sku}?quantity=${row.quantity}`);
}
