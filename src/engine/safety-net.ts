import { diffLines } from 'diff';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isNodeModule, isTypeOnly } from '../ast/is-browser-only.ts';
import { mayRunOutsideNode } from '../ast/is-node-only.ts';
import { isFunctionNode } from '../ast/get-enclosing-functions.ts';
import { isReferenceIdentifier } from '../ast/get-references.ts';
import { getDeclaration } from '../scope/get-declaration.ts';
import { getLineMapper } from '../report/line-map.ts';
import { getPosition } from './context.ts';

type Node = any;

/** Something an edit broke, at its position in the input. */
export interface EditProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface NetOptions {
  readonly runtime?: string;
  /** The file's `#!` line, if any. */
  readonly shebang?: string;
}

export const NET_MESSAGES = {
  unparsable: (error: string) => `the edited text does not parse (${error})`,
  lost: (name: string, line: number) => `\`${name}\` would no longer refer to its declaration on line ${line}`,
  captured: (name: string, line: number) => `\`${name}\` would refer to a declaration the edits introduced instead of the one on line ${line}`,
  capturedGlobal: (name: string) => `\`${name}\` would refer to a declaration the edits introduced instead of the global`,
  moved: (name: string, line: number) => `\`${name}\` would refer to another declaration than the one on line ${line}`,
  undeclared: (name: string) => `the edits use \`${name}\` where no declaration of it is visible`,
  nodeImport: (module: string) =>
    `the edits import ${module} into a file that may run outside Node (it uses DOM globals or probes where it runs, and loads no Node built-in): rerun with --runtime node if it runs on Node only`,
} as const;

/**
 * What the edits that turned `input` into `output` broke: every identifier must refer to the same
 * declaration as before (or, for one an edit wrote, to some declaration when the file declares the
 * name at all), and a file that may run outside Node (`mayRunOutsideNode`) must not gain a Node built-in import. Both
 * texts are parsed afresh, so what is checked is what would be written. Only names that occur on
 * changed lines are resolved: a reference elsewhere changes meaning only through a declaration
 * added, removed or moved, and that declaration's name is on a changed line.
 */
export function findEditProblems(j: JSCodeshift, input: string, output: string, options: NetOptions = {}): EditProblem[] {
  const before = j(input);
  let after: Collection;
  try {
    after = j(output);
  } catch (error) {
    return [{ line: 1, column: 1, message: NET_MESSAGES.unparsable(error instanceof Error ? error.message : String(error)) }];
  }
  const toInputLine = getLineMapper(input, output);
  const inputLines = input.split('\n');
  const inputText = (before.get().node as Node).loc?.lines;
  const at = (node: Node) => getPosition(node, inputText, inputLines);
  const atOutput = (node: Node) => ({ line: toInputLine(node.loc.start.line), column: 1 });
  return [
    ...findBindingProblems(j, before, after, getAlignment(input, output), isLookalike(inputLines, output.split('\n')), at, atOutput),
    ...findNodeImportProblems(j, input, before, after, options, atOutput),
  ];
}

type Place = { line: number; column: number };

interface Alignment {
  /** Output line -> the same line of the input, or the index of the changed block it is in. */
  readonly output: Map<number, { same: number } | { block: number }>;
  /** Input lines that an edit changed -> the index of their changed block. */
  readonly input: Map<number, number>;
}

/** Unchanged lines paired with their input line; changed ones grouped into numbered blocks. */
function getAlignment(input: string, output: string): Alignment {
  const alignment: Alignment = { output: new Map(), input: new Map() };
  let inputLine = 1;
  let outputLine = 1;
  let block = 0;
  let open = false;
  for (const part of diffLines(input, output)) {
    const count = part.count ?? 0;
    if (part.added || part.removed) {
      if (!open) block++;
      open = true;
      for (let i = 0; i < count; i++) {
        if (part.added) alignment.output.set(outputLine++, { block });
        else alignment.input.set(inputLine++, block);
      }
      continue;
    }
    open = false;
    for (let i = 0; i < count; i++) alignment.output.set(outputLine++, { same: inputLine++ });
  }
  return alignment;
}

/** The file's identifiers that name a binding (declarations and references), by name. */
type Occurrences = Map<string, ASTPath[]>;

function getIdentifiers(j: JSCodeshift, root: Collection): Occurrences {
  const byName: Occurrences = new Map();
  root.find(j.Identifier).forEach((path) => {
    if (!path.node.loc || !isBindingIdentifier(path)) return;
    const list = byName.get(path.node.name);
    if (list) list.push(path);
    else byName.set(path.node.name, [path]);
  });
  return byName;
}

/**
 * References and declarations, each once: a shorthand property `{ a }` counts by its value, and
 * `import { a }` / `export { a }` by the local name (the parser gives both sides a node of their own).
 */
function isBindingIdentifier(path: ASTPath): boolean {
  const parent = path.parentPath?.node as Node;
  const node = path.node;
  if (!parent) return false;
  if (['ImportSpecifier', 'ExportSpecifier'].includes(parent.type)) return parent.local === node;
  if (parent.shorthand && parent.key === node && parent.value !== node) return false;
  if (isFunctionNode(parent) && parent.id === node) return true;
  return isReferenceIdentifier(path);
}

function findBindingProblems(
  j: JSCodeshift,
  before: Collection,
  after: Collection,
  alignment: Alignment,
  lookalike: (inputNode: Node, outputNode: Node) => boolean,
  at: (node: Node) => Place,
  atOutput: (node: Node) => Place,
): EditProblem[] {
  const inputIds = getIdentifiers(j, before);
  const outputIds = getIdentifiers(j, after);
  const lineOf = (path: ASTPath) => (path.node as Node).loc.start.line as number;
  const changed = new Set<string>();
  const isChanged = (path: ASTPath) => {
    const place = alignment.output.get(lineOf(path));
    return place !== undefined && 'block' in place;
  };
  for (const [name, paths] of outputIds) if (paths.some(isChanged)) changed.add(name);
  for (const [name, paths] of inputIds) if (paths.some((path) => alignment.input.has(lineOf(path)))) changed.add(name);

  const problems: EditProblem[] = [];
  for (const name of changed) {
    const inputPaths = inputIds.get(name) ?? [];
    const outputPaths = outputIds.get(name) ?? [];
    const counterpart = getCounterparts(inputPaths, outputPaths, alignment);
    const inputDeclaration = new Map(inputPaths.map((path) => [path.node, getDeclaration(path)]));
    const outputDeclaration = new Map(outputPaths.map((path) => [path.node, getDeclaration(path)]));
    const declared = [...inputDeclaration.values(), ...outputDeclaration.values()].some((node) => node !== null);
    for (const path of outputPaths) {
      if (!isReferenceIdentifier(path)) continue;
      const declaration = outputDeclaration.get(path.node);
      const original = counterpart.get(path.node);
      if (!original) {
        // Written by an edit: it must refer to something when the file declares the name at all.
        if (declaration === null && declared) problems.push({ ...atOutput(path.node), message: NET_MESSAGES.undeclared(name) });
        continue;
      }
      const expected = inputDeclaration.get(original.node);
      const mapped = declaration ? counterpart.get(declaration)?.node : null;
      if (expected === mapped || (expected && declaration && lookalike(expected, declaration))) continue;
      problems.push({ ...at(original.node), message: getBindingMessage(name, expected, declaration, mapped, at) });
    }
  }
  return problems;
}

/**
 * Two declarations at the same column of lines with the same text. A line diff pairs repeated
 * lines (`await new Promise((resolve, reject) => {` twice) as it likes: the other copy stands for
 * the same declaration.
 */
function isLookalike(inputLines: readonly string[], outputLines: readonly string[]): (inputNode: Node, outputNode: Node) => boolean {
  return (inputNode, outputNode) => {
    const a = inputNode.loc.start;
    const b = outputNode.loc.start;
    return a.column === b.column && inputLines[a.line - 1] === outputLines[b.line - 1];
  };
}

function getBindingMessage(name: string, expected: Node, declaration: Node, mapped: Node, at: (node: Node) => Place): string {
  if (!expected) return NET_MESSAGES.capturedGlobal(name);
  const line = at(expected).line;
  if (!declaration) return NET_MESSAGES.lost(name, line);
  return mapped ? NET_MESSAGES.moved(name, line) : NET_MESSAGES.captured(name, line);
}

/**
 * Each output identifier's input identifier: on an unchanged line the one at the same place, in a
 * changed block the one of the same name and rank in the block the edit replaced.
 */
function getCounterparts(inputPaths: ASTPath[], outputPaths: ASTPath[], alignment: Alignment): Map<Node, ASTPath> {
  const key = (line: number, column: number) => `${line}:${column}`;
  const inputAt = new Map<string, ASTPath>();
  const inputBlocks = new Map<number, ASTPath[]>();
  for (const path of sortByPlace(inputPaths)) {
    const { line, column } = (path.node as Node).loc.start;
    const block = alignment.input.get(line);
    if (block === undefined) inputAt.set(key(line, column), path);
    else inputBlocks.set(block, [...(inputBlocks.get(block) ?? []), path]);
  }
  const counterparts = new Map<Node, ASTPath>();
  const ranks = new Map<number, number>();
  for (const path of sortByPlace(outputPaths)) {
    const { line, column } = (path.node as Node).loc.start;
    const place = alignment.output.get(line);
    if (!place) continue;
    let original: ASTPath | undefined;
    if ('same' in place) original = inputAt.get(key(place.same, column));
    else {
      const rank = ranks.get(place.block) ?? 0;
      ranks.set(place.block, rank + 1);
      original = inputBlocks.get(place.block)?.[rank];
    }
    if (original) counterparts.set(path.node, original);
  }
  return counterparts;
}

function sortByPlace(paths: ASTPath[]): ASTPath[] {
  const start = (path: ASTPath) => (path.node as Node).loc.start;
  return [...paths].sort((a, b) => start(a).line - start(b).line || start(a).column - start(b).column);
}

/** A Node built-in the output loads and the input did not, in a file that may run elsewhere. */
function findNodeImportProblems(
  j: JSCodeshift,
  input: string,
  before: Collection,
  after: Collection,
  options: NetOptions,
  atOutput: (node: Node) => Place,
): EditProblem[] {
  const loaded = getLoadedBuiltins(j, before);
  const added = [...getLoadedBuiltins(j, after)].filter(([module]) => !loaded.has(module));
  if (added.length === 0 || !mayRunOutsideNode(j, before, input, options.runtime, options.shebang)) return [];
  return added.map(([module, node]) => ({ ...atOutput(node), message: NET_MESSAGES.nodeImport(module) }));
}

/** Node built-ins a file loads at run time (value imports and requires), with the node that loads each. */
function getLoadedBuiltins(j: JSCodeshift, root: Collection): Map<string, Node> {
  const loaded = new Map<string, Node>();
  root.find(j.ImportDeclaration).forEach((path) => {
    const module = path.node.source.value;
    if (isNodeModule(module) && !isTypeOnly(path.node)) loaded.set(module as string, path.node);
  });
  root.find(j.CallExpression, { callee: { type: 'Identifier', name: 'require' } }).forEach((path) => {
    const module = (path.node.arguments[0] as Node)?.value;
    if (isNodeModule(module)) loaded.set(module, path.node);
  });
  return loaded;
}
