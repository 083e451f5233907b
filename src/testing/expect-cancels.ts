/**
 * expectCancels: run code with a signal, abort it, and check that the code really stopped: its
 * promise settles soon with the abort reason, and it leaves no timers, sockets, child processes
 * or file requests behind (`process.getActiveResourcesInfo()` before and after, by type).
 *
 * Its own timers keep the process alive only while it waits for a verdict (so a plain script does
 * not exit mid-check) and are all cleared or fired before it returns; being created by this code
 * and gone when it looks, they never count as leaks. Nothing global is left behind.
 */
import { setTimeout as delay } from 'node:timers/promises';
import { activeResources, hasResources, type ResourceCounts } from './active-resources.ts';
import { CancellationError } from './cancellation-error.ts';
import { startResourceTracker, type CreationStack, type ResourceTracker } from './resource-tracker.ts';

export interface ExpectCancelsOptions {
  /** Abort the signal this many ms after `run` starts (default 20). Ignored when `signal` is given. */
  abortAfterMs?: number;
  /** Use this signal instead: already aborted, `AbortSignal.timeout(ms)`, or one you abort yourself. */
  signal?: AbortSignal;
  /** The promise must settle within this many ms of the abort (default 500). */
  withinMs?: number;
  /** After it settles, wait up to this many ms for its resources to close (default 200). */
  settleMs?: number;
  /** Resource types never counted as leaks (e.g. `['TTYWrap']`). */
  ignore?: readonly string[];
  /** Record where leaked resources were created (async_hooks; slower). */
  trackStacks?: boolean;
}

export interface CancellationResult {
  /** How the promise ended: `pending` means it had not settled `withinMs` after the abort. */
  outcome: 'rejected' | 'resolved' | 'pending';
  /** ms from the abort to settling: undefined while pending, negative if it settled before the abort. */
  elapsedMs: number | undefined;
  /** The rejection reason (or the resolved value). */
  reason: unknown;
  /** The signal's own reason. */
  signalReason: unknown;
  /** Resource types with more active resources than before the run, and how many more. */
  leaked: ResourceCounts;
  /** With `trackStacks`: where the leaked resources were created. */
  stacks: CreationStack[];
  /** What went wrong, one sentence each; empty when the run cancelled cleanly. */
  problems: string[];
}

type Settled = { outcome: 'rejected' | 'resolved'; value: unknown; at: number } | { outcome: 'pending' };

const POLL_MS = 5;

/**
 * Starts `run(signal)`, aborts the signal, and throws a `CancellationError` unless the promise
 * rejects with the signal's reason (or an AbortError/TimeoutError) within `withinMs` of the abort
 * and no new active resources remain `settleMs` later. Resolves with the measurements otherwise.
 */
export async function expectCancels(
  run: (signal: AbortSignal) => PromiseLike<unknown> | unknown,
  options: ExpectCancelsOptions = {},
): Promise<CancellationResult> {
  const { abortAfterMs = 20, withinMs = 500, settleMs = 200, ignore = [], trackStacks = false } = options;
  const before = activeResources();
  const tracker = startResourceTracker(trackStacks);

  const controller = options.signal ? undefined : new AbortController();
  const signal = options.signal ?? controller!.signal;
  const aborted = whenAborted(signal);
  const abortTimer = controller ? setTimeout(() => controller.abort(), abortAfterMs) : undefined;

  const settled = settle(run, signal);
  let abortedAt: number;
  let result: Settled;
  let leaked: ResourceCounts = {};
  let stacks: CreationStack[] = [];
  try {
    abortedAt = await aborted.promise;
    result = await withDeadline(settled, abortedAt + withinMs);
    leaked = result.outcome === 'pending' ? tracker.leaked(before, activeResources(), ignore) : await waitForResources(tracker, before, ignore, settleMs);
  } finally {
    clearTimeout(abortTimer);
    aborted.dispose();
    stacks = tracker.stop(leaked);
  }
  const outcome: CancellationResult = {
    outcome: result.outcome,
    elapsedMs: result.outcome === 'pending' ? undefined : Math.round(result.at - abortedAt),
    reason: result.outcome === 'pending' ? undefined : result.value,
    signalReason: signal.reason,
    leaked,
    stacks,
    problems: [],
  };
  outcome.problems = getProblems(outcome, signal, withinMs, settleMs);
  if (outcome.problems.length > 0) {
    throw new CancellationError(
      outcome,
      `settle within ${withinMs} ms of the abort, rejecting with the signal's reason (or an AbortError/TimeoutError), and leave no new active resources after ${settleMs} ms`,
    );
  }
  return outcome;
}

/** The run's outcome with the time it settled; a synchronous throw counts as a rejection. */
function settle(run: (signal: AbortSignal) => PromiseLike<unknown> | unknown, signal: AbortSignal): Promise<Settled> {
  let promise: PromiseLike<unknown>;
  try {
    promise = Promise.resolve(run(signal));
  } catch (error) {
    promise = Promise.reject(error);
  }
  return Promise.resolve(promise).then(
    (value) => ({ outcome: 'resolved', value, at: performance.now() }),
    (value: unknown) => ({ outcome: 'rejected', value, at: performance.now() }),
  );
}

/** When the signal aborts (now if it already has); `dispose` removes the listener. */
function whenAborted(signal: AbortSignal): { promise: Promise<number>; dispose(): void } {
  if (signal.aborted) return { promise: Promise.resolve(performance.now()), dispose() {} };
  let onAbort!: () => void;
  const promise = new Promise<number>((resolve) => {
    onAbort = () => resolve(performance.now());
    signal.addEventListener('abort', onAbort, { once: true });
  });
  return { promise, dispose: () => signal.removeEventListener('abort', onAbort) };
}

/** `settled`, or `pending` at `deadline` (a performance.now() time), whichever comes first. */
async function withDeadline(settled: Promise<Settled>, deadline: number): Promise<Settled> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<Settled>((resolve) => {
    timer = setTimeout(() => resolve({ outcome: 'pending' }), Math.max(0, deadline - performance.now()));
  });
  try {
    return await Promise.race([settled, expired]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * Resources the run added that are still active: polled until none are left or `settleMs` has
 * passed (closing a socket or reaping a child takes a few turns of the loop).
 */
async function waitForResources(tracker: ResourceTracker, before: ResourceCounts, ignore: readonly string[], settleMs: number): Promise<ResourceCounts> {
  const deadline = performance.now() + settleMs;
  for (;;) {
    const leaked = tracker.leaked(before, activeResources(), ignore);
    const left = deadline - performance.now();
    if (!hasResources(leaked) || left <= 0) return leaked;
    await delay(Math.min(POLL_MS, left));
  }
}

function getProblems(result: CancellationResult, signal: AbortSignal, withinMs: number, settleMs: number): string[] {
  const problems: string[] = [];
  if (result.outcome === 'pending') problems.push(`the promise was still pending ${withinMs} ms after the abort`);
  else if (result.elapsedMs! < 0) {
    problems.push(`the promise ${result.outcome} (with ${describe(result.reason)}) before the signal was aborted, so nothing was cancelled (abort sooner: abortAfterMs)`);
    return problems;
  }
  if (result.outcome === 'resolved') problems.push(`the promise resolved (with ${describe(result.reason)}) ${result.elapsedMs} ms after the abort instead of rejecting`);
  if (result.outcome === 'rejected' && !isCancellationReason(result.reason, signal)) {
    problems.push(`the promise rejected with ${describe(result.reason)}, not with the signal's reason or an AbortError/TimeoutError`);
  }
  if (result.outcome !== 'pending' && hasResources(result.leaked)) {
    problems.push(`${describeCounts(result.leaked)} still active ${settleMs} ms after it settled`);
  }
  return problems;
}

/** The signal's reason itself, an AbortError/TimeoutError, or an error caused by the reason (node:timers/promises). */
export function isCancellationReason(error: unknown, signal: AbortSignal): boolean {
  if (error === signal.reason) return true;
  if (!(error instanceof Error) && !isErrorLike(error)) return false;
  const { name, cause } = error as { name?: unknown; cause?: unknown };
  return name === 'AbortError' || name === 'TimeoutError' || (cause !== undefined && cause === signal.reason);
}

function isErrorLike(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'name' in value;
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value)?.slice(0, 80) ?? String(value);
  } catch {
    return String(value);
  }
}

function describeCounts(counts: ResourceCounts): string {
  return Object.entries(counts)
    .map(([type, count]) => `${count} ${type}`)
    .join(', ');
}
