import { basename } from 'node:path';
import { ts } from 'ts-morph';
import { CATALOG } from '../catalog/entries.ts';
import { isAbortEvent } from '../catalog/is-abort-event.ts';
import type { CatalogEntry } from '../catalog/types.ts';
import type { ThreadOptions as ConfigThreadOptions } from '../types.ts';
import { AbortListeners } from './abort-listeners.ts';
import { getContextType, type ContextType } from './context-type.ts';
import { CatalogResolver, getCatalogNames } from './catalog-match.ts';
import { getCallSignature } from './call-signature.ts';
import { getOwnAbortExit, getSwallowingCatch, isInAbortedBranch, mayBranchOnAbort, type OwnAbortExit } from './own-abort-exit.ts';
import { ChangeSets } from './change-sets.ts';
import { appendToList, EditBuilder, getLineLayout } from './edit-builder.ts';
import { FamilyFinder, isHeir, isStatic, type Owner } from './family.ts';
import { SignalSources, type OwnSignal } from './signal-sources.ts';
import { getModuleExports, resolveAlias } from './symbols.ts';
import { SignalTypes, type Slot } from './signal-types.ts';
import { getSharedResult, isDetached, type SharedResult } from './shared-result.ts';
import { LIB_SIGNAL_CARRIERS, readsCarriedSignal } from './reads-carried-signal.ts';
import {
  getCalleeName,
  getFunctionName,
  getNameNode,
  getObjectLiteral,
  isAbstract,
  isCallable,
  isDefaultExport,
  isFunctionLike,
  isGenerated,
  isInFinally,
  isJs,
  isJsxTag,
  isTestFile,
  isWritingChild,
  isValuePosition,
  skipTypeAssertions,
  usesArguments,
  usesName,
  type Callable,
  type FunctionLike,
} from './syntax.ts';
import type { TextEdit } from './text-edits.ts';

/** How the pass threads signals: the config's `thread` key plus what the CLI knows. */
export interface ThreadOptions extends ConfigThreadOptions {
  /** Add the parameter as required (`signal: AbortSignal`) instead of optional. */
  readonly required?: boolean;
  /**
   * The per-file transforms ran first (`migrate`): a call of a signal-aware API inside a function
   * that has the signal itself is theirs (forward-signal passes it, or leaves it with a reason,
   * such as an 'abort' listener that already stops the resource). The pass only threads.
   */
  readonly afterPerFile?: boolean;
  /**
   * Absolute names of the files the pass may change (the paths given to `migrate`); default: every
   * file of the program. Functions elsewhere are not threaded (reported) and their calls not edited.
   */
  readonly files?: ReadonlySet<string>;
  /** Extra catalog entries: their names make calls candidates for sinks. */
  readonly catalog?: readonly CatalogEntry[];
  /**
   * The project is a package others import (see `isPublishedPackage`): with `required`, what it
   * exports still gets an optional parameter, since callers outside the project cannot be changed.
   */
  readonly published?: boolean;
  /**
   * The source files of a published package's entries (see `readPackageApi`): what they export,
   * directly or re-exported, is its public API. Without them, every export of every module is.
   */
  readonly publicEntries?: readonly string[];
  /**
   * For `check` (missing-signal-chain): leave out notes about the analysis' own limits (options
   * passed as a value) and the summary of entry calls, which say nothing wrong about the code; and
   * chains whose only source is a Node/Express handler's response, where no signal is dropped.
   */
  readonly audit?: boolean;
}

export interface PlannedFinding {
  readonly kind: 'edit' | 'manual';
  readonly pos: number;
  readonly message: string;
  /** A call left without a signal on purpose (its result is shared): no problem for `check`. */
  readonly handled?: boolean;
}

export interface ThreadPlan {
  /** Absolute file name -> edits. */
  readonly edits: Map<string, TextEdit[]>;
  readonly findings: Map<string, PlannedFinding[]>;
  /** Lines about the whole program (sinks left alone because no signal comes from above them). */
  readonly summary: string[];
  /**
   * The change sets: edits (and the `edit` findings that list them) that depend on each other, a
   * changed signature with every call site it implies, numbered; written whole or not at all.
   */
  readonly sets: {
    readonly ofEdit: Map<TextEdit, number>;
    readonly ofFinding: Map<PlannedFinding, number>;
    /** Set number -> what it threads (its functions, or the call it passes a signal to). */
    readonly labels: string[];
  };
}

/** A function the pass gave the carrier: what its callers pass, and the signal inside it. */
interface Threaded {
  readonly slot: Slot;
  readonly expression: string;
  /** The ctx carrier: the context parameter callers of functions it calls get. */
  readonly context?: string;
}

/** The signal (or context) a call passes, and whether it may be undefined. */
interface ArgumentValue {
  readonly expression: string;
  readonly optional: boolean;
  /** What the signal comes from, when an edit of the pass makes it (a threaded function, a controller). */
  readonly owner?: ts.Node;
}

/** The trailing options parameter of a function and the type its `signal` member goes in. */
interface OptionsBag {
  readonly name: string;
  readonly optional: boolean;
  readonly members: ts.TypeLiteralNode | ts.InterfaceDeclaration;
}

/** Where a call gets its signal from (`owner`: the function whose edit makes the signal, if any). */
type Carrier =
  | ({ readonly kind: 'root'; readonly owner?: FunctionLike; readonly perFile?: boolean } & OwnSignal)
  | { readonly kind: 'thread'; readonly fn: FunctionLike }
  | { readonly kind: 'none'; readonly reason: string; readonly unsourced?: boolean }
  /** In an 'abort' listener of the signal that would be passed (`perFile`: one the per-file transforms see). */
  | { readonly kind: 'aborted'; readonly reason: string; readonly perFile: boolean };

const MESSAGES = {
  topLevel: 'no enclosing function to thread a signal through (module top level): the call gets none',
  callback: 'reached a callback with no signal and no callers to thread through: the call gets none',
  rest: 'has a rest parameter: a signal parameter cannot follow it; thread it by hand',
  constructor: (cls: string) => `the constructor of ${cls}: constructors are not threaded; thread a signal through it by hand`,
  componentUse: (name: string) =>
    `${name} is rendered as a component here: React calls it with props (and an argument of its own after them); pass the signal in its props by hand`,
  valueUse: (name: string) =>
    `${name} is used as a value here (a callback, stored, or its length/call/apply/bind): adding a parameter would change what it receives; thread it by hand`,
  valueUseAt: (name: string) => `${name} is also used as a value (see the site reported there)`,
  library: (name: string, member: string) => `${name} implements or overrides ${member}, declared outside the project: its signature cannot change; thread it by hand`,
  property: (name: string) => `${name} belongs to a family with a function-typed property: thread it by hand`,
  familyCounts: (name: string) => `${name} and the members it implements or overrides have different parameter counts: thread it by hand`,
  contextName: (name: string, type: string) => `${name} is in a file where \`${type}\` names something else: not threaded`,
  callerOutside: (name: string) => `${name} is called from outside the paths being migrated: a new first parameter would break that call; not threaded`,
  entryCalls: (name: string, sites: readonly string[]) =>
    `${name} is called where no signal is in scope (a callback or module code with none and no callers): ${sites.length > 3 ? `${sites.slice(0, 3).join(', ')} and ${sites.length - 3} more` : sites.join(', ')}; those calls pass none`,
  cleanup: (context: string) => `cleanup (a finally block) passes \`${context}\`: the signal that aborted the work would cancel it too`,
  publicFirst: (name: string) => `${name} is exported by a published package: a new first parameter would break callers outside the project; not threaded`,
  keptOptional: (name: string) => `${name} keeps its new parameter optional: a caller has no signal that is sure to be there (it passes one that may be undefined, or none)`,
  publicApi: (name: string) => `${name} is exported by a published package: its new parameter stays optional for callers outside the project`,
  typedLiteral: (name: string, type: string) =>
    `${name} implements \`${name}\` of ${type.length > 60 ? 'the type the object literal is given' : `\`${type}\``}: callers through that type would pass other arguments where the signal goes; thread it by hand`,
  flowingLiteral: (name: string) =>
    `${name} is a member of an object literal that is returned or passed on: code elsewhere may call it through a type; thread it by hand`,
  afterOptional: (name: string) => `${name} keeps its new parameter optional: a required parameter cannot follow optional ones`,
  entryPoint: (name: string) =>
    `${name} has no callers in the project: what calls it (a framework, a runtime, another package) may pass arguments where a new parameter would go, so it gets none: take a signal from what it is given (a Request, a context) by hand, or name the function in thread.roots`,
  noCallers: (name: string) => `${name} keeps its new parameter optional: nothing in the project calls it (called from elsewhere, or through a type)`,
  background: (context: string) => `no signal here: passes \`${context}\` (nothing cancels it); thread one by hand`,
  pinned: (name: string, at: string) =>
    `a test pins the arguments ${name} is called with (${at}): one more argument would fail it; thread it by hand, with the test`,
  usesArguments: (name: string) => `${name} reads \`arguments\`: one more argument would change what it sees; thread it by hand`,
  overloads: (name: string) => `${name} has overloads with different parameter counts: thread it by hand`,
  nameTaken: (name: string, param: string) => `${name} already uses the name \`${param}\`: not threaded`,
  spread: 'the call spreads its arguments: pass the signal by hand',
  optionsValue: 'the options are passed as a value: add the signal to them by hand',
  ownReturn: (signal: string, line: number) =>
    `the code returns when \`${signal}\` is aborted (line ${line}); given the signal, this call would reject with an AbortError instead, which its callers do not expect; not passed`,
  ownSkip: (signal: string, line: number) =>
    `the code skips its work when \`${signal}\` is aborted (line ${line}) and carries on; given the signal, this call would reject with an AbortError instead, which its callers do not expect; not passed`,
  swallowed: (line: number) =>
    `the catch at line ${line} takes any failure for one of its own and carries on; an abort there would look like one (a fallback, a warning, a skipped item) instead of stopping the work; not passed`,
  ownCleanup: (signal: string, line: number) =>
    `the code cleans up when \`${signal}\` is aborted (line ${line}) before it stops; given the signal, this call would reject first and skip that cleanup; not passed`,
  ownError: (signal: string, line: number) =>
    `the code throws its own error when \`${signal}\` is aborted (line ${line}); given the signal, this call would reject with an AbortError first, which its callers do not expect; not passed`,
  replacesSignal: (value: string) =>
    `\`${value}\` carries a signal of its own, which a signal in the options would replace: combine the two with AbortSignal.any() by hand`,
  optionsSpread: 'the options object spreads another object without a signal: check it by hand',
  requestSpread: (name: string) => `the options object spreads \`${name}\`, a Request: its properties (its signal among them) do not spread; pass the signal by hand`,
  threaded: (name: string, param: string) => `threads \`${param}\` through ${name}`,
  unfed: (name: string) =>
    `${name} is not threaded: no call of it passes a signal (callers that have one leave it out here: a shared result, cleanup, an 'abort' listener of that signal, or a function between them that could not be threaded), so a new parameter would stay unused`,
  arrow: (name: string, expression: string | undefined) =>
    expression === undefined
      ? `${name} is passed as a callback: wrapped in an arrow that passes the arguments it used, so the new parameter gets none of them`
      : `${name} is passed as a callback: wrapped in an arrow that passes the arguments it used and \`${expression}\``,
  passed: (expression: string, callee: string) => `passes \`${expression}\` to ${callee}`,
  controller: 'creates an AbortController aborted when the response closes before it finished',
  generated: 'generated file: not changed',
  shared: (why: string) => `${why}: a signal here would let one caller's abort reject every caller that shares the result; not passed`,
  detached:
    "the call's promise is not awaited (started and left to run): its work outlives the function that starts it, whose caller's signal would cut it off; not passed",
  unsourced: 'no signal source above this call (no caller has a signal, makes one or is a configured root)',
  testFile: 'in a test file: a chain does not start here',
  unsourcedSinks: (count: number) =>
    `${count} ${count === 1 ? 'sink has' : 'sinks have'} no signal source above them: not threaded (thread.from "sinks" / --thread-from sinks threads them anyway)`,
  outside: (name: string) => `${name} is outside the paths being migrated: not changed`,
  unknownSink: (callee: string, signal: string) =>
    `${callee} takes a signal, but is known only by its type (an implementation may ignore it): not passed; pass \`${signal}\` by hand if it should stop on abort`,
  linked: (helper: string, signal: string) =>
    `\`${signal}\` is handed to ${helper}() with a controller made here, before this call: the function stops its work through that controller, whose signal may be the one to pass; not passed, pass one by hand`,
  afterAbort: (signal: string) =>
    `runs only once \`${signal}\` has aborted (a branch on its abort, or a function called only there): a call given it would fail at once (a cleanup or cancellation notice never sent); not passed`,
  aborted: (signal: string) =>
    `runs in an 'abort' listener of \`${signal}\`: the signal has already aborted here, so a call given it would fail at once (a cleanup or cancellation notice never sent); not passed`,
} as const;

/** Why a shared result gets no signal, for the review note. */
function describeSharedResult(shared: SharedResult): string {
  if (shared.kind === 'outer') return `the result is kept in \`${shared.target}\`, which outlives the call`;
  if (shared.kind === 'cache') return `the result is stored in \`${shared.store}\` (a cache)`;
  return `the call runs inside \`${shared.wrapper}\`, which hands every caller the same result`;
}

/** Array methods and promise handlers: they call their first argument with arguments of their own, known ones. */
const CALLBACK_METHODS = new Set(['map', 'flatMap', 'forEach', 'filter', 'some', 'every', 'find', 'findIndex', 'findLast', 'findLastIndex', 'then', 'catch']);

/** fs calls that write what they are given (see isLocalWrite). */
const LOCAL_WRITES = new Set(['writeFile', 'appendFile']);
/** `expect(x.name).toHaveBeenCalledWith(` (`.not.`, `toBeCalledWith`, `Last`/`Nth`): group 1 is `.` for a member, group 2 the name. */
const PINNED_ARGUMENTS = /(\.|\()([A-Za-z_$][\w$]*)\)\s*\.\s*(?:not\s*\.\s*)?(?:toHaveBeenCalledWith|toBeCalledWith|toHaveBeenLastCalledWith|lastCalledWith|toHaveBeenNthCalledWith|nthCalledWith|toHaveBeenCalledExactlyOnceWith)\(/g;
/** Types of data that is all there when the write starts. */

/** What the ctx carrier passes where there is no signal: Go's `context.TODO()`. */
const EMPTY_CONTEXT = '{}';

/**
 * The options property that passes `value` into `slot` (`signal`, `signal: options?.signal`), or
 * undefined where a signal that may be missing has to be left out instead.
 */
function buildSignalProperty(slot: Slot, value: ArgumentValue): string | undefined {
  const { expression, optional } = value;
  if (optional && slot.missing === 'omit') return undefined;
  if (optional && slot.missing === 'null') return `${slot.property}: ${expression} ?? null`;
  return buildProperty(slot.property ?? 'signal', expression);
}

/** `signal`, or `signal: options?.signal`. */
function buildProperty(name: string, expression: string): string {
  return expression === name ? expression : `${name}: ${expression}`;
}

/** The property only when the signal is there: `...(signal ? { signal } : {})`. */
function buildSpreadWhenPresent(name: string, expression: string): string {
  return `...(${expression} ? { ${buildProperty(name, expression)} } : {})`;
}

/**
 * Plans the thread-signal pass over a whole program: finds calls of signal-aware callees that get
 * no signal, and threads one to them through every caller up to a function that has one.
 */
export function planThread(program: ts.Program, options: ThreadOptions = {}): ThreadPlan {
  const checker = program.getTypeChecker();
  const plan: ThreadPlan = { edits: new Map(), findings: new Map(), summary: [], sets: { ofEdit: new Map(), ofFinding: new Map(), labels: [] } };
  /** Thread only along paths that start at a signal source, rather than up from every sink. */
  const fromSources = (options.from ?? 'sources') === 'sources';
  const files = program.getSourceFiles().filter((file) => !file.isDeclarationFile && !file.fileName.includes('/node_modules/'));

  const changeSets = new ChangeSets<ts.Node>();
  /** The node the edits being planned depend on: a threaded function, or a call passing a signal. */
  let owner: ts.Node | undefined;
  const editOwners = new Map<TextEdit, ts.Node>();
  const findingOwners = new Map<PlannedFinding, ts.Node>();
  /** Names of sets: threaded functions first, else the call. */
  const functionLabels = new Map<ts.Node, string>();
  const callLabels = new Map<ts.Node, string>();
  const getSite = (node: ts.Node): string => {
    const file = node.getSourceFile();
    return `${basename(file.fileName)}:${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}`;
  };

  /** Adds an edit to the file of `node`, or puts it in the place of an earlier one (`replaces`). */
  const addEdit = (node: ts.Node, edit: TextEdit, replaces?: TextEdit) => {
    const name = node.getSourceFile().fileName;
    const list = plan.edits.get(name) ?? [];
    const index = replaces ? list.indexOf(replaces) : -1;
    if (index >= 0) list[index] = edit;
    else list.push(edit);
    plan.edits.set(name, list);
    editOwners.set(edit, owner!);
  };
  const report = (node: ts.Node, kind: PlannedFinding['kind'], message: string, handled = false) => {
    const file = node.getSourceFile();
    const list = plan.findings.get(file.fileName) ?? [];
    const pos = node.getStart(file);
    if (list.some((finding) => finding.pos === pos && finding.message === message)) return;
    const finding: PlannedFinding = { kind, pos, message, ...(handled ? { handled } : {}) };
    list.push(finding);
    plan.findings.set(file.fileName, list);
    if (kind === 'edit') findingOwners.set(finding, owner!);
  };

  // 1. Syntactic sweep: calls by callee name, names of signal-typed things, default imports.
  const callsByName = new Map<string, ts.CallLikeExpression[]>();
  const signalTypeNames = new Set<string>(LIB_SIGNAL_CARRIERS);
  const signalFunctionNames = new Set<string>();
  const defaultImportNames = new Set<string>();
  const generated = new Set<ts.SourceFile>();
  const heirs: Owner[] = [];
  /** Identifiers read as values other than as callees, by name: candidates for functions used as values. */
  const valueIdentifiers = new Map<string, ts.Identifier[]>();
  for (const file of files) {
    if (isGenerated(file)) generated.add(file);
    const mentionsSignal = file.text.includes('AbortSignal');
    const visit = (node: ts.Node): void => {
      if (isHeir(node)) heirs.push(node);
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        const name = getCalleeName(node.expression);
        if (name !== undefined) {
          const list = callsByName.get(name) ?? [];
          list.push(node);
          callsByName.set(name, list);
        }
      } else if (ts.isIdentifier(node)) {
        if (isValuePosition(node)) {
          const list = valueIdentifiers.get(node.text) ?? [];
          list.push(node);
          valueIdentifiers.set(node.text, list);
        }
      } else if (ts.isImportClause(node) && node.name) {
        defaultImportNames.add(node.name.text);
      } else if (mentionsSignal && (ts.isInterfaceDeclaration(node) || ts.isTypeAliasDeclaration(node)) && node.getText(file).includes('AbortSignal')) {
        signalTypeNames.add(node.name.text);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  // Functions whose parameters mention AbortSignal or a type that carries one: their callers are candidates.
  for (const file of files) {
    const visit = (node: ts.Node): void => {
      if (isFunctionLike(node) || ts.isMethodSignature(node) || ts.isFunctionTypeNode(node)) {
        const text = node.parameters.map((p) => p.type?.getText(file) ?? '').join(' ');
        const name = isFunctionLike(node) ? getFunctionName(node) : ts.isMethodSignature(node) && ts.isIdentifier(node.name) ? node.name.text : undefined;
        if (name && (text.includes('AbortSignal') || [...signalTypeNames].some((type) => new RegExp(`\\b${type}\\b`).test(text)))) {
          signalFunctionNames.add(name);
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }

  const isEditable = (file: ts.SourceFile) =>
    !file.isDeclarationFile && !generated.has(file) && (options.files === undefined || options.files.has(file.fileName));

  const compilerOptions = program.getCompilerOptions();
  const strictNull = compilerOptions.strictNullChecks ?? compilerOptions.strict ?? false;
  const exactOptional = compilerOptions.exactOptionalPropertyTypes === true && strictNull;
  const types = new SignalTypes(checker, exactOptional);
  const { isAbortSignal } = types;

  const carrier = options.carrier ?? 'signal';
  const paramName = options.paramName ?? (carrier === 'ctx' ? 'ctx' : 'signal');
  const context: ContextType | undefined =
    carrier === 'ctx' ? getContextType(program, isAbortSignal, options.contextType ?? 'Context', options.contextImport) : undefined;
  /** The interfaces and classes `new C()` of a class is given as (a return, a typed variable, an argument). */
  const getStructuralBases = (owner: Owner): Owner[] => {
    if (!ts.isClassDeclaration(owner) || !owner.name) return [];
    const bases: Owner[] = [];
    for (const call of callsByName.get(owner.name.text) ?? []) {
      if (!ts.isNewExpression(call)) continue;
      const contextual = checker.getContextualType(call);
      for (const part of contextual ? (contextual.isUnion() ? contextual.types : [contextual]) : []) {
        for (const declaration of part.getSymbol()?.getDeclarations() ?? []) {
          if ((ts.isInterfaceDeclaration(declaration) || ts.isClassLike(declaration)) && declaration !== owner) bases.push(declaration);
        }
      }
    }
    return bases;
  };
  const families = new FamilyFinder(checker, heirs, getStructuralBases);
  const builder = new EditBuilder(addEdit, paramName, context, exactOptional);

  const sources = new SignalSources(checker, types, context, options.roots ?? []);

  const controllers = new Map<FunctionLike, string | undefined>();
  /** Makes (once per handler) `const controller = new AbortController()` aborted on an unfinished 'close'. */
  const getHandlerSignal = (fn: FunctionLike, res: string): string | undefined => {
    if (controllers.has(fn)) return controllers.get(fn);
    let result: string | undefined;
    if (fn.body && ts.isBlock(fn.body) && isEditable(fn.getSourceFile())) {
      const file = fn.getSourceFile();
      const bodyText = fn.body.getText(file);
      const name = ['controller', 'abortController', 'requestController'].find((n) => !new RegExp(`\\b${n}\\b`).test(bodyText));
      const first = fn.body.statements[0];
      if (name && first) {
        const { lineStart, indent, eol } = getLineLayout(file, first.getStart(file));
        owner = fn;
        callLabels.set(fn, `the signal of ${getFunctionName(fn) ?? 'the handler'} (${getSite(fn)})`);
        addEdit(fn, {
          start: lineStart,
          end: lineStart,
          text:
            `${indent}const ${name} = new AbortController();${eol}` +
            `${indent}${res}.on('close', () => {${eol}${indent}  if (!${res}.writableFinished) ${name}.abort();${eol}${indent}});${eol}`,
        });
        report(fn, 'edit', MESSAGES.controller);
        result = `${name}.signal`;
      }
    }
    controllers.set(fn, result);
    return result;
  };

  /**
   * A Node/Express handler's response, from whose 'close' migrate makes the handler's signal. Not
   * for `check`: code that has no signal there drops none, and threading one is a feature to add.
   */
  const getResponseParam = (fn: FunctionLike): string | undefined => (options.audit ? undefined : sources.getResponseParam(fn));

  const abortListeners = new AbortListeners(checker);
  /**
   * The signal of the function `node` gets it from, when `node` runs in an 'abort' listener of
   * that same signal (inline, or a function it names), in the functions between: such a signal
   * has already aborted there. A named function that is no listener takes its signal from its
   * callers, each asked in turn.
   */
  const getAbortedSignal = (node: ts.Node): { readonly signal: OwnSignal; readonly perFile: boolean; readonly branch?: boolean } | undefined => {
    const file = node.getSourceFile();
    const hasListeners = abortListeners.hasListeners(file);
    const hasBranches = mayBranchOnAbort(file);
    if (!hasListeners && !hasBranches) return undefined;
    const listeners: FunctionLike[] = [];
    // Named functions between `node` and the signal's function: declared there, called only there.
    const closures: FunctionLike[] = [];
    for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
      if (!isFunctionLike(current)) continue;
      const own = sources.getOwnSignal(current) ?? (fromSources ? sources.getLocalSignal(current, node) : undefined);
      if (own) {
        const aborted = { signal: own, perFile: !sources.isConfiguredRoot(current) };
        if (listeners.some((fn) => abortListeners.listensTo(fn, own.expression))) return aborted;
        if (!hasBranches || listeners.length > 0) return undefined;
        // `if (signal.aborted) { await cancelOnServer(); ... }`: the call, or every call of the
        // closure it is in, runs only once the signal has aborted.
        const outermost = closures.at(-1);
        const symbol = outermost && getSymbol(getNameNode(outermost));
        const usedAsValue = outermost !== undefined && (symbol === undefined || getValueUses(getFunctionName(outermost) ?? '', symbol).length > 0);
        const sites = usedAsValue ? [] : outermost ? getCallSites(outermost) : [node];
        return sites.length > 0 && sites.every((site) => isInAbortedBranch(site, current, own.expression)) ? { ...aborted, branch: true } : undefined;
      }
      if (abortListeners.isListener(current)) listeners.push(current);
      else if (getFunctionName(current) !== undefined && isDeclaredInFunction(current)) closures.push(current);
      else if (getFunctionName(current) !== undefined) return undefined;
    }
    return undefined;
  };

  /** `make`: false to look without adding a handler's controller (the answer is then only its kind). */
  const getCarrier = (node: ts.Node, make = true): Carrier => {
    let callback = false;
    // Test code passing a signal to the code it tests says nothing about what production callers have.
    if (fromSources && isTestFile(node.getSourceFile())) return { kind: 'none', reason: MESSAGES.testFile, unsourced: true };
    const aborted = getAbortedSignal(node);
    if (aborted) return { kind: 'aborted', reason: (aborted.branch ? MESSAGES.afterAbort : MESSAGES.aborted)(aborted.signal.expression), perFile: aborted.perFile };
    for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
      if (!isFunctionLike(current)) continue;
      const own = sources.getOwnSignal(current) ?? (fromSources ? sources.getLocalSignal(current, node) : undefined);
      // A configured root's signal is one the per-file transforms cannot see.
      if (own) return { kind: 'root', ...own, perFile: !sources.isConfiguredRoot(current) };
      if (getFunctionName(current) !== undefined && !isLocalClosure(current)) {
        if (fromSources && !isFed(current)) return { kind: 'none', reason: MESSAGES.unsourced, unsourced: true };
        return { kind: 'thread', fn: current };
      }
      const res = getResponseParam(current);
      if (res) {
        const expression = make ? getHandlerSignal(current, res) : res;
        if (expression) return { kind: 'root', expression, owner: current };
      }
      // An anonymous callback: it captures the signal of the function around it.
      callback = true;
    }
    return { kind: 'none', reason: callback ? MESSAGES.callback : MESSAGES.topLevel, unsourced: fromSources };
  };

  /**
   * A named function inside another that is only called there (`const probe = async () => ...`):
   * it sees the signal of the function around it, which gets the parameter instead.
   */
  const localClosures = new Map<FunctionLike, boolean>();
  const isLocalClosure = (fn: FunctionLike): boolean => {
    let known = localClosures.get(fn);
    if (known === undefined) localClosures.set(fn, (known = getIsLocalClosure(fn)));
    return known;
  };
  // Asked for every named function above every call site: its value uses and call sites are
  // scanned once per function (the program does not change while the pass plans).
  const getIsLocalClosure = (fn: FunctionLike): boolean => {
    if (!isDeclaredInFunction(fn)) return false;
    const symbol = getSymbol(getNameNode(fn));
    if (symbol === undefined || getValueUses(getFunctionName(fn) ?? '', symbol).length > 0) return false;
    // Called from an 'abort' listener of the signal around it (a cancel() run on abort): that
    // signal has aborted there, so the closure is judged by its callers like any named function.
    return !getCallSites(fn).some((site) => getAbortedSignal(site) !== undefined);
  };

  /** Functions a signal reaches from above (see isFed); filled as the pass asks. */
  const fed = new Map<FunctionLike, boolean>();
  /**
   * Whether a signal source is above `fn`: some call of it sits in a function that has or makes a
   * signal (or under an anonymous callback of one), or in a function above which there is one.
   * Calls in test files do not count. A search that finds none also clears every function it
   * walked, since each of them calls `fn`, directly or not.
   */
  const isFed = (fn: FunctionLike): boolean => {
    const known = fed.get(fn);
    if (known !== undefined) return known;
    const seen = new Set<FunctionLike>([fn]);
    const queue: FunctionLike[] = [fn];
    while (queue.length > 0) {
      const current = queue.shift()!;
      if (fed.get(current) === false) continue;
      for (const site of getCallSites(current)) {
        const above = getSourceAbove(site);
        if (above === true || (above !== undefined && fed.get(above) === true)) {
          fed.set(fn, true);
          return true;
        }
        if (above !== undefined && !seen.has(above)) {
          seen.add(above);
          queue.push(above);
        }
      }
    }
    for (const walked of seen) fed.set(walked, false);
    return false;
  };

  /** The calls of `fn` and of the declarations that change with it (overloads, its method family). */
  const getCallSites = (fn: FunctionLike): ts.Node[] => {
    const sites: ts.Node[] = [];
    for (const member of getGroup(fn)) {
      if (!isCallable(member)) continue;
      const name = getFunctionName(member);
      if (name === undefined) continue;
      const symbol = getSymbol(getNameNode(member));
      for (const callName of [name, ...(isDefaultExport(member) ? defaultImportNames : [])]) {
        for (const call of callsByName.get(callName) ?? []) {
          if (!ts.isCallExpression(call) || isTestFile(call.getSourceFile())) continue;
          if (isCallOf(call, member, symbol) || (symbol !== undefined && getSymbol(call.expression) === symbol)) sites.push(call);
        }
      }
      // `ids.map(load)`: called by the array method, with a signal from where it is given.
      if (symbol && carrier === 'signal' && !options.required) sites.push(...getValueUses(name, symbol).filter((use) => isArrowable(use, member) && !isTestFile(use.getSourceFile())));
    }
    return sites;
  };

  /** At a call: true when a signal is there (as getCarrier finds it), else the named function to look above. */
  const getSourceAbove = (site: ts.Node): FunctionLike | true | undefined => {
    for (let current = site.parent; current && !ts.isSourceFile(current); current = current.parent) {
      if (!isFunctionLike(current)) continue;
      if (sources.getOwnSignal(current) ?? sources.getLocalSignal(current, site)) return true;
      if (getFunctionName(current) !== undefined) return current;
      if (getResponseParam(current) && current.body && ts.isBlock(current.body) && current.body.statements.length > 0) return true;
    }
    return undefined;
  };

  /** The declared symbol at `node`: through import aliases, and from the instantiated copy a property access may give. */
  const getSymbol = (node: ts.Node | undefined): ts.Symbol | undefined => {
    if (!node) return undefined;
    let symbol = resolveAlias(checker, checker.getSymbolAtLocation(node));
    if (symbol && symbol.flags & ts.SymbolFlags.Transient) symbol = checker.getRootSymbols(symbol)[0] ?? symbol;
    return symbol;
  };

  /** Identifiers that refer to `symbol` other than by calling it: callbacks, stored values. */
  const getValueUses = (name: string, symbol: ts.Symbol): ts.Node[] => {
    const uses: ts.Node[] = [];
    for (const node of valueIdentifiers.get(name) ?? []) {
      const parent = node.parent;
      const resolved = ts.isShorthandPropertyAssignment(parent) ? checker.getShorthandAssignmentValueSymbol(parent) : getSymbol(node);
      if (resolved === symbol) uses.push(node);
    }
    return uses;
  };

  /** Threaded functions: where callers pass the signal and the expression inside; false: could not. */
  const marked = new Map<Callable, Threaded | false>();
  /** Calls given a root's own signal (not a threaded function's): where a change set is fed. */
  const rootCalls = new Set<ts.Node>();
  /** Threaded functions with a call in a file outside the paths being migrated. */
  const calledFromOutside = new Set<ts.Node>();
  /** Threaded functions a callback arrow passes a root's signal to. */
  const fedByArrow = new Set<ts.Node>();
  /** Calls the pass gives a signal: the threaded function called (if any) and where the signal comes from. */
  const callLinks = new Map<ts.Node, { readonly origin: Callable | undefined; readonly source: ts.Node | undefined }>();
  /** Callback arrows that pass a threaded caller's signal: the function wrapped, the caller. */
  const arrowLinks: { readonly fn: ts.Node; readonly source: ts.Node }[] = [];
  /** Each threaded declaration with the declarations that change with it. */
  const groups = new Map<ts.Node, readonly ts.Node[]>();
  /** Functions cut because they are used as values: a limit of the analysis, not something `check` reports. */
  const cutAsValue = new Set<FunctionLike>();
  /** Functions a test pins the arguments of: a limit of the pass (the tests are not migrated), not a finding. */
  const pinnedByTests = new Set<FunctionLike>();
  let pinned: Map<string, string> | undefined;
  /**
   * `expect(ide.openDiff).toHaveBeenCalledWith(path, content)` in a test file: one more argument
   * fails it. By name, over the program's test files, read once when the pass first asks.
   */
  const getPinningTest = (name: string, isMethod: boolean): string | undefined => {
    if (!pinned) {
      pinned = new Map();
      for (const file of files) {
        if (!isTestFile(file)) continue;
        for (const match of file.text.matchAll(PINNED_ARGUMENTS)) {
          // `expect(ide.openDiff)` pins a method of that name, `expect(openDiff)` a function.
          const key = `${match[1] === '.' ? 'method' : 'function'} ${match[2]}`;
          const line = file.getLineAndCharacterOfPosition(match.index ?? 0).line + 1;
          if (!pinned.has(key)) pinned.set(key, `${basename(file.fileName)}:${line}`);
        }
      }
    }
    return pinned.get(`${isMethod ? 'method' : 'function'} ${name}`);
  };
  /**
   * What callers pass to functions given a required parameter: a signal that may be undefined, or
   * the signal of another threaded function (undefined too if that one ends up optional).
   */
  const requiredUses = new Map<Callable, { readonly optional: boolean; readonly from?: Callable }[]>();
  /** Functions given a required parameter, each with the declarations it changed with (overloads, family). */
  const requiredGroups = new Map<Callable, readonly Callable[]>();
  const queue: Callable[] = [];

  /** The declarations that change with `fn`: its method family (see FamilyFinder), or its overloads. */
  const getGroup = (fn: FunctionLike): readonly (Callable | ts.PropertyDeclaration | ts.PropertySignature)[] => {
    if (ts.isMethodDeclaration(fn) && ts.isClassLike(fn.parent) && !isStatic(fn)) return families.getFamily(fn).members;
    // `get = async () => ...` in a class: its family, with the property standing for the function.
    const property = fn.parent;
    if (ts.isPropertyDeclaration(property) && property.initializer === fn && ts.isClassLike(property.parent) && !isStatic(property)) {
      const members = families.getFamily(property).members;
      return members.length === 1 ? [fn] : members;
    }
    const declarations = (getSymbol(getNameNode(fn))?.getDeclarations() ?? []).filter(
      (d): d is ts.FunctionDeclaration | ts.MethodDeclaration => ts.isFunctionDeclaration(d) || ts.isMethodDeclaration(d),
    );
    return declarations.length > 1 ? declarations : [fn];
  };

  /** Files of the group that must import the context type; false (reported) when a name is taken. */
  const getContextImports = (members: readonly Callable[], name: string): Map<ts.SourceFile, string> | string => {
    const imports = new Map<ts.SourceFile, string>();
    for (const member of members) {
      const file = member.getSourceFile();
      if (isJs(member) || !context) continue;
      const resolved = resolveAlias(checker, checker.resolveName(context.name, member, ts.SymbolFlags.Type, false));
      if (resolved === context.symbol) continue;
      const specifier = context.getSpecifier(file);
      if (resolved || specifier === undefined) return MESSAGES.contextName(name, context.name);
      imports.set(file, specifier);
    }
    return imports;
  };

  /**
   * Plans the new parameter of `fn` and of every declaration that changes with it (overloads, the
   * members of its method family); undefined (reported) when it cannot.
   */
  const mark = (fn: FunctionLike, site: ts.Node): Threaded | undefined => {
    const known = marked.get(fn);
    if (known !== undefined) {
      if (!known && !(options.audit && (cutAsValue.has(fn) || pinnedByTests.has(fn)))) report(site, 'manual', `not threaded: ${getFunctionName(fn) ?? 'the function'} could not take a signal (the reason is reported at its declaration)`);
      return known || undefined;
    }
    const name = getFunctionName(fn) ?? 'the function';
    let group: readonly ts.Node[] = [fn];
    const fail = (message: string) => {
      for (const member of [fn, ...group]) if (isCallable(member)) marked.set(member, false);
      report(fn, 'manual', message);
      report(site, 'manual', `not threaded: ${message.replace(/: not threaded$/, '')}`);
      return undefined;
    };
    const file = fn.getSourceFile();
    if (generated.has(file)) return fail(MESSAGES.generated);
    if (!isEditable(file)) return fail(MESSAGES.outside(name));
    if (ts.isConstructorDeclaration(fn)) return fail(MESSAGES.constructor(fn.parent.name?.text ?? 'the class'));
    const literal = getObjectLiteral(fn);
    const contextual = literal && checker.getContextualType(literal);
    // Typed from outside (`const s: Store = {...}`, a return or an argument): callers go through that type.
    const typed = contextual && (contextual.isUnion() ? contextual.types : [contextual]).some((part) => checker.getPropertyOfType(checker.getApparentType(part), name));
    if (contextual && typed) return fail(MESSAGES.typedLiteral(name, checker.typeToString(contextual)));
    // Returned, passed or spread, the object's type flows to places the pass does not follow.
    if (literal && !ts.isVariableDeclaration(literal.parent)) return fail(MESSAGES.flowingLiteral(name));
    group = getGroup(fn);
    for (const member of group) {
      const memberFile = member.getSourceFile();
      if (memberFile.isDeclarationFile || memberFile.fileName.includes('/node_modules/')) {
        const owner = member.parent as Owner;
        return fail(MESSAGES.library(name, `${owner.name?.text ?? 'a class'}.${name}`));
      }
      if (generated.has(memberFile)) return fail(MESSAGES.generated);
      if (!isEditable(memberFile)) return fail(MESSAGES.outside(name));
      if (!isCallable(member)) return fail(MESSAGES.property(name));
    }
    const members = group as readonly Callable[];
    const isFamily = members.some((member) => member !== fn && getSymbol(getNameNode(member)) !== getSymbol(getNameNode(fn)));
    if (carrier !== 'ctx') {
      if (members.some((member) => member.parameters.some((p) => p.dotDotDotToken))) return fail(`${name} ${MESSAGES.rest}`);
      if (new Set(members.map((member) => member.parameters.length)).size > 1) return fail(isFamily ? MESSAGES.familyCounts(name) : MESSAGES.overloads(name));
    }
    let bags: OptionsBag[] | undefined;
    if (carrier === 'options') {
      const found = members.map(getOptionsBag);
      if (found.every((bag): bag is OptionsBag => bag !== undefined) && new Set(found.map((bag) => bag.members)).size === 1) bags = found;
      else if (!found.every((bag) => bag === undefined)) return fail(isFamily ? MESSAGES.familyCounts(name) : MESSAGES.overloads(name));
    }
    const reader = members.find(usesArguments);
    if (reader) return fail(MESSAGES.usesArguments(getFunctionName(reader) ?? name));
    const pinning = getPinningTest(name, !ts.isFunctionDeclaration(fn) && !ts.isVariableDeclaration(fn.parent));
    if (pinning !== undefined) {
      for (const member of [fn, ...group]) if (isCallable(member)) marked.set(member, false);
      pinnedByTests.add(fn);
      report(fn, 'manual', MESSAGES.pinned(name, pinning), true);
      report(site, 'manual', `not threaded: ${MESSAGES.pinned(name, pinning)}`, true);
      return undefined;
    }
    const newName = carrier === 'options' ? 'options' : paramName;
    if (!bags) {
      for (const member of members) {
        const body = 'body' in member ? member.body : undefined;
        if (member.parameters.some((p) => usesName(p.name, newName)) || (body !== undefined && usesName(body, newName))) {
          return fail(MESSAGES.nameTaken(getFunctionName(member) ?? name, newName));
        }
      }
    }
    // One entry per symbol: overloads share theirs, each member of a family has its own.
    const distinct: { readonly symbol: ts.Symbol | undefined; readonly member: Callable }[] = [];
    for (const member of members) {
      const symbol = getSymbol(getNameNode(member));
      if (!distinct.some((entry) => (symbol ? entry.symbol === symbol : entry.member === member))) distinct.push({ symbol, member });
    }
    const callbackUses: ts.Identifier[] = [];
    for (const { symbol, member } of distinct) {
      const uses = symbol ? getValueUses(getFunctionName(member) ?? '', symbol) : [];
      // Given to a callee whose arguments are known (`ids.map(load)`, `.then(load)`): an arrow keeps them.
      if (uses.length > 0 && carrier === 'signal' && !options.required && members.length === 1 && uses.every((use) => isArrowable(use, member))) {
        callbackUses.push(...(uses as ts.Identifier[]));
        continue;
      }
      if (uses.length > 0) {
        cutAsValue.add(fn);
        // For `check`, the cut is where the analysis stops, not a fault in the code.
        if (options.audit) {
          for (const member of [fn, ...group]) if (isCallable(member)) marked.set(member, false);
          return undefined;
        }
        for (const use of uses) report(use, 'manual', isJsxTag(use) ? MESSAGES.componentUse(name) : MESSAGES.valueUse(name));
        return fail(MESSAGES.valueUseAt(name));
      }
    }
    // Called only from outside (a framework's page or handler, a runtime's entry), it may be given
    // more arguments than it declares: React passes a second one to components, Next.js props to
    // an `Image()`. Only a published package's API is known to be called as it is declared.
    if (!(options.published && members.some(isExported)) && callbackUses.length === 0 && !distinct.some(({ symbol, member }) => hasCaller(member, symbol))) {
      return fail(MESSAGES.entryPoint(name));
    }
    let imports = new Map<ts.SourceFile, string>();
    if (carrier === 'ctx' && options.published && members.some(isExported)) return fail(MESSAGES.publicFirst(name));
    if (carrier === 'ctx') {
      for (const { symbol, member } of distinct) {
        const calls = callsByName.get(getFunctionName(member) ?? '') ?? [];
        if (calls.some((call) => !isEditable(call.getSourceFile()) && isCallOf(call, member, symbol))) return fail(MESSAGES.callerOutside(name));
      }
      const found = getContextImports(members, name);
      if (typeof found === 'string') return fail(found);
      imports = found;
    }

    // A package's exports have callers outside the project: they keep compiling only with an optional parameter.
    const afterOptional = members.some((member) => member.parameters.some((p) => p.questionToken || p.initializer));
    const required = options.required === true && !(options.published && members.some(isExported)) && !afterOptional;
    if (options.required && !required) report(fn, 'manual', afterOptional ? MESSAGES.afterOptional(name) : MESSAGES.publicApi(name));
    const infos = new Map<Callable, Threaded>();
    owner = fn;
    functionLabels.set(fn, `${name} (${getSite(fn)})`);
    for (const member of members) changeSets.union(fn, member);
    if (carrier === 'ctx') {
      for (const member of members) builder.addFirstParameter(member);
      for (const [importer, specifier] of imports) builder.addContextImport(importer, specifier);
      const info: Threaded = { slot: { index: 0, context: true, encoding: false }, expression: `${paramName}.${context!.signalProperty}`, context: paramName };
      for (const member of members) infos.set(member, info);
    } else if (bags) {
      builder.addBagMember(bags[0]!.members);
      members.forEach((member, i) => {
        const bag = bags[i]!;
        infos.set(member, { slot: { index: member.parameters.length - 1, property: 'signal', encoding: false }, expression: `${bag.name}${bag.optional ? '?.' : '.'}signal` });
      });
    } else if (carrier === 'options') {
      for (const member of members) builder.addParameter(member, isJs(member) ? 'options' : `options?: { ${builder.signalMember} }`);
      for (const member of members) infos.set(member, { slot: { index: member.parameters.length, property: 'signal', encoding: false }, expression: 'options?.signal' });
    } else {
      for (const member of members) builder.addParameter(member, undefined, required);
      for (const member of members) {
        infos.set(member, { slot: { index: member.parameters.length, encoding: false, required }, expression: paramName });
        if (required) requiredGroups.set(member, members);
      }
    }
    for (const [member, info] of infos) {
      marked.set(member, info);
      groups.set(member, members);
      // Overload signatures change with their implementation and are not reported on their own.
      if (ts.isMethodSignature(member) || member.body || isAbstract(member)) report(member, 'edit', MESSAGES.threaded(getFunctionName(member) ?? name, info.expression));
    }
    queue.push(...distinct.map((entry) => entry.member));
    const info = infos.get(fn);
    if (info) for (const use of callbackUses) wrapInArrow(use, fn, info);
    return info;
  };

  /**
   * `ids.map(load)` -> `ids.map((id) => load(id, signal))`: the arrow passes on exactly the
   * arguments `load` declared (and so used), then the signal at the use, or none where there is
   * none (the new parameter must not receive what `map` passes next, the index).
   */
  const wrapInArrow = (use: ts.Identifier, fn: FunctionLike, info: Threaded) => {
    const file = use.getSourceFile();
    const found = getArgumentValue(use, info.slot, fn);
    const value = found?.expression;
    // The arrow passes a signal another edit makes (a threaded caller's parameter): one change set.
    if (found?.owner) changeSets.union(found.owner, fn);
    if (found?.owner && marked.get(found.owner as Callable)) arrowLinks.push({ fn, source: found.owner });
    if (value !== undefined && rootCalls.has(use)) fedByArrow.add(fn);
    const taken = new Set([use.text, ...(value?.match(/[A-Za-z_$][\w$]*/g) ?? [])]);
    const names: string[] = [];
    fn.parameters.forEach((param, i) => {
      let name = ts.isIdentifier(param.name) && !taken.has(param.name.text) ? param.name.text : `arg${i}`;
      while (taken.has(name)) name = `_${name}`;
      taken.add(name);
      names.push(name);
    });
    const args = value === undefined ? names : [...names, value];
    addEdit(use, { start: use.getStart(file), end: use.end, text: `(${names.join(', ')}) => ${use.text}(${args.join(', ')})` });
    report(use, 'edit', MESSAGES.arrow(use.text, value));
  };

  /**
   * A plain function name given as the callback of an array method or a promise's then/catch,
   * which pass known arguments: a function with a fixed parameter list can be wrapped in an arrow.
   */
  const isArrowable = (use: ts.Node, member: Callable): boolean => {
    if (!ts.isIdentifier(use) || !(ts.isFunctionDeclaration(member) || ts.isArrowFunction(member) || ts.isFunctionExpression(member))) return false;
    if (member.parameters.some((param) => param.dotDotDotToken) || !isEditable(use.getSourceFile())) return false;
    const call = use.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] !== use || !ts.isPropertyAccessExpression(call.expression)) return false;
    return CALLBACK_METHODS.has(call.expression.name.text);
  };

  /** True when `member` (or the class or interface it belongs to) is exported from its module. */
  const isExported = (member: Callable): boolean => {
    const element = ts.isPropertyDeclaration(member.parent) ? member.parent : member;
    // Private and protected members are no one's API outside the class hierarchy.
    if ((element.name !== undefined && ts.isPrivateIdentifier(element.name)) || (ts.getCombinedModifierFlags(element as ts.Declaration) & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) !== 0) return false;
    const owner = element.parent && (ts.isClassLike(element.parent) || ts.isInterfaceDeclaration(element.parent)) ? element.parent : undefined;
    const symbol = getSymbol(owner ? owner.name : getNameNode(member));
    if (!symbol) return false;
    return publicSymbols ? publicSymbols.has(symbol) : getModuleExports(checker, member.getSourceFile()).includes(symbol);
  };
  const publicSymbols = options.publicEntries?.length
    ? new Set(options.publicEntries.flatMap((entry) => getModuleExports(checker, program.getSourceFile(entry))))
    : undefined;

  /** Whether anything in the program calls `member`, other than `member` itself. */
  const hasCaller = (member: Callable, symbol: ts.Symbol | undefined): boolean => {
    const name = getFunctionName(member);
    if (name === undefined) return true;
    const file = member.getSourceFile();
    const names = [name, ...(isDefaultExport(member) ? defaultImportNames : [])];
    return names.some((callName) =>
      (callsByName.get(callName) ?? []).some((call) => {
        if (call.getSourceFile() === file && call.pos >= member.pos && call.end <= member.end) return false;
        return isCallOf(call, member, symbol) || (symbol !== undefined && ts.isCallExpression(call) && getSymbol(call.expression) === symbol);
      }),
    );
  };

  /** True when `call` resolves to `member` (or a declaration of the same symbol). */
  const isCallOf = (call: ts.CallLikeExpression, member: Callable, symbol: ts.Symbol | undefined): boolean => {
    if (!ts.isCallExpression(call)) return false;
    const declaration = checker.getResolvedSignature(call)?.getDeclaration();
    if (!declaration) return false;
    if (declaration === member) return true;
    const resolved = getSymbol(getNameNode(declaration as Callable));
    return resolved !== undefined && resolved === symbol;
  };

  /** The trailing options-bag parameter of `fn` whose type the project declares, if any. */
  const getOptionsBag = (fn: ts.SignatureDeclaration): OptionsBag | undefined => {
    const last = fn.parameters[fn.parameters.length - 1];
    if (!last || !ts.isIdentifier(last.name) || !last.type || last.dotDotDotToken) return undefined;
    // A default value makes it defined inside the function.
    const optional = last.questionToken !== undefined && last.initializer === undefined;
    if (ts.isTypeLiteralNode(last.type)) return { name: last.name.text, optional, members: last.type };
    if (!ts.isTypeReferenceNode(last.type) || !ts.isIdentifier(last.type.typeName) || last.type.typeArguments) return undefined;
    const declaration = getSymbol(last.type.typeName)?.getDeclarations()?.[0];
    if (!declaration || !isEditable(declaration.getSourceFile())) return undefined;
    if (declaration.getSourceFile().fileName.includes('/node_modules/')) return undefined;
    if (ts.isInterfaceDeclaration(declaration)) return { name: last.name.text, optional, members: declaration };
    if (ts.isTypeAliasDeclaration(declaration) && ts.isTypeLiteralNode(declaration.type)) return { name: last.name.text, optional, members: declaration.type };
    return undefined;
  };

  const isThenable = (node: ts.Node): boolean => checker.getTypeAtLocation(node).getProperty('then') !== undefined;

  const contextSignal = context && checker.getDeclaredTypeOfSymbol(context.symbol).getProperty(context.signalProperty);
  /** What a context built from a signal holds: a `Context` slot, as if the signal went into an options bag. */
  const contextProperty = context?.signalProperty ?? 'signal';
  const contextSlot: Slot = { index: 0, property: contextProperty, encoding: false, ...(contextSignal && { missing: types.getMissing(contextSignal) }) };
  const buildContext = (value: ArgumentValue): string =>
    `{ ${buildSignalProperty(contextSlot, value) ?? buildSpreadWhenPresent(contextProperty, value.expression)} }`;

  /**
   * What `call` passes in `slot`: the signal in scope, threading the enclosing function as needed;
   * for a context slot, the context in scope or one built from the signal, and where there is
   * neither, an empty one (the call must still compile), reported.
   */
  const getArgumentValue = (call: ts.Node, slot: Slot, origin: Callable | undefined): ArgumentValue | undefined => {
    const found = getCarrier(call);
    let value: string | undefined;
    // A threaded function's parameter may be undefined: `--required` ones can be made optional at the end.
    let optional = true;
    let source: ts.Node | undefined;
    if ((found.kind === 'root' || found.kind === 'aborted') && found.perFile && !origin && !slot.context) {
      const callee = getRootCallee(call);
      // The per-file transforms already passed the signal here, or left the call with a reason.
      if (callee === 'per-file' && options.afterPerFile) return undefined;
      // After them (and for `check`, which reports what `migrate` does), neither passes one here: a
      // site to fix by hand. The pass alone (no per-file run) passes it as at any sink.
      if (callee === 'unknown' && (options.afterPerFile || options.audit)) {
        if (found.kind === 'root') report(call, 'manual', MESSAGES.unknownSink(getCallee(call as ts.CallExpression), found.expression));
        return undefined;
      }
      const linked = callee === 'project' && found.kind === 'root' ? getLinkBefore(call, found.expression) : undefined;
      if (linked !== undefined && found.kind === 'root') {
        report(call, 'manual', MESSAGES.linked(linked, found.expression));
        return undefined;
      }
    }
    // Work left to run past the function that starts it: that function's signal has no say in it,
    // whether the function has one of its own or would be threaded to get its callers'.
    if ((found.kind === 'root' || found.kind === 'thread') && !slot.context && isDetached(checker, call as ts.Expression)) {
      report(call, 'manual', MESSAGES.detached, true);
      return undefined;
    }
    // `if (signal.aborted) return;` in a loop around the call: the code ends its own way on abort.
    const exit = found.kind === 'root' && !slot.context ? getOwnAbortExitOf(call, found.expression) : undefined;
    if (exit && found.kind === 'root') {
      const reason = { return: MESSAGES.ownReturn, skip: MESSAGES.ownSkip, cleanup: MESSAGES.ownCleanup, 'own-error': MESSAGES.ownError }[exit.kind];
      report(call, 'manual', reason(found.expression, exit.line), true);
      return undefined;
    }
    // `try { await loadTask(id) } catch { warn(); return null }`: an abort would pass for a failure.
    const swallowed = (found.kind === 'root' || found.kind === 'thread') && !slot.context ? getSwallowingCatch(call) : undefined;
    if (swallowed !== undefined) {
      // Not a `check` finding: a chain whose top takes aborts for failures needs a redesign, not a link.
      report(call, 'manual', MESSAGES.swallowed(swallowed), true);
      return undefined;
    }
    if (found.kind === 'root') rootCalls.add(call);
    if (found.kind === 'root') {
      source = found.owner;
      // `options.signal` typed `AbortSignal | null`, passed where null is not taken: `?? undefined`.
      const orUndefined = found.nullable === true && strictNull && !slot.context && !slot.takesNull && slot.missing === undefined;
      optional = found.optional === true || orUndefined;
      const expression = orUndefined ? `${found.expression} ?? undefined` : found.expression;
      value = slot.context ? (found.context ?? buildContext({ expression, optional })) : expression;
      if (slot.required && origin) addRequiredUse(origin, { optional });
    } else if (found.kind === 'thread') {
      const info = mark(found.fn, call);
      source = found.fn;
      value = info && (slot.context ? (info.context ?? buildContext({ expression: info.expression, optional })) : info.expression);
      if (info && slot.required && origin) addRequiredUse(origin, { optional: !info.slot.required, from: found.fn });
    } else if (found.kind === 'aborted') {
      // Left without the signal on purpose: nothing for `check` to report.
      report(call, 'manual', found.reason, true);
    } else if (!slot.context && origin) {
      // A call of a function the pass threaded, from an entry point: summed up at the function.
      const list = entryCalls.get(origin) ?? [];
      list.push(call);
      entryCalls.set(origin, list);
    } else if (!slot.context && found.unsourced) {
      unsourcedSinks.add(call);
    } else if (!slot.context && isThenable(call)) {
      // Only work in flight is worth the report: a factory's config (`axios.create({ timeout })`) is not.
      report(call, 'manual', found.reason);
    }
    if (value === undefined && slot.context) {
      report(call, 'manual', MESSAGES.background(EMPTY_CONTEXT));
      return { expression: EMPTY_CONTEXT, optional: false };
    }
    return value === undefined ? undefined : { expression: value, optional, ...(source ? { owner: source } : {}) };
  };

  /**
   * Who passes the signal at a sink a root calls directly, in the function the signal belongs to.
   * The per-file transforms know sinks by the catalog alone: a catalog entry is theirs. A function
   * the project declares (with a body, not a catalog entry) they do not see: the pass passes it
   * (`await sleep(ms)` with `options.signal` in scope), under its usual rules. A library's callee
   * is a candidate by a catalog name: theirs. A method the project knows only by its type (an
   * interface's, whose implementations may ignore the signal) neither passes: 'unknown'.
   */
  const getRootCallee = (call: ts.Node): 'per-file' | 'project' | 'unknown' => {
    if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) return 'per-file';
    if (catalogResolver.getEntry(call) !== undefined) return 'per-file';
    const declaration = checker.getResolvedSignature(call)?.getDeclaration();
    if (!declaration) return 'per-file';
    const file = declaration.getSourceFile();
    // A library's: named like a catalog sink (what made it a candidate), the per-file transforms' call.
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/')) return 'per-file';
    if (!isFunctionLike(declaration)) return 'unknown';
    // An overload signature is the project's function when its implementation is (an abstract
    // method, like an interface's, is known by its type only).
    const declarations = declaration.body ? [declaration] : (getSymbol(getNameNode(declaration))?.getDeclarations() ?? []);
    return declarations.some((d) => isFunctionLike(d) && d.body !== undefined) ? 'project' : 'unknown';
  };

  /** What the function whose signal `signal` is does on abort by itself around `site`, if anything. */
  const getOwnAbortExitOf = (site: ts.Node, signal: string): OwnAbortExit | undefined => {
    let fn: ts.Node | undefined = site.parent;
    while (fn && !(isFunctionLike(fn) && sources.getOwnSignal(fn)?.expression === signal)) fn = fn.parent;
    return fn ? getOwnAbortExit(site, signal, fn) : undefined;
  };

  /**
   * The callee of a call before `site`, in the body of the function whose signal `signal` is, that
   * is given that signal and a controller the function makes (`const detach = linkAbort(signal,
   * ctrl)`): the function ties its own controller to the signal and stops its work through it, so
   * which of the two a sink there should get is for a person (the controller's, often).
   */
  const getLinkBefore = (site: ts.Node, signal: string): string | undefined => {
    let fn: ts.Node | undefined = site.parent;
    while (fn && !(isFunctionLike(fn) && sources.getOwnSignal(fn)?.expression === signal)) fn = fn.parent;
    const body = fn && isFunctionLike(fn) ? fn.body : undefined;
    if (!body || !ts.isBlock(body)) return undefined;
    const file = site.getSourceFile();
    const controllers = new Set<string>();
    const calls: ts.CallExpression[] = [];
    const visit = (node: ts.Node): void => {
      if (isFunctionLike(node) || node.getStart(file) >= site.getStart(file)) return;
      if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer && ts.isNewExpression(node.initializer) && ts.isIdentifier(node.initializer.expression) && node.initializer.expression.text === 'AbortController') {
        controllers.add(node.name.text);
      }
      if (ts.isCallExpression(node)) calls.push(node);
      ts.forEachChild(node, visit);
    };
    ts.forEachChild(body, visit);
    const link = calls.find(
      (call) => call.arguments.some((arg) => arg.getText(file) === signal) && call.arguments.some((arg) => ts.isIdentifier(arg) && controllers.has(arg.text)),
    );
    return link && link.expression.getText(file);
  };

  const addRequiredUse = (callee: Callable, use: { readonly optional: boolean; readonly from?: Callable }) => {
    const list = requiredUses.get(callee) ?? [];
    list.push(use);
    requiredUses.set(callee, list);
  };

  /**
   * `--required` holds only where every caller passes a signal that is there: a function whose
   * caller passes one that may be undefined (an optional parameter, `options?.signal`) keeps its
   * parameter optional, and so, in turn, do the required functions it passes its signal to.
   */
  const relaxRequired = () => {
    const relaxed = new Set<Callable>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [callee, uses] of requiredUses) {
        if (relaxed.has(callee) || !uses.some((use) => use.optional || (use.from !== undefined && relaxed.has(use.from)))) continue;
        for (const member of requiredGroups.get(callee) ?? [callee]) relaxed.add(member);
        report(callee, 'manual', MESSAGES.keptOptional(getFunctionName(callee) ?? 'the function'));
        changed = true;
      }
    }
    // With no caller in the project, it is called from elsewhere (a library, a framework): nothing here can pass one.
    for (const group of new Set(requiredGroups.values())) {
      if (group.some((member) => requiredUses.has(member) || relaxed.has(member))) continue;
      for (const member of group) relaxed.add(member);
      report(group.find((member) => 'body' in member && member.body) ?? group[0]!, 'manual', MESSAGES.noCallers(getFunctionName(group[0]!) ?? 'the function'));
    }
    for (const member of relaxed) {
      owner = member;
      builder.makeOptional(member);
    }
  };

  /** A parameter of the enclosing function passed on whole: whatever signal it carries goes along. */
  const isForwardedBag = (arg: ts.Expression, property: string): boolean => {
    if (!ts.isIdentifier(arg)) return false;
    const declaration = getSymbol(arg)?.valueDeclaration;
    if (!declaration || !(ts.isParameter(declaration) || ts.isBindingElement(declaration))) return false;
    return checker.getNonNullableType(checker.getTypeAtLocation(arg)).getProperty(property) !== undefined;
  };

  const getCallee = (call: ts.CallLikeExpression): string => {
    const file = call.getSourceFile();
    return ts.isCallExpression(call) || ts.isNewExpression(call) ? call.expression.getText(file) : 'the callee';
  };

  /** A call of a signal-aware callee without a signal: give it the one in scope, threading as needed. */
  /** Calls of threaded functions from entry points (a callback or the module top level with no signal). */
  const entryCalls = new Map<Callable, ts.Node[]>();

  /**
   * What the objects an options literal spreads do with the signal: one whose type holds the
   * property carries it (`{ ...init, headers }` with `init: RequestInit`), and so may one the
   * checker cannot type; a `Request` loses it (its properties live on its prototype); the rest
   * provably lack it.
   */
  const getSpreadSignal = (spreads: readonly ts.SpreadAssignment[], property: string): { kind: 'carries' | 'lacks' } | { kind: 'request'; text: string } => {
    for (const spread of spreads) {
      const type = checker.getNonNullableType(checker.getTypeAtLocation(spread.expression));
      if (type.getSymbol()?.getName() === 'Request' && type.getProperty('clone') !== undefined) return { kind: 'request', text: spread.expression.getText() };
    }
    const carries = spreads.some((spread) => {
      const type = checker.getNonNullableType(checker.getTypeAtLocation(spread.expression));
      return (type.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) !== 0 || checker.getPropertyOfType(checker.getApparentType(type), property) !== undefined;
    });
    return { kind: carries ? 'carries' : 'lacks' };
  };

  /** Whether a signal would reach `call` (always, threading from sinks): only then is a site worth a note. */
  const hasSignalAbove = (call: ts.Node): boolean => {
    const { kind } = getCarrier(call, false);
    return kind !== 'aborted' && (!fromSources || kind !== 'none');
  };

  /** Sinks left alone because no signal source is above them: one summary line, not a finding each. */
  const unsourcedSinks = new Set<ts.Node>();

  /** A value with a signal of its own; `new Request(url)` built without one has none to lose. */
  const carriesSignal = (value: ts.Expression): boolean => {
    if (ts.isNewExpression(value)) return (value.arguments ?? []).some(carriesSignal);
    // A literal spreading what it does not type as holding a signal is a body or plain options (`{ ...params, stream }`).
    if (ts.isObjectLiteralExpression(value)) {
      return value.properties.some((p) => (ts.isSpreadAssignment(p) ? types.carriesSignal(checker.getTypeAtLocation(p.expression), p.expression) : p.name?.getText() === 'signal'));
    }
    return types.carriesSignal(checker.getTypeAtLocation(value), value);
  };

  /** The edits at `call` stand or fall with the function called (`origin`) and where its signal comes from. */
  const startCallEdits = (call: ts.CallExpression | ts.NewExpression, origin: Callable | undefined, source: ts.Node | undefined) => {
    owner = call;
    callLinks.set(call, { origin, source });
    callLabels.set(call, `the call of ${getCallee(call)} (${getSite(call)})`);
    if (origin) changeSets.union(origin, call);
    if (source) changeSets.union(source, call);
  };

  const reportReplaced = (call: ts.CallExpression | ts.NewExpression, carrier: ts.Expression) => {
    // A handler passing its own Request on: the request's signal is the one it has.
    const found = getCarrier(call);
    const text = carrier.getText(call.getSourceFile());
    if (!(found.kind === 'root' && found.expression === `${text}.signal`)) report(call, 'manual', MESSAGES.replacesSignal(text));
  };

  /** A call of a declaration-file function (fetch, a library's request): it does what it does with what it gets. */
  const isLibraryCall = (call: ts.CallExpression | ts.NewExpression): boolean => {
    const declaration = checker.getResolvedSignature(call)?.getDeclaration();
    return declaration !== undefined && declaration.getSourceFile().isDeclarationFile;
  };

  /** `origin`: the threaded function called; undefined for an API that takes a signal. */
  const passSignal = (call: ts.CallExpression | ts.NewExpression, slot: Slot, origin?: Callable): boolean => {
    const file = call.getSourceFile();
    const args = call.arguments ?? [];
    const cleanup = isInFinally(call);
    const shared = getSharedResult(checker, call);
    // Sharing the result is the design: one caller's signal has no place in it.
    if (shared && isEditable(file) && hasSignalAbove(call)) report(call, 'manual', MESSAGES.shared(describeSharedResult(shared)), true);
    if (slot.context) {
      if (!isEditable(file) || !call.arguments) return false;
      if (args.some((a) => ts.isSpreadElement(a))) {
        report(call, 'manual', MESSAGES.spread);
        return false;
      }
      if (cleanup) report(call, 'manual', MESSAGES.cleanup(EMPTY_CONTEXT));
      const found: ArgumentValue | undefined = cleanup || shared ? { expression: EMPTY_CONTEXT, optional: false } : getArgumentValue(call, slot, origin);
      if (found === undefined) return false;
      const value = found.expression;
      startCallEdits(call, origin, found.owner);
      const first = args[0];
      const at = first ? first.getStart(file) : call.arguments.pos;
      addEdit(call, { start: at, end: at, text: first ? `${value}, ` : value });
      // An empty context was reported as such.
      if (value !== EMPTY_CONTEXT) report(call, 'edit', MESSAGES.passed(value, getCallee(call)));
      return true;
    }
    // `{ ...init, dispatcher } as RequestInit`: the literal inside the type assertion.
    const arg = args[slot.index] && skipTypeAssertions(args[slot.index]!);
    if (cleanup || shared || args.some((a) => ts.isSpreadElement(a))) return false;
    if (arg && slot.property === undefined) return false;
    if (arg && ts.isObjectLiteralExpression(arg)) {
      if (arg.properties.some((p) => p.name && ts.isIdentifier(p.name) && p.name.text === slot.property)) return false;
      const spreads = arg.properties.filter(ts.isSpreadAssignment);
      if (spreads.length > 0) {
        const spread = getSpreadSignal(spreads, slot.property ?? 'signal');
        if (spread.kind !== 'carries' && hasSignalAbove(call)) report(call, 'manual', spread.kind === 'request' ? MESSAGES.requestSpread(spread.text) : MESSAGES.optionsSpread);
        return false;
      }
    } else if (arg && !(slot.encoding && (ts.isStringLiteral(arg) || ts.isNoSubstitutionTemplateLiteral(arg)))) {
      if (ts.isIdentifier(arg) && arg.text === 'undefined') {
        // fall through: replaced below
      } else if (slot.property !== undefined && isForwardedBag(arg, slot.property)) {
        return false;
      } else {
        // fetch(context.request, context.options): options made here may hold a signal that replaces the Request's.
        const carrier = isLibraryCall(call) ? args.slice(0, slot.index).find(carriesSignal) : undefined;
        if (carrier) reportReplaced(call, carrier);
        else if (!options.audit && hasSignalAbove(call)) report(call, 'manual', MESSAGES.optionsValue);
        return false;
      }
    }
    // fetch(request, { signal }): the init's signal would replace the one the Request carries.
    // Only a signal about to be added can, or options a library call is given: options passed to
    // a wrapper as they are keep what they hold, and the wrapper decides.
    const carrier = slot.property !== undefined ? args.slice(0, slot.index).find(carriesSignal) : undefined;
    if (carrier) {
      reportReplaced(call, carrier);
      return false;
    }
    if (!isEditable(file)) return false;
    const found = getArgumentValue(call, slot, origin);
    if (found === undefined) return false;
    startCallEdits(call, origin, found.owner);
    const { expression } = found;
    const name = slot.property ?? 'signal';
    const property = buildSignalProperty(slot, found);
    const value = slot.property === undefined ? expression : property === undefined ? `${expression} ? { ${buildProperty(name, expression)} } : undefined` : `{ ${property} }`;
    if (!arg) {
      if (!builder.addArgument(call, slot.index, value)) return false;
      report(call, 'edit', MESSAGES.passed(expression, getCallee(call)));
      return true;
    }
    const member = property ?? buildSpreadWhenPresent(name, expression);
    if (ts.isObjectLiteralExpression(arg)) {
      const lastProp = arg.properties[arg.properties.length - 1];
      if (lastProp) addEdit(call, appendToList(file, arg.properties, member));
      else addEdit(call, { start: arg.getStart(file), end: arg.end, text: `{ ${member} }` });
    } else if (ts.isIdentifier(arg)) {
      addEdit(call, { start: arg.getStart(file), end: arg.end, text: value });
    } else {
      addEdit(call, { start: arg.getStart(file), end: arg.end, text: `{ encoding: ${arg.getText(file)}, ${member} }` });
    }
    report(call, 'edit', MESSAGES.passed(expression, getCallee(call)));
    return true;
  };

  const handleSink = (call: ts.CallExpression | ts.NewExpression, slot: Slot, origin?: Callable) => {
    // A call left without the signal a required parameter needs: that parameter stays optional.
    if (!passSignal(call, slot, origin) && slot.required && origin && !call.arguments?.[slot.index]) addRequiredUse(origin, { optional: true });
  };

  const catalogResolver = new CatalogResolver(checker, options.catalog && options.catalog.length > 0 ? [...options.catalog, ...CATALOG] : CATALOG);
  /** The slot of a call the checker cannot type (`any`) that the catalog knows, where its position is a plain index. */
  const getCatalogSlot = (call: ts.CallExpression | ts.NewExpression): Slot | undefined => {
    if (!(checker.getTypeAtLocation(call.expression).flags & ts.TypeFlags.Any)) return undefined;
    const entry = catalogResolver.getEntry(call);
    if (!entry || entry.signal.property.includes('.')) return undefined;
    const { position, property, stringIsEncoding, fillUndefined } = entry.signal;
    const count = call.arguments?.length ?? 0;
    const index = position.kind === 'index' ? position.index : position.kind === 'request-options' && count <= 2 ? 1 : undefined;
    if (index === undefined || (count < index && !fillUndefined)) return undefined;
    return { index, property, encoding: stringIsEncoding ?? false, takesNull: true };
  };

  /**
   * `writeFile(path, data)` / `appendFile`: an abort stops the write part-way and leaves a
   * truncated file (a config saved when the client went away). Go's os.WriteFile takes no context
   * either. A streamed write is no exception: its source is the work to stop.
   */
  const isLocalWrite = (call: ts.CallExpression | ts.NewExpression): boolean => ts.isCallExpression(call) && LOCAL_WRITES.has(getCalleeName(call.expression) ?? '');
  /** `once(emitter, 'abort')`: a wait for an abort is no sink (see `isAbortEvent`). */
  const isAbortWait = (call: ts.CallExpression | ts.NewExpression): boolean => {
    const event = call.arguments?.[1];
    return event !== undefined && ts.isStringLiteralLike(event) && isAbortEvent(event.text);
  };

  /** A project function taking an options object whose signal it never lets through: a caller's signal would end there. */
  const dropsCarriedSignal = (signature: ts.Signature | undefined, slot: Slot): boolean => {
    const declaration = signature?.getDeclaration();
    if (!declaration || slot.property === undefined || slot.context) return false;
    const file = declaration.getSourceFile();
    if (file.isDeclarationFile || file.fileName.includes('/node_modules/') || !isFunctionLike(declaration) || !declaration.body) return false;
    return !readsCarriedSignal(checker, declaration, slot.index, slot.property);
  };

  // 2. Sinks: candidate calls whose resolved signature has an unfilled signal slot.
  const candidateNames = new Set([...getCatalogNames(options.catalog), ...signalFunctionNames]);
  for (const name of candidateNames) {
    for (const call of callsByName.get(name) ?? []) {
      if (!ts.isCallExpression(call) && !ts.isNewExpression(call)) continue;
      if (isLocalWrite(call) || isAbortWait(call) || (ts.isCallExpression(call) && isWritingChild(call))) continue;
      // A file read is short local work: no reason to change a signature (`local` in the catalog).
      if (catalogResolver.getEntry(call)?.local) continue;
      const signature = getCallSignature(checker, call);
      const slot = (signature && types.getSlot(signature, call)) ?? getCatalogSlot(call);
      if (slot && !dropsCarriedSignal(signature, slot)) handleSink(call, slot);
    }
  }

  /** Whether a signal is there at `site`: in its own function, or from a source above the function it is in. */
  const isSourceAbove = (site: ts.Node): boolean => {
    const above = getSourceAbove(site);
    return above === true || (above !== undefined && isFed(above));
  };

  /**
   * From sources, every function threaded must get a signal from a call that passes one: a root's
   * call, or a call in a threaded function that gets one itself. A caller can still decline when
   * the call is made (its result is shared, it is in cleanup), and a function between a source
   * and a sink can be left unthreaded (used as a value): what lies below only such callers would
   * gain a parameter no caller passes. Their edits go (with the calls that pass to them or from
   * them), with a note at each function.
   */
  const dropUnfedFunctions = (): ReadonlySet<ts.Node> => {
    const owners = new Set(editOwners.values());
    const fed = new Set<ts.Node>();
    const feed = (fn: ts.Node): boolean => {
      if (fed.has(fn)) return false;
      for (const member of groups.get(fn) ?? [fn]) fed.add(member);
      return true;
    };
    for (const fn of [...calledFromOutside, ...fedByArrow]) feed(fn);
    for (const [call, { origin }] of callLinks) if (origin && rootCalls.has(call) && owners.has(call)) feed(origin);
    // With required parameters, a call that stops passing one would no longer compile: its caller stays.
    const isThreaded = (node: ts.Node | undefined): node is Callable => node !== undefined && marked.get(node as Callable) !== undefined && marked.get(node as Callable) !== false;
    for (let changed = true; changed; ) {
      changed = false;
      for (const [call, { origin, source }] of callLinks) {
        if (!origin || !isThreaded(source) || !owners.has(call)) continue;
        if (fed.has(source)) changed = feed(origin) || changed;
        else if (options.required && fed.has(origin)) changed = feed(source) || changed;
      }
      for (const { fn, source } of arrowLinks) {
        if (fed.has(source)) changed = feed(fn) || changed;
        // The arrow passes the caller's parameter: it stays while the arrow does.
        else if (fed.has(fn)) changed = feed(source) || changed;
      }
    }
    const dead = new Set<ts.Node>();
    for (const [fn, info] of marked) if (info && !fed.has(fn)) dead.add(fn);
    if (dead.size === 0) return dead;
    for (const [call, { origin, source }] of callLinks) if ((origin && dead.has(origin)) || (source && dead.has(source))) dead.add(call);
    for (const [edit, node] of editOwners) {
      if (!dead.has(node)) continue;
      editOwners.delete(edit);
      for (const [name, list] of plan.edits) {
        const index = list.indexOf(edit);
        if (index < 0) continue;
        list.splice(index, 1);
        if (list.length === 0) plan.edits.delete(name);
      }
    }
    for (const [finding, node] of findingOwners) {
      if (!dead.has(node)) continue;
      findingOwners.delete(finding);
      for (const list of plan.findings.values()) {
        const index = list.indexOf(finding);
        if (index >= 0) list.splice(index, 1);
      }
    }
    // One note where a dead chain starts: the functions below it only repeat it.
    const below = new Set<ts.Node>();
    for (const { origin, source } of callLinks.values()) if (origin && source && source !== origin && dead.has(source)) below.add(origin);
    for (const [fn, info] of marked) {
      if (info && dead.has(fn) && !below.has(fn)) report(fn, 'manual', MESSAGES.unfed(getFunctionName(fn) ?? 'the function'), true);
    }
    return dead;
  };

  // 3. Worklist: callers of each threaded function pass the signal, threading their own callers.
  while (queue.length > 0) {
    const fn = queue.shift()!;
    const name = getFunctionName(fn);
    if (name === undefined) continue;
    const symbol = getSymbol(getNameNode(fn));
    const names = new Set([name, ...(isDefaultExport(fn) ? defaultImportNames : [])]);
    const info = marked.get(fn);
    if (!info) continue;
    for (const callName of names) {
      for (const call of callsByName.get(callName) ?? []) {
        if (!ts.isCallExpression(call)) continue;
        const signature = checker.getResolvedSignature(call);
        const declaration = signature?.getDeclaration();
        const target = declaration && (declaration === fn || getSymbol(getNameNode(declaration as Callable)) === symbol);
        const byVariable = !target && symbol && getSymbol(call.expression) === symbol;
        if (!target && !byVariable) continue;
        if (!isEditable(call.getSourceFile())) {
          // A caller outside the paths being migrated passes its signal once those are migrated, if it has one.
          if (!fromSources || (!isTestFile(call.getSourceFile()) && isSourceAbove(call))) calledFromOutside.add(fn);
          continue;
        }
        handleSink(call, info.slot, fn);
      }
    }
  }
  relaxRequired();
  const dropped = fromSources ? dropUnfedFunctions() : new Set<ts.Node>();
  if (unsourcedSinks.size > 0) plan.summary.push(MESSAGES.unsourcedSinks(unsourcedSinks.size));
  for (const [fn, calls] of options.audit ? [] : entryCalls) {
    if (dropped.has(fn)) continue;
    const sites = calls.map((call) => {
      const file = call.getSourceFile();
      return `${basename(file.fileName)}:${file.getLineAndCharacterOfPosition(call.getStart(file)).line + 1}`;
    });
    report(fn, 'manual', MESSAGES.entryCalls(getFunctionName(fn) ?? 'the function', sites));
  }
  numberChangeSets(plan, changeSets, editOwners, findingOwners, functionLabels, callLabels);
  return plan;
}

/** Numbers the change sets in the order they were planned and names each after what it threads. */
function numberChangeSets(
  plan: ThreadPlan,
  changeSets: ChangeSets<ts.Node>,
  editOwners: ReadonlyMap<TextEdit, ts.Node>,
  findingOwners: ReadonlyMap<PlannedFinding, ts.Node>,
  functionLabels: ReadonlyMap<ts.Node, string>,
  callLabels: ReadonlyMap<ts.Node, string>,
): void {
  const numbers = new Map<ts.Node, number>();
  const functions: string[][] = [];
  const getNumber = (node: ts.Node): number => {
    const root = changeSets.find(node);
    let number = numbers.get(root);
    if (number === undefined) {
      number = functions.length;
      numbers.set(root, number);
      functions.push([]);
      plan.sets.labels.push(callLabels.get(node) ?? functionLabels.get(node) ?? 'a change');
    }
    return number;
  };
  for (const [node, label] of functionLabels) functions[getNumber(node)]!.push(label);
  for (const [edit, node] of editOwners) plan.sets.ofEdit.set(edit, getNumber(node));
  for (const [finding, node] of findingOwners) plan.sets.ofFinding.set(finding, getNumber(node));
  functions.forEach((names, number) => {
    if (names.length > 0) plan.sets.labels[number] = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more` : names.join(', ');
  });
}

/** `fn` is declared (a function declaration, or a const's function) inside another function. */
function isDeclaredInFunction(fn: FunctionLike): boolean {
  const declared = ts.isFunctionDeclaration(fn) || ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isVariableDeclaration(fn.parent));
  if (!declared) return false;
  for (let current = fn.parent; current && !ts.isSourceFile(current); current = current.parent) if (isFunctionLike(current)) return true;
  return false;
}
