import type { Collection, JSCodeshift } from 'jscodeshift';
import { isBrowserOnly, isNodeModule, isTypeOnly, NODE_GLOBALS } from './is-browser-only.ts';

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
export function isNodeOnly(j: JSCodeshift, root: Collection, runtime: string | undefined, shebang = ''): boolean {
  if (runtime === 'node' || NODE_SHEBANG.test(shebang)) return true;
  const loadsBuiltin = (specifier: Node) => isNodeModule(specifier?.value);
  if (root.find(j.ImportDeclaration).some((path) => loadsBuiltin(path.node.source) && !isTypeOnly(path.node))) return true;
  const reexports = [...root.find(j.ExportNamedDeclaration).nodes(), ...root.find(j.ExportAllDeclaration).nodes()] as Node[];
  if (reexports.some((node) => node.exportKind !== 'type' && loadsBuiltin(node.source))) return true;
  const calls = root.find(j.CallExpression).filter((path) => {
    const callee = path.node.callee as Node;
    return (callee.type === 'Identifier' && callee.name === 'require') || callee.type === 'Import';
  });
  if (calls.some((path) => loadsBuiltin(path.node.arguments[0]))) return true;
  return readsNodeGlobal(j, root);
}

function readsNodeGlobal(j: JSCodeshift, root: Collection): boolean {
  return root.find(j.Identifier).some((path) => {
    const name = path.node.name;
    if (!NODE_GLOBALS.has(name)) return false;
    const parent = path.parentPath?.node as Node;
    // `foo.process` is a property, `typeof process` a probe, a local `process` not the global.
    if (parent?.type === 'MemberExpression' && parent.property === path.node && !parent.computed) return false;
    if ((parent?.type === 'ObjectProperty' || parent?.type === 'Property') && parent.key === path.node && !parent.shorthand) return false;
    if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return false;
    return !(path as Node).scope?.lookup(name);
  });
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
  if (isNodeOnly(j, root, runtime, shebang)) return false;
  if (isBrowserOnly(j, root) || BROWSER_LIB_REFERENCE.test(source)) return true;
  const isGlobal = (path: Node) => !path.scope?.lookup(path.node.name);
  const probes = root.find(j.UnaryExpression, { operator: 'typeof', argument: { type: 'Identifier' } }).some((path) => {
    const argument = path.get('argument');
    return PROBED_GLOBALS.has(argument.node.name) && isGlobal(argument);
  });
  if (probes) return true;
  return root.find(j.Identifier).some((path) => {
    if (!OTHER_RUNTIME_GLOBALS.has(path.node.name)) return false;
    const parent = path.parentPath?.node as Node;
    if (parent?.type === 'MemberExpression' && parent.property === path.node && !parent.computed) return false;
    return isGlobal(path);
  });
}
