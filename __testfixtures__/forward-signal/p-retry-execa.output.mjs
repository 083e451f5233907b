import pRetry from 'p-retry';
import { execa } from 'execa';

export async function build(signal) {
  await pRetry(() => fetch('/health', { signal }), { retries: 3, signal });
  await execa('npm', ['run', 'build'], { cancelSignal: signal });
}
