import { createInterface } from 'node:readline/promises';

export async function ask(signal: AbortSignal) {
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question('Name? ');
  rl.close();
  return answer;
}
