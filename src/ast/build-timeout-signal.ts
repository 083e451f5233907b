import type { ASTPath } from 'jscodeshift';
import { getFeatureSupport } from '../runtime/features.ts';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import type { TransformOptions } from '../types.ts';
import { isGlobalReference } from './is-global-reference.ts';

export type TimeoutSignalText =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'unsupported'; readonly reason: string };

/**
 * Source text of a signal that aborts after `ms` milliseconds, or when `signal` (the caller's)
 * aborts, whichever comes first:
 * - `AbortSignal.timeout(ms)` with no caller signal;
 * - `AbortSignal.any([signal, AbortSignal.timeout(ms)])` with one;
 * - `signal ? AbortSignal.any([signal, AbortSignal.timeout(ms)]) : AbortSignal.timeout(ms)` when
 *   it may be undefined (`AbortSignal.any` throws a TypeError on undefined members).
 * Unsupported when the target Node range lacks what the text needs, or `AbortSignal` is not the
 * global at `site`. `ms` is evaluated once either way.
 */
export function buildTimeoutSignalText(
  site: ASTPath,
  options: TransformOptions,
  ms: string,
  signal?: Pick<SignalInScope, 'expression' | 'mayBeUndefined'>,
): TimeoutSignalText {
  if (!isGlobalReference(site, 'AbortSignal')) return { kind: 'unsupported', reason: 'AbortSignal is not the global here' };
  const timeoutSupport = getFeatureSupport(options, 'AbortSignal.timeout');
  if (!timeoutSupport.supported) return { kind: 'unsupported', reason: timeoutSupport.reason as string };
  const timeout = `AbortSignal.timeout(${ms})`;
  if (!signal) return { kind: 'ok', text: timeout };
  return buildAnySignalText(options, signal, timeout);
}

/**
 * Source text of a signal that aborts when `signal` (the caller's) or `other` (source text of
 * another signal, evaluated once, e.g. a variable holding `AbortSignal.timeout(ms)`) aborts:
 * `AbortSignal.any([signal, other])`, or `signal ? AbortSignal.any([signal, other]) : other` when
 * `signal` may be undefined. Unsupported when the target Node range lacks `AbortSignal.any`; the
 * caller checks that `AbortSignal` is the global at its site.
 */
export function buildAnySignalText(
  options: TransformOptions,
  signal: Pick<SignalInScope, 'expression' | 'mayBeUndefined'>,
  other: string,
): TimeoutSignalText {
  const anySupport = getFeatureSupport(options, 'AbortSignal.any');
  if (!anySupport.supported) return { kind: 'unsupported', reason: anySupport.reason as string };
  const any = `AbortSignal.any([${signal.expression}, ${other}])`;
  return { kind: 'ok', text: signal.mayBeUndefined ? `${signal.expression} ? ${any} : ${other}` : any };
}
