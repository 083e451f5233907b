/**
 * The errors the API throws for bad input, in a module of their own: their declarations are part
 * of the published types, which must not reach the engine's (see public-types.ts).
 */
import { getTransformNames } from './registry.ts';

/** A config file that cannot be read, is not JSON, or does not match the schema. */
export class ConfigError extends Error {
  /** The config file, as given or as found (relative to the working directory when found there). */
  readonly file: string;
  /** One line per problem, without the file name. */
  readonly problems: readonly string[];
  constructor(file: string, problems: string | readonly string[]) {
    const list = typeof problems === 'string' ? [problems] : problems;
    super(list.map((problem) => `${file}: ${problem}`).join('\n'));
    this.name = 'ConfigError';
    this.file = file;
    this.problems = list;
  }
}

/** Transform names that are not in the registry. */
export class UnknownTransformError extends Error {
  constructor(readonly names: readonly string[]) {
    super(`unknown transform${names.length > 1 ? 's' : ''}: ${names.join(', ')}. Valid transforms: ${getTransformNames().join(', ')}`);
    this.name = 'UnknownTransformError';
  }
}

/** `verify` could not type-check the project (no tsconfig, or one that does not load). */
export class VerifyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'VerifyError';
  }
}
