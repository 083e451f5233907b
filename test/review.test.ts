/**
 * `keepChangeSetsWhole`: what a review (`migrate -i`, the API's `review`) may leave out of a
 * thread-signal change set, on texts built by hand.
 */
import { describe, expect, it } from 'vitest';
import { keepChangeSetsWhole, type ReviewedFile } from '../src/engine/review.ts';

const lines = (count: number, changed: Record<number, string> = {}) =>
  `${Array.from({ length: count }, (_, index) => changed[index + 1] ?? `line ${index + 1}`).join('\n')}\n`;

const file = (path: string, after: string, accepted: string | undefined, changeSets: ReviewedFile['changeSets']): ReviewedFile => ({
  path,
  before: lines(20),
  after,
  accepted,
  reviewed: true,
  changeSets,
});

describe('keepChangeSetsWhole', () => {
  it('keeps every set whose hunks were all accepted, in every file', () => {
    const a = { id: 0, label: 'a (x.ts:2)', files: ['x.ts', 'y.ts'] };
    const x = lines(20, { 2: 'x threaded' });
    const y = lines(20, { 5: 'y threaded' });
    const { texts, torn, kept } = keepChangeSetsWhole([file('x.ts', x, x, [{ ...a, lines: [2] }]), file('y.ts', y, y, [{ ...a, lines: [5] }])]);
    expect([...texts.values()]).toEqual([x, y]);
    expect(torn).toEqual([]);
    expect(kept.map((set) => set.id)).toEqual([0]);
  });

  it('takes a set declined in one file out of the others, and a set sharing a hunk with it too; other hunks stay', () => {
    // a: x.ts line 2 and y.ts line 5. b: y.ts line 6 (one hunk with a's line 5) and z.ts line 9.
    const a = { id: 0, label: 'a (x.ts:2)', files: ['x.ts', 'y.ts'] };
    const b = { id: 1, label: 'b (y.ts:6)', files: ['y.ts', 'z.ts'] };
    const x = lines(20, { 2: 'x threaded' });
    const y = lines(20, { 5: 'y threaded a', 6: 'y threaded b' });
    const z = lines(20, { 9: 'z threaded', 18: 'z other edit' });
    const { texts, torn, kept } = keepChangeSetsWhole([
      file('x.ts', x, undefined, [{ ...a, lines: [2] }]),
      file('y.ts', y, y, [{ ...a, lines: [5] }, { ...b, lines: [6] }]),
      file('z.ts', z, z, [{ ...b, lines: [9] }]),
    ]);
    expect(texts.get('x.ts')).toBeUndefined();
    expect(texts.get('y.ts')).toBeUndefined();
    expect(texts.get('z.ts')).toBe(lines(20, { 18: 'z other edit' }));
    expect(torn.map(({ set, path, reason, revertedIn }) => [set.id, path, reason, revertedIn])).toEqual([
      [0, 'x.ts', 'declined in review', ['y.ts']],
      [1, 'y.ts', 'taken out with another change set that shares a hunk with it', ['z.ts']],
    ]);
    expect(kept).toEqual([]);
  });

  it('a file the run stopped before is a set not reviewed', () => {
    const a = { id: 0, label: 'a (x.ts:2)', files: ['x.ts', 'y.ts'] };
    const x = lines(20, { 2: 'x threaded' });
    const y = lines(20, { 5: 'y threaded' });
    const { texts, torn } = keepChangeSetsWhole([file('x.ts', x, x, [{ ...a, lines: [2] }]), { ...file('y.ts', y, undefined, [{ ...a, lines: [5] }]), reviewed: false }]);
    expect([...texts.values()]).toEqual([undefined, undefined]);
    expect(torn.map(({ path, reason }) => [path, reason])).toEqual([['y.ts', 'not reviewed (the run stopped)']]);
  });
});
