/**
 * Inline suppressions, honoured by every command: `check` hides the diagnostics they cover,
 * `migrate` and `run` do not make the edits at those sites (and list them as suppressed):
 *
 * - `// ctxmod-ignore-next-line` (every rule) or `// ctxmod-ignore-next-line rule-a, rule-b`:
 *   the next line. A ` -- reason` after the ids is allowed and ignored.
 * - `/* ctxmod-disable rule-a *\/` anywhere in the file (no id: every rule): the whole file.
 *
 * Read from the text with regular expressions, so a comment-like string literal also counts; the
 * cost is a suppression nobody asked for, in code that spells out the directive.
 */
export interface Suppressions {
  /** Line -> rules suppressed on it (`*` for all). */
  readonly lines: ReadonlyMap<number, ReadonlySet<string>>;
  readonly file: ReadonlySet<string>;
}

const NEXT_LINE = /\/\/\s*ctxmod-ignore-next-line\b(.*)$/;
const FILE = /\/\*\s*ctxmod-disable\b([\s\S]*?)\*\//g;

/** Only a text that spells a directive can suppress anything: the cheap test before the lookup. */
export function mayHaveSuppressions(text: string): boolean {
  return text.includes('ctxmod-ignore-next-line') || text.includes('ctxmod-disable');
}

export function getSuppressions(text: string): Suppressions {
  const lines = new Map<number, Set<string>>();
  text.split(/\r\n|\r|\n/).forEach((line, index) => {
    const match = NEXT_LINE.exec(line);
    if (match) lines.set(index + 2, parseIds(match[1] ?? ''));
  });
  const file = new Set<string>();
  for (const match of text.matchAll(FILE)) for (const id of parseIds(match[1] ?? '')) file.add(id);
  return { lines, file };
}

export function isSuppressed(suppressions: Suppressions, line: number, rule: string): boolean {
  const matches = (set: ReadonlySet<string> | undefined) => set !== undefined && (set.has('*') || set.has(rule));
  return matches(suppressions.file) || matches(suppressions.lines.get(line));
}

/** `a, b -- why` -> {a, b}; nothing -> {*}. */
function parseIds(text: string): Set<string> {
  const ids = text.split(/\s--\s|\s--$/)[0]!.split(/[\s,]+/).filter(Boolean);
  return new Set(ids.length > 0 ? ids : ['*']);
}
