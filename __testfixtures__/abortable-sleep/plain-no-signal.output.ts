import { readFile } from "node:fs/promises";
import { setTimeout as sleep } from "node:timers/promises";

export async function load(path: string) {
  const text = await readFile(path, "utf8");
  // Give the watcher time to settle.
  await sleep(200);
  return text;
}
