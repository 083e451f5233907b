import { diffChars, diffLines } from 'diff';

/**
 * `{a}` / `{ a }` written on one line. Braces that do not follow the style are left out: a
 * template's `${a}`, and JSX's `attr={a}`, `>{a}` and `{a}` opening a line, which are tight in
 * either style.
 */
const TIGHT = /(?<![$=>]|^[ \t]*)\{[^\s{}](?:[^{}\n]*?[^\s{}])?\}/gm;
const SPACED = /(?<![$=>]|^[ \t]*)\{ [^{}\n]*?[^\s{}] \}/gm;
/** Enough one-line braces to tell a style from an accident. */
const MIN_BRACES = 3;

/**
 * Whether the source writes one-line braces without inner spaces (prettier's
 * `bracketSpacing: false`): `import {a} from`, `{signal}`, most of the time.
 */
export function isTightBraces(source: string): boolean {
  const tight = source.match(TIGHT)?.length ?? 0;
  const spaced = source.match(SPACED)?.length ?? 0;
  return tight >= MIN_BRACES && tight > 2 * spaced;
}

/**
 * New text is written `{ signal }`. In a file written `{signal}`, the braces in what an edit
 * inserted lose their inner spaces. A text-level diff against the source tells what that is: on
 * each added line, the stretch from its first inserted character to its last (an edit that wraps
 * `'utf8'` in `{ encoding: 'utf8', signal }` keeps the literal, so the braces are apart). Strings
 * in the stretch are skipped; the rest of the line is the file's own and stays as it is.
 */
export function matchBraceSpacing(source: string, output: string): string {
  if (output === source || !isTightBraces(source)) return output;
  let result = '';
  let removed = '';
  for (const part of diffLines(source, output)) {
    if (part.removed) {
      removed = part.value;
      continue;
    }
    if (!part.added) result += part.value;
    else result += tightenInserted(part.value, removed === '' ? [{ value: part.value, added: true }] : diffChars(removed, part.value));
    removed = '';
  }
  return result;
}

/** `text` with the braces of each line's inserted stretch tightened; `pieces` diff to it. */
function tightenInserted(text: string, pieces: readonly { value: string; added?: boolean; removed?: boolean }[]): string {
  const inserted = new Set<number>();
  let offset = 0;
  for (const piece of pieces) {
    if (piece.removed) continue;
    if (piece.added) for (let i = 0; i < piece.value.length; i++) inserted.add(offset + i);
    offset += piece.value.length;
  }
  let lineStart = 0;
  return text
    .split('\n')
    .map((line) => {
      const marks = [...line].map((_, i) => inserted.has(lineStart + i));
      lineStart += line.length + 1;
      if (!marks.includes(true)) return line;
      const [first, last] = getBraceWindow(line, marks.indexOf(true), marks.lastIndexOf(true) + 1);
      return line.slice(0, first) + tightenBraces(line.slice(first, last)) + line.slice(last);
    })
    .join('\n');
}

/**
 * The stretch `[start, end)` widened to both braces of every pair it holds one of: a character
 * diff may pair the new `{ signal }`'s ` }` with the ` })` the edit removed.
 */
function getBraceWindow(line: string, start: number, end: number): [number, number] {
  const pairs: [number, number][] = [];
  const opened: number[] = [];
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === "'" || char === '"' || char === '`') i = getStringEnd(line, i) - 1;
    else if (char === '{') opened.push(i);
    else if (char === '}' && opened.length > 0) pairs.push([opened.pop() as number, i]);
  }
  let [first, last] = [start, end];
  for (let changed = true; changed; ) {
    changed = false;
    for (const [open, close] of pairs) {
      const holdsOne = (open >= first && open < last) !== (close >= first && close < last);
      if (!holdsOne) continue;
      [first, last] = [Math.min(first, open), Math.max(last, close + 1)];
      changed = true;
    }
  }
  return [first, last];
}

/** `{ a, b }` -> `{a, b}` outside string literals (a template's text included). */
function tightenBraces(text: string): string {
  let out = '';
  const opened: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (char === "'" || char === '"' || char === '`') {
      const end = getStringEnd(text, i);
      out += text.slice(i, end);
      i = end - 1;
      continue;
    }
    if (char === '{' && text[i - 1] !== '$' && text[i - 1] !== '\\') {
      opened.push(out.length);
      out += char;
      if (text[i + 1] === ' ' && text[i + 2] !== ' ' && text[i + 2] !== '}') i++;
      continue;
    }
    if (char === ' ' && text[i + 1] === '}' && text[i - 1] !== ' ' && opened.length > 0) continue;
    if (char === '}') opened.pop();
    out += char;
  }
  return out;
}

/** The index after the string literal that opens at `start` (or the end of the text). */
function getStringEnd(text: string, start: number): number {
  const quote = text[start];
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === quote) return i + 1;
  }
  return text.length;
}
