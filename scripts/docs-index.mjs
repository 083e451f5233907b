// Writes docs/README.md and the README's table of supported APIs from the registry and the
// catalog and the check rules (run after `npm run build`; `npm run docs` does both).
import { readFileSync, writeFileSync } from 'node:fs';
import { CATALOG } from '../dist/src/catalog/entries.js';
import { RULES } from '../dist/src/check/rules.js';
import { renderDocsIndex, updateReadmeCatalog, updateReadmeRules } from '../dist/src/docs.js';
import { entries } from '../dist/src/registry.js';

writeFileSync(new URL('../docs/README.md', import.meta.url), renderDocsIndex(entries));
const readmeUrl = new URL('../README.md', import.meta.url);
writeFileSync(readmeUrl, updateReadmeRules(updateReadmeCatalog(readFileSync(readmeUrl, 'utf8'), CATALOG), RULES));
console.log('wrote docs/README.md and the API and rules tables in README.md');
