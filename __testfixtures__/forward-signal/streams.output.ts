import { createReadStream, createWriteStream } from 'node:fs';
import { finished, pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';

export async function compress(from: string, to: string, signal: AbortSignal) {
  await pipeline(createReadStream(from), createGzip(), createWriteStream(to), { signal });
  const out = createWriteStream(`${to}.log`);
  out.end('done');
  await finished(out, { signal });
}
