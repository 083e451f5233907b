// Writes docs/README.md from the transform registry (run after `npm run build`).
import { writeFileSync } from 'node:fs';
import { renderDocsIndex } from '../dist/src/docs.js';
import { transforms } from '../dist/src/registry.js';

writeFileSync(new URL('../docs/README.md', import.meta.url), renderDocsIndex(transforms));
console.log('wrote docs/README.md');
