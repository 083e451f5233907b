import type { Collection, JSCodeshift } from 'jscodeshift';
import { DOM_GLOBALS, isBrowserOnly, isNodeModule, isTypeOnly, NODE_GLOBALS } from './is-browser-only.ts';

type Node = any;

/** `#!/usr/bin/env node`, `#!/usr/bin/env -S node --flag`, `#!/usr/local/bin/node`. */
const NODE_SHEBANG = /^#!\S*(?:\s+-\S+)*\s*\S*\bnode\b/;

/**
 * Whether the file is known to run on Node: `--runtime node` says so of every file; otherwise the
 * file must already depend on Node: a `node` shebang (`shebang`: its `#!` line, if any); a value
 * import, re-export, `require` or `import()` of a built-in; or a read of `process`, `Buffer`,
 * `__dirname` or `__filename` that is not a `typeof` probe (`typeof process !== 'undefined'` is
 * universal code feeling for Node) and not a local of that name.
 */
export function isNodeOnly(j: JSCodeshift, root: Collection, source: string, runtime: string | undefined, shebang = ''): boolean {
  if (runtime === 'node' || NODE_SHEBANG.test(shebang)) return true;
  // Most Node files say so in their imports: the top-level statements decide without a walk.
  const program = getProgram(root);
  if ((program.body as Node[]).some(loadsBuiltinAtTop)) return true;
  if (!NODE_WORDS.test(source)) return false;
  let found = false;
  j.types.visit(program, {
    visitCallExpression(path: Node) {
      const callee = path.node.callee;
      const loads = (callee.type === 'Identifier' && callee.name === 'require') || callee.type === 'Import';
      if (loads && isNodeModule(path.node.arguments[0]?.value)) found = true;
      if (found) this.abort();
      return this.traverse(path);
    },
    visitIdentifier(path: Node) {
      if (NODE_GLOBALS.has(path.node.name) && isGlobalRead(path)) found = true;
      if (found) this.abort();
      return this.traverse(path);
    },
  });
  return found;
}

/** The program of a parsed file, without the walk over the whole tree that `find(j.Program)` makes. */
export function getProgram(root: Collection): Node {
  const top = root.get().node as Node;
  return top.type === 'File' ? top.program : top;
}

/** Words without which a file can neither load a built-in below its top level nor read a Node global. */
const NODE_WORDS = new RegExp(`\\brequire\\b|\\bimport\\s*\\(|\\b(?:${[...NODE_GLOBALS].join('|')})\\b`);

/** `import x from 'node:fs'`, `export * from 'fs'`, `const fs = require('fs')`, `require('fs');`. */
function loadsBuiltinAtTop(statement: Node): boolean {
  const loads = (node: Node) => isNodeModule(node?.value);
  if (statement.type === 'ImportDeclaration') return loads(statement.source) && !isTypeOnly(statement);
  if (statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportAllDeclaration') return statement.exportKind !== 'type' && loads(statement.source);
  const isRequire = (node: Node) => node?.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'require' && loads(node.arguments[0]);
  if (statement.type === 'VariableDeclaration') return statement.declarations.some((declarator: Node) => isRequire(declarator.init));
  return statement.type === 'ExpressionStatement' && isRequire(statement.expression);
}

/** `process.env`, not `foo.process`, `{ process: 1 }`, `typeof process` (a probe) or a local `process`. */
function isGlobalRead(path: Node): boolean {
  const parent = path.parentPath?.node as Node;
  if (parent?.type === 'MemberExpression' && parent.property === path.node && !parent.computed) return false;
  if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.key === path.node && !parent.shorthand) return false;
  if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return false;
  return !path.scope?.lookup(path.node.name);
}

/** Globals only other runtimes have, and those universal code probes with `typeof` to find out where it runs. */
const OTHER_RUNTIME_GLOBALS = new Set(['Deno', 'Bun', 'WorkerGlobalScope', 'importScripts', 'EdgeRuntime']);
const PROBED_GLOBALS = new Set(['window', 'document', 'navigator', 'self', 'process', 'Deno', 'Bun', 'WorkerGlobalScope', 'importScripts', 'EdgeRuntime']);
/** `/// <reference lib="dom" />`, `/// <reference lib="webworker" />`. */
const BROWSER_LIB_REFERENCE = /^\/\/\/\s*<reference\s+lib=["'](?:dom|webworker)/m;

/**
 * Whether the file shows that it may run somewhere other than Node, and nothing says it is Node
 * code (`isNodeOnly`): it is browser-only (`isBrowserOnly`: DOM globals, `'use client'`), it probes
 * where it runs (`typeof window`, `typeof process`, `typeof Deno`: universal code), it reads Deno,
 * Bun, worker or edge globals, or it references the DOM or webworker lib. A Node built-in import
 * breaks such a file outside Node. A file with no sign either way is taken as Node code: most
 * server-side modules import no built-in; a package built for other runtimes too is told by its
 * package.json, which the transforms look at, or by `--runtime`.
 */
export function mayRunOutsideNode(j: JSCodeshift, root: Collection, source: string, runtime: string | undefined, shebang = ''): boolean {
  if (isNodeOnly(j, root, source, runtime, shebang)) return false;
  if (BROWSER_LIB_REFERENCE.test(source)) return true;
  if (!OTHER_RUNTIME_WORDS.test(source)) return false;
  if (isBrowserOnly(j, root)) return true;
  let found = false;
  j.types.visit(getProgram(root), {
    visitUnaryExpression(path: Node) {
      const argument = path.get('argument');
      if (path.node.operator === 'typeof' && argument.node.type === 'Identifier' && PROBED_GLOBALS.has(argument.node.name) && !path.scope?.lookup(argument.node.name)) found = true;
      if (found) this.abort();
      return this.traverse(path);
    },
    visitIdentifier(path: Node) {
      if (OTHER_RUNTIME_GLOBALS.has(path.node.name) && isGlobalRead(path)) found = true;
      if (found) this.abort();
      return this.traverse(path);
    },
  });
  return found;
}

/** Words without which a file shows no other runtime. */
const OTHER_RUNTIME_WORDS = new RegExp(
  `\\b(?:use client|${[...DOM_GLOBALS, ...OTHER_RUNTIME_GLOBALS].join('|')})\\b|\\btypeof\\s*\\(?\\s*(?:${[...PROBED_GLOBALS].join('|')})\\b`,
);
