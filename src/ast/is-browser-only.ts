import { builtinModules } from 'node:module';
import type { Collection, ImportDeclaration, JSCodeshift } from 'jscodeshift';
import { getFileIndex } from './file-index.ts';

export const DOM_GLOBALS = new Set([
  'window',
  'document',
  'navigator',
  'localStorage',
  'sessionStorage',
  'requestAnimationFrame',
  'customElements',
  'HTMLElement',
]);

export const NODE_GLOBALS = new Set(['process', '__dirname', '__filename', 'Buffer']);
const BUILTINS = new Set(builtinModules);

export function isNodeModule(specifier: unknown): boolean {
  return typeof specifier === 'string' && (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0] as string));
}

/**
 * `import type`, and imports whose every specifier is `type`: the build erases them, so they load
 * nothing at run time and say nothing about where the file runs.
 */
export function isTypeOnly(declaration: ImportDeclaration): boolean {
  const isType = (node: unknown) => ['type', 'typeof'].includes((node as { importKind?: string }).importKind as string);
  const specifiers = declaration.specifiers ?? [];
  return isType(declaration) || (specifiers.length > 0 && specifiers.every(isType));
}

/**
 * A file is browser-only when it touches DOM globals (or says `'use client'`) and shows no sign of
 * Node: no value import or require of a Node built-in, no `process`, `Buffer` or `__dirname`.
 * Everything else counts as Node code, which most server-side files are even with no import.
 */
export function isBrowserOnly(j: JSCodeshift, root: Collection): boolean {
  const index = getFileIndex(j, root);
  let dom = index.find(j.Directive, undefined, { value: { value: 'use client' } }).length > 0;
  let node = false;
  // `typeof process !== 'undefined' && process.env...` is universal code feeling for Node, not Node code.
  const probed = new Set<string>();
  index.find(j.UnaryExpression, undefined, { operator: 'typeof', argument: { type: 'Identifier' } }).forEach((path) => {
    probed.add((path.node.argument as { name: string }).name);
  });
  index.find(j.Identifier).forEach((path) => {
    const name = path.node.name;
    const parent = path.parentPath?.node;
    // `foo.window` is a property, not the global.
    if (parent?.type === 'MemberExpression' && parent.property === path.node && !parent.computed) return;
    if (DOM_GLOBALS.has(name)) dom = true;
    if (NODE_GLOBALS.has(name) && !probed.has(name)) node = true;
  });
  if (!dom || node) return false;
  const importsNode =
    index.find(j.ImportDeclaration).some((path) => isNodeModule(path.node.source.value) && !isTypeOnly(path.node)) ||
    index
      .find(j.CallExpression, undefined, { callee: { type: 'Identifier', name: 'require' } })
      .some((path) => isNodeModule((path.node.arguments[0] as { value?: unknown } | undefined)?.value));
  return !importsNode;
}
