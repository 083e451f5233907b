// Writes schemas/*.json from the compiled zod schemas (run through `npm run schemas`, which builds first).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { getJsonSchemas } from '../dist/src/json-schemas.js';

const dir = join(import.meta.dirname, '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(getJsonSchemas())) {
  writeFileSync(join(dir, name), `${JSON.stringify(schema, null, 2)}\n`);
  console.log(`schemas/${name}`);
}
