import type { Collection, JSCodeshift } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { isNullableSignal } from './is-nullable-signal.ts';

/**
 * The signal in scope as an API takes it: as it is, or `signal ?? undefined` when it may be
 * `null` and the API does not take null (Node's APIs throw ERR_INVALID_ARG_TYPE on it, and
 * `AbortSignal | null` is not assignable to their `AbortSignal | undefined`).
 */
export function getSinkSignalText(j: JSCodeshift, root: Collection, signal: SignalInScope, acceptsNull: boolean): string {
  return !acceptsNull && isNullableSignal(j, root, signal) ? `${signal.expression} ?? undefined` : signal.expression;
}
