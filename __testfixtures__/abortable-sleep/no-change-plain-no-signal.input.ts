import { readFile } from "node:fs/promises";

export async function load(path: string) {
  const text = await readFile(path, "utf8");
  // Give the watcher time to settle.
  await new Promise((r) => setTimeout(r, 200));
  return text;
}
