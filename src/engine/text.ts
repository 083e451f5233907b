const BOM = '\uFEFF';

/** How a file's text is laid out on disk, so the output can be laid out the same way. */
export interface TextShape {
  readonly bom: boolean;
  /** Set only when every line ends in CRLF: mixed files are passed through untouched. */
  readonly crlf: boolean;
}

/** Strips the BOM and turns a CRLF file into LF text that the parser and printer agree on. */
export function normalizeText(raw: string): { text: string; shape: TextShape } {
  const bom = raw.startsWith(BOM);
  let text = bom ? raw.slice(1) : raw;
  const crlfCount = text.split('\r\n').length - 1;
  const lfCount = text.split('\n').length - 1;
  const crlf = crlfCount > 0 && crlfCount === lfCount;
  if (crlf) text = text.replaceAll('\r\n', '\n');
  return { text, shape: { bom, crlf } };
}

export function restoreText(text: string, shape: TextShape): string {
  const body = shape.crlf ? text.replaceAll('\n', '\r\n') : text;
  return shape.bom ? BOM + body : body;
}
