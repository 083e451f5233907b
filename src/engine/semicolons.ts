import { diffLines } from 'diff';

/**
 * Lines ending in a semicolon. `for (;;)` headers, which need theirs in any style, do not count.
 */
const ENDS_WITH_SEMICOLON = /;[ \t]*\r?$/;
const FOR_HEADER = /^\s*for\s*(await\s*)?\(/;
/** A line that could continue the previous one's expression: there a semicolon is needed. */
const CONTINUES_EXPRESSION = /^\s*([([`+\-*%.,?:=<>|&^]|\/(?![/*])|as\s|in\s|instanceof\s|satisfies\s)/;
/** Lines standard style starts with a semicolon when they begin a statement. */
const GUARDED_BY_STYLE = /^\s*[([`]/;
/** A block comment between two lines hides what comes next: keep the semicolon. */
const STARTS_COMMENT_BLOCK = /^\s*\/\*/;
/** Enough statement-like lines to tell a style from an accident. */
const MIN_STATEMENTS = 3;
const STATEMENT_LINE = /^\s*(import|export|const|let|var|return|throw|await)\b/;

/**
 * Whether the source is written without semicolons (prettier's `semi: false`, standard): no line
 * ends in one, and enough lines are statements that would.
 */
export function isSemicolonFree(source: string): boolean {
  let statements = 0;
  for (const line of source.split('\n')) {
    if (ENDS_WITH_SEMICOLON.test(line) && !FOR_HEADER.test(line)) return false;
    if (STATEMENT_LINE.test(line)) statements++;
  }
  return statements >= MIN_STATEMENTS;
}

/**
 * The printer ends every statement it writes with a semicolon. In a file written without them,
 * the lines an edit added or changed lose theirs, except where the next line could continue the
 * statement (there the semicolon is what keeps the two apart).
 */
export function matchSemicolonStyle(source: string, output: string): string {
  if (output === source || !isSemicolonFree(source)) return output;
  const lines: string[] = [];
  const added = new Set<number>();
  for (const part of diffLines(source, output)) {
    if (part.removed) continue;
    for (const line of part.value.replace(/\n$/, '').split('\n')) {
      if (part.added) added.add(lines.length);
      lines.push(line);
    }
  }
  for (const [index, line] of lines.entries()) {
    if (!added.has(index) || !ENDS_WITH_SEMICOLON.test(line) || FOR_HEADER.test(line)) continue;
    const nextIndex = getNextCodeLine(lines, index);
    const next = nextIndex === undefined ? undefined : lines[nextIndex];
    if (next !== undefined && (STARTS_COMMENT_BLOCK.test(next) || CONTINUES_EXPRESSION.test(next))) {
      // The file's own guard: `;[a].forEach(...)`, `;(async () => {})()` carry it in front.
      if (nextIndex !== undefined && GUARDED_BY_STYLE.test(next)) {
        lines[index] = line.replace(ENDS_WITH_SEMICOLON, (match) => match.slice(1));
        lines[nextIndex] = next.replace(/^\s*/, (indent) => `${indent};`);
      }
      continue;
    }
    lines[index] = line.replace(ENDS_WITH_SEMICOLON, (match) => match.slice(1));
  }
  const text = lines.join('\n');
  return output.endsWith('\n') && !text.endsWith('\n') ? `${text}\n` : text;
}

/** The index of the first line after `index` that is neither blank nor a line comment. */
function getNextCodeLine(lines: readonly string[], index: number): number | undefined {
  for (let next = index + 1; next < lines.length; next++) {
    const text = (lines[next] as string).trim();
    if (text !== '' && !text.startsWith('//')) return next;
  }
  return undefined;
}
