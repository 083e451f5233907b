const BOM = '\uFEFF';

/** How a file's text is laid out on disk, so the output can be laid out the same way. */
export interface TextShape {
  readonly bom: boolean;
  /** Set only when every line ends in CRLF: mixed files are passed through untouched. */
  readonly crlf: boolean;
  /**
   * The file starts with `#!`. recast glues the next line onto a shebang whenever it reprints
   * the program, so the parser sees it as a `//` comment of the same length (line and column
   * numbers stay right) and the `#!` comes back on output.
   */
  readonly shebang: boolean;
}

/** Strips the BOM and turns a CRLF file into LF text that the parser and printer agree on. */
export function normalizeText(raw: string): { text: string; shape: TextShape } {
  const bom = raw.startsWith(BOM);
  let text = bom ? raw.slice(1) : raw;
  const crlfCount = text.split('\r\n').length - 1;
  const lfCount = text.split('\n').length - 1;
  const crlf = crlfCount > 0 && crlfCount === lfCount;
  if (crlf) text = text.replaceAll('\r\n', '\n');
  const shebang = text.startsWith('#!');
  if (shebang) text = `//${text.slice(2)}`;
  return { text, shape: { bom, crlf, shebang } };
}

/** Undoes normalizeText. Throws if a transform moved the shebang off the first line. */
export function restoreText(text: string, shape: TextShape): string {
  let body = text;
  if (shape.shebang) {
    if (!body.startsWith('//')) throw new Error('the shebang line is no longer first in the file');
    body = `#!${body.slice(2)}`;
  }
  if (shape.crlf) body = body.replaceAll('\n', '\r\n');
  return shape.bom ? BOM + body : body;
}
