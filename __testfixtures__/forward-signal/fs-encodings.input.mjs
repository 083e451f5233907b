import { promises as fsp, writeFile } from 'fs';
import { appendFile, writeFile as write } from 'node:fs/promises';

export async function save(path, text, signal) {
  await write(path, text, 'utf8');
  await fsp.writeFile(`${path}.bak`, text, `utf8`);
  await appendFile(`${path}.log`, text);
  writeFile(path, text, (err) => err && console.error(err));
  writeFile(path, text, 'latin1', (err) => err && console.error(err));
}
