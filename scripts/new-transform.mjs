// Scaffolds a transform: transforms/<slug>.ts, fixtures, docs/<slug>.md and the registry entry.
// Usage: npm run new-transform -- <slug> "<one-line description>"
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

const [slug, description = 'TODO: one-line description'] = process.argv.slice(2);
if (!slug || !/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(slug)) {
  console.error('usage: npm run new-transform -- <kebab-case-slug> "<description>"');
  process.exit(2);
}
const root = new URL('../', import.meta.url);
const file = (path) => new URL(path, root);
if (existsSync(file(`transforms/${slug}.ts`))) {
  console.error(`transforms/${slug}.ts already exists`);
  process.exit(2);
}
const camel = slug.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());

writeFileSync(
  file(`transforms/${slug}.ts`),
  `import { createJscodeshiftTransform } from '../src/engine/adapter.ts';
import type { TransformContext, TransformMeta } from '../src/types.ts';

export const meta: TransformMeta = {
  name: '${slug}',
  description: ${JSON.stringify(description)},
  // Cheap text test: files for which this returns false are never parsed.
  mayApply: (source) => source.includes('TODO'),
};

const MESSAGES = {
  edit: 'TODO: what was changed',
} as const;

export function transform(ctx: TransformContext): void {
  // Find sites with ctx.root.find(...), edit them in place, and record each with
  // ctx.edit(path, MESSAGES.edit) or, when unsure, ctx.manual(path, reason) without editing.
  void ctx;
  void MESSAGES;
}

export default createJscodeshiftTransform({ meta, transform });
`,
);

mkdirSync(file(`__testfixtures__/${slug}`), { recursive: true });
writeFileSync(file(`__testfixtures__/${slug}/basic.input.ts`), '// TODO: code the transform rewrites\n');
writeFileSync(file(`__testfixtures__/${slug}/basic.output.ts`), '// TODO: the expected output\n');
writeFileSync(file(`__testfixtures__/${slug}/no-change-basic.input.ts`), '// TODO: code the transform must leave alone\n');
writeFileSync(
  file(`docs/${slug}.md`),
  `# ${slug}\n\n${description}\n\n## Before\n\n\`\`\`ts\n\`\`\`\n\n## After\n\n\`\`\`ts\n\`\`\`\n\n## Left alone and reported\n`,
);

const registryPath = file('src/registry.ts');
const registry = addToRegistry(readFileSync(registryPath, 'utf8'), slug, camel);
writeFileSync(registryPath, registry);

/**
 * Imports the module next to the other transform imports and appends it to the `transforms`
 * array. Throws instead of writing a registry that no longer parses when the file does not
 * have the expected shape.
 */
function addToRegistry(text, slug, name) {
  const lastImport = [...text.matchAll(/^import \* as \w+ from '\.\.\/transforms\/[^']+';\n/gm)].at(-1);
  const list = /(export const transforms: readonly TransformModule\[\] = \[\n)([\s\S]*?)(\n\];)/.exec(text);
  if (!lastImport || !list) throw new Error('src/registry.ts: cannot find the transform imports and list; register the transform by hand');
  const [whole, head, body, tail] = list;
  // The list keeps one entry a line with a trailing comma; an entry without one gets it first.
  const entries = body.replace(/,?\s*$/, ',');
  const withEntry = text.replace(whole, `${head}${entries}\n  ${name},${tail}`);
  const at = lastImport.index + lastImport[0].length;
  return `${withEntry.slice(0, at)}import * as ${name} from '../transforms/${slug}.ts';\n${withEntry.slice(at)}`;
}

console.log(`created transforms/${slug}.ts, __testfixtures__/${slug}/, docs/${slug}.md; registered in src/registry.ts
next: write the fixtures, make them pass (npm test), then npm run docs`);
