import { readFile, writeFile } from 'node:fs/promises';
import * as fsp from 'fs/promises';

export async function copyConfig(from: string, to: string, signal: AbortSignal) {
  const text = await readFile(from, { encoding: 'utf8', signal });
  const raw = await fsp.readFile(from, { signal });
  await writeFile(to, text);
  await fsp.writeFile(`${to}.bak`, raw, { mode: 0o600 });
}
