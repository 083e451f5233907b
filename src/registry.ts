import * as abortableSleep from '../transforms/abortable-sleep.ts';
import * as forwardSignal from '../transforms/forward-signal.ts';
import * as raceTimeout from '../transforms/race-timeout.ts';
import type { TransformModule } from './types.ts';

/**
 * Every per-file transform, in the order `migrate` runs them. This list alone drives
 * `ctxmod list`, the CLI's choices and validation, and the docs index.
 */
export const transforms: readonly TransformModule[] = [forwardSignal, abortableSleep, raceTimeout];

export class UnknownTransformError extends Error {
  constructor(readonly names: readonly string[]) {
    super(
      `unknown transform${names.length > 1 ? 's' : ''}: ${names.join(', ')}. ` +
        `Valid transforms: ${getTransformNames().join(', ')}`,
    );
    this.name = 'UnknownTransformError';
  }
}

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
