import type { ASTPath, Collection, JSCodeshift } from 'jscodeshift';
import { getSignalInScope, type SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getEnclosingFunctions } from './get-enclosing-functions.ts';
import { isWithin } from './is-within.ts';

type Node = any;

/**
 * Origins that hand over the caller's signal. A controller the function made for itself is
 * not one: the function decides when it aborts, and often aborts it on purpose.
 */
const CALLER_ORIGINS: ReadonlySet<SignalInScope['origin']> = new Set(['parameter', 'destructured', 'options-parameter', 'request-parameter']);

/** What `getCallerSignal` accepts beyond a parameter and its own `signal`. */
export interface CallerSignalLookup {
  /**
   * Also a signal two levels down (`getSignalInScope`'s nested lookup): a member of a parameter
   * (`context.options.signal`, `req.raw.signal`), which is the caller's, and `this.<field>.signal`
   * in a method, which is NOT the caller's of the method but the instance's: whoever created or
   * configured the object gave it. Such a result has `binding` `this`; callers must tell the two
   * apart (and handle `members`).
   */
  readonly nested?: boolean;
}

/**
 * The caller's signal at `path`: a parameter (or a property of one, or with `nested` a member's
 * property) of a function around `path`, whose name resolves from `path` to that parameter and
 * to nothing else. Code written at `path` can then name it without a ReferenceError.
 */
export function getCallerSignal(j: JSCodeshift, root: Collection, path: ASTPath, lookup: CallerSignalLookup = {}): SignalInScope | undefined {
  const signal = getSignalInScope(j, root, path, lookup.nested ? { nested: true } : {});
  if (!signal) return undefined;
  if (signal.origin === 'nested-member') {
    // getSignalInScope gives `this` only where the site sees the method's own `this`.
    if (signal.binding === 'this') return signal;
  } else if (!CALLER_ORIGINS.has(signal.origin)) {
    return undefined;
  }
  return isParameterAt(path, signal.functionPath, signal.binding) ? signal : undefined;
}

function isParameterAt(path: ASTPath, functionPath: ASTPath, name: string): boolean {
  if (!getEnclosingFunctions(path).some((fn) => fn.node === functionPath.node)) return false;
  const scope = (path as Node).scope?.lookup(name);
  if (!scope || scope.node !== functionPath.node) return false;
  const bindings: ASTPath[] = scope.getBindings()[name] ?? [];
  const params = (functionPath.node as Node).params as Node[];
  return bindings.length > 0 && bindings.every((binding) => isWithin(binding, params));
}
