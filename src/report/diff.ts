import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { createColors } from 'picocolors';

/**
 * A unified diff with git-style `a/` and `b/` headers, so `git apply -p1` accepts it (from the
 * current directory; for a file outside it, given by absolute path, from the root).
 */
export function buildDiff(displayPath: string, before: string, after: string): string {
  const path = displayPath.startsWith('/') ? displayPath.slice(1) : displayPath;
  return createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, {
    headerOptions: FILE_HEADERS_ONLY,
  });
}

export function colorizeDiff(diff: string, enabled: boolean): string {
  if (!enabled) return diff;
  const c = createColors(true);
  return diff
    .split('\n')
    .map((line) => {
      if (line.startsWith('+++') || line.startsWith('---')) return c.bold(line);
      if (line.startsWith('@@')) return c.cyan(line);
      if (line.startsWith('+')) return c.green(line);
      if (line.startsWith('-')) return c.red(line);
      return line;
    })
    .join('\n');
}
