import { readFile } from 'node:fs/promises';

export async function readConfig(path, limit) {
  const timeoutSignal = AbortSignal.timeout(limit);
  const text = await readFile(path, { encoding: 'utf8', signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('read timed out') : error;
  });
  return JSON.parse(text);
}
