import type { ASTPath } from 'jscodeshift';
import type { SignalInScope } from '../scope/get-signal-in-scope.ts';
import { getAbortContract } from './get-abort-contract.ts';
import { getAbortHandledResource } from './get-abort-handled-resource.ts';

/**
 * Why `site` must not get the signal in scope although it could take it: the code turns aborts
 * into its own error (see getAbortContract), or an 'abort' listener already stops one of
 * `resources`, what the site makes or waits on (see getAbortHandledResource).
 */
export type ForwardingObstacle =
  | { readonly kind: 'none' }
  /** `handled`: an 'abort' listener already stops the work, so cancellation works as it is. */
  | { readonly kind: 'obstacle'; readonly reason: string; readonly handled: boolean };

export function getForwardingObstacle(site: ASTPath, signal: SignalInScope, resources: readonly string[]): ForwardingObstacle {
  const contract = getAbortContract(site, signal);
  if (contract.kind !== 'none') return { kind: 'obstacle', reason: contract.reason, handled: false };
  const handled = getAbortHandledResource(site, signal, resources);
  return handled.kind === 'handled' ? { kind: 'obstacle', reason: handled.reason, handled: true } : { kind: 'none' };
}
