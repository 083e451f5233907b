import { diffLines } from 'diff';
import type { Collection } from 'jscodeshift';
import type { CodeStyle } from '../types.ts';
import { matchBraceSpacing } from './braces.ts';
import { matchTabIndentation } from './indentation.ts';
import { getPrintOptions } from './print-options.ts';
import { patchRecast, withLibraryFixes } from './library-patches.ts';
import { matchSemicolonStyle } from './semicolons.ts';

patchRecast();

/**
 * Prints the root once. recast doubles the semicolon of a top-level directive (`'use strict';;`)
 * whenever the program body is reprinted (recast issue 558): undo exactly that, and only where
 * the input did not have it. In a file written without semicolons, new lines go without too; in
 * one written `{signal}`, new braces have no inner spaces. `style`: what the repository's
 * formatter config says, for what the file does not show (see `getPrintOptions`).
 */
export function printRoot(root: Collection, source: string, style: CodeStyle = {}): string {
  dropFilledRegExpFields(root);
  let output = withLibraryFixes(() => root.toSource(getPrintOptions(source, style)));
  const program = root.find('Program' as never).get().node as { directives?: { value: { extra?: { raw?: string } } }[] };
  for (const directive of program.directives ?? []) {
    const raw = directive.value.extra?.raw;
    if (!raw) continue;
    const doubled = `${raw};;`;
    if (output.includes(doubled) && !source.includes(doubled)) output = output.replace(doubled, `${raw};`);
  }
  return keepLineEndings(source, matchBraceSpacing(source, matchSemicolonStyle(source, matchTabIndentation(source, output), style)));
}

/**
 * ast-types' traversals (every `find`) give a parsed RegExpLiteral the `value` and `regex` fields
 * its definition defaults, a new RegExp each time. recast compares them with the parsed node's
 * defaults, finds them different, and reprints the statement around the literal however far from
 * any edit: `return (\n  a &&\n  /x/.test(b)\n);` came out on one line, the net refused the file
 * and every edit in it was lost. The parser never set them, so they go.
 */
function dropFilledRegExpFields(root: Collection): void {
  // A plain walk of the node objects: an ast-types \`find\` would build a path for every node.
  const stack: unknown[] = [root.get().node];
  while (stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> & { type?: unknown; original?: object };
    if (node.type === 'RegExpLiteral' && node.original && !('value' in node.original)) {
      delete node.value;
      delete node.regex;
      continue;
    }
    for (const key in node) {
      if (key === 'loc' || key === 'tokens' || key === 'original') continue;
      const value = node[key];
      if (Array.isArray(value)) {
        for (const item of value) if (item !== null && typeof item === 'object') stack.push(item);
      } else if (value !== null && typeof value === 'object' && typeof (value as { type?: unknown }).type === 'string') {
        stack.push(value);
      }
    }
  }
}

/**
 * recast joins the lines it prints with one line terminator, so in a file of mixed line endings
 * (a bundle that pasted in a CRLF license header) every line of a reprinted block loses its CR,
 * however far from the edit. Lines the edit left alone get their own ending back; a new line
 * takes the ending of the line it replaces, else LF. A file of CRLF only is LF text by now
 * (normalizeText), so this is about mixed files.
 */
function keepLineEndings(source: string, output: string): string {
  if (!source.includes('\r\n') || output === source) return output;
  const before = source.split('\n');
  const after = output.split('\n');
  const strip = (line: string) => line.replace(/\r$/, '');
  const lines: string[] = [];
  let oldIndex = 0;
  let newIndex = 0;
  let removed: string[] = [];
  for (const part of diffLines(before.map(strip).join('\n'), after.map(strip).join('\n'))) {
    const count = part.count ?? 0;
    if (part.removed) {
      removed = before.slice(oldIndex, oldIndex + count);
      oldIndex += count;
      continue;
    }
    if (part.added) {
      for (let i = 0; i < count; i++) {
        const line = strip(after[newIndex + i] as string);
        lines.push(removed[i]?.endsWith('\r') && newIndex + i < after.length - 1 ? `${line}\r` : line);
      }
    } else {
      lines.push(...before.slice(oldIndex, oldIndex + count));
      oldIndex += count;
    }
    newIndex += count;
    removed = [];
  }
  // The text after the last line break (empty when the output ends in one) is no line of the diff.
  lines.push(...after.slice(lines.length).map(strip));
  return lines.join('\n');
}
