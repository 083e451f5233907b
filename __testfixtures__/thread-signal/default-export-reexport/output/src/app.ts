import fetchAll from './download.js';
import { download, head } from './index.js';

export async function mirror(url: string, signal: AbortSignal) {
  await head(url, signal);
  await fetchAll(url, signal);
  return download(url, signal);
}
