import { readFile } from 'node:fs/promises';

export async function loadConfig(path, signal) {
  return JSON.parse(await readFile(path, { encoding: 'utf8', signal }));
}

export const fetchJson = async (url, signal) => (await fetch(url, { signal })).json();
