import { readFile } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';

export async function Stylesheet({ href, signal }: { href: string; signal?: AbortSignal }) {
  await sleep(5, undefined, { signal });
  const css = await readFile(href, 'utf8');
  return <style data-href={href}>{css}</style>;
}
