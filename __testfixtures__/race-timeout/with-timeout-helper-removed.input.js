import { readFile } from 'node:fs/promises';

const withTimeout = (promise, ms) =>
  Promise.race([promise, new Promise((_, reject) => setTimeout(() => reject(new Error('read timed out')), ms))]);

export async function readConfig(path, limit) {
  const text = await withTimeout(readFile(path, 'utf8'), limit);
  return JSON.parse(text);
}
