import { ts } from 'ts-morph';
import { matchesModule, matchesName, matchesPath, normalizeModule } from '../catalog/match.ts';
import { CATALOG } from '../catalog/entries.ts';
import type { CatalogEntry } from '../catalog/types.ts';

/** What a local name is bound to: a module (or a path inside it), or an instance a module made. */
type Binding =
  | { readonly kind: 'module'; readonly module: string; readonly path: readonly string[] }
  | { readonly kind: 'instance'; readonly module: string; readonly instance: string };

/**
 * Resolves calls the type checker knows nothing about (`any`: a package without types, a JS
 * project without @types/node) to catalog entries, through the declaration of the callee's base
 * name: an import (named, default, namespace), a `require` (whole, destructured, `.member`), or a
 * variable holding what a catalogued factory made (`axios.create()`, `new OpenAI()`). The
 * compiler-API twin of the per-file CallMatcher, for the declarations the checker already found.
 */
export class CatalogResolver {
  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly entries: readonly CatalogEntry[],
  ) {}

  getEntry(call: ts.CallExpression | ts.NewExpression): CatalogEntry | undefined {
    const chain = getChain(call.expression);
    if (!chain) return undefined;
    const symbol = this.checker.getSymbolAtLocation(chain.base);
    if (!symbol) {
      const name = chain.base.text;
      return chain.members.length === 0 ? this.entries.find((e) => !e.instance && e.module === 'global' && matchesPath(e.path, [name])) : undefined;
    }
    const binding = this.getBinding(symbol, 0);
    if (!binding) return undefined;
    if (binding.kind === 'instance') {
      return this.entries.find(
        (e) => e.instance !== undefined && matchesModule(e.module, binding.module) && matchesName(e.instance, binding.instance) && matchesPath(e.path, chain.members),
      );
    }
    const path = [...binding.path, ...chain.members];
    return this.entries.find((e) => !e.instance && e.module !== 'global' && matchesModule(e.module, binding.module) && matchesPath(e.path, path));
  }

  private getBinding(symbol: ts.Symbol, depth: number): Binding | undefined {
    const declaration = symbol.getDeclarations()?.[0];
    if (!declaration || depth > 4) return undefined;
    if (ts.isImportSpecifier(declaration)) {
      const module = getModule(declaration.parent.parent.parent.moduleSpecifier);
      const imported = (declaration.propertyName ?? declaration.name).text;
      return module === undefined ? undefined : { kind: 'module', module, path: imported === 'default' ? [] : [imported] };
    }
    if (ts.isImportClause(declaration)) {
      const module = getModule(declaration.parent.moduleSpecifier);
      return module === undefined ? undefined : { kind: 'module', module, path: [] };
    }
    if (ts.isNamespaceImport(declaration)) {
      const module = getModule(declaration.parent.parent.moduleSpecifier);
      return module === undefined ? undefined : { kind: 'module', module, path: [] };
    }
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && ts.isVariableDeclaration(declaration.parent.parent)) {
      const required = getRequired(declaration.parent.parent.initializer);
      const key = declaration.propertyName ?? declaration.name;
      if (!required || !ts.isIdentifier(key)) return undefined;
      return { kind: 'module', module: required.module, path: [...required.path, key.text] };
    }
    if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
      const required = getRequired(declaration.initializer);
      if (required) return { kind: 'module', ...required };
      return this.getInstance(declaration.initializer, depth);
    }
    return undefined;
  }

  /** The instance `init` makes, when it is a catalogued factory call or constructor. */
  private getInstance(init: ts.Expression, depth: number): Binding | undefined {
    const expression = ts.isAwaitExpression(init) ? init.expression : init;
    if (!ts.isCallExpression(expression) && !ts.isNewExpression(expression)) return undefined;
    const chain = getChain(expression.expression);
    const symbol = chain && this.checker.getSymbolAtLocation(chain.base);
    const binding = symbol && this.getBinding(symbol, depth + 1);
    if (!chain || binding?.kind !== 'module') return undefined;
    const path = [...binding.path, ...chain.members];
    const instance = ts.isNewExpression(expression) ? (path.length === 0 ? 'new' : `new ${path.join('.')}`) : path.length === 0 ? 'call' : path.join('.');
    const known = this.entries.some((e) => e.instance !== undefined && matchesModule(e.module, binding.module) && matchesName(e.instance, instance));
    return known ? { kind: 'instance', module: binding.module, instance } : undefined;
  }
}

function getModule(specifier: ts.Expression): string | undefined {
  return ts.isStringLiteral(specifier) ? normalizeModule(specifier.text) : undefined;
}

/** `require('m')` or `require('m').a.b`. */
function getRequired(node: ts.Expression | undefined): { module: string; path: string[] } | undefined {
  const path: string[] = [];
  let current = node;
  while (current && ts.isPropertyAccessExpression(current)) {
    path.unshift(current.name.text);
    current = current.expression;
  }
  if (
    current &&
    ts.isCallExpression(current) &&
    ts.isIdentifier(current.expression) &&
    current.expression.text === 'require' &&
    current.arguments.length === 1 &&
    ts.isStringLiteral(current.arguments[0]!)
  ) {
    return { module: normalizeModule((current.arguments[0] as ts.StringLiteral).text), path };
  }
  return undefined;
}

/** `a.b.c` -> base `a`, members `b`, `c`. */
function getChain(node: ts.Expression): { base: ts.Identifier; members: string[] } | undefined {
  const members: string[] = [];
  let current = node;
  while (ts.isPropertyAccessExpression(current)) {
    if (!ts.isIdentifier(current.name)) return undefined;
    members.unshift(current.name.text);
    current = current.expression;
  }
  return ts.isIdentifier(current) ? { base: current, members } : undefined;
}

/** Calls whose callee's last name is one of these may be sinks. */
export function getCatalogNames(extra: readonly CatalogEntry[] = []): Set<string> {
  const names = new Set<string>(['axios', 'got', 'ky', 'fetch', 'request', 'undici']);
  for (const entry of [...CATALOG, ...extra]) {
    for (const alternative of entry.path.split('|')) {
      const last = alternative.split('.').pop();
      if (last && last !== '*') names.add(last);
    }
    if (entry.instance && entry.path === '*') for (const name of ['create', 'send', 'list', 'retrieve', 'stream']) names.add(name);
  }
  return names;
}
