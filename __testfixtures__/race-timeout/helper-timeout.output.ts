import { readFile } from 'node:fs/promises';

export async function readConfig(path: string) {
  const timeoutSignal = AbortSignal.timeout(3000);
  const text = await readFile(path, { encoding: 'utf8', signal: timeoutSignal }).catch((error) => {
    throw timeoutSignal.aborted ? new Error(`timed out after 3000 ms`) : error;
  });
  return JSON.parse(text);
}
