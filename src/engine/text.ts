import { diffArrays } from 'diff';

const BOM = '\uFEFF';

/** How a file's text is laid out on disk, so the output can be laid out the same way. */
export interface TextShape {
  readonly bom: boolean;
  /** Set when every line ends in CRLF. */
  readonly crlf: boolean;
  /**
   * Set when some lines end in CRLF and others in LF: the text is parsed as LF, and on output each
   * line the edits left alone gets its own ending back (see restoreText).
   */
  readonly mixed?: { readonly lines: readonly string[]; readonly endings: readonly string[] };
  /**
   * The file starts with `#!`. recast glues the next line onto a shebang whenever it reprints
   * the program, so the parser sees it as a `//` comment of the same length (line and column
   * numbers stay right) and the `#!` comes back on output.
   */
  readonly shebang: boolean;
}

/** Strips the BOM and turns CRLF line ends into LF text that the parser and printer agree on. */
export function normalizeText(raw: string): { text: string; shape: TextShape } {
  const bom = raw.startsWith(BOM);
  let text = bom ? raw.slice(1) : raw;
  const crlfCount = text.split('\r\n').length - 1;
  const lfCount = text.split('\n').length - 1;
  const crlf = crlfCount > 0 && crlfCount === lfCount;
  let mixed: TextShape['mixed'];
  if (crlfCount > 0 && !crlf) {
    const endings = text.split('\n').slice(0, -1).map((line) => (line.endsWith('\r') ? '\r\n' : '\n'));
    text = text.replaceAll('\r\n', '\n');
    mixed = { lines: text.split('\n'), endings };
  } else if (crlf) {
    text = text.replaceAll('\r\n', '\n');
  }
  const shebang = text.startsWith('#!');
  if (shebang) text = `//${text.slice(2)}`;
  return { text, shape: { bom, crlf, ...(mixed ? { mixed } : {}), shebang } };
}

/** Undoes normalizeText. Throws if a transform moved the shebang off the first line. */
export function restoreText(text: string, shape: TextShape): string {
  let body = text;
  if (shape.shebang) {
    if (!body.startsWith('//')) throw new Error('the shebang line is no longer first in the file');
    body = `#!${body.slice(2)}`;
  }
  if (shape.crlf) body = body.replaceAll('\n', '\r\n');
  else if (shape.mixed) body = restoreLineEndings(body, shape.mixed);
  return shape.bom ? BOM + body : body;
}

/**
 * Gives each line of `body` an ending: a line the edits kept keeps its own; a line that replaces
 * lines takes the ending of the line it replaces; any other new line takes the file's majority.
 */
function restoreLineEndings(body: string, original: NonNullable<TextShape['mixed']>): string {
  const crlfLines = original.endings.filter((ending) => ending === '\r\n').length;
  const majority = crlfLines * 2 > original.endings.length ? '\r\n' : '\n';
  const lines = body.split('\n');
  const endings: string[] = [];
  let oldIndex = 0;
  let replaced: readonly string[] = [];
  for (const change of diffArrays([...original.lines], lines)) {
    if (change.removed) {
      replaced = original.endings.slice(oldIndex, oldIndex + change.count);
      oldIndex += change.count;
      continue;
    }
    for (let k = 0; k < change.count; k++) {
      endings.push((change.added ? replaced[k] : original.endings[oldIndex + k]) ?? majority);
    }
    if (!change.added) oldIndex += change.count;
    replaced = [];
  }
  return lines.map((line, index) => (index < lines.length - 1 ? line + (endings[index] ?? majority) : line)).join('');
}
