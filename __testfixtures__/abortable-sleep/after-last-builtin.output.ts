import { readFile } from 'node:fs/promises';
import path from 'path';
import { setTimeout as sleep } from 'node:timers/promises';
import axios from 'axios';
import { log } from './log';

export async function poll(file: string, signal: AbortSignal) {
  await sleep(500, undefined, { signal });
  log(axios, await readFile(path.join('.', file)));
}
