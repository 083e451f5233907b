import { promises as fsp, writeFile } from 'fs';
import { appendFile, writeFile as write } from 'node:fs/promises';

export async function save(path, text, signal) {
  await write(path, text, { encoding: 'utf8', signal });
  await fsp.writeFile(`${path}.bak`, text, { encoding: `utf8`, signal });
  await appendFile(`${path}.log`, text);
  writeFile(path, text, { signal }, (err) => err && console.error(err));
  writeFile(path, text, { encoding: 'latin1', signal }, (err) => err && console.error(err));
}
