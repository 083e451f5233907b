import { rename, writeFile } from 'node:fs/promises';
import type { Readable } from 'node:stream';

/** A short write of data at hand: cut by an abort it would leave a temporary file and no config. */
export async function saveConfig(path: string, config: object) {
  await writeFile(`${path}.tmp`, `${JSON.stringify(config)}\n`);
  await rename(`${path}.tmp`, path);
}

/** A streamed write: cut by an abort it leaves half an upload on disk; stop the source instead. */
export async function saveUpload(path: string, body: Readable) {
  await writeFile(path, body);
}

export async function handle(request: Request, body: Readable) {
  await saveConfig('/tmp/config.json', { at: Date.now() });
  await saveUpload('/tmp/upload', body);
}
