import pRetry from 'p-retry';
import { execa } from 'execa';

export async function build(signal) {
  await pRetry(() => fetch('/health', { signal }), { retries: 3 });
  await execa('npm', ['run', 'build']);
}
