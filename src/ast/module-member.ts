import { builtinModules } from 'node:module';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getPrintOptions } from '../engine/print-options.ts';
import type { TransformContext } from '../types.ts';
import type { ModuleKind } from './get-module-kind.ts';
import { isFilePragma } from './is-file-pragma.ts';
import { parseStatement } from './parse-snippet.ts';
import { getFileIndex } from './file-index.ts';

type Node = any;

export interface ModuleMember {
  /** Module specifiers that name the same module, the first one used for new imports. */
  readonly modules: readonly string[];
  /** The exported name. */
  readonly member: string;
  /** Local names to try for a new import, in order; numbered variants of the last follow. */
  readonly aliases: readonly string[];
}

/** A way to write a reference to the member: `sleep` or `timers.setTimeout`. */
export type MemberReference = { readonly local: string } | { readonly namespace: string; readonly member: string };

export function getMemberText(reference: MemberReference): string {
  return 'local' in reference ? reference.local : `${reference.namespace}.${reference.member}`;
}

/** An existing top-level import or require of the member that can be reused. */
export function findModuleMember(j: JSCodeshift, root: Collection, wanted: ModuleMember): MemberReference | undefined {
  const program = getFileIndex(j, root).find(j.Program)[0]!.node as Node;
  for (const statement of program.body as Node[]) {
    if (statement.type === 'ImportDeclaration' && wanted.modules.includes(statement.source.value)) {
      if (statement.importKind === 'type') continue;
      for (const specifier of statement.specifiers ?? []) {
        if (specifier.importKind === 'type') continue;
        if (specifier.type === 'ImportSpecifier' && getName(specifier.imported) === wanted.member) {
          return { local: specifier.local.name };
        }
        if (specifier.type === 'ImportNamespaceSpecifier' || specifier.type === 'ImportDefaultSpecifier') {
          return { namespace: specifier.local.name, member: wanted.member };
        }
      }
    }
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        if (!isRequireOf(declarator.init, wanted.modules)) continue;
        if (declarator.id.type === 'Identifier') return { namespace: declarator.id.name, member: wanted.member };
        if (declarator.id.type === 'ObjectPattern') {
          for (const property of declarator.id.properties) {
            if ((property.type === 'ObjectProperty' || property.type === 'Property') && !property.computed &&
                getName(property.key) === wanted.member && property.value.type === 'Identifier') {
              return { local: property.value.name };
            }
          }
        }
      }
    }
  }
  return undefined;
}

export const MODULE_MEMBER_MESSAGES = {
  added: (statement: string) => `adds ${statement}`,
  extended: (specifier: string, source: string) => `adds ${specifier} to the import from ${source}`,
} as const;

/**
 * Adds an import (ESM) or require (CommonJS) of the member under a local name that clashes with
 * nothing in the file, extending an existing import of the same module when there is one. The
 * new line is an edit of its own, reported where it goes.
 */
export function addModuleMember(ctx: TransformContext, kind: ModuleKind, wanted: ModuleMember): MemberReference {
  const { j, root } = ctx;
  const local = getUnusedName(j, root, wanted.aliases);
  const program = getFileIndex(j, root).find(j.Program)[0]!.node as Node;
  keepDirectiveSpacing(program);
  const body = program.body as Node[];
  const specifier = getPrintOptions(ctx.source, ctx.options.style).quote === 'single' ? `'${wanted.modules[0]}'` : `"${wanted.modules[0]}"`;
  if (kind === 'esm') {
    const existing = body.find(
      (statement) =>
        statement.type === 'ImportDeclaration' &&
        wanted.modules.includes(statement.source.value) &&
        statement.importKind !== 'type' &&
        (statement.specifiers ?? []).every((specifier: Node) => specifier.type === 'ImportSpecifier'),
    );
    if (existing && existing.specifiers.length > 0) {
      ctx.consequence(existing, MODULE_MEMBER_MESSAGES.extended(local === wanted.member ? local : `${wanted.member} as ${local}`, existing.source.extra?.raw ?? specifier));
      existing.specifiers.push(j.importSpecifier(j.identifier(wanted.member), j.identifier(local)));
    } else {
      const declaration = `import { ${local === wanted.member ? local : `${wanted.member} as ${local}`} } from ${specifier}`;
      ctx.consequence(insertWithModules(j, body, `${declaration};`, getImportSource), MODULE_MEMBER_MESSAGES.added(declaration));
    }
  } else {
    const declaration = `const { ${local === wanted.member ? local : `${wanted.member}: ${local}`} } = require(${specifier})`;
    ctx.consequence(insertWithModules(j, body, `${declaration};`, getRequireSource), MODULE_MEMBER_MESSAGES.added(declaration));
  }
  return { local };
}

/** A place in the input, for the finding of a statement that has none: where it goes. */
type Site = { loc: { start: Position; lines: unknown } } | Node;

function getSite(node: Node, start: Position | undefined): Site {
  return start && node?.loc ? { loc: { start, lines: node.loc.lines } } : node;
}

/**
 * Where import-order rules (eslint-plugin-import's `order`, Biome's organizeImports) want a Node
 * built-in: after the last built-in import (or require), else in front of the first one, else
 * first in the file.
 */
function insertWithModules(j: JSCodeshift, body: Node[], text: string, getSource: (statement: Node) => string | undefined): Site {
  const sources = body.map(getSource);
  const lastBuiltin = sources.findLastIndex(isBuiltinModule);
  const first = sources.findIndex((source) => source !== undefined);
  if (lastBuiltin < 0 && first >= 0) {
    const anchor = body[first];
    const header = first === 0 ? getImportHeader(getLeadingComments(anchor)) : [];
    body.splice(first, 1, ...getStatementsBefore(j, anchor, text, first === 0));
    // Below the header, above the rest of the anchor's comments.
    return getSite(anchor, getLeadingComments(anchor)[header.length]?.loc?.start ?? anchor.loc?.start);
  }
  return insertAfter(j, body, lastBuiltin, text);
}

function getLeadingComments(node: Node): Node[] {
  return ((node?.comments ?? []) as Node[]).filter((comment) => comment.leading);
}

function getImportSource(statement: Node): string | undefined {
  return statement.type === 'ImportDeclaration' ? statement.source.value : undefined;
}

function getRequireSource(statement: Node): string | undefined {
  if (statement.type !== 'VariableDeclaration') return undefined;
  const call = statement.declarations.map((d: Node) => d.init).find(isRequireCall);
  return call?.arguments[0].value;
}

/** `node:fs`, `fs`, `fs/promises`. */
function isBuiltinModule(source: string | undefined): boolean {
  return source !== undefined && (source.startsWith('node:') || builtinModules.includes(source));
}

/**
 * The new statement and `anchor`, parsed together so the two stay on consecutive lines. Of the
 * file's first statement (`isFirst`), the header comments (license, pragmas) go on top.
 */
function getStatementsBefore(j: JSCodeshift, anchor: Node, text: string, isFirst: boolean): Node[] {
  const leading = ((anchor.comments ?? []) as Node[]).filter((comment) => comment.leading);
  const header = isFirst ? getImportHeader(leading) : [];
  const lines = anchor.loc?.lines;
  const from = header[0]?.loc?.start ?? anchor.loc?.start;
  const rest = leading[header.length]?.loc?.start ?? anchor.loc?.start;
  const end = getCommentedEnd(anchor);
  if (!lines || !from || !rest || !end) return [parseStatement(j, text), anchor];
  // One snippet from the header to the import's last comment, so that every comment and line
  // comes from the same text: the header before the new statement, the import's own directives
  // and trailing comments after it.
  const snippet = `${lines.slice(from, rest).toString()}${text}\n${lines.slice(rest, end).toString()}`;
  return getSnippetPair(j, snippet, anchor, 1, header) ?? [parseStatement(j, text), anchor];
}

/**
 * Of the leading comments above a file's first import, those that belong to the file: all, as nothing
 * documents an import, but for the directives right above it that apply to its line only.
 */
function getImportHeader(leading: readonly Node[]): Node[] {
  let end = leading.length;
  while (end > 0 && NEXT_LINE_DIRECTIVE.test(leading[end - 1].value)) end--;
  return leading.slice(0, end);
}

/** `eslint-disable-next-line`, `@ts-expect-error`, `biome-ignore`: comments about the line below. */
const NEXT_LINE_DIRECTIVE = /^\s*(?:eslint-disable-next-line\b|@ts-(?:ignore|expect-error)\b|biome-ignore\b|prettier-ignore\b|oxlint-disable-next-line\b)/;

/**
 * After `body[after]`, or with `after` -1, first in the file after its directives (a statement
 * before `'use strict'` would turn the directive into a plain string). A new first statement
 * takes over the file's leading comments (license headers, pragmas) so that they stay on top, and
 * is followed by a blank line.
 */
function insertAfter(j: JSCodeshift, body: Node[], after: number, text: string): Site {
  const index = after >= 0 ? after : getDirectiveCount(body) - 1;
  if (index >= 0) {
    const anchor = body[index];
    body.splice(index, 1, ...getAnchoredStatements(j, anchor, text));
    return getSite(anchor, getCommentedEnd(anchor));
  }
  const first = body[0];
  const { header, attached } = splitLeadingComments(first);
  const site = getSite(first, attached[0]?.loc?.start ?? first?.loc?.start);
  if (header.length === 0) {
    body.unshift(getLeadingStatement(j, text));
    return site;
  }
  // The comments keep their own spacing; a statement printed from the snippet's lines could not
  // be placed between comments from the file's.
  const statement = parseStatement(j, text);
  statement.comments = header;
  first.comments = first.comments.filter((comment: Node) => !comment.leading || attached.includes(comment));
  body.unshift(statement);
  return site;
}

/**
 * The first statement's leading comments, split into the file's header (license, pragmas, and
 * anything a blank line separates from the statement), which stays first, and the comments that
 * document the statement itself (`/** Waits. *\/` on the line above it), which stay with it: a
 * JSDoc moved onto a new import would document the import and, in JavaScript, drop the
 * function's JSDoc types.
 */
function splitLeadingComments(statement: Node | undefined): { header: Node[]; attached: Node[] } {
  const leading = ((statement?.comments ?? []) as Node[]).filter((comment) => comment.leading);
  let start = leading.length;
  let next = statement?.loc?.start.line;
  while (start > 0) {
    const comment = leading[start - 1];
    const end = comment.loc?.end.line;
    if (next === undefined || end === undefined || next - end > 1 || isFilePragma(comment.value)) break;
    next = comment.loc.start.line;
    start--;
  }
  return { header: leading.slice(0, start), attached: leading.slice(start) };
}

/** Leading `'use strict'`-style statements (directives, as `keepDirectiveSpacing` leaves them). */
function getDirectiveCount(body: Node[]): number {
  let count = 0;
  while (
    body[count]?.type === 'ExpressionStatement' &&
    ['Literal', 'StringLiteral'].includes(body[count].expression.type) &&
    typeof body[count].expression.value === 'string'
  ) {
    count++;
  }
  return count;
}

/**
 * The anchor and the new statement, parsed together from the anchor's own text. recast spaces
 * an inserted statement by the gap that followed its neighbour in the input, so a lone new
 * import after `import ...;<blank line>` would get a blank line of its own before it; parsed
 * as one snippet, the two stay on consecutive lines and the old gap follows the new statement.
 */
function getAnchoredStatements(j: JSCodeshift, anchor: Node, text: string): Node[] {
  const lines = anchor.loc?.lines;
  const start = getCommentedStart(anchor);
  const end = getCommentedEnd(anchor);
  if (!lines || !start || !end) return [anchor, parseStatement(j, text)];
  return getSnippetPair(j, `${lines.slice(start, end).toString()}\n${text}`, anchor, 0) ?? [anchor, parseStatement(j, text)];
}

/**
 * The snippet's two statements, with the copy of `anchor` at `copyIndex`, when the snippet parsed
 * as the file did: the copy has the anchor's type and the anchor's comments on the same sides,
 * and the new statement has just `newComments` (the header it takes over). A node parsed from the
 * snippet must not keep comments from the file: recast measures the space around a statement from
 * its position and those of its comments in one text, and positions from two texts point past the
 * snippet's end (a TypeError in recast's printer).
 */
function getSnippetPair(j: JSCodeshift, snippet: string, anchor: Node, copyIndex: 0 | 1, newComments: readonly Node[] = []): Node[] | undefined {
  const body = j(snippet).find(j.Program).get().node.body as Node[];
  const copy = body[copyIndex];
  const statement = body[1 - copyIndex];
  if (body.length !== 2 || copy.type !== anchor.type) return undefined;
  const own = ((anchor.comments ?? []) as Node[]).filter((comment) => !newComments.includes(comment));
  if (getCommentSides(copy.comments) !== getCommentSides(own)) return undefined;
  if (getCommentSides(statement.comments) !== getCommentSides(newComments)) return undefined;
  return body;
}

/** Each comment's text and side, to tell whether a snippet attached comments as the file did. */
function getCommentSides(comments: readonly Node[] | undefined): string {
  return JSON.stringify((comments ?? []).map((comment) => [comment.leading === true, comment.trailing === true, comment.value]));
}

/** Where `node` starts, its leading comments included. */
function getCommentedStart(node: Node): Position | undefined {
  return ((node.comments ?? []) as Node[]).reduce((start, comment) => minPosition(start, comment.loc?.start), node.loc?.start);
}

/** Where `node` ends, its trailing comments included. */
function getCommentedEnd(node: Node): Position | undefined {
  return ((node.comments ?? []) as Node[]).reduce((end, comment) => maxPosition(end, comment.loc?.end), node.loc?.end);
}

type Position = { line: number; column: number };

function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.column - b.column;
}

function minPosition(a: Position | undefined, b: Position | undefined): Position | undefined {
  return a && b ? (comparePositions(a, b) <= 0 ? a : b) : undefined;
}

function maxPosition(a: Position | undefined, b: Position | undefined): Position | undefined {
  return a && b ? (comparePositions(a, b) >= 0 ? a : b) : undefined;
}

/**
 * A statement to go first, parsed with a blank line after it: recast spaces a statement it prints
 * from source by the gaps around it there, and a new one by a bare line break.
 */
function getLeadingStatement(j: JSCodeshift, text: string): Node {
  const program = j(`${text}\n\n0;`).find(j.Program).get().node;
  if (program.body.length !== 2) throw new Error(`expected one statement in snippet: ${text}`);
  return program.body[0];
}

/**
 * recast reprints a changed program as each directive plus `;\n`, dropping the blank line that
 * usually follows `'use strict';`. As plain expression statements (which is what a leading
 * string statement is anyway) they are spaced by their position in the input like any other.
 */
export function keepDirectiveSpacing(program: Node): void {
  const directives = (program.directives ?? []) as Node[];
  if (directives.length === 0) return;
  const statements = directives.map((directive) => {
    // `Literal` rather than `StringLiteral`: recast prints its raw text, so the quotes stay as written.
    const literal = { type: 'Literal', value: directive.value.value, extra: directive.value.extra, loc: directive.value.loc };
    return { type: 'ExpressionStatement', expression: literal, loc: directive.loc, comments: directive.comments };
  });
  program.directives = [];
  program.body.unshift(...statements);
}

function isRequireCall(node: Node): boolean {
  return (
    node?.type === 'CallExpression' &&
    node.callee.type === 'Identifier' &&
    node.callee.name === 'require' &&
    node.arguments.length === 1 &&
    (node.arguments[0].type === 'StringLiteral' || node.arguments[0].type === 'Literal')
  );
}

function isRequireOf(node: Node, modules: readonly string[]): boolean {
  return isRequireCall(node) && modules.includes(node.arguments[0].value);
}

function getName(node: Node): string | undefined {
  return node.type === 'Identifier' ? node.name : node.value;
}

export interface UnusedNameOptions {
  /**
   * A local variable declared in the scope of this path: only identifiers inside that scope's
   * function (or the program) and names bound around it count, and property names
   * (`a.name`, `{ name: value }`) never do: `{ signal: controller.signal }` does not keep
   * `signal` from being taken.
   */
  readonly localTo?: ASTPath;
}

/**
 * The first candidate (then `last2`, `last3`, ...) that no identifier in the file uses. Property
 * names (`emitter.once`, `{ once: 1 }`) bind nothing and do not count.
 */
export function getUnusedName(j: JSCodeshift, root: Collection, candidates: readonly string[], options: UnusedNameOptions = {}): string {
  const used = new Set<string>();
  const scope = (options.localTo as Node)?.scope;
  const search = scope ? j(scope.path as ASTPath) : root;
  search.find(j.Identifier).forEach((path) => {
    if (isPropertyName(path.node, path.parent?.node)) return;
    used.add(path.node.name);
  });
  const isUsed = (name: string) => used.has(name) || (scope !== undefined && scope.lookup(name) !== null);
  for (const candidate of candidates) if (!isUsed(candidate)) return candidate;
  const last = candidates[candidates.length - 1] as string;
  for (let n = 2; ; n++) if (!isUsed(`${last}${n}`)) return `${last}${n}`;
}

function isPropertyName(node: Node, parent: Node): boolean {
  if (!parent || parent.computed) return false;
  if (parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') return parent.property === node;
  if (parent.type === 'ObjectProperty' || parent.type === 'Property') return parent.key === node && !parent.shorthand;
  return false;
}
