/**
 * Which Node versions have the AbortSignal features transforms emit. Transforms ask
 * `getFeatureSupport(options, feature)` before writing code that needs one, and report the
 * site instead when the target Node range allows a version without it.
 */
import semver from 'semver';
import type { TransformOptions } from '../types.ts';

export type RuntimeFeature = 'AbortSignal.timeout' | 'AbortSignal.any' | 'signal.throwIfAborted' | 'events.once signal';

/** Node versions that have each feature (Node's own "Added in" history, backports included). */
const FEATURE_RANGES: Readonly<Record<RuntimeFeature, string>> = {
  'AbortSignal.timeout': '>=17.3.0 || ^16.14.0',
  'AbortSignal.any': '>=20.3.0 || ^18.17.0',
  'signal.throwIfAborted': '>=17.3.0 || ^16.17.0',
  'events.once signal': '>=15.0.0 || ^14.17.0',
};

/**
 * The complement of each range above. `semver.subset` cannot prove that `>=14.17` is covered by
 * `^14.17.0 || >=15`, as it compares one comparator set at a time; "meets no version without
 * the feature" is exact.
 */
const MISSING_RANGES: Readonly<Record<RuntimeFeature, string>> = {
  'AbortSignal.timeout': '<16.14.0 || >=17.0.0 <17.3.0',
  'AbortSignal.any': '<18.17.0 || >=19.0.0 <20.3.0',
  'signal.throwIfAborted': '<16.17.0 || >=17.0.0 <17.3.0',
  'events.once signal': '<14.17.0',
};

export interface FeatureSupport {
  readonly supported: boolean;
  /** Why not, for the report: "AbortSignal.any needs Node >=20.3.0 || ^18.17.0; target is >=18". */
  readonly reason?: string;
}

/**
 * Supported when every Node version the target range allows has the feature. Without a
 * target (no `engines.node`, no `--target-node`) the code is assumed to run on a maintained
 * Node release, all of which have every feature above.
 */
export function getFeatureSupport(options: TransformOptions, feature: RuntimeFeature): FeatureSupport {
  const target = options.targetNode;
  if (target === undefined) return { supported: true };
  const needed = FEATURE_RANGES[feature];
  if (!semver.intersects(target, MISSING_RANGES[feature])) return { supported: true };
  return { supported: false, reason: `${feature} needs Node ${needed}; the target is Node ${target}` };
}

/**
 * Turns what a user wrote (an `engines.node` range, or `--target-node 18.12`) into a semver
 * range, or undefined when it is not one. A bare version means "this version or later".
 */
export function normalizeTargetNode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^v?\d+(\.\d+){0,2}$/.test(trimmed)) return `>=${semver.coerce(trimmed)?.version}`;
  return semver.validRange(trimmed) ?? undefined;
}

/**
 * True when every Node version the target allows is `version` or later. Without a target, the
 * oldest Node release a maintained code base may still run on (20) is assumed.
 */
export function isNodeVersionCovered(options: TransformOptions, version: string): boolean {
  const oldest = semver.minVersion(options.targetNode ?? '>=20.0.0');
  return oldest !== null && semver.gte(oldest, version);
}
