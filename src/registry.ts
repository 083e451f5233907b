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
import { THREAD_RULE, THREAD_TRANSFORM } from './thread/names.ts';
import type { PassMeta } from './public-types.ts';
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

export type { PassMeta } from './public-types.ts';

/**
 * Passes over the whole program, run after the per-file transforms when a tsconfig is found (see
 * `migrate`). Named and selected like transforms; they do not run file by file.
 */
export const passes: readonly { readonly meta: PassMeta }[] = [
  {
    meta: {
      name: THREAD_TRANSFORM,
      description: 'Thread a signal parameter up call chains across files to the calls that take one (needs a tsconfig)',
      rule: THREAD_RULE,
    },
  },
];

/** Every entry of the registry, transforms then passes: the order `migrate` runs them in. */
export const entries: readonly { readonly meta: PassMeta }[] = [...transforms, ...passes];

/**
 * Check-only detectors: modules with the transform contract that never edit. `ctxmod check`
 * runs them after the transforms; `migrate`, `run` and `list` do not know them.
 */
export const detectors: readonly TransformModule[] = [nonCancellableCall, requestSpread, abortedSignalReused];

export { UnknownTransformError } from './errors.ts';

/** Every name `migrate`, `run` and the config accept: the transforms', then the passes'. */
export function getTransformNames(): string[] {
  return entries.map((entry) => entry.meta.name);
}

/** A transform or pass of that name exists. */
export function isTransformName(name: string): boolean {
  return entries.some((entry) => entry.meta.name === name);
}

/** The per-file transform of that name (a pass has no module). */
export function getTransform(name: string): TransformModule | undefined {
  return transforms.find((module) => module.meta.name === name);
}

/**
 * The named per-file transforms, always in canonical order whatever order they were asked for
 * in. Names of passes are valid and select no module.
 */
export function getTransformsOrThrow(names: readonly string[]): TransformModule[] {
  const unknown = names.filter((name) => !isTransformName(name));
  if (unknown.length > 0) throw new UnknownTransformError(unknown);
  return transforms.filter((module) => names.includes(module.meta.name));
}

/** What `ctxmod check` runs: the named transforms and detectors, transforms first, in canonical order. */
export function getCheckModulesOrThrow(names: readonly string[]): TransformModule[] {
  const all = [...transforms, ...detectors];
  const unknown = names.filter((name) => !isTransformName(name) && !all.some((module) => module.meta.name === name));
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
