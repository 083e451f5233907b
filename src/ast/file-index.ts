import { isDeepStrictEqual } from 'node:util';
import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';

type Node = any;
/** A node type as jscodeshift names it (`j.CallExpression`) or its name. */
type TypeName = string | { toString(): string };

/**
 * Every node of one parsed file, found by one walk of the tree and queried by type, by subtree,
 * by the name a call's callee ends with, or by identifier name, instead of a walk from the root
 * per question. Answers are those of `j(path).find(type, filter)`: the same paths, in the same
 * (pre-)order, the start path itself left out.
 *
 * An index describes the tree as it was when it was built. The transform context drops it when a
 * transform records an edit (see `invalidateFileIndex`), and the next query walks the tree again:
 * later transforms, and later sites of the same transform, see every edit made before them.
 * What a helper derives from the tree can be kept with the index (`memo`) for the same lifetime.
 */
export class FileIndex {
  /** Every node path, in the order a walk visits them. */
  private readonly paths: ASTPath[] = [];
  /** Position in `paths` of a path, and of the last path under it. */
  private readonly ranges = new Map<ASTPath, readonly [number, number]>();
  /** Positions in `paths` per type name a query asked for (a type and its subtypes), built on first use. */
  private readonly byType = new Map<string, number[]>();
  /** Positions in `paths` per node `type`, in walk order: what `byType` is made of. */
  private readonly byNodeType = new Map<string, number[]>();
  private readonly callsByName = new Map<string, ASTPath[]>();
  private readonly identifiersByName = new Map<string, ASTPath[]>();
  private readonly memos = new Map<string, WeakMap<object, unknown> | Map<unknown, unknown>>();

  constructor(
    private readonly j: JSCodeshift,
    private readonly start: ASTPath,
  ) {
    const started = performance.now();
    const { paths, ranges, callsByName, identifiersByName, byNodeType } = this;
    const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
      const list = map.get(key);
      if (list) list.push(value);
      else map.set(key, [value]);
    };
    // The walk `find` does (ast-types' PathVisitor with a `visitNode`), written out: the same
    // paths (each made by `get` on its parent, which caches it), in the same order, and the same
    // default field values filled in on the way. The visitor also makes a path for every field
    // that holds no object (a name, a flag, a null), which nothing here needs.
    const types = j.types as unknown as { getFieldNames(node: object): string[]; getFieldValue(node: object, name: string): unknown };
    const hasOwn = Object.prototype.hasOwnProperty;
    const visit = (path: ASTPath): void => {
      const value = path.value as Node;
      if (Array.isArray(value)) {
        for (let index = 0; index < value.length; index++) {
          const item = value[index];
          if (hasOwn.call(value, index) && item !== null && typeof item === 'object') visit((path as Node).get(index));
        }
        return;
      }
      // What the visitor calls `visitNode` for: a type it knows as a Node (the start left out, as `find` does).
      const recorded = path !== start && typeof value.type === 'string' && isOfType(value.type, 'Node', j);
      const first = paths.length;
      if (recorded) {
        paths.push(path);
        push(byNodeType, value.type as string, first);
        if (value.type === 'CallExpression' || value.type === 'OptionalCallExpression' || value.type === 'NewExpression') {
          const name = getCalleeName(value.callee);
          if (name !== undefined) push(callsByName, name, path);
        } else if (value.type === 'Identifier') {
          push(identifiersByName, value.name as string, path);
        }
      }
      const names = types.getFieldNames(value);
      for (const name of names) if (!hasOwn.call(value, name)) value[name] = types.getFieldValue(value, name);
      for (const name of names) {
        const child = value[name];
        if (child !== null && typeof child === 'object') visit((path as Node).get(name));
      }
      if (recorded) ranges.set(path, [first, paths.length - 1]);
    };
    visit(start);
    buildTime += performance.now() - started;
  }

  /**
   * `j(under ?? root).find(type, filter).paths()`, from the index. A start path the index does
   * not hold (one made after it was built) is walked the ordinary way.
   */
  find(type: TypeName, under?: ASTPath, filter?: object): ASTPath<Node>[] {
    const name = String(type);
    const start = under ?? this.start;
    // Comments and other non-Node types are not indexed.
    const range = !isNodeType(name, this.j) ? undefined : start === this.start ? ([-1, this.paths.length - 1] as const) : this.ranges.get(start);
    if (!range) return this.walk(type, start, filter);
    const positions = this.getPositions(name);
    const found: ASTPath[] = [];
    for (let index = lowerBound(positions, range[0] + 1); index < positions.length; index++) {
      const position = positions[index] as number;
      if (position > range[1]) break;
      const path = this.paths[position] as ASTPath;
      if (filter === undefined || matchNode(path.node, filter)) found.push(path);
    }
    return CHECK ? this.checked(found, type, under, filter) : found;
  }

  /**
   * Calls and `new` expressions whose callee is `name` or ends with `.name` (`fetch(...)`,
   * `client.fetch(...)`, `new Foo()`, `a?.b.name()`), in visit order.
   */
  callsNamed(name: string): readonly ASTPath[] {
    return this.callsByName.get(name) ?? [];
  }

  /** Identifier nodes spelled `name` (references, declarations and property keys alike), in visit order. */
  identifiersNamed(name: string): readonly ASTPath[] {
    return this.identifiersByName.get(name) ?? [];
  }

  /**
   * What `build` derives from the tree for `key`, computed once while this index lives (until the
   * next recorded edit). `namespace` names the question; keys are compared by identity. `same`
   * compares a kept answer with a fresh one in the debug mode.
   */
  memo<K, V>(namespace: string, key: K, build: () => V, same: (a: V, b: V) => boolean = isDeepStrictEqual): V {
    let cache = this.memos.get(namespace) as Map<K, V> | WeakMap<object, V> | undefined;
    if (!cache) {
      cache = typeof key === 'object' && key !== null ? new WeakMap<object, V>() : new Map<K, V>();
      this.memos.set(namespace, cache as Map<unknown, unknown>);
    }
    const store = cache as Map<K, V>;
    if (store.has(key)) {
      const kept = store.get(key) as V;
      if (CHECK) {
        const fresh = build();
        if (!same(fresh, kept)) throw new Error(`file index: memo ${namespace} is stale`);
      }
      return kept;
    }
    const value = build();
    store.set(key, value);
    return value;
  }

  private getPositions(name: string): number[] {
    let positions = this.byType.get(name);
    if (positions) return positions;
    // Whether a node answers depends on its `type` alone (see isOfType): one test per type.
    const lists = [...this.byNodeType].filter(([type]) => isOfType(type, name, this.j)).map(([, list]) => list);
    positions = lists.length === 1 ? (lists[0] as number[]) : lists.flat().sort((a, b) => a - b);
    this.byType.set(name, positions);
    return positions;
  }

  private walk(type: TypeName, under: ASTPath, filter: object | undefined): ASTPath[] {
    return this.j(under).find(type as never, filter as never).paths();
  }

  /** Debug mode (CTXMOD_CHECK_INDEX=1): every answer compared with a walk of the tree. */
  private checked(found: ASTPath[], type: TypeName, under: ASTPath | undefined, filter: object | undefined): ASTPath[] {
    const walked = this.walk(type, under ?? this.start, filter);
    if (walked.length !== found.length || walked.some((path, index) => path !== found[index])) {
      throw new Error(`file index: stale answer for ${String(type)} (${found.length} indexed, ${walked.length} walked)`);
    }
    return found;
  }
}

/** Time spent building indexes in this thread since the last `takeIndexBuildTime`, in ms. */
let buildTime = 0;

/** The time indexes took to build since the last call (for `--timings`), and a new count from zero. */
export function takeIndexBuildTime(): number {
  const taken = buildTime;
  buildTime = 0;
  return taken;
}

/** Set CTXMOD_CHECK_INDEX=1 to have every index answer checked against a walk (tests, debugging). */
const CHECK = typeof process !== 'undefined' && process.env?.CTXMOD_CHECK_INDEX === '1';

/** Roots a transform run is working on (see `openFileIndex`), and the index of each, once built. */
const indexes = new WeakMap<Collection, FileIndex | null>();

/**
 * The index of `root` (a collection of one path: a parsed file). While the engine runs transforms
 * on `root` (`openFileIndex`) one index is shared and dropped after each recorded edit; outside a
 * run nobody tells when the tree changes, so each call walks it anew.
 */
export function getFileIndex(j: JSCodeshift, root: Collection): FileIndex {
  const kept = indexes.get(root);
  if (kept) return kept;
  const index = new FileIndex(j, root.get() as ASTPath);
  if (kept === null) indexes.set(root, index);
  return index;
}

/** Transforms are about to run on `root`, and will record every edit: its index may be shared. */
export function openFileIndex(root: Collection): void {
  indexes.set(root, null);
}

/** Drops the index of `root` (after an edit): the next query walks the tree again. */
export function invalidateFileIndex(root: Collection): void {
  if (indexes.has(root)) indexes.set(root, null);
}

/** The run on `root` is over: edits made after it are not recorded, so no index is kept. */
export function closeFileIndex(root: Collection): void {
  indexes.delete(root);
}

/** The name a callee ends with: `f` of `f()`, `g` of `a.b.g()`; undefined for computed or other callees. */
function getCalleeName(callee: Node): string | undefined {
  if (callee?.type === 'Identifier') return callee.name;
  if ((callee?.type === 'MemberExpression' || callee?.type === 'OptionalMemberExpression') && !callee.computed && callee.property?.type === 'Identifier') {
    return callee.property.name;
  }
  return undefined;
}

/** `Node` or one of its subtypes: the types the index holds. */
function isNodeType(name: string, j: JSCodeshift): boolean {
  return name === 'Node' || getSupertypeNames(j, name).includes('Node');
}

const subtypes = new Map<string, boolean>();

/**
 * As ast-types' visitor decides which `visit<Type>` method a node gets: by its `type` name and
 * that type's supertypes, not by checking its fields.
 */
function isOfType(type: string, name: string, j: JSCodeshift): boolean {
  const key = `${type}\u0000${name}`;
  let answer = subtypes.get(key);
  if (answer === undefined) {
    answer = type === name || getSupertypeNames(j, type).includes(name);
    subtypes.set(key, answer);
  }
  return answer;
}

function getSupertypeNames(j: JSCodeshift, type: string): string[] {
  try {
    return (j.types as unknown as { getSupertypeNames(name: string): string[] }).getSupertypeNames(type);
  } catch {
    return [];
  }
}

/** First position in sorted `list` that is >= `value`. */
function lowerBound(list: readonly number[], value: number): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((list[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** jscodeshift's `find` filter: every key of `needle` matches in `haystack` (functions are predicates). */
function matchNode(haystack: unknown, needle: unknown): boolean {
  if (typeof needle === 'function') return (needle as (value: unknown) => boolean)(haystack);
  if (isObject(needle) && isObject(haystack)) {
    return Object.keys(needle).every((key) => Object.prototype.hasOwnProperty.call(haystack, key) && matchNode((haystack as Record<string, unknown>)[key], (needle as Record<string, unknown>)[key]));
  }
  return haystack === needle;
}

function isObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}
