import { readFile } from 'node:fs/promises';

function timeout(ms: number) {
  return new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
}

export async function readConfig(path: string) {
  const text = await Promise.race([readFile(path, 'utf8'), timeout(3000)]);
  return JSON.parse(text);
}
