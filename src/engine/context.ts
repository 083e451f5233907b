import type { Collection, JSCodeshift } from 'jscodeshift';
import { patchAstTypesScope, withLibraryFixes } from './library-patches.ts';
import { closeFileIndex, getFileIndex, invalidateFileIndex, openFileIndex } from '../ast/file-index.ts';
import { closeSignalFacts, openSignalFacts, type FileSignalFacts } from '../scope/type-facts.ts';
import { isNodeVersionCovered } from '../runtime/features.ts';
import type { Finding, FindingKind, NodeOrPath, TransformContext, TransformModule, TransformOptions } from '../types.ts';

interface Position {
  line: number;
  column: number;
}

type Located = { loc?: { start: Position; lines?: unknown } | null };

/**
 * Position of a node in the input. Nodes a transform built have no `loc`, or one in the text
 * of the snippet they were parsed from (recast's `loc.lines` tells which text): their nearest
 * ancestor that came from the input stands in for them.
 */
export function getPosition(target: NodeOrPath, fileLines: unknown, sourceLines: readonly string[] = []): Position {
  const fromFile = (node: Located | undefined) => (node?.loc && node.loc.lines === fileLines ? node.loc : undefined);
  const toPosition = ({ line, column }: Position) => ({ line, column: getCharacterColumn(sourceLines[line - 1], column) + 1 });
  if ('node' in target && 'parentPath' in target) {
    for (let path: any = target; path; path = path.parentPath) {
      const loc = fromFile(path.node);
      if (loc) return toPosition(loc.start);
    }
    return { line: 1, column: 1 };
  }
  const loc = fromFile(target as Located);
  return loc ? toPosition(loc.start) : { line: 1, column: 1 };
}

/**
 * The last input line of the node a finding names, when it spans more lines than its first: an
 * edit inside a multi-line call or object is on a line the report covers. A node a transform
 * built stands for itself through its nearest ancestor from the input, as in `getPosition`, but
 * never through the whole program, which would cover every line.
 */
export function getEndLine(target: NodeOrPath, fileLines: unknown): number | undefined {
  type Spanned = { type?: string; loc?: { start: Position; end?: Position; lines?: unknown } | null };
  const fromFile = (node: Spanned | undefined) => (node?.loc && node.loc.lines === fileLines ? node.loc : undefined);
  let node = target as Spanned;
  if ('node' in target && 'parentPath' in target) {
    let path: any = target;
    while (path && !fromFile(path.node)) path = path.parentPath;
    node = path?.node;
  }
  const loc = fromFile(node);
  if (!loc?.end || node.type === 'Program' || node.type === 'File' || loc.end.line <= loc.start.line) return undefined;
  return loc.end.line;
}

/** recast's default: its columns count a tab of the indentation up to the next multiple of 4. */
const RECAST_TAB_WIDTH = 4;

/**
 * recast measures a line's indentation in columns (tabs expanded), the rest in characters:
 * reports give characters, as editors and the thread pass do.
 */
function getCharacterColumn(line: string | undefined, column: number): number {
  const indent = line?.match(/^[ \t]*/)?.[0] ?? '';
  if (!indent.includes('\t')) return column;
  let visual = 0;
  for (const char of indent) visual = char === '\t' ? (Math.floor(visual / RECAST_TAB_WIDTH) + 1) * RECAST_TAB_WIDTH : visual + 1;
  return column >= visual ? indent.length + (column - visual) : column;
}

export interface FileInput {
  readonly path: string;
  readonly source: string;
  readonly typescript: boolean;
  /** What the type checker says of the signals in `source` (see `FileSignalFacts`), when a tsconfig is there. */
  readonly signalFacts?: FileSignalFacts;
}

/** A transform threw: the root holds part of its edits and cannot be printed. */
export class TransformError extends Error {
  constructor(
    readonly transform: string,
    override readonly cause: unknown,
  ) {
    super(`${transform}: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Runs the transforms in order on one parsed root and collects what each reported.
 * The root is shared: each transform sees the edits of the ones before it. A throw comes out as
 * a `TransformError` that names the transform.
 */
export function applyTransforms(
  j: JSCodeshift,
  root: Collection,
  file: FileInput,
  transforms: readonly TransformModule[],
  options: TransformOptions,
): Finding[] {
  patchAstTypesScope(j);
  return withLibraryFixes(() => applyEach(j, root, file, transforms, options));
}

function applyEach(j: JSCodeshift, root: Collection, file: FileInput, transforms: readonly TransformModule[], options: TransformOptions): Finding[] {
  // Shared by the transforms below; the tree may have changed since an earlier run on it.
  openFileIndex(root);
  // The signal lookup reads them for the nodes of the input; a node a transform built has none.
  openSignalFacts(root, file.signalFacts, (since) => isNodeVersionCovered(options, since));
  const findings: Finding[] = [];
  const fileLines = (root.get().node as Located).loc?.lines;
  const sourceLines = file.source.split('\n');
  for (const { meta, transform } of transforms) {
    const record = (kind: FindingKind, consequence = false, handled = false) => (target: NodeOrPath, message: string, rule?: string) => {
      // An edit changed the tree: what the index says of it is out of date.
      if (kind === 'edit') invalidateFileIndex(root);
      const endLine = getEndLine(target, fileLines);
      findings.push({
        transform: meta.name,
        kind,
        ...getPosition(target, fileLines, sourceLines),
        ...(endLine === undefined ? {} : { endLine }),
        message,
        ...(rule ? { rule } : {}),
        ...(consequence ? { consequence } : {}),
        ...(handled ? { handled } : {}),
      });
    };
    const context: TransformContext = {
      j,
      root,
      path: file.path,
      source: file.source,
      typescript: file.typescript,
      options,
      get index() {
        return getFileIndex(j, root);
      },
      edit: record('edit'),
      manual: record('manual'),
      consequence: record('edit', true),
      handled: record('manual', false, true),
    };
    const recorded = findings.length;
    try {
      transform(context);
    } catch (error) {
      closeFileIndex(root);
      closeSignalFacts(root);
      throw new TransformError(meta.name, error);
    }
    // A transform may record an edit before it makes it (the finding takes its position from the
    // node about to be replaced): the next transform gets an index of the tree as this one left it.
    if (findings.slice(recorded).some((finding) => finding.kind === 'edit')) invalidateFileIndex(root);
  }
  closeFileIndex(root);
  closeSignalFacts(root);
  return findings.sort((a, b) => a.line - b.line || a.column - b.column);
}
