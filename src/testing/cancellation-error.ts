/** The failure `expectCancels` throws: a plain Error, so every test runner shows its message. */
import type { CancellationResult } from './expect-cancels.ts';

export class CancellationError extends Error {
  override name = 'CancellationError';
  /** Everything that was measured, for custom assertions or logging. */
  readonly result: CancellationResult;

  constructor(result: CancellationResult, expected: string) {
    super(formatMessage(result, expected));
    this.result = result;
  }
}

function formatMessage(result: CancellationResult, expected: string): string {
  const lines = ['the run did not cancel cleanly.', `  Expected: ${expected}.`, `  Happened: ${result.problems.join('; ')}.`];
  const leaked = Object.entries(result.leaked);
  if (leaked.length > 0) {
    lines.push(result.outcome === 'pending' ? '  Still active (new since the run started):' : '  Leaked resources (new since the run started):');
    for (const [type, count] of leaked) lines.push(`    ${type} x${count}`);
  }
  if (result.stacks.length > 0) {
    lines.push('  Created at:');
    for (const { type, stack } of result.stacks) {
      lines.push(`    ${type}`);
      for (const frame of stack.split('\n')) lines.push(`      ${frame}`);
    }
  }
  return lines.join('\n');
}
