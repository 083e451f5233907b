import { diffArrays, diffLines } from 'diff';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { isNodeModule, isTypeOnly } from '../ast/is-browser-only.ts';
import { getProgram, mayRunOutsideNode } from '../ast/is-node-only.ts';
import { isFunctionNode } from '../ast/get-enclosing-functions.ts';
import { isReferenceIdentifier } from '../ast/get-references.ts';
import { getDeclaration } from '../scope/get-declaration.ts';
import { patchAstTypesScope, withLibraryFixes } from './library-patches.ts';
import { type ParserName, parseTree } from './parsers.ts';

type Node = any;

/** Something an edit broke, at its position in the input. */
export interface EditProblem {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

export interface NetOptions {
  /** The parser the file was read with. */
  readonly parser: ParserName;
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
 * name at all), and a file that may run outside Node (`mayRunOutsideNode`) must not gain a Node
 * built-in import. Both texts are parsed afresh, so what is checked is what would be written.
 * Only names on changed lines are resolved, and of those only the occurrences on changed lines
 * unless a declaration of the name is on one: elsewhere a reference changes meaning only through a
 * declaration added, removed or moved. Not seen: the temporal dead zone (a use above its `let`).
 */
export function findEditProblems(j: JSCodeshift, input: string, output: string, options: NetOptions): EditProblem[] {
  patchAstTypesScope(j);
  return withLibraryFixes(() => findProblems(j, input, output, options));
}

function findProblems(j: JSCodeshift, input: string, output: string, options: NetOptions): EditProblem[] {
  const before = j(parseTree(options.parser, input) as never);
  let after: Collection;
  try {
    after = j(parseTree(options.parser, output) as never);
  } catch (error) {
    return [{ line: 1, column: 1, message: NET_MESSAGES.unparsable(error instanceof Error ? error.message : String(error)) }];
  }
  const alignment = getAlignment(input, output);
  const inputLines = input.split('\n');
  const at = (node: Node) => ({ line: node.loc.start.line, column: node.loc.start.column + 1 });
  // A line an edit wrote is shown at the first line of what it replaced, or of what follows it.
  const atOutput = (node: Node) => {
    const place = alignment.output.get(node.loc.start.line);
    return { line: !place ? 1 : 'same' in place ? place.same : (alignment.blockStarts.get(place.block) ?? 1), column: 1 };
  };
  return [
    ...findBindingProblems(j, before, after, alignment, isLookalike(inputLines, output.split('\n')), at, atOutput),
    ...findNodeImportProblems(j, input, before, after, options, atOutput),
  ];
}

type Place = { line: number; column: number };

interface Alignment {
  /** Output line -> the same line of the input, or the index of the changed block it is in. */
  readonly output: Map<number, { same: number } | { block: number }>;
  /** Input lines that an edit changed -> the index of their changed block. */
  readonly input: Map<number, number>;
  /** Block -> its first input line (for a pure insertion, the line after it). */
  readonly blockStarts: Map<number, number>;
  /** The text of every changed line, input and output. */
  readonly changedText: string[];
}

/** Unchanged lines paired with their input line; changed ones grouped into numbered blocks. */
function getAlignment(input: string, output: string): Alignment {
  const alignment: Alignment = { output: new Map(), input: new Map(), blockStarts: new Map(), changedText: [] };
  const lastLine = Math.max(1, input.split('\n').length);
  let inputLine = 1;
  let outputLine = 1;
  let block = 0;
  let open = false;
  for (const part of diffLines(input, output)) {
    const count = part.count ?? 0;
    if (part.added || part.removed) {
      if (!open) alignment.blockStarts.set(++block, Math.min(inputLine, lastLine));
      open = true;
      alignment.changedText.push(part.value);
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

function getIdentifiers(j: JSCodeshift, root: Collection, words: ReadonlySet<string>): Occurrences {
  const byName: Occurrences = new Map();
  const skip = () => false;
  j.types.visit(root.get().node, {
    visitIdentifier(path: Node) {
      if (words.has(path.node.name) && path.node.loc && isBindingIdentifier(path)) {
        const list = byName.get(path.node.name);
        if (list) list.push(path);
        else byName.set(path.node.name, [path]);
      }
      return this.traverse(path);
    },
    // Types name no values: their identifiers are never references, and skipping them halves the walk of a typed file.
    visitTSTypeAnnotation: skip,
    visitTSTypeParameterDeclaration: skip,
    visitTSTypeParameterInstantiation: skip,
    visitTSInterfaceDeclaration: skip,
    visitTSTypeAliasDeclaration: skip,
  });
  return byName;
}

/** The words on changed lines: no other name needs resolving. */
function getChangedWords(alignment: Alignment): Set<string> {
  const words = new Set<string>();
  for (const line of alignment.changedText) for (const word of line.match(/[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/gu) ?? []) words.add(word);
  return words;
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
  const words = getChangedWords(alignment);
  const inputIds = getIdentifiers(j, before, words);
  const outputIds = getIdentifiers(j, after, words);
  const lineOf = (path: ASTPath) => (path.node as Node).loc.start.line as number;
  const changed = new Set<string>();
  const isChanged = (path: ASTPath) => {
    const place = alignment.output.get(lineOf(path));
    return place !== undefined && 'block' in place;
  };
  for (const [name, paths] of outputIds) if (paths.some(isChanged)) changed.add(name);
  for (const [name, paths] of inputIds) if (paths.some((path) => alignment.input.has(lineOf(path)))) changed.add(name);

  const problems: EditProblem[] = [];
  const counterpart = getCounterparts(inputIds, outputIds, changed, alignment);
  for (const name of changed) {
    const inputPaths = inputIds.get(name) ?? [];
    const outputPaths = outputIds.get(name) ?? [];
    // Where no declaration of the name changed, only what the edits wrote can refer elsewhere.
    const redeclared = outputPaths.some((path) => isChanged(path) && isDeclaration(path)) || inputPaths.some((path) => alignment.input.has(lineOf(path)) && isDeclaration(path));
    const declared = outputPaths.some(isDeclaration) || inputPaths.some(isDeclaration);
    for (const path of outputPaths) {
      if ((!redeclared && !isChanged(path)) || !isReferenceIdentifier(path)) continue;
      const declaration = getDeclaration(path);
      const original = counterpart.get(path.node);
      if (!original) {
        // Written by an edit: it must refer to something when the file declares the name at all.
        if (declaration === null && declared) problems.push({ ...atOutput(path.node), message: NET_MESSAGES.undeclared(name) });
        continue;
      }
      const expected = getDeclaration(original);
      const mapped = declaration ? counterpart.get(declaration)?.node : null;
      if (expected === mapped || (expected && declaration && lookalike(expected, declaration))) continue;
      problems.push({ ...at(original.node), message: getBindingMessage(name, expected, declaration, mapped, at) });
    }
  }
  return problems;
}

/** An identifier that declares its name: a variable, parameter, function, class, import or catch binding, or part of a pattern. */
function isDeclaration(path: ASTPath): boolean {
  const parent = path.parentPath?.node as Node;
  const node = path.node;
  if (!parent) return false;
  if (isFunctionNode(parent)) return parent.id === node || parent.params.includes(node);
  switch (parent.type) {
    case 'VariableDeclarator':
      return parent.id === node;
    case 'ImportSpecifier':
    case 'ImportDefaultSpecifier':
    case 'ImportNamespaceSpecifier':
      return parent.local === node;
    case 'CatchClause':
      return parent.param === node;
    case 'ClassDeclaration':
    case 'ClassExpression':
      return parent.id === node;
    case 'ArrayPattern':
    case 'RestElement':
    case 'TSParameterProperty':
      return true;
    case 'AssignmentPattern':
      return parent.left === node;
    case 'ObjectProperty':
    case 'Property':
      return parent.value === node && path.parentPath?.parentPath?.parentPath?.node?.type === 'ObjectPattern';
    default:
      return false;
  }
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
 * Each output identifier's input identifier, for the names given: on an unchanged line, the one at
 * the same place. The others pair by name and order between two such anchors, aligned as sequences
 * (a diff of the names in file order): a sibling function's identifiers stay apart from those of
 * the edited one, and a declaration the diff put in a block of its own still finds its original.
 */
function getCounterparts(inputIds: Occurrences, outputIds: Occurrences, names: ReadonlySet<string>, alignment: Alignment): Map<Node, ASTPath> {
  const nameOf = (path: ASTPath) => (path.node as Node).name as string;
  const start = (path: ASTPath) => (path.node as Node).loc.start as Place;
  const key = (name: string, line: number, column: number) => `${name}@${line}:${column}`;
  const pick = (ids: Occurrences) => sortByPlace([...names].flatMap((name) => ids.get(name) ?? []));
  const inputs = pick(inputIds);
  const inputAt = new Map<string, number>();
  inputs.forEach((path, index) => {
    const { line, column } = start(path);
    if (!alignment.input.has(line)) inputAt.set(key(nameOf(path), line, column), index);
  });
  const counterparts = new Map<Node, ASTPath>();
  const anchored = new Set<number>();
  let from = 0;
  let pending: ASTPath[] = [];
  const pairPending = (to: number) => {
    const rest = inputs.slice(from, Math.max(from, to)).filter((_, offset) => !anchored.has(from + offset));
    pairInOrder(rest, pending, nameOf, counterparts);
    pending = [];
  };
  for (const path of pick(outputIds)) {
    const { line, column } = start(path);
    const place = alignment.output.get(line);
    const index = place && 'same' in place ? inputAt.get(key(nameOf(path), place.same, column)) : undefined;
    if (index === undefined) {
      pending.push(path);
      continue;
    }
    counterparts.set(path.node, inputs[index] as ASTPath);
    anchored.add(index);
    pairPending(index);
    from = Math.max(from, index + 1);
  }
  pairPending(inputs.length);
  return counterparts;
}

/** Pairs identifiers of the same name in the same order: the common subsequence of their names. */
function pairInOrder(inputs: ASTPath[], outputs: ASTPath[], nameOf: (path: ASTPath) => string, counterparts: Map<Node, ASTPath>): void {
  if (inputs.length === 0 || outputs.length === 0) return;
  let before = 0;
  let after = 0;
  for (const part of diffArrays(inputs.map(nameOf), outputs.map(nameOf))) {
    const count = part.count ?? part.value.length;
    if (part.removed) before += count;
    else if (part.added) after += count;
    else for (let i = 0; i < count; i++) counterparts.set((outputs[after++] as ASTPath).node, inputs[before++] as ASTPath);
  }
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
  const loaded = getLoadedBuiltins(before);
  const added = [...getLoadedBuiltins(after)].filter(([module]) => !loaded.has(module));
  if (added.length === 0 || !mayRunOutsideNode(j, before, input, options.runtime, options.shebang)) return [];
  return added.map(([module, node]) => ({ ...atOutput(node), message: NET_MESSAGES.nodeImport(module) }));
}

/**
 * Node built-ins a file loads at run time, with the statement that loads each: top-level value
 * imports and requires, where edits put them (a walk of the whole tree for a rare nested
 * `require` would cost every changed file).
 */
function getLoadedBuiltins(root: Collection): Map<string, Node> {
  const loaded = new Map<string, Node>();
  for (const statement of getProgram(root).body as Node[]) {
    if (statement.type === 'ImportDeclaration') {
      if (isNodeModule(statement.source.value) && !isTypeOnly(statement)) loaded.set(statement.source.value, statement);
      continue;
    }
    const calls = statement.type === 'VariableDeclaration' ? statement.declarations.map((declarator: Node) => declarator.init) : [statement.expression];
    for (const call of calls) {
      const isRequire = call?.type === 'CallExpression' && call.callee.type === 'Identifier' && call.callee.name === 'require';
      if (isRequire && isNodeModule(call.arguments[0]?.value)) loaded.set(call.arguments[0].value, statement);
    }
  }
  return loaded;
}
