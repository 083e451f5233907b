import type { Readable } from 'node:stream';
import { type Blob as NodeBlob } from 'node:buffer';
export type { EventEmitter } from 'node:events';

export type Body = Readable | NodeBlob | ReadableStream;

export async function retryLater(ms: number, signal?: AbortSignal) {
  console.log(window.location.href);
  await new Promise((resolve) => setTimeout(resolve, ms));
  return ms;
}
