import { diffLines } from 'diff';
import type { CodeStyle } from '../types.ts';

/**
 * Lines ending in a semicolon. `for (;;)` headers, which need theirs in any style, do not count.
 */
const ENDS_WITH_SEMICOLON = /;[ \t]*\r?$/;
const FOR_HEADER = /^\s*for\s*(await\s*)?\(/;
/** A line that could continue the previous one's expression: there a semicolon is needed. */
const CONTINUES_EXPRESSION = /^\s*([([`+\-*%.,?:=<>|&^]|\/(?![/*])|as\s|in\s|instanceof\s|satisfies\s)/;
/** Lines standard style starts with a semicolon when they begin a statement. */
const GUARDED_BY_STYLE = /^\s*[([`]/;
const STARTS_LINE_COMMENT = /^\s*\/\//;
const STARTS_COMMENT_BLOCK = /^\s*\/\*/;
/** Enough statement-like lines to tell a style from an accident. */
const MIN_STATEMENTS = 3;
const STATEMENT_LINE = /^\s*(import|export|const|let|var|return|throw|await)\b/;

/**
 * Whether the source is written without semicolons (prettier's `semi: false`, standard): no line
 * ends in one, and enough lines are statements that would, or too few to tell and the formatter
 * config (`style`) says so.
 */
export function isSemicolonFree(source: string, style: CodeStyle = {}): boolean {
  let statements = 0;
  // A JSDoc `@example` line ending in `;` says nothing about the file's style.
  for (const line of stripComments(source.split('\n'))) {
    if (ENDS_WITH_SEMICOLON.test(line) && !FOR_HEADER.test(line)) return false;
    if (STATEMENT_LINE.test(line)) statements++;
  }
  return statements >= MIN_STATEMENTS || style.semicolons === false;
}

/**
 * The printer ends every statement it writes with a semicolon. In a file written without them,
 * the lines an edit added or changed lose theirs, except where the next line could continue the
 * statement (there the semicolon is what keeps the two apart).
 */
export function matchSemicolonStyle(source: string, output: string, style: CodeStyle = {}): string {
  if (output === source || !isSemicolonFree(source, style)) return output;
  const lines: string[] = [];
  const added = new Set<number>();
  for (const part of diffLines(source, output)) {
    if (part.removed) continue;
    for (const line of part.value.replace(/\n$/, '').split('\n')) {
      if (part.added) added.add(lines.length);
      lines.push(line);
    }
  }
  // What decides is the code after the comments in between: a JSDoc block after a new import
  // hides nothing, `/* note */ [b].forEach(f)` does.
  const code = stripComments(lines);
  for (const [index, line] of lines.entries()) {
    // A comment line the printer reprinted keeps its text.
    const text = code[index] as string;
    if (!added.has(index) || !ENDS_WITH_SEMICOLON.test(text) || FOR_HEADER.test(text)) continue;
    const nextIndex = code.findIndex((next, at) => at > index && next.trim() !== '');
    const next = nextIndex === -1 ? undefined : (code[nextIndex] as string);
    // A block comment that never closes was no comment (a template literal's text): keep it too.
    if (next !== undefined && (STARTS_COMMENT_BLOCK.test(next) || CONTINUES_EXPRESSION.test(next))) {
      // The file's own guard: `;[a].forEach(...)`, `;(async () => {})()` carry it in front. After
      // a comment on the same line it stays where it is.
      if (next === lines[nextIndex] && GUARDED_BY_STYLE.test(next)) {
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

/**
 * Each line without the comments it starts with: line comments and whole lines of block comments
 * become empty, the line a block ends on keeps what follows the block. Only comments that start a
 * line count, so a `/*` in a string (a glob) stays code; from a block that never closes, all does.
 */
function stripComments(lines: readonly string[]): string[] {
  const code = [...lines];
  for (let index = 0; index < code.length; ) {
    const line = code[index] as string;
    if (STARTS_LINE_COMMENT.test(line)) code[index] = '';
    if (!STARTS_COMMENT_BLOCK.test(line)) {
      index++;
      continue;
    }
    let end = index;
    let close = line.indexOf('*/', line.indexOf('/*') + 2);
    while (close === -1 && ++end < code.length) close = (code[end] as string).indexOf('*/');
    if (close === -1) break;
    code.fill('', index, end);
    // Looked at again: `/* a */ /* b */ f()`.
    code[end] = (code[end] as string).slice(close + 2);
  }
  return code;
}
