import { diffLines } from 'diff';

/**
 * Maps 1-based lines of `after` to the lines of `before` they came from: unchanged lines to
 * themselves, a replaced block line by line onto the block it replaced, an inserted line to the
 * line it was inserted before. Findings computed on a later text are shown where the reader finds
 * them in the earlier one.
 */
export function getLineMapper(before: string, after: string): (line: number) => number {
  const map: number[] = [0];
  const lastOld = Math.max(1, before.split('\n').length);
  let oldLine = 1;
  let removed: { start: number; count: number } | undefined;
  for (const part of diffLines(before, after)) {
    const count = part.count ?? 0;
    if (part.removed) {
      removed = { start: oldLine, count };
      oldLine += count;
      continue;
    }
    for (let i = 0; i < count; i++) {
      if (part.added) map.push(removed ? removed.start + Math.min(i, removed.count - 1) : Math.min(oldLine, lastOld));
      else map.push(oldLine + i);
    }
    if (!part.added) oldLine += count;
    removed = undefined;
  }
  return (line) => map[line] ?? line;
}
