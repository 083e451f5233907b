import { promises as fsp, readFile } from 'fs';
import { appendFile, readFile as read, writeFile } from 'node:fs/promises';

export async function load(path, signal) {
  const text = await read(path, { encoding: 'utf8', signal });
  const backup = await fsp.readFile(`${path}.bak`, { encoding: `utf8`, signal });
  await appendFile(`${path}.log`, text);
  // A write cut short by an abort leaves a truncated file: it gets no signal.
  await writeFile(`${path}.copy`, backup, 'utf8');
  readFile(path, { signal }, (err) => err && console.error(err));
  readFile(path, { encoding: 'latin1', signal }, (err) => err && console.error(err));
}
