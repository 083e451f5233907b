import { readFile } from 'node:fs/promises';

const READ_LIMIT = 2_000;

export async function readConfig(path) {
  const timeoutSignal = AbortSignal.timeout(READ_LIMIT);
  const text = await readFile(path, { encoding: 'utf8', signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error('read timed out') : error;
  });
  return JSON.parse(text);
}
