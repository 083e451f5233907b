/**
 * What a review (`RunOptions.review`, `migrate --interactive`) may leave out of a file, and what
 * it may not: the imports the accepted hunks use, and a thread-signal change set in part.
 */
import { applyPatch, structuredPatch, type StructuredPatch } from 'diff';
import type { ReviewChangeSet } from '../public-types.ts';

type Hunk = StructuredPatch['hunks'][number];

/**
 * Transforms add an import (`import { setTimeout as sleep } ...`) in the same change as the code
 * that uses it, often in another hunk. An accepted hunk must not lose its import because the
 * hunk holding it was declined: each declined hunk that adds an import of a name the accepted
 * lines use is applied with its import lines only. Returns the hunks to apply, in order.
 */
export function withNeededImports(all: readonly Hunk[], accepted: readonly Hunk[]): Hunk[] {
  const used = accepted
    .flatMap((hunk) => hunk.lines)
    .filter((line) => line.startsWith('+') && !isImportLine(line.slice(1)))
    .join('\n');
  const isUsed = (name: string) => new RegExp(`(^|[^\\w$])${name.replace(/\$/g, '\\$')}($|[^\\w$])`).test(used);
  return all.flatMap((hunk) => {
    if (accepted.includes(hunk)) return [hunk];
    const imports = hunk.lines.filter((line) => line.startsWith('+') && isImportLine(line.slice(1)));
    if (!imports.some((line) => getImportedNames(line.slice(1)).some(isUsed))) return [];
    return [getImportsOnly(hunk)];
  });
}

const IMPORT_LINE = /^\s*(import\s.*\sfrom\s|(const|let|var)\s.*=\s*require\()/;
const isImportLine = (line: string) => IMPORT_LINE.test(line);

/** Local names an import or require line binds (`{ a as b }` and `{ a: b }` bind `b`). */
function getImportedNames(line: string): string[] {
  const clause = /^\s*import\s+(?:type\s+)?(.*?)\s+from\s/.exec(line)?.[1] ?? /^\s*(?:const|let|var)\s+(.*?)\s*=\s*require\(/.exec(line)?.[1] ?? '';
  return clause
    .replace(/[{}]/g, ',')
    .split(',')
    .map((part) => part.trim().split(/\s+as\s+|\s*:\s*/).at(-1)?.replace(/^type\s+/, '').trim() ?? '')
    .filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
}

/**
 * The hunk with only its import changes: other added lines dropped, other removed lines kept.
 * The blank line an added import brings after it stays with it. An import added ahead of a
 * block's other added lines goes ahead of the lines that block removes (and now keeps), as it
 * went ahead of their replacement: the top of the file stays the top.
 */
function getImportsOnly(hunk: Hunk): Hunk {
  const lines: string[] = [];
  let dropped = false;
  // Where the current block of changes starts in `lines`, and where its leading imports go.
  let insertAt = 0;
  let leading = true;
  let inBlock = false;
  for (const line of hunk.lines) {
    // "\ No newline at end of file" belongs to the line before it.
    if (line.startsWith('\\')) {
      if (!dropped) lines.push(line);
      continue;
    }
    if (line.startsWith(' ')) {
      inBlock = false;
      dropped = false;
      lines.push(line);
      continue;
    }
    if (!inBlock) {
      inBlock = true;
      insertAt = lines.length;
      leading = true;
    }
    const added = line.startsWith('+');
    const previous = added && leading ? lines[insertAt - 1] : lines.at(-1);
    const followsAddedImport = previous !== undefined && previous.startsWith('+') && isImportLine(previous.slice(1));
    const keptAdded = added && (isImportLine(line.slice(1)) || (line.slice(1).trim() === '' && followsAddedImport));
    dropped = added && !keptAdded;
    if (dropped) {
      leading = false;
      continue;
    }
    if (keptAdded && leading) lines.splice(insertAt++, 0, line);
    else lines.push(line.startsWith('-') && !isImportLine(line.slice(1)) ? ` ${line.slice(1)}` : line);
  }
  const count = (prefixes: string) => lines.filter((line) => prefixes.includes(line[0] ?? '')).length;
  return { ...hunk, lines, oldLines: count(' -'), newLines: count(' +') };
}

/** A changed file as the review left it. */
export interface ReviewedFile {
  readonly path: string;
  readonly before: string;
  readonly after: string;
  /** The text the review returned; undefined: nothing accepted. */
  readonly accepted: string | undefined;
  /** False: the run stopped before the file was offered, or while it was. */
  readonly reviewed: boolean;
  readonly changeSets: readonly ReviewChangeSet[];
}

/** A change set kept in some files and left out of another: taken out of all of them. */
export interface TornChangeSet {
  readonly set: ReviewChangeSet;
  /** The first file (in review order) that left it out, and why. */
  readonly path: string;
  readonly reason: string;
  /** The files whose accepted text held some of it. */
  readonly revertedIn: readonly string[];
}

/**
 * A change set is written whole or not at all: the callee's new signature without its callers,
 * or the reverse, does not compile. Each set the review left out of one of its files (a hunk
 * with one of its lines declined) is taken out of the texts accepted for its other files; that
 * may take out a hunk another set shares, so it goes on until no set is torn. Returns the texts
 * to write by path (undefined: nothing) and the sets taken out.
 */
export function keepChangeSetsWhole(files: readonly ReviewedFile[]): { texts: Map<string, string | undefined>; torn: TornChangeSet[]; kept: ReviewChangeSet[] } {
  const texts = new Map(files.map((file) => [file.path, file.accepted]));
  const torn: TornChangeSet[] = [];
  // Each set's changes in each file: the hunks (no context) of the whole change with one of its lines.
  const parts = new Map<number, { set: ReviewChangeSet; file: ReviewedFile; hunks: Hunk[]; lines: Set<number> }[]>();
  for (const file of files) {
    if (file.changeSets.length === 0) continue;
    const hunks = getHunks(file.before, file.after);
    for (const set of file.changeSets) {
      const lines = new Set(set.lines);
      const own = hunks.filter((hunk) => getHunkLines(hunk).some((line) => lines.has(line)));
      // A set whose lines no hunk holds (nothing to take or leave there) has no part in the file.
      if (own.length === 0) continue;
      const part = { set, file, hunks: own, lines: new Set(own.flatMap(getHunkLines)) };
      parts.set(set.id, [...(parts.get(set.id) ?? []), part]);
    }
  }
  const linked = files.filter((file) => file.changeSets.length > 0);
  const reverted = new Set<number>();
  for (let again = true; again; ) {
    again = false;
    const written = getWrittenHunks(linked, texts);
    for (const [id, setParts] of parts) {
      if (reverted.has(id)) continue;
      // The set's changes in a file are applied when each of their hunks is, as it is (not an
      // import of it alone).
      const applied = (part: (typeof setParts)[number]) => part.hunks.every((hunk) => written.get(part.file.path)!.has(getHunkKey(hunk)));
      const set = setParts[0]!.set;
      const missing = setParts.find((part) => !applied(part));
      const declined = missing?.file;
      // A file of the set the review was not given (it could not be written) leaves the set out too.
      const absent = set.files.find((path) => !files.some((file) => file.path === path));
      const kept = setParts.filter(applied);
      if ((!declined && absent === undefined) || kept.length === 0) continue;
      for (const part of kept) texts.set(part.file.path, revertLines(part.file.before, texts.get(part.file.path)!, part.lines));
      const acceptedThere = missing !== undefined && missing.hunks.every((hunk) => getHunks(missing.file.before, missing.file.accepted).some((other) => getHunkKey(other) === getHunkKey(hunk)));
      const reason = !declined
        ? 'not offered for review'
        : acceptedThere
          ? 'taken out with another change set that shares a hunk with it'
          : declined.reviewed
            ? 'declined in review'
            : 'not reviewed (the run stopped)';
      torn.push({ set, path: declined?.path ?? absent!, reason, revertedIn: kept.map((part) => part.file.path) });
      reverted.add(id);
      again = true;
    }
  }
  // The sets to write: applied in every file of theirs.
  const written = getWrittenHunks(linked, texts);
  const kept = [...parts]
    .filter(([id, setParts]) => !reverted.has(id) && setParts.every((part) => part.hunks.every((hunk) => written.get(part.file.path)!.has(getHunkKey(hunk)))))
    .map(([, setParts]) => setParts[0]!.set);
  return { texts, torn, kept };
}

/** A hunk's lines in the old text; a pure insertion (`oldStart` is the line it goes before) touches the lines on both sides. */
function getHunkLines(hunk: Hunk): number[] {
  if (hunk.oldLines === 0) return [hunk.oldStart - 1, hunk.oldStart];
  return Array.from({ length: hunk.oldLines }, (_, index) => hunk.oldStart + index);
}

/** The hunks (no context) from `before` to `text`. */
function getHunks(before: string, text: string | undefined): Hunk[] {
  return text === undefined || text === before ? [] : structuredPatch('a', 'b', before, text, '', '', { context: 0 }).hunks;
}

/** By path, the hunks of each file's accepted text, as keys. */
function getWrittenHunks(files: readonly ReviewedFile[], texts: ReadonlyMap<string, string | undefined>): Map<string, Set<string>> {
  return new Map(files.map((file) => [file.path, new Set(getHunks(file.before, texts.get(file.path)).map(getHunkKey))]));
}

const getHunkKey = (hunk: Hunk) => JSON.stringify([hunk.oldStart, hunk.oldLines, hunk.lines]);

/** `text` without its changes on `lines` of `before` (an import a change kept uses stays); undefined when none is left. */
function revertLines(before: string, text: string, lines: ReadonlySet<number>): string | undefined {
  const patch = structuredPatch('a', 'b', before, text, '', '', { context: 0 });
  const kept = patch.hunks.filter((hunk) => !getHunkLines(hunk).some((line) => lines.has(line)));
  if (kept.length === 0) return undefined;
  const result = applyPatch(before, { ...patch, hunks: withNeededImports(patch.hunks, kept) });
  // Hunks of one diff applied to the text they came from cannot conflict; be safe anyway.
  return result === false || result === before ? undefined : result;
}
