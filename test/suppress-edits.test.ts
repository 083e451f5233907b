/** How `migrate` leaves out the edits a suppression comment covers (see src/engine/suppress-edits.ts). */
import { describe, expect, it } from 'vitest';
import { getSuppressions } from '../src/check/suppressions.ts';
import { SUPPRESSION_MESSAGES, suppressEdits } from '../src/engine/suppress-edits.ts';
import type { Finding } from '../src/types.ts';

const fix = (line: number, message = 'passes signal', transform = 'forward-signal'): Finding => ({ transform, kind: 'edit', line, column: 1, message });
const run = (source: string, printed: string, findings: Finding[], isSafe = () => true) =>
  suppressEdits(source, printed, findings, getSuppressions(source), isSafe);

describe('suppressEdits', () => {
  it('leaves out the suppressed line and keeps its neighbour, even in one hunk of the diff', () => {
    const source = '// ctxmod-ignore-next-line unforwarded-signal\nf(a);\ng(b);\n';
    const result = run(source, '// ctxmod-ignore-next-line unforwarded-signal\nf(a, s);\ng(b, s);\n', [fix(2), fix(3)]);
    expect(result).toEqual({
      printed: '// ctxmod-ignore-next-line unforwarded-signal\nf(a);\ng(b, s);\n',
      findings: [{ ...fix(2), kind: 'manual', suppressed: true }, fix(3)],
    });
  });

  it('an edit whose change cannot be told apart from a suppressed one is not made either', () => {
    const source = '// ctxmod-ignore-next-line\nf(a,\n  b);\n';
    // Two lines become three: no line-for-line split.
    const result = run(source, '// ctxmod-ignore-next-line\nf(a, s,\n  b,\n  s);\n', [fix(2), fix(3, 'other')]);
    expect(result).toEqual({
      printed: source,
      findings: [
        { ...fix(2), kind: 'manual', suppressed: true },
        { ...fix(3, 'other'), kind: 'manual', message: `other (${SUPPRESSION_MESSAGES.sharedLines})` },
      ],
    });
  });

  it('an import only the suppressed edit needed goes with it; another rule is not suppressed', () => {
    const source = 'x();\n// ctxmod-ignore-next-line sleep-without-signal\nwait();\n';
    const findings: Finding[] = [{ ...fix(1, 'adds import', 'abortable-sleep'), consequence: true }, fix(3, 'sleeps', 'abortable-sleep')];
    const printed = "import { sleep } from 'x';\nx();\n// ctxmod-ignore-next-line sleep-without-signal\nsleep();\n";
    expect(run(source, printed, findings)).toEqual({ printed: source, findings: [{ ...findings[1]!, kind: 'manual', suppressed: true }] });
    const other = source.replace('sleep-without-signal', 'unforwarded-signal');
    expect(run(other, printed.replace('sleep-without-signal', 'unforwarded-signal'), findings).findings).toEqual(findings);
  });

  it('withholds the transform when what is left fails the safety net', () => {
    const source = '// ctxmod-ignore-next-line\nf(a);\ng(b);\nh();\n';
    const findings = [fix(2), fix(3), fix(4, 'loop', 'loop-check')];
    const result = run(source, '// ctxmod-ignore-next-line\nf(a, s);\ng(b, s);\nh(s);\n', findings, () => false);
    expect(result).toEqual({
      withheld: ['forward-signal'],
      findings: [
        { ...fix(2), kind: 'manual', suppressed: true },
        { ...fix(3), kind: 'manual', message: `passes signal (${SUPPRESSION_MESSAGES.withheld})` },
      ],
    });
  });

  it('changes nothing without a suppressed edit, and marks suppressed review notes', () => {
    const note: Finding = { transform: 'forward-signal', kind: 'manual', line: 2, column: 1, message: 'review' };
    const source = '// ctxmod-ignore-next-line\nf(a);\ng(b);\n';
    expect(run(source, source.replace('g(b)', 'g(b, s)'), [note, fix(3)])).toEqual({
      printed: source.replace('g(b)', 'g(b, s)'),
      findings: [{ ...note, suppressed: true }, fix(3)],
    });
  });
});
