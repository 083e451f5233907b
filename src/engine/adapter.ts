import type { API, FileInfo, Options } from 'jscodeshift';
import type { CodeStyle, TransformModule } from '../types.ts';
import { applyTransforms } from './context.ts';
import { printRoot } from './print.ts';

const TS_PATH = /\.[cm]?tsx?$/i;

/**
 * The jscodeshift-compatible default export of a transform module, so that
 * `jscodeshift -t transforms/<slug>.ts` runs the same code as ctxmod. Findings for manual
 * review go to stderr, since jscodeshift has no channel for them.
 */
export function createJscodeshiftTransform(module: TransformModule) {
  return function jscodeshiftTransform(file: FileInfo, api: API, options: Options): string | undefined {
    const j = api.jscodeshift;
    const root = j(file.source);
    const findings = applyTransforms(
      j,
      root,
      { path: file.path, source: file.source, typescript: TS_PATH.test(file.path) },
      [module],
      options,
    );
    for (const finding of findings) {
      if (finding.kind === 'manual') {
        process.stderr.write(`${file.path}:${finding.line}:${finding.column}: ${finding.transform}: ${finding.message}\n`);
      }
    }
    const output = printRoot(root, file.source, options.style as CodeStyle | undefined);
    return output === file.source ? undefined : output;
  };
}
