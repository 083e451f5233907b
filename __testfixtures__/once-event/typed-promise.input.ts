import { EventEmitter } from 'node:events';

export async function readLine(stream: EventEmitter, signal: AbortSignal): Promise<number> {
  const line = await new Promise<string>((resolve, reject) => {
    stream.once('line', resolve);
    stream.once('error', reject);
  });
  const pair = await new Promise<unknown[]>((resolve, reject) => {
    stream.once('pair', (...args) => resolve(args));
    stream.once('error', reject);
  });
  await new Promise<void>((resolve, reject) => {
    stream.once('drain', resolve);
    stream.once('error', reject);
  });
  return line.length + pair.length;
}

export function nextChunk(stream: EventEmitter, signal: AbortSignal): Promise<Buffer> {
  return new Promise<Buffer>((resolve, reject) => {
    stream.once('data', (chunk) => resolve(chunk));
    stream.once('error', reject);
  });
}
