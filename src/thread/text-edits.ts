/** One replacement of `[start, end)` of a file's text. Insertions have `start === end`. */
export interface TextEdit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export class OverlappingEditsError extends Error {}

/**
 * Applies a file's edits at once, from the end backwards. Identical edits (the same insertion
 * planned twice by two paths of the graph) count once; edits that overlap otherwise throw, since
 * no order of them is right. Insertions at the same offset keep the order they were planned in.
 */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const seen = new Set<string>();
  const unique = edits
    .map((edit, order) => ({ ...edit, order }))
    .filter((edit) => {
      const key = `${edit.start}:${edit.end}:${edit.text}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end || a.order - b.order);
  for (let i = 1; i < unique.length; i++) {
    const prev = unique[i - 1]!;
    const cur = unique[i]!;
    if (cur.start < prev.end) throw new OverlappingEditsError(`overlapping edits at ${prev.start}-${prev.end} and ${cur.start}-${cur.end}`);
  }
  let out = '';
  let last = 0;
  for (const edit of unique) {
    out += text.slice(last, edit.start) + edit.text;
    last = edit.end;
  }
  return out + text.slice(last);
}
