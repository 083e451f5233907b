import { readFile } from 'node:fs/promises';
import path from 'path';
import axios from 'axios';
import { log } from './log';

export async function poll(file: string, signal: AbortSignal) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  log(axios, await readFile(path.join('.', file)));
}
