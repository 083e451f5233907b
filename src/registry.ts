import * as abortTimer from '../transforms/abort-timer.ts';
import * as abortableSleep from '../transforms/abortable-sleep.ts';
import * as deriveSignal from '../transforms/derive-signal.ts';
import * as forwardSignal from '../transforms/forward-signal.ts';
import * as linkSignals from '../transforms/link-signals.ts';
import * as loopCheck from '../transforms/loop-check.ts';
import * as onceEvent from '../transforms/once-event.ts';
import * as raceTimeout from '../transforms/race-timeout.ts';
import * as timeoutOption from '../transforms/timeout-option.ts';
import * as abortedSignalReused from './check/detectors/aborted-signal-reused.ts';
import * as nonCancellableCall from './check/detectors/non-cancellable-call.ts';
import * as requestSpread from './check/detectors/request-spread.ts';
import { UnknownTransformError } from './errors.ts';
import type { Finding, TransformModule } from './types.ts';

/**
 * Every per-file transform, in the order `migrate` runs them. This list alone drives
 * `ctxmod list`, the CLI's choices and validation, and the docs index.
 */
export const transforms: readonly TransformModule[] = [
  forwardSignal,
  abortableSleep,
  raceTimeout,
  // Before abort-timer: a controller that follows other signals and a timer is link-signals'.
  linkSignals,
  abortTimer,
  // After abort-timer: a controller it turns into AbortSignal.timeout is derived from the caller's signal there.
  deriveSignal,
  timeoutOption,
  onceEvent,
  // Last: a loop's check uses whatever signal the transforms above left in scope.
  loopCheck,
];

/**
 * Check-only detectors: modules with the transform contract that never edit. `ctxmod check`
 * runs them after the transforms; `migrate`, `run` and `list` do not know them.
 */
export const detectors: readonly TransformModule[] = [nonCancellableCall, requestSpread, abortedSignalReused];

export { UnknownTransformError } from './errors.ts';

export function getTransformNames(): string[] {
  return transforms.map((module) => module.meta.name);
}

export function getTransform(name: string): TransformModule | undefined {
  return transforms.find((module) => module.meta.name === name);
}

/** The named transforms, always in canonical order whatever order they were asked for in. */
export function getTransformsOrThrow(names: readonly string[]): TransformModule[] {
  const unknown = names.filter((name) => !getTransform(name));
  if (unknown.length > 0) throw new UnknownTransformError(unknown);
  return transforms.filter((module) => names.includes(module.meta.name));
}

/** What `ctxmod check` runs: the named transforms and detectors, transforms first, in canonical order. */
export function getCheckModulesOrThrow(names: readonly string[]): TransformModule[] {
  const all = [...transforms, ...detectors];
  const unknown = names.filter((name) => !all.some((module) => module.meta.name === name));
  if (unknown.length > 0) throw new UnknownTransformError(unknown);
  return all.filter((module) => names.includes(module.meta.name));
}

/**
 * The `ctxmod check` rule a finding is about: its own, else its transform's or detector's
 * `meta.rule`, else (a module that names none) the transform's name. `check` reports it under
 * this id, and a suppression of this id keeps `migrate` from making the edit.
 */
export function getFindingRuleId(finding: Finding): string {
  const module = getTransform(finding.transform) ?? detectors.find((detector) => detector.meta.name === finding.transform);
  return finding.rule ?? module?.meta.rule ?? finding.transform;
}
