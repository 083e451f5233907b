import { createHash } from 'node:crypto';
import type { Collection } from 'jscodeshift';

/**
 * What the type checker says about the signals of one file's parameters and `this` fields,
 * computed in the main process when a tsconfig is there (see `getSignalFacts` in
 * src/thread/signal-facts.ts) and handed to the per-file transforms as plain data. The signal
 * lookup (`getSignalInScope`) reads a parameter's facts before its name: a typed fact wins, and a
 * parameter the checker typed without a signal is not guessed to have one by its name.
 */
export interface FileSignalFacts {
  /** Hash of the text the facts were computed on (as the parser sees it): other text, no facts. */
  readonly hash: string;
  /** By offset (in that text) of the parameter's binding: its name, or the `{` of a pattern. */
  readonly parameters: Readonly<Record<number, ParameterFacts>>;
  /** By offset of the class body's `{`: the instance fields of the class. */
  readonly classes: Readonly<Record<number, ClassFacts>>;
}

/** A parameter whose type the checker resolved (not `any`). */
export interface ParameterFacts {
  /** The binding's name; `{}` for an object pattern. */
  readonly name: string;
  /** The parameter is a signal (`members` undefined), or has one (`members` empty). */
  readonly direct?: TypedSignal;
  /** Signals one member further down: `context.options.signal`, `req.raw.signal`. */
  readonly nested: readonly TypedSignal[];
  /** An object pattern: its `signal` element is an AbortSignal (undefined: it has none). */
  readonly destructured?: boolean;
}

/** The instance fields of a class, as the checker types them. */
export interface ClassFacts {
  /** Fields whose type the checker resolved: a `this.<field>.signal` not in `signals` is not one. */
  readonly fields: readonly string[];
  /** `this.<members[0]>.signal` is an AbortSignal. */
  readonly signals: readonly TypedSignal[];
}

/** A signal expression the types vouch for, and how it may be missing. */
export interface TypedSignal {
  /** Members read between the binding and `signal`; undefined: the binding itself is the signal. */
  readonly members?: readonly string[];
  /** The holder is a Fetch `Request`. */
  readonly request?: boolean;
  /** The binding may be undefined or null: read it with `?.`. */
  readonly optionalBinding: boolean;
  /** The member may be undefined or null: read its `signal` with `?.`. */
  readonly optionalMember: boolean;
  readonly mayBeUndefined: boolean;
  readonly mayBeNull: boolean;
  /** The Node version that added this `signal` (Node's typings say `@since`): older ones leave it undefined. */
  readonly since?: string;
}

/** The hash `FileSignalFacts.hash` holds: of the text as the per-file parser sees it. */
export function hashParsedText(text: string): string {
  return createHash('sha1').update(text).digest('hex');
}

/** The facts give some parameter or field a signal: the file may have one in scope though it names none. */
export function hasTypedSignals(facts: FileSignalFacts): boolean {
  return (
    Object.values(facts.parameters).some((parameter) => parameter.direct !== undefined || parameter.nested.length > 0 || parameter.destructured === true) ||
    Object.values(facts.classes).some((found) => found.signals.length > 0)
  );
}

/** Facts of the roots transforms are running on, with the lines object of their input text. */
const registered = new WeakMap<object, { readonly facts: FileSignalFacts; readonly lines: unknown }>();

type Node = any;

/**
 * The engine is about to run transforms on `root`, parsed from the text `facts` describe.
 * `hasSignal(since)`: whether every Node version the file targets has a `signal` Node added in
 * `since`; one it may lack is no signal (and, the parameter being typed, not guessed by name).
 */
export function openSignalFacts(root: Collection, facts: FileSignalFacts | undefined, hasSignal: (since: string) => boolean): void {
  const file = root.get().node as Node;
  if (!facts) {
    registered.delete(file);
    return;
  }
  const keep = (signal: TypedSignal) => signal.since === undefined || hasSignal(signal.since);
  const parameters: Record<number, ParameterFacts> = {};
  for (const [offset, parameter] of Object.entries(facts.parameters)) {
    const { direct, ...rest } = parameter;
    parameters[Number(offset)] = { ...rest, nested: parameter.nested.filter(keep), ...(direct && keep(direct) ? { direct } : {}) };
  }
  const classes: Record<number, ClassFacts> = {};
  for (const [offset, found] of Object.entries(facts.classes)) classes[Number(offset)] = { ...found, signals: found.signals.filter(keep) };
  registered.set(file, { facts: { ...facts, parameters, classes }, lines: file.loc?.lines });
}

export function closeSignalFacts(root: Collection): void {
  registered.delete(root.get().node as object);
}

/**
 * The checker's facts of parameter `param`, a node of `root`: only for a node parsed from the
 * input (a node a transform built has offsets in the text of its snippet) with the same name.
 */
export function getParameterFacts(root: Collection, param: Node): ParameterFacts | undefined {
  const found = registered.get(root.get().node as object);
  if (!found) return undefined;
  const target = param.type === 'AssignmentPattern' ? param.left : param.type === 'TSParameterProperty' ? (param.parameter.type === 'AssignmentPattern' ? param.parameter.left : param.parameter) : param;
  if (!target || target.loc?.lines !== found.lines || typeof target.start !== 'number') return undefined;
  const facts = found.facts.parameters[target.start];
  const name = target.type === 'Identifier' ? target.name : target.type === 'ObjectPattern' ? '{}' : undefined;
  return facts && facts.name === name ? facts : undefined;
}

/** The checker's facts of the class whose body is `classBody`, a node of `root`. */
export function getClassFacts(root: Collection, classBody: Node): ClassFacts | undefined {
  const found = registered.get(root.get().node as object);
  if (!found || classBody.loc?.lines !== found.lines || typeof classBody.start !== 'number') return undefined;
  return found.facts.classes[classBody.start];
}
