import * as readline from 'node:readline';
import { Readable } from 'node:stream';

interface Api {
  stream(request: object, signal: AbortSignal): Promise<AsyncIterable<string>>;
  request(options: { url: string; signal?: AbortSignal }): Promise<{ data: AsyncIterable<Buffer> }>;
}

// The stream comes from a call given the signal: it ends or fails when the signal aborts.
export async function* chunks(api: Api, request: object, signal: AbortSignal) {
  const stream = await api.stream(request, signal);
  for await (const chunk of stream) {
    yield chunk;
  }
}

// Through further bindings made from the response.
export async function* lines(api: Api, url: string, signal?: AbortSignal) {
  const res = await api.request({ url, signal });
  const rl = readline.createInterface({ input: Readable.from(res.data), crlfDelay: Infinity });
  for await (const line of rl) {
    if (line.startsWith('data: ')) yield line.slice(6);
  }
}

declare function globStream(pattern: string, options: { signal?: AbortSignal }): AsyncIterable<string>;
declare function grepFile(path: string): Promise<number>;

// A stream made on the spot with the signal: it fails at its next step once the signal aborts.
export async function grepAll(pattern: string, signal?: AbortSignal) {
  const files = globStream(pattern, { signal });
  let hits = 0;
  for await (const file of files) {
    hits += await grepFile(file);
  }
  return hits;
}
