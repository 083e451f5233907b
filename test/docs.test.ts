import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOG } from '../src/catalog/entries.ts';
import { RULES } from '../src/check/rules.ts';
import { renderCatalogTable, renderDocsIndex, renderRulesTable } from '../src/docs.ts';
import { entries, transforms } from '../src/registry.ts';

const ROOT = join(import.meta.dirname, '..');

describe('docs', () => {
  it('docs/README.md matches the registry (run `npm run docs`)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'README.md'), 'utf8')).toBe(renderDocsIndex(entries));
  });

  it.each(transforms.map((module) => module.meta.name))('%s has docs, fixtures and a transform file', (slug) => {
    expect(existsSync(join(ROOT, 'docs', `${slug}.md`))).toBe(true);
    expect(existsSync(join(ROOT, 'transforms', `${slug}.ts`))).toBe(true);
    expect(existsSync(join(ROOT, '__testfixtures__', slug))).toBe(true);
  });

  it("the README's API table matches the catalog (run `npm run docs`)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(renderCatalogTable(CATALOG));
  });

  it("the README's rules table matches the rule registry (run `npm run docs`)", () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    expect(readme).toContain(renderRulesTable(RULES));
  });

  it('the README mentions every transform', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const { meta } of entries) expect(readme).toContain(`\`${meta.name}\``);
  });
});
