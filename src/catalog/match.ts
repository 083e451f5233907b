import { builtinModules } from 'node:module';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { CATALOG } from './entries.ts';
import { getFileIndex, type FileIndex } from '../ast/file-index.ts';
import type { ApiPattern, CatalogEntry } from './types.ts';

type Node = any;

/** What a local name is bound to: a module (or a path inside it), or an instance a module made. */
type Binding =
  | { readonly kind: 'module'; readonly module: string; readonly path: readonly string[]; readonly scope: unknown }
  | { readonly kind: 'instance'; readonly module: string; readonly instance: string; readonly scope: unknown };

export interface CallMatch<E extends ApiPattern = CatalogEntry> {
  readonly entry: E;
  /** The callee as the user wrote it, for messages: `axios.get`, `client.send`. */
  readonly callee: string;
}

const BUILTINS = new Set(builtinModules);

/** `node:fs` and `fs` are the same module; a user's `fs` package cannot shadow a built-in. */
export function normalizeModule(specifier: string): string {
  const bare = specifier.startsWith('node:') ? specifier.slice(5) : specifier;
  return BUILTINS.has(bare.split('/')[0] as string) ? bare : specifier;
}

export function matchesModule(pattern: string, specifier: string): boolean {
  const wanted = normalizeModule(pattern);
  return wanted.endsWith('*') ? specifier.startsWith(wanted.slice(0, -1)) : wanted === specifier;
}

export function matchesName(pattern: string, name: string): boolean {
  if (!pattern.includes('*')) return pattern === name;
  const [head, tail] = pattern.split('*') as [string, string];
  return name.startsWith(head) && name.endsWith(tail) && name.length >= head.length + tail.length;
}

export function matchesPath(pattern: string, path: readonly string[]): boolean {
  if (pattern === '*') return path.length > 0;
  return pattern.split('|').includes(path.join('.'));
}

/**
 * Resolves calls to catalog entries through the file's imports and requires: named, default and
 * namespace imports, aliases, `require` (whole, destructured, or `.member`), `node:` prefixes,
 * and instances made by a known factory (`axios.create()`, `new OpenAI()`, `new S3Client()`),
 * held in a variable or a `this.` property. A local function called `fetch` is not the global.
 */
export class CallMatcher<E extends ApiPattern = CatalogEntry> {
  private readonly bindings = new Map<string, Binding[]>();
  private readonly members = new Map<string, Binding>();

  constructor(
    private readonly j: JSCodeshift,
    root: Collection,
    private readonly entries: readonly E[] = CATALOG as unknown as readonly E[],
  ) {
    const index = getFileIndex(j, root);
    this.collectImports(index);
    this.collectRequires(index);
    this.collectInstances(index);
  }

  /** What the matcher knows of the file's names, as text (to compare two matchers). */
  describe(): string {
    const scopeless = (binding: Binding) => ({ ...binding, scope: undefined });
    return JSON.stringify([[...this.bindings].map(([name, list]) => [name, list.map(scopeless)]), [...this.members].map(([name, binding]) => [name, scopeless(binding)])]);
  }

  getMatch(callPath: ASTPath): CallMatch<E> | undefined {
    const call = callPath.node as Node;
    const chain = getMemberChain(call.callee);
    if (!chain) return undefined;
    const { base, members } = chain;
    const callee = [base, ...members].join('.');

    if (base === 'this') {
      const [property, ...rest] = members;
      const binding = property === undefined ? undefined : this.members.get(property);
      return binding?.kind === 'instance' ? this.findInstanceEntry(binding, rest, callee) : undefined;
    }
    const scope = (callPath as Node).scope?.lookup(base);
    if (!scope) {
      const entry = this.entries.find((e) => !e.instance && e.module === 'global' && members.length === 0 && matchesPath(e.path, [base]));
      return entry ? { entry, callee } : undefined;
    }
    const binding = this.bindings.get(base)?.find((candidate) => candidate.scope === scope);
    if (!binding) return undefined;
    if (binding.kind === 'instance') return this.findInstanceEntry(binding, members, callee);
    const path = [...binding.path, ...members];
    const entry = this.entries.find(
      (e) => !e.instance && e.module !== 'global' && matchesModule(e.module, binding.module) && matchesPath(e.path, path),
    );
    return entry ? { entry, callee } : undefined;
  }

  private findInstanceEntry(binding: Binding & { kind: 'instance' }, members: readonly string[], callee: string): CallMatch<E> | undefined {
    const entry = this.entries.find(
      (e) => e.instance !== undefined && matchesModule(e.module, binding.module) && matchesName(e.instance, binding.instance) && matchesPath(e.path, members),
    );
    return entry ? { entry, callee } : undefined;
  }

  private add(name: string, binding: Binding): void {
    const list = this.bindings.get(name) ?? [];
    list.push(binding);
    this.bindings.set(name, list);
  }

  private collectImports(index: FileIndex): void {
    const { j } = this;
    index.find(j.ImportDeclaration).forEach((path) => {
      const node = path.node as Node;
      if (node.importKind === 'type') return;
      const module = normalizeModule(node.source.value);
      const scope = (path as Node).scope;
      for (const specifier of node.specifiers ?? []) {
        if (specifier.importKind === 'type') continue;
        const local = specifier.local.name;
        if (specifier.type === 'ImportSpecifier') {
          const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
          this.add(local, { kind: 'module', module, path: imported === 'default' ? [] : [imported], scope });
        } else {
          this.add(local, { kind: 'module', module, path: [], scope });
        }
      }
    });
  }

  private collectRequires(index: FileIndex): void {
    const { j } = this;
    index.find(j.VariableDeclarator).forEach((path) => {
      const node = path.node as Node;
      const required = getRequired(node.init) ?? this.getModuleMember(path, node.init);
      if (!required) return;
      const scope = (path as Node).scope;
      const module = normalizeModule(required.module);
      if (node.id.type === 'Identifier') {
        this.add(node.id.name, { kind: 'module', module, path: required.path, scope });
      } else if (node.id.type === 'ObjectPattern') {
        for (const property of node.id.properties) {
          if ((property.type !== 'ObjectProperty' && property.type !== 'Property') || property.computed) continue;
          if (property.key.type !== 'Identifier' || property.value.type !== 'Identifier') continue;
          this.add(property.value.name, { kind: 'module', module, path: [...required.path, property.key.name], scope });
        }
      }
    });
  }

  /**
   * `fs.promises` where `fs` is a module binding: `const { readFile } = fs.promises` and
   * `const fsp = fs.promises` bind names inside the module just as a `require` would.
   */
  private getModuleMember(path: ASTPath, init: Node): { module: string; path: string[] } | undefined {
    if (init?.type !== 'MemberExpression') return undefined;
    const chain = getMemberChain(init);
    if (!chain || chain.base === 'this') return undefined;
    const scope = (path as Node).scope?.lookup(chain.base);
    const binding = this.bindings.get(chain.base)?.find((candidate) => candidate.scope === scope);
    return binding?.kind === 'module' ? { module: binding.module, path: [...binding.path, ...chain.members] } : undefined;
  }

  /** `const x = <factory>`, `this.x = <factory>`, and class fields `x = <factory>`. */
  private collectInstances(index: FileIndex): void {
    const { j } = this;
    const instanceOf = (path: ASTPath, init: Node): Binding | undefined => this.getCreatedInstance(path, init);
    index.find(j.VariableDeclarator).forEach((path) => {
      const node = path.node as Node;
      if (node.id.type !== 'Identifier' || !node.init) return;
      const binding = instanceOf(path, node.init);
      if (binding) this.add(node.id.name, binding);
    });
    const memberBindings = new Map<string, Binding | null>();
    const note = (name: string, binding: Binding | undefined) => {
      // A property assigned two different things is nothing we can rely on.
      const seen = memberBindings.get(name);
      memberBindings.set(name, seen === undefined && binding ? binding : null);
    };
    index.find(j.AssignmentExpression, undefined, { left: { type: 'MemberExpression', object: { type: 'ThisExpression' } } }).forEach((path) => {
      const left = (path.node as Node).left;
      if (left.computed || left.property.type !== 'Identifier') return;
      note(left.property.name, instanceOf(path, (path.node as Node).right));
    });
    index.find(j.ClassProperty).forEach((path) => {
      const node = path.node as Node;
      if (node.computed || node.key.type !== 'Identifier' || !node.value) return;
      note(node.key.name, instanceOf(path, node.value));
    });
    for (const [name, binding] of memberBindings) if (binding) this.members.set(name, binding);
  }

  /** The instance `init` creates, if it is a known factory call or constructor. */
  private getCreatedInstance(path: ASTPath, init: Node): Binding | undefined {
    const expression = init.type === 'AwaitExpression' ? init.argument : init;
    if (expression.type !== 'CallExpression' && expression.type !== 'NewExpression') return undefined;
    const chain = getMemberChain(expression.callee);
    if (!chain || chain.base === 'this') return undefined;
    const scope = (path as Node).scope?.lookup(chain.base);
    const binding = this.bindings.get(chain.base)?.find((candidate) => candidate.scope === scope);
    if (!binding || binding.kind !== 'module') return undefined;
    const fullPath = [...binding.path, ...chain.members];
    let instance: string;
    if (expression.type === 'NewExpression') {
      instance = fullPath.length === 0 ? 'new' : `new ${fullPath.join('.')}`;
    } else {
      // `mod(...)` makes an instance only for entries that say so (`knex(config)`); `axios(config)` is a request.
      instance = fullPath.length === 0 ? 'call' : fullPath.join('.');
    }
    const known = this.entries.some((e) => e.instance !== undefined && matchesModule(e.module, binding.module) && matchesName(e.instance, instance));
    return known ? { kind: 'instance', module: binding.module, instance, scope: (path as Node).scope } : undefined;
  }
}

/** `require('m')` or `require('m').a.b`. */
function getRequired(node: Node): { module: string; path: string[] } | undefined {
  const path: string[] = [];
  let current = node;
  while (current?.type === 'MemberExpression' && !current.computed && current.property.type === 'Identifier') {
    path.unshift(current.property.name);
    current = current.object;
  }
  if (
    current?.type === 'CallExpression' &&
    current.callee.type === 'Identifier' &&
    current.callee.name === 'require' &&
    current.arguments.length === 1 &&
    (current.arguments[0].type === 'StringLiteral' || current.arguments[0].type === 'Literal') &&
    typeof current.arguments[0].value === 'string'
  ) {
    return { module: current.arguments[0].value, path };
  }
  return undefined;
}

/** `a.b.c` -> { base: 'a', members: ['b', 'c'] }; `this.x.y` -> base `this`. Computed access: undefined. */
export function getMemberChain(node: Node): { base: string; members: string[] } | undefined {
  const members: string[] = [];
  let current = node;
  while (current.type === 'MemberExpression' || current.type === 'OptionalMemberExpression') {
    if (current.computed || current.property.type !== 'Identifier') return undefined;
    members.unshift(current.property.name);
    current = current.object;
  }
  if (current.type === 'Identifier') return { base: current.name, members };
  if (current.type === 'ThisExpression') return { base: 'this', members };
  return undefined;
}
