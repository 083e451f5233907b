import { readFile } from 'node:fs/promises';

const READ_LIMIT = 2_000;

const withTimeout = (promise, ms) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('read timed out')), ms))]);

export async function readConfig(path) {
  const text = await withTimeout(readFile(path, 'utf8'), READ_LIMIT);
  return JSON.parse(text);
}
