import { promises as fsp, readFile } from 'fs';
import { appendFile, readFile as read, writeFile } from 'node:fs/promises';

export async function load(path, signal) {
  const text = await read(path, 'utf8');
  const backup = await fsp.readFile(`${path}.bak`, `utf8`);
  await appendFile(`${path}.log`, text);
  // A write cut short by an abort leaves a truncated file: it gets no signal.
  await writeFile(`${path}.copy`, backup, 'utf8');
  readFile(path, (err) => err && console.error(err));
  readFile(path, 'latin1', (err) => err && console.error(err));
}
