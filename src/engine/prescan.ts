import { CATALOG } from '../catalog/entries.ts';
import { matchesModule, normalizeModule } from '../catalog/match.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { getPatternNames } from '../ast/get-pattern-names.ts';
import type { TransformModule, TransformOptions } from '../types.ts';

type Node = any;

/**
 * The native pre-scan: between the token prefilter and the Babel parse, each candidate file is
 * parsed by oxc (a native parser, about ten times Babel's speed) and looked at for the syntax every
 * site of a transform starts from. A file in which no selected transform has such a syntax is not
 * parsed again: no transform can edit or report anything in it.
 *
 * It may only ever widen. Each gate below names the query the transform starts from and asks
 * for less than that query does: a gate that says no means the transform's first query finds
 * nothing it acts on in the file as read. As the transforms run in order on one tree, and none
 * edits a file in which none finds a site, the file comes out unchanged with no findings.
 * (test/prescan.test.ts checks this on every fixture input.) Anything the pre-scan cannot judge
 * lets the file through: a module without a gate (the `check` detectors), a parse error (oxc
 * reads no Flow, for one), a tree too deep for the walk.
 *
 * Without oxc's native binding for this platform, or with CTXMOD_PRESCAN=0, there is no pre-scan
 * and the token prefilter alone decides, as before.
 */
export interface Prescan {
  /** False only when no module of `modules` can find a site in `text`. */
  mayHaveSite(path: string, text: string, modules: readonly TransformModule[], options: TransformOptions): boolean;
}

type ParseSync = (filename: string, text: string, options: object) => { program: Node; errors: readonly unknown[] };

let loaded: Promise<Prescan | undefined> | undefined;

/** The pre-scan, or undefined when oxc cannot be loaded here (or CTXMOD_PRESCAN=0). */
export function loadPrescan(): Promise<Prescan | undefined> {
  loaded ??= (async () => {
    if (process.env.CTXMOD_PRESCAN === '0') return undefined;
    try {
      const oxc = (await import('oxc-parser')) as unknown as { parseSync: ParseSync };
      return createPrescan(oxc.parseSync);
    } catch {
      return undefined;
    }
  })();
  return loaded;
}

export function createPrescan(parseSync: ParseSync): Prescan {
  return {
    mayHaveSite(path, text, modules, options) {
      const gates = modules.map((module) => GATES[module.meta.name]);
      if (gates.some((gate) => gate === undefined)) return true;
      try {
        const parsed = parseSync(getScanName(path), text, PARSE_OPTIONS);
        if (parsed.errors.length > 0) return true;
        const facts = collectFacts(parsed.program);
        const catalog = getCatalog(options);
        return gates.some((gate) => (gate as Gate)(facts, catalog));
      } catch {
        // A tree too deep for the walk, or anything else the scan cannot read: let it through.
        return true;
      }
    },
  };
}

/**
 * As Babel reads every file: as a module, without parenthesized-expression nodes. oxc reports
 * the redeclarations Babel rejects only when asked for its semantic errors.
 */
const PARSE_OPTIONS = { sourceType: 'module', preserveParens: false, showSemanticErrors: true } as const;

/**
 * oxc picks its language by the file name: `.js`, `.mjs`, `.cjs` and `.jsx` are read as JSX
 * (ctxmod's Babel reads JSX in them too), `.ts`, `.mts`, `.cts` without JSX, `.tsx` with it.
 */
function getScanName(path: string): string {
  const lower = path.toLowerCase();
  if (lower.endsWith('.tsx')) return 'file.tsx';
  if (/\.[cm]?ts$/.test(lower)) return 'file.ts';
  return 'file.jsx';
}

/** What the gates ask of a file, collected in one walk of its tree. */
interface Facts {
  readonly program: Node;
  /** Names of plain identifiers called or constructed: `fetch(...)`, `new Promise(...)`. */
  readonly called: Set<string>;
  /** Constructed: `new AbortController()`. */
  readonly constructed: Set<string>;
  /** Member names called: `x.addEventListener(...)`. */
  readonly methods: Set<string>;
  /** `Object.member` of calls whose callee is a member of a plain identifier: `Promise.race`. */
  readonly qualified: Set<string>;
  /** Module specifiers imported or required, normalized (`node:fs` is `fs`). */
  readonly modules: Set<string>;
  /** An object key or an assigned member named `signal`, in a function with a parameter. */
  signalSlot: boolean;
  /**
   * Something getSignalInScope can take a signal from: a name `signal` or `abortSignal` (a
   * parameter, a destructured key, `options.signal`, a member of a type declared here), a type
   * that carries one (`AbortSignal`, `Request`, `RequestInit`, `AbortSignalLike`, a Request
   * imported from `next/server` or `undici`), or a controller (`new AbortController()`).
   */
  signalEvidence: boolean;
  /**
   * The loops loop-check may check: a `for await`, or a loop with an `await` of its own (not in a
   * function or class inside it), whose innermost function is async. For each, the functions
   * around it, innermost first: the caller's signal can only come from one of their parameters.
   */
  readonly awaitingLoops: Node[][];
  /** A type reference to `AbortSignal`: what a member type declared here must name to give an options bag a signal. */
  abortSignalType: boolean;
  /** A `new Promise(...)` with a two-argument `setTimeout(...)` call inside its arguments. */
  sleepPromise: boolean;
  /** A `new Promise(...)` with a `.once/.on/.addListener/.addEventListener(...)` call inside its arguments. */
  eventPromise: boolean;
}

type Gate = (facts: Facts, catalog: readonly CatalogEntry[]) => boolean;

/** Modules whose matched calls timeout-option rewrites (its HTTP_MODULES and CLIENTS). */
const TIMEOUT_OPTION_MODULES = new Set(['http', 'https', 'axios', 'got', 'ky', 'node-fetch']);

const GATES: Readonly<Record<string, Gate>> = {
  // Its sites are calls the catalog matcher matches (a global entry called by its plain name, or
  // a name bound by an import or require of a catalogued module, instances included, as their
  // factory is such a name) with a signal in scope to forward: see `forwardsAt`.
  'forward-signal': (facts, catalog) => hasSignal(facts) && callsCatalog(facts, catalog) && forwardsAt(facts, catalog),
  // Starts from `setTimeout(...)` called by its plain name.
  'abort-timer': (facts) => facts.called.has('setTimeout'),
  // Starts from `new Promise(executor)` whose executor calls `setTimeout(resolve, ms)`.
  'abortable-sleep': (facts) => facts.sleepPromise,
  // Starts from `Promise.race([...])`, inline or in a local helper.
  'race-timeout': (facts) => facts.qualified.has('Promise.race'),
  // Starts from `const c = new AbortController()` or from `x.addEventListener(...)`.
  'link-signals': (facts) => facts.constructed.has('AbortController') || facts.methods.has('addEventListener'),
  // A `signal` key or `x.signal =` given a fresh signal (AbortSignal.timeout/any(...) or a new
  // controller's) where it replaces the caller's: always a parameter of a function around it.
  'derive-signal': (facts) =>
    facts.signalSlot && (facts.qualified.has('AbortSignal.timeout') || facts.qualified.has('AbortSignal.any') || facts.constructed.has('AbortController')),
  // Calls the catalog matches to an http/https or client module: bound by an import or require of one.
  'timeout-option': (facts, catalog) =>
    [...facts.modules].some(
      (module) => TIMEOUT_OPTION_MODULES.has(module) && catalog.some((entry) => entry.module !== 'global' && matchesModule(entry.module, module)),
    ),
  // Starts from `new Promise(executor)` whose executor listens with once/on/addListener/addEventListener,
  // and acts only with a signal in scope or a `setTimeout` timer in the executor.
  'once-event': (facts) => facts.eventPromise && (hasSignal(facts) || facts.called.has('setTimeout')),
  // Starts from loops that await (or `for await`) in an async function, checked only with the
  // caller's signal in scope: a parameter of a function around the loop (getCallerSignal).
  'loop-check': (facts) => hasSignal(facts) && facts.awaitingLoops.some((functions) => hasCallerSignal(functions, facts)),
};

/**
 * A parameter of one of `functions` that getCallerSignal may take the caller's signal from (see
 * `isCallerSignalParameter`), or any typed one when the file imports a module whose `Request`
 * types a parameter under any local name.
 */
function hasCallerSignal(functions: readonly Node[], facts: Facts): boolean {
  const requestModule = REQUEST_MODULES.some((module) => facts.modules.has(module));
  return functions.some((fn) => (fn.params as Node[]).some((param) => isCallerSignalParameter(param, fn, facts) || (requestModule && isTypedParameter(param))));
}

/**
 * A parameter getSignalInScope's rules for parameters (getParamSignals, then hasEvidence for an
 * untyped bag) may take a signal from, asking less than they do:
 *
 * - a name typed with something that names `AbortSignal`, `Request`, `RequestInit` or
 *   `AbortSignalLike` anywhere in the type;
 * - a bag's name (`options`, `init`, ...) typed with anything, when the file names the type
 *   `AbortSignal` at all (a type declared here may give it a `signal: AbortSignal`);
 * - an untyped `signal` or `abortSignal`;
 * - an untyped bag's name that the function reads `.signal` of (`options.signal`, `options?.signal`);
 * - a destructured `signal` or `abortSignal` key, whatever its type says.
 *
 * (The type checker's signals, with a type lookup, are the run's business: see `typedOnly` in run.ts.)
 */
function isCallerSignalParameter(param: Node, fn: Node, facts: Facts): boolean {
  let target = param?.type === 'TSParameterProperty' ? param.parameter : param;
  if (target?.type === 'AssignmentPattern') target = target.left;
  if (target?.type === 'Identifier') {
    const name = target.name as string;
    if (target.typeAnnotation) return mentionsType(target.typeAnnotation, SIGNAL_TYPES) || (OPTIONS_NAMES.has(name) && facts.abortSignalType);
    if (SIGNAL_NAMES.has(name)) return true;
    return OPTIONS_NAMES.has(name) && readsSignalOf(fn, name);
  }
  return target?.type === 'ObjectPattern' && target.properties.some((property: Node) => property.type === 'Property' && SIGNAL_NAMES.has(property.key?.name));
}

/** `name.signal` (or `name?.signal`, `name[signal]`) read anywhere in `node`. */
function readsSignalOf(node: Node, name: string): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((item) => readsSignalOf(item, name));
  if (node.type === 'MemberExpression' && node.property?.type === 'Identifier' && node.property.name === 'signal') {
    const object = unwrap(node.object);
    if (object?.type === 'Identifier' && object.name === name) return true;
  }
  for (const key in node) if (key !== 'type' && readsSignalOf(node[key], name)) return true;
  return false;
}

/** Modules whose `Request` type getSignalInScope takes for a Fetch Request, under any local name. */
const REQUEST_MODULES = ['next/server', 'undici'];
const SIGNAL_NAMES = new Set(['signal', 'abortSignal']);
/** Parameter names of options bags getSignalInScope takes a `signal` of (its OPTIONS_NAMES). */
const OPTIONS_NAMES = new Set(['opts', 'options', 'init', 'ctx', 'config']);
const SIGNAL_TYPES = new Set(['AbortSignal', 'Request', 'RequestInit', 'AbortSignalLike']);

function hasSignal(facts: Facts): boolean {
  return facts.signalEvidence || facts.constructed.has('AbortController') || REQUEST_MODULES.some((module) => facts.modules.has(module));
}

function getCatalog(options: TransformOptions): readonly CatalogEntry[] {
  const extra = (options.catalog ?? []) as readonly CatalogEntry[];
  return extra.length > 0 ? [...CATALOG, ...extra] : CATALOG;
}

function callsCatalog(facts: Facts, catalog: readonly CatalogEntry[]): boolean {
  for (const entry of catalog) {
    if (entry.module === 'global') {
      if (entry.instance) continue;
      // `*` takes any plain name; `a|b` either.
      if (entry.path === '*' ? facts.called.size > 0 : entry.path.split('|').some((name) => facts.called.has(name))) return true;
      continue;
    }
    for (const module of facts.modules) if (matchesModule(entry.module, module)) return true;
  }
  return false;
}

/**
 * Where forward-signal can act: a call the catalog may match (by a global entry's name, or
 * through a name bound, at any depth of `const`s, to an import or require of a catalogued module
 * or to a `this.` member holding what such a name made) in a function getSignalInScope can take
 * a signal from for it:
 *
 * - a function around the call with a parameter a signal can come from (`isCallerSignalParameter`),
 *   or with any parameter when the function reads a `.signal` (a nested `param.member.signal`),
 *   or with a typed parameter when the file names a signal at all (a type declared here may give
 *   it a member with a signal);
 * - a function around the call that declares a controller (`const c = new AbortController()`)
 *   in its own body before the call;
 * - a class around the call that reads a `.signal` (`this.member.signal` in any method).
 *
 * Names are not resolved by scope: a name bound anywhere counts everywhere, which only widens.
 */
function forwardsAt(facts: Facts, catalog: readonly CatalogEntry[]): boolean {
  const bound = new Set<string>();
  const globals = new Set<string>();
  let anyGlobal = false;
  for (const entry of catalog) {
    if (entry.module !== 'global' || entry.instance) continue;
    if (entry.path === '*') anyGlobal = true;
    for (const name of entry.path.split('|')) globals.add(name);
  }
  const isCatalogued = (module: string) => catalog.some((entry) => entry.module !== 'global' && matchesModule(entry.module, module));
  const declarations: { names: string[]; base: string }[] = [];
  const members: { name: string; base: string }[] = [];
  collectBindings(facts.program, isCatalogued, bound, declarations, members);
  // `const a = fs.promises`, `const c = axios.create()`, `const d = c.x`: to a fixpoint.
  for (let changed = true; changed; ) {
    changed = false;
    for (const { names, base } of declarations) {
      if (!bound.has(base)) continue;
      for (const name of names) if (!bound.has(name)) (bound.add(name), (changed = true));
    }
  }
  const thisMembers = new Set(members.filter((member) => bound.has(member.base)).map((member) => member.name));
  const isCandidate = (base: string, first: string | undefined, depth: number) =>
    base === 'this' ? first !== undefined && thisMembers.has(first) : bound.has(base) || (depth === 0 && (anyGlobal || globals.has(base)));
  const typedSignal = hasSignal(facts);
  return findForwarding(facts.program, { isCandidate, typedSignal, facts, functions: [] }) === FOUND;
}

/** Names bound to catalogued modules by imports and requires; other `const`s and `this.` members with the name they come from. */
function collectBindings(
  node: Node,
  isCatalogued: (module: string) => boolean,
  bound: Set<string>,
  declarations: { names: string[]; base: string }[],
  members: { name: string; base: string }[],
): void {
  const stack: Node[] = [node];
  while (stack.length > 0) {
    const current = stack.pop();
    switch (current.type) {
      case 'ImportDeclaration': {
        const module = current.source?.value;
        if (typeof module === 'string' && isCatalogued(normalizeModule(module))) for (const specifier of current.specifiers ?? []) bound.add(specifier.local.name);
        break;
      }
      case 'VariableDeclarator': {
        const base = getBase(current.init);
        if (base === undefined) break;
        const names = getPatternNames(current.id);
        if (base.startsWith('\u0000')) {
          if (isCatalogued(normalizeModule(base.slice(1)))) for (const name of names) bound.add(name);
        } else {
          declarations.push({ names, base });
        }
        break;
      }
      case 'AssignmentExpression': {
        const left = unwrap(current.left);
        const base = getBase(current.right);
        if (left?.type === 'MemberExpression' && left.object?.type === 'ThisExpression' && left.property?.type === 'Identifier' && base !== undefined) {
          members.push({ name: left.property.name, base });
        }
        break;
      }
      case 'PropertyDefinition': {
        const base = getBase(current.value);
        if (current.key?.type === 'Identifier' && base !== undefined) members.push({ name: current.key.name, base });
        break;
      }
    }
    for (const key in current) {
      if (key === 'type') continue;
      const value = current[key];
      if (value === null || typeof value !== 'object') continue;
      if (Array.isArray(value)) {
        for (const item of value) if (item !== null && typeof item === 'object' && typeof item.type === 'string') stack.push(item);
      } else if (typeof value.type === 'string') {
        stack.push(value);
      }
    }
  }
}

/**
 * The name an initialiser starts from, through member reads, calls, `new` and `await`
 * (`a` of `await a.b.c()`); `\u0000m` for `require('m')`; `this` for `this.x`.
 */
function getBase(init: Node): string | undefined {
  let current = unwrap(init);
  for (;;) {
    if (!current) return undefined;
    if (current.type === 'Identifier') return current.name;
    if (current.type === 'ThisExpression') return 'this';
    if (current.type === 'AwaitExpression' || current.type === 'ChainExpression') current = unwrap(current.argument ?? current.expression);
    else if (current.type === 'MemberExpression') current = unwrap(current.object);
    else if (current.type === 'CallExpression' || current.type === 'NewExpression') {
      const callee = unwrap(current.callee);
      if (callee?.type === 'Identifier' && callee.name === 'require' && current.type === 'CallExpression') {
        const argument = current.arguments[0];
        return argument?.type === 'Literal' && typeof argument.value === 'string' ? `\u0000${argument.value}` : undefined;
      }
      current = callee;
    } else return undefined;
  }
}

/** Flags of `findForwarding`: a candidate call below, a `.signal`/`signal` name below. */
const CANDIDATE = 1;
const READS_SIGNAL = 2;
const FOUND = 8;

/** What `findForwarding` carries through one walk. */
interface ForwardingWalk {
  readonly isCandidate: (base: string, first: string | undefined, depth: number) => boolean;
  readonly typedSignal: boolean;
  readonly facts: Facts;
  /**
   * Per function being walked, outermost first: where its first own controller ends (a
   * `const c = new AbortController()` in the function itself, not in one inside it), and where
   * the last candidate call in it starts.
   */
  readonly functions: { firstController: number; lastCandidate: number }[];
}

function findForwarding(node: Node, walk: ForwardingWalk): number {
  const isFunction = FUNCTIONS.has(node.type);
  if (isFunction) walk.functions.push({ firstController: Infinity, lastCandidate: -Infinity });
  let flags = 0;
  for (const key in node) {
    if (key === 'type') continue;
    const value = node[key];
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object' && typeof item.type === 'string') flags |= findForwarding(item, walk);
    } else if (typeof value.type === 'string') {
      flags |= findForwarding(value, walk);
    }
    if (flags & FOUND) return FOUND;
  }
  switch (node.type) {
    case 'Identifier':
      if (SIGNAL_NAMES.has(node.name)) flags |= READS_SIGNAL;
      break;
    case 'Literal':
      if (SIGNAL_NAMES.has(node.value)) flags |= READS_SIGNAL;
      break;
    case 'VariableDeclarator': {
      // getLocalControllers: the declarator's init is the `new` itself.
      const init = node.init;
      const own = walk.functions[walk.functions.length - 1];
      if (own && node.id?.type === 'Identifier' && init?.type === 'NewExpression' && init.callee?.type === 'Identifier' && init.callee.name === 'AbortController') {
        own.firstController = Math.min(own.firstController, node.end as number);
      }
      break;
    }
    case 'CallExpression': {
      const chain = getChain(node.callee);
      if (chain && walk.isCandidate(chain.base, chain.members[0], chain.members.length)) {
        flags |= CANDIDATE;
        const own = walk.functions[walk.functions.length - 1];
        if (own) own.lastCandidate = Math.max(own.lastCandidate, node.start as number);
      }
      break;
    }
    case 'ClassBody':
      if (flags & CANDIDATE && flags & READS_SIGNAL) return FOUND;
      break;
  }
  if (isFunction) {
    const own = walk.functions.pop() as { firstController: number; lastCandidate: number };
    const outer = walk.functions[walk.functions.length - 1];
    if (outer) outer.lastCandidate = Math.max(outer.lastCandidate, own.lastCandidate);
    if (flags & CANDIDATE) {
      const params = node.params as Node[];
      if (
        // A controller the function made before a candidate call in it (getLocalControllers).
        own.firstController <= own.lastCandidate ||
        params.some((param) => isCallerSignalParameter(param, node, walk.facts)) ||
        (flags & READS_SIGNAL && params.length > 0) ||
        (walk.typedSignal && params.some(isTypedParameter))
      ) {
        return FOUND;
      }
    }
  }
  return flags;
}

/** `a.b.c` as base `a` and members `b`, `c`; `this.x` as base `this`. Undefined for anything else. */
function getChain(callee: Node): { base: string; members: string[] } | undefined {
  const members: string[] = [];
  let current = unwrap(callee);
  while (current?.type === 'MemberExpression') {
    if (current.computed || current.property?.type !== 'Identifier') return undefined;
    members.unshift(current.property.name);
    current = unwrap(current.object);
  }
  if (current?.type === 'Identifier') return { base: current.name, members };
  if (current?.type === 'ThisExpression') return { base: 'this', members };
  return undefined;
}

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const EMITTER_METHODS = new Set(['once', 'on', 'addListener', 'addEventListener']);

/** Flags a subtree passes up to the nodes above it. */
/** An `await` outside any function or class inside the subtree. */
const AWAITS = 1;
const TIMER_CALL = 2;
const LISTENS = 4;

function collectFacts(program: Node): Facts {
  const facts: Facts = {
    program,
    called: new Set(),
    constructed: new Set(),
    methods: new Set(),
    qualified: new Set(),
    modules: new Set(),
    signalSlot: false,
    signalEvidence: false,
    awaitingLoops: [],
    abortSignalType: false,
    sleepPromise: false,
    eventPromise: false,
  };
  visit(program, facts, { paramFunctions: 0, functions: [] });
  return facts;
}

/** Functions around the node being visited: with a parameter a signal can come from, with a typed parameter. */
interface Around {
  /** Functions with at least one parameter. */
  paramFunctions: number;
  /** The functions around the node, outermost first. */
  readonly functions: Node[];
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

function isTypedParameter(param: Node): boolean {
  let target = param?.type === 'TSParameterProperty' ? param.parameter : param;
  if (target?.type === 'AssignmentPattern') target = target.left;
  return Boolean(target?.typeAnnotation);
}

/** A type reference to one of `names` anywhere in `node`. */
function mentionsType(node: Node, names: ReadonlySet<string>): boolean {
  if (node === null || typeof node !== 'object') return false;
  if (Array.isArray(node)) return node.some((item) => mentionsType(item, names));
  if (node.type === 'TSTypeReference') {
    const name = node.typeName?.type === 'TSQualifiedName' ? node.typeName.right : node.typeName;
    if (name?.type === 'Identifier' && names.has(name.name)) return true;
  }
  for (const key in node) if (key !== 'type' && mentionsType(node[key], names)) return true;
  return false;
}

/** One node and everything under it; returns the flags of the subtree. */
function visit(node: Node, facts: Facts, around: Around): number {
  const isFunction = FUNCTIONS.has(node.type);
  const paramFunction = isFunction && node.params.length > 0;
  if (paramFunction) around.paramFunctions++;
  if (isFunction) around.functions.push(node);
  let flags = 0;
  for (const key in node) {
    if (key === 'type' || key === 'start' || key === 'end' || key === 'range' || key === 'loc') continue;
    const value = node[key];
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) if (item !== null && typeof item === 'object' && typeof item.type === 'string') flags |= visit(item, facts, around);
    } else if (typeof value.type === 'string') {
      flags |= visit(value, facts, around);
    }
  }
  if (paramFunction) around.paramFunctions--;
  if (isFunction) around.functions.pop();
  // An await in a nested function or class does not make the loop around it await.
  if (isFunction || node.type === 'ClassBody') flags &= ~AWAITS;
  switch (node.type) {
    case 'AwaitExpression':
      flags |= AWAITS;
      break;
    case 'Identifier':
      if (SIGNAL_NAMES.has(node.name)) facts.signalEvidence = true;
      break;
    case 'Literal':
      if (SIGNAL_NAMES.has(node.value)) facts.signalEvidence = true;
      break;
    case 'TSTypeReference': {
      const name = node.typeName?.type === 'TSQualifiedName' ? node.typeName.right : node.typeName;
      if (name?.type === 'Identifier' && SIGNAL_TYPES.has(name.name)) facts.signalEvidence = true;
      if (name?.type === 'Identifier' && name.name === 'AbortSignal') facts.abortSignalType = true;
      break;
    }
    case 'CallExpression':
    case 'NewExpression': {
      const callee = unwrap(node.callee);
      if (callee?.type === 'Identifier') {
        const name = callee.name as string;
        (node.type === 'NewExpression' ? facts.constructed : facts.called).add(name);
        if (node.type === 'CallExpression' && name === 'setTimeout' && node.arguments.length === 2) flags |= TIMER_CALL;
        if (name === 'require') addModule(node.arguments[0], facts);
        if (node.type === 'NewExpression' && name === 'Promise') {
          if (flags & TIMER_CALL) facts.sleepPromise = true;
          if (flags & LISTENS) facts.eventPromise = true;
        }
      } else if (callee?.type === 'MemberExpression' && callee.property?.type === 'Identifier') {
        const method = callee.property.name as string;
        facts.methods.add(method);
        const object = unwrap(callee.object);
        if (object?.type === 'Identifier') facts.qualified.add(`${object.name}.${method}`);
        if (EMITTER_METHODS.has(method)) flags |= LISTENS;
      }
      break;
    }
    case 'ImportDeclaration':
      addModule(node.source, facts);
      break;
    case 'TSImportEqualsDeclaration':
      addModule(node.moduleReference?.expression, facts);
      break;
    case 'Property':
      if (around.paramFunctions > 0 && isSignalKey(node.key)) facts.signalSlot = true;
      break;
    case 'AssignmentExpression': {
      const left = unwrap(node.left);
      if (around.paramFunctions > 0 && left?.type === 'MemberExpression' && isSignalKey(left.property)) facts.signalSlot = true;
      break;
    }
    default:
      if (LOOPS.has(node.type) && (flags & AWAITS || node.await === true)) {
        const innermost = around.functions[around.functions.length - 1];
        if (innermost?.async === true) facts.awaitingLoops.push([...around.functions].reverse());
      }
  }
  return flags;
}

function addModule(node: Node, facts: Facts): void {
  if (node?.type === 'Literal' && typeof node.value === 'string') facts.modules.add(normalizeModule(node.value));
}

function isSignalKey(node: Node): boolean {
  return (node?.type === 'Identifier' && node.name === 'signal') || (node?.type === 'Literal' && node.value === 'signal');
}

/** Through parentheses and TypeScript's expression wrappers (`x!`, `x as T`, `<T>x`, `x satisfies T`). */
function unwrap(node: Node): Node {
  let current = node;
  while (
    current &&
    (current.type === 'ParenthesizedExpression' ||
      current.type === 'TSNonNullExpression' ||
      current.type === 'TSAsExpression' ||
      current.type === 'TSSatisfiesExpression' ||
      current.type === 'TSTypeAssertion' ||
      current.type === 'TSInstantiationExpression')
  ) {
    current = current.expression;
  }
  return current;
}
