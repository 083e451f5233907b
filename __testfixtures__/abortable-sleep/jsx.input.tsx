import { readFile } from 'node:fs/promises';

export async function Stylesheet({ href, signal }: { href: string; signal?: AbortSignal }) {
  await new Promise((resolve) => setTimeout(resolve, 5));
  const css = await readFile(href, 'utf8');
  return <style data-href={href}>{css}</style>;
}
