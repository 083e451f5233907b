import type { TransformModule } from './types.ts';

/** docs/README.md, generated from the registry by `npm run docs` and checked by the tests. */
export function renderDocsIndex(modules: readonly TransformModule[]): string {
  const rows = modules.map(({ meta }) => `| [\`${meta.name}\`](${meta.name}.md) | ${meta.description.replaceAll('|', '\\|')} |`);
  return [
    '# ctxmod transforms',
    '',
    'Generated from the transform registry (`src/registry.ts`) by `npm run docs`; do not edit by hand.',
    '`ctxmod migrate` runs them in this order.',
    '',
    '| transform | what it does |',
    '|---|---|',
    ...rows,
    '',
  ].join('\n');
}
