import { readFile } from 'node:fs/promises';
import * as fs from 'node:fs';

// A file read is short local work: the signal in scope is not passed (a config entry of the
// project's own, without `local`, turns it on).
export async function loadConfig(path: string, signal: AbortSignal) {
  const text = await readFile(path, 'utf8');
  const backup = await fs.promises.readFile(`${path}.bak`, { encoding: 'utf8' });
  return [JSON.parse(text), JSON.parse(backup)];
}
