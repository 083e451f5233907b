import { CATALOG } from '../catalog/entries.ts';
import { matchesModule, normalizeModule } from '../catalog/match.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import { getPatternNames } from '../ast/get-pattern-names.ts';
import type { TransformModule, TransformOptions } from '../types.ts';
import { getOxcFileName, loadOxc, type ParseSync } from './oxc.ts';

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

let loaded: Prescan | null | undefined;

/** The pre-scan, or undefined when oxc cannot be loaded here (or CTXMOD_PRESCAN=0). */
export function loadPrescan(): Prescan | undefined {
  if (loaded === undefined) {
    const parseSync = process.env.CTXMOD_PRESCAN === '0' ? undefined : loadOxc();
    loaded = parseSync ? createPrescan(parseSync) : null;
  }
  return loaded ?? undefined;
}

export function createPrescan(parseSync: ParseSync): Prescan {
  return {
    mayHaveSite(path, text, modules, options) {
      const gates = modules.map((module) => GATES[module.meta.name]);
      if (gates.some((gate) => gate === undefined)) return true;
      try {
        const parsed = parseSync(getOxcFileName(path), text, PARSE_OPTIONS);
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
  /** An object key or an assigned member named `signal`, in a function with a parameter or in a class member (a method's `this.config.signal`). */
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
  /**
   * A type reference to `AbortSignal`, `RequestInit` or `AbortSignalLike`: what a type declared
   * here must name to give a parameter's member a signal (typeHasSignalMember).
   */
  signalMemberType: boolean;
  /** Names of interfaces and type aliases declared in the file. */
  readonly declaredTypes: Set<string>;
  /** A `new Promise(...)` with a two-argument `setTimeout(...)` call inside its arguments. */
  sleepPromise: boolean;
  /**
   * A `new Promise(...)` with a `.once/.on/.addListener/.addEventListener(...)` call and a
   * `setTimeout(...)` call inside its arguments: once-event acts on it without a signal.
   */
  eventPromise: boolean;
  /**
   * The other `new Promise(...)`s with such a listening call inside: where each starts, and the
   * functions around it, innermost first (once-event acts on them only with a signal in scope).
   */
  readonly eventSites: { readonly start: number; readonly functions: Node[] }[];
  /** Per function, where the first `const c = new AbortController()` declared in the function itself ends. */
  readonly controllers: Map<Node, number>;
  /** A call with an object literal that has a `timeout` key inside its arguments. */
  timeoutCall: boolean;
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
  // controller's) where it replaces the caller's: a parameter of a function around it (or a
  // member of one), or, for a review note, a `this` field's signal in a method.
  'derive-signal': (facts) =>
    facts.signalSlot && (facts.qualified.has('AbortSignal.timeout') || facts.qualified.has('AbortSignal.any') || facts.constructed.has('AbortController')),
  // Calls the catalog matches to an http/https or client module: bound by an import or require of one.
  // ... whose arguments hold an options object with a `timeout` (getTimeoutSite).
  'timeout-option': (facts, catalog) =>
    facts.timeoutCall &&
    [...facts.modules].some(
      (module) => TIMEOUT_OPTION_MODULES.has(module) && catalog.some((entry) => entry.module !== 'global' && matchesModule(entry.module, module)),
    ),
  // Starts from `new Promise(executor)` whose executor listens with once/on/addListener/addEventListener,
  // and acts only with a `setTimeout` timer in the executor or a signal in scope at the promise
  // (getSignalInScope: a parameter of a function around it, or a controller such a function
  // declared before it).
  'once-event': (facts) =>
    facts.eventPromise ||
    facts.eventSites.some(({ start, functions }) => hasCallerSignal(functions, facts) || functions.some((fn) => (facts.controllers.get(fn) ?? Infinity) <= start)),
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
 * - a bag's name (`options`, `init`, ...) typed with a type whose members can be read here,
 *   when the file names `AbortSignal` at all (see `hasReadableType`);
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
    if (target.typeAnnotation) return mentionsType(target.typeAnnotation, SIGNAL_TYPES) || (OPTIONS_NAMES.has(name) && hasReadableType(param, facts));
    if (SIGNAL_NAMES.has(name)) return true;
    return OPTIONS_NAMES.has(name) && readsSignalOf(fn, name);
  }
  return target?.type === 'ObjectPattern' && target.properties.some((property: Node) => property.type === 'Property' && SIGNAL_NAMES.has(property.key?.name));
}

/**
 * A parameter typed with a type whose members getSignalInScope can read without a type checker
 * (getMemberType, getMemberNames): a type literal, or a name declared in the file (an interface
 * or a type alias), alone or in a union; only when the file names a type that can give a member
 * a signal (`signalMemberType`). Type arguments are not looked at, and any member of a union
 * counts: both only widen.
 */
function hasReadableType(param: Node, facts: Facts): boolean {
  if (!facts.signalMemberType) return false;
  let target = param?.type === 'TSParameterProperty' ? param.parameter : param;
  if (target?.type === 'AssignmentPattern') target = target.left;
  const readable = (type: Node): boolean => {
    if (type?.type === 'TSUnionType') return (type.types as Node[]).some(readable);
    if (type?.type === 'TSTypeLiteral') return true;
    return type?.type === 'TSTypeReference' && type.typeName?.type === 'Identifier' && facts.declaredTypes.has(type.typeName.name);
  };
  return readable(target?.typeAnnotation?.typeAnnotation);
}

/**
 * `param.member.signal` (or with `?.`) read anywhere in `fn`, `param` a parameter's name: the
 * chains getNestedSignals reads (getSignalChains).
 */
function readsNestedSignalOf(fn: Node, param: Node): boolean {
  let target = param?.type === 'TSParameterProperty' ? param.parameter : param;
  if (target?.type === 'AssignmentPattern') target = target.left;
  if (target?.type !== 'Identifier') return false;
  const name = target.name as string;
  const reads = (node: Node): boolean => {
    if (node === null || typeof node !== 'object') return false;
    if (Array.isArray(node)) return node.some(reads);
    if (node.type === 'MemberExpression' && node.property?.type === 'Identifier' && node.property.name === 'signal') {
      const inner = unwrap(node.object);
      if (inner?.type === 'MemberExpression' && unwrap(inner.object)?.type === 'Identifier' && unwrap(inner.object).name === name) return true;
    }
    for (const key in node) if (key !== 'type' && reads(node[key])) return true;
    return false;
  };
  return reads(fn);
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
/** Types a declared member's type must name to carry a signal (typeHasSignalMember: its TYPES_WITH_SIGNAL, or a `signal: AbortSignal`). */
const SIGNAL_MEMBER_TYPES = new Set(['AbortSignal', 'RequestInit', 'AbortSignalLike']);

function hasSignal(facts: Facts): boolean {
  return facts.signalEvidence || facts.constructed.has('AbortController') || REQUEST_MODULES.some((module) => facts.modules.has(module));
}

function getCatalog(options: TransformOptions): readonly CatalogEntry[] {
  const extra = (options.catalog ?? []) as readonly CatalogEntry[];
  return extra.length > 0 ? [...extra, ...CATALOG] : CATALOG;
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
 *   or with a parameter the function reads a nested `param.member.signal` of, or with a
 *   parameter whose type is declared here and may give it a member with a signal
 *   (`hasReadableType`), or with any typed parameter when the file imports a module whose
 *   `Request` may type it under another name;
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
  // A typed parameter gives a signal one member down only through a type read here
  // (getNestedSignals), or is a Request imported under another name (isRequestType).
  const requestModule = REQUEST_MODULES.some((module) => facts.modules.has(module));
  const typedSignal = (param: Node) => hasReadableType(param, facts) || (requestModule && isTypedParameter(param));
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
  /** A typed parameter that may give a signal one member down, or be a Fetch Request under another name. */
  readonly typedSignal: (param: Node) => boolean;
  readonly facts: Facts;
  /** Per function being walked, outermost first: where the last candidate call in it starts. */
  readonly functions: { lastCandidate: number }[];
}

function findForwarding(node: Node, walk: ForwardingWalk): number {
  const isFunction = FUNCTIONS.has(node.type);
  if (isFunction) walk.functions.push({ lastCandidate: -Infinity });
  let flags = 0;
  for (const key in node) {
    if (key === 'type') continue;
    const value = node[key];
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      for (const item of value) {
        if (item !== null && typeof item === 'object' && typeof item.type === 'string') flags |= findForwarding(item, walk);
        if (flags & FOUND) return FOUND;
      }
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
    const own = walk.functions.pop() as { lastCandidate: number };
    const outer = walk.functions[walk.functions.length - 1];
    if (outer) outer.lastCandidate = Math.max(outer.lastCandidate, own.lastCandidate);
    if (flags & CANDIDATE) {
      const params = node.params as Node[];
      if (
        // A controller the function made before a candidate call in it (getLocalControllers).
        (walk.facts.controllers.get(node) ?? Infinity) <= own.lastCandidate ||
        params.some((param) => isCallerSignalParameter(param, node, walk.facts)) ||
        (flags & READS_SIGNAL && params.some((param) => readsNestedSignalOf(node, param))) ||
        params.some(walk.typedSignal)
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

/** Flags a subtree passes up to the nodes above it. AWAITS: an `await` outside any function or class inside the subtree. */
const AWAITS = 1;
const TIMER_CALL = 2;
const LISTENS = 4;
/** Any `setTimeout(...)` called by its plain name. */
const TIMER = 16;
/** An object literal with a `timeout` key. */
const TIMEOUT_KEY = 32;

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
    signalMemberType: false,
    declaredTypes: new Set(),
    sleepPromise: false,
    eventPromise: false,
    eventSites: [],
    controllers: new Map(),
    timeoutCall: false,
  };
  visit(program, facts, { paramFunctions: 0, classMembers: 0, functions: [] });
  return facts;
}

/** Functions around the node being visited: with a parameter a signal can come from, with a typed parameter. */
interface Around {
  /** Functions with at least one parameter. */
  paramFunctions: number;
  /** Class methods and fields (their functions see the instance's `this`). */
  classMembers: number;
  /** The functions around the node, outermost first. */
  readonly functions: Node[];
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
const CLASS_MEMBERS = new Set(['MethodDefinition', 'PropertyDefinition', 'TSAbstractMethodDefinition', 'AccessorProperty']);

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
  const classMember = CLASS_MEMBERS.has(node.type);
  if (paramFunction) around.paramFunctions++;
  if (classMember) around.classMembers++;
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
  if (classMember) around.classMembers--;
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
      if (name?.type === 'Identifier' && SIGNAL_MEMBER_TYPES.has(name.name)) facts.signalMemberType = true;
      break;
    }
    case 'CallExpression':
    case 'NewExpression': {
      const callee = unwrap(node.callee);
      if (callee?.type === 'Identifier') {
        const name = callee.name as string;
        (node.type === 'NewExpression' ? facts.constructed : facts.called).add(name);
        if (node.type === 'CallExpression' && name === 'setTimeout') flags |= node.arguments.length === 2 ? TIMER_CALL | TIMER : TIMER;
        if (name === 'require') addModule(node.arguments[0], facts);
        if (node.type === 'NewExpression' && name === 'Promise') {
          if (flags & TIMER_CALL) facts.sleepPromise = true;
          if (flags & LISTENS && flags & TIMER) facts.eventPromise = true;
          else if (flags & LISTENS) facts.eventSites.push({ start: node.start as number, functions: [...around.functions].reverse() });
        }
      } else if (callee?.type === 'MemberExpression' && callee.property?.type === 'Identifier') {
        const method = callee.property.name as string;
        facts.methods.add(method);
        const object = unwrap(callee.object);
        if (object?.type === 'Identifier') facts.qualified.add(`${object.name}.${method}`);
        if (EMITTER_METHODS.has(method)) flags |= LISTENS;
      }
      if (node.type === 'CallExpression' && flags & TIMEOUT_KEY) facts.timeoutCall = true;
      break;
    }
    case 'VariableDeclarator': {
      // getLocalControllers: the declarator's init is the `new` itself.
      const init = node.init;
      const own = around.functions[around.functions.length - 1];
      if (own && node.id?.type === 'Identifier' && init?.type === 'NewExpression' && init.callee?.type === 'Identifier' && init.callee.name === 'AbortController') {
        facts.controllers.set(own, Math.min(facts.controllers.get(own) ?? Infinity, node.end as number));
      }
      break;
    }
    case 'ImportDeclaration':
      addModule(node.source, facts);
      break;
    case 'TSInterfaceDeclaration':
    case 'TSTypeAliasDeclaration':
      if (node.id?.type === 'Identifier') facts.declaredTypes.add(node.id.name);
      break;
    case 'TSImportEqualsDeclaration':
      addModule(node.moduleReference?.expression, facts);
      break;
    case 'Property':
      if ((around.paramFunctions > 0 || around.classMembers > 0) && isSignalKey(node.key)) facts.signalSlot = true;
      if (!node.computed && ((node.key?.type === 'Identifier' && node.key.name === 'timeout') || (node.key?.type === 'Literal' && node.key.value === 'timeout'))) flags |= TIMEOUT_KEY;
      break;
    case 'AssignmentExpression': {
      const left = unwrap(node.left);
      if ((around.paramFunctions > 0 || around.classMembers > 0) && left?.type === 'MemberExpression' && isSignalKey(left.property)) facts.signalSlot = true;
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
