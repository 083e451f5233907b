import { CATALOG } from '../catalog/entries.ts';
import { matchesModule, normalizeModule } from '../catalog/match.ts';
import type { CatalogEntry } from '../catalog/types.ts';
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
      let facts: Facts;
      try {
        const parsed = parseSync(getScanName(path), text, PARSE_OPTIONS);
        if (parsed.errors.length > 0) return true;
        facts = collectFacts(parsed.program);
      } catch {
        // A tree too deep for the walk, or anything else the scan cannot read: let it through.
        return true;
      }
      const catalog = getCatalog(options);
      return gates.some((gate) => (gate as Gate)(facts, catalog));
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
  /** An object key or an assigned member named `signal`. */
  signalSlot: boolean;
  /**
   * Something getSignalInScope can take a signal from: a name `signal` or `abortSignal` (a
   * parameter, a destructured key, `options.signal`, a member of a type declared here), a type
   * that carries one (`AbortSignal`, `Request`, `RequestInit`, `AbortSignalLike`, a Request
   * imported from `next/server` or `undici`), or a controller (`new AbortController()`).
   */
  signalEvidence: boolean;
  /**
   * A loop that awaits (anywhere inside it) or a `for await`, in a function with a parameter
   * the caller's signal can come from (see `isSignalParameter`)...
   */
  awaitingLoop: boolean;
  /** ... or in a function with a typed parameter (a `Request` imported under another name may type it). */
  awaitingLoopTyped: boolean;
  /** A `new Promise(...)` with a two-argument `setTimeout(...)` call inside its arguments. */
  sleepPromise: boolean;
  /** A `new Promise(...)` with a `.once/.on/.addListener/.addEventListener(...)` call inside its arguments. */
  eventPromise: boolean;
}

type Gate = (facts: Facts, catalog: readonly CatalogEntry[]) => boolean;

/** Modules whose matched calls timeout-option rewrites (its HTTP_MODULES and CLIENTS). */
const TIMEOUT_OPTION_MODULES = new Set(['http', 'https', 'axios', 'got', 'ky', 'node-fetch']);

const GATES: Readonly<Record<string, Gate>> = {
  // Its sites are calls the catalog matcher matches: a global entry called by its plain name, or
  // a name bound by an import or require of a catalogued module (instances included, as their
  // factory is such a name).
  // ... and forwards only a signal in scope.
  'forward-signal': (facts, catalog) => hasSignal(facts) && callsCatalog(facts, catalog),
  // Starts from `setTimeout(...)` called by its plain name.
  'abort-timer': (facts) => facts.called.has('setTimeout'),
  // Starts from `new Promise(executor)` whose executor calls `setTimeout(resolve, ms)`.
  'abortable-sleep': (facts) => facts.sleepPromise,
  // Starts from `Promise.race([...])`, inline or in a local helper.
  'race-timeout': (facts) => facts.qualified.has('Promise.race'),
  // Starts from `const c = new AbortController()` or from `x.addEventListener(...)`.
  'link-signals': (facts) => facts.constructed.has('AbortController') || facts.methods.has('addEventListener'),
  // A `signal` key or `x.signal =` given a fresh signal: AbortSignal.timeout/any(...) or a new controller's.
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
  // Starts from loops that await (or `for await`), checked only with the caller's signal in scope:
  // a parameter of a function around the loop (getCallerSignal).
  'loop-check': (facts) => hasSignal(facts) && (facts.awaitingLoop || (facts.awaitingLoopTyped && REQUEST_MODULES.some((module) => facts.modules.has(module)))),
};

/** Modules whose `Request` type getSignalInScope takes for a Fetch Request, under any local name. */
const REQUEST_MODULES = ['next/server', 'undici'];
const SIGNAL_NAMES = new Set(['signal', 'abortSignal']);
/** Parameter names getSignalInScope takes a signal from, itself or as a bag's `signal` (its SIGNAL_NAMES and OPTIONS_NAMES). */
const PARAMETER_NAMES = new Set(['signal', 'abortSignal', 'opts', 'options', 'init', 'ctx', 'config']);
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

const LOOPS = new Set(['ForStatement', 'ForInStatement', 'ForOfStatement', 'WhileStatement', 'DoWhileStatement']);
const EMITTER_METHODS = new Set(['once', 'on', 'addListener', 'addEventListener']);

/** Flags a subtree passes up to the nodes above it. */
const AWAITS = 1;
const TIMER_CALL = 2;
const LISTENS = 4;

function collectFacts(program: Node): Facts {
  const facts: Facts = {
    called: new Set(),
    constructed: new Set(),
    methods: new Set(),
    qualified: new Set(),
    modules: new Set(),
    signalSlot: false,
    signalEvidence: false,
    awaitingLoop: false,
    awaitingLoopTyped: false,
    sleepPromise: false,
    eventPromise: false,
  };
  visit(program, facts, { signalFunctions: 0, typedFunctions: 0 });
  return facts;
}

/** Functions around the node being visited: with a parameter a signal can come from, with a typed parameter. */
interface Around {
  signalFunctions: number;
  typedFunctions: number;
}

const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);

/**
 * A parameter getSignalInScope may take the caller's signal from: named like a signal or an
 * options bag (past a default value or a TS parameter property), a destructured `signal` or
 * `abortSignal`, or typed with `AbortSignal` or a Fetch `Request`.
 */
function isSignalParameter(param: Node): boolean {
  let target = param?.type === 'TSParameterProperty' ? param.parameter : param;
  if (target?.type === 'AssignmentPattern') target = target.left;
  if (target?.type === 'Identifier' && PARAMETER_NAMES.has(target.name)) return true;
  if (target?.type === 'ObjectPattern' && target.properties.some((property: Node) => property.type === 'Property' && SIGNAL_NAMES.has(property.key?.name))) return true;
  return target?.typeAnnotation ? mentionsType(target.typeAnnotation, SIGNAL_TYPES) : false;
}

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
  const signalFunction = isFunction && (node.params as Node[]).some(isSignalParameter);
  const typedFunction = isFunction && (node.params as Node[]).some(isTypedParameter);
  if (signalFunction) around.signalFunctions++;
  if (typedFunction) around.typedFunctions++;
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
  if (signalFunction) around.signalFunctions--;
  if (typedFunction) around.typedFunctions--;
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
      if (isSignalKey(node.key)) facts.signalSlot = true;
      break;
    case 'AssignmentExpression': {
      const left = unwrap(node.left);
      if (left?.type === 'MemberExpression' && isSignalKey(left.property)) facts.signalSlot = true;
      break;
    }
    default:
      if (LOOPS.has(node.type) && (flags & AWAITS || node.await === true)) {
        if (around.signalFunctions > 0) facts.awaitingLoop = true;
        if (around.typedFunctions > 0) facts.awaitingLoopTyped = true;
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
