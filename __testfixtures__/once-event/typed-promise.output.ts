import { EventEmitter, once } from 'node:events';

export async function readLine(stream: EventEmitter, signal: AbortSignal): Promise<number> {
  const line = await once(stream, 'line', { signal }).then(([value]) => value as string);
  const pair = await once(stream, 'pair', { signal }).then((args) => args as unknown[]);
  await once(stream, 'drain', { signal });
  return line.length + pair.length;
}

export function nextChunk(stream: EventEmitter, signal: AbortSignal): Promise<Buffer> {
  return once(stream, 'data', { signal }).then(([value]) => value as Buffer);
}
