import { readFile, writeFile } from 'node:fs/promises';

export async function loadSettings(path: string): Promise<unknown> {
  return JSON.parse(await readFile(path, 'utf8'));
}

export async function saveSettings(path: string, settings: unknown): Promise<void> {
  await writeFile(path, JSON.stringify(settings));
}
