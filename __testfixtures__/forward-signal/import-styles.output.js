import { readFile as read } from 'fs/promises';
import * as childProcess from 'child_process';
const { writeFile } = require('node:fs/promises');
const spawnAlias = require('node:child_process').spawn;
const fs = require('fs');

export async function styles(path, signal) {
  await read(path, { signal });
  childProcess.spawn('ls', { signal });
  await writeFile(path, 'x');
  spawnAlias('ls', { signal });
  await fs.promises.readFile(path, { signal });
}
