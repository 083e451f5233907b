import type { Collection } from 'jscodeshift';
import { matchBraceSpacing } from './braces.ts';
import { getPrintOptions } from './print-options.ts';
import { patchRecast } from './library-patches.ts';
import { matchSemicolonStyle } from './semicolons.ts';

patchRecast();

/**
 * Prints the root once. recast doubles the semicolon of a top-level directive (`'use strict';;`)
 * whenever the program body is reprinted (recast issue 558): undo exactly that, and only where
 * the input did not have it. In a file written without semicolons, new lines go without too; in
 * one written `{signal}`, new braces have no inner spaces.
 */
export function printRoot(root: Collection, source: string): string {
  let output = root.toSource(getPrintOptions(source));
  const program = root.find('Program' as never).get().node as { directives?: { value: { extra?: { raw?: string } } }[] };
  for (const directive of program.directives ?? []) {
    const raw = directive.value.extra?.raw;
    if (!raw) continue;
    const doubled = `${raw};;`;
    if (output.includes(doubled) && !source.includes(doubled)) output = output.replace(doubled, `${raw};`);
  }
  return matchBraceSpacing(source, matchSemicolonStyle(source, output));
}
