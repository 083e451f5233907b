// Writes docs/README.md and the README's table of supported APIs from the registry and the
// catalog (run after `npm run build`; `npm run docs` does both).
import { readFileSync, writeFileSync } from 'node:fs';
import { CATALOG } from '../dist/src/catalog/entries.js';
import { renderDocsIndex, updateReadmeCatalog } from '../dist/src/docs.js';
import { transforms } from '../dist/src/registry.js';

writeFileSync(new URL('../docs/README.md', import.meta.url), renderDocsIndex(transforms));
const readmeUrl = new URL('../README.md', import.meta.url);
writeFileSync(readmeUrl, updateReadmeCatalog(readFileSync(readmeUrl, 'utf8'), CATALOG));
console.log('wrote docs/README.md and the API table in README.md');
