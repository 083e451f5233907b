import { Transform, type TransformCallback } from 'node:stream';

/** _transform is declared by node:stream's Transform: its signature is not ours to change. */
export class Enricher extends Transform {
  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback) {
    fetch(`https://enrich.example.com/${chunk.toString()}`).then(() => callback(), callback);
  }
}
