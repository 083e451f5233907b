/**
 * ctxmod/testing: prove at run time that code cancels and leaks nothing.
 *
 * ```ts
 * import { expectCancels } from 'ctxmod/testing';
 * await expectCancels((signal) => fetchReport(url, { signal }), { abortAfterMs: 20, withinMs: 300 });
 * ```
 *
 * No dependency on a test runner or on the rest of ctxmod: it throws a plain `CancellationError`.
 */
export { expectCancels, isCancellationReason } from './expect-cancels.ts';
export type { CancellationResult, ExpectCancelsOptions } from './expect-cancels.ts';
export { CancellationError } from './cancellation-error.ts';
export { activeResources, diffResources } from './active-resources.ts';
export type { ResourceCounts } from './active-resources.ts';
export type { CreationStack } from './resource-tracker.ts';
