/**
 * How the thread-signal pass names itself in reports. Kept apart from run-thread.ts, which loads
 * ts-morph, so that `check` can use them without loading it.
 */
export const THREAD_TRANSFORM = 'thread-signal';
export const THREAD_RULE = 'missing-signal-chain';
