#!/usr/bin/env node
/**
 * Generates a deterministic TypeScript project of N files for benchmarks:
 * handler -> service -> repository -> client chains ending in fetch, fs/promises and
 * child_process calls (some already given a signal), classes behind interfaces, and many files
 * with no cancellable work at all.
 *
 *   node bench/generate.mjs <outDir> [files=1000] [seed=1]
 *
 * The project's tsconfig uses `types: ["node"]`: put outDir where Node's resolution finds
 * @types/node (inside this repository, e.g. bench/.generated/).
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** mulberry32: a small seeded PRNG, so the same seed gives the same project. */
function createRandom(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateProject(outDir, files = 1000, seed = 1) {
  const random = createRandom(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  // A chain is 4 files (client, repository, service, handler); a third of the files are plain utilities.
  const chains = Math.max(1, Math.floor((files * 2) / 3 / 4));
  const utils = Math.max(0, files - chains * 4);
  rmSync(outDir, { recursive: true, force: true });
  for (const dir of ['clients', 'repos', 'services', 'handlers', 'util']) mkdirSync(join(outDir, 'src', dir), { recursive: true });
  writeFileSync(
    join(outDir, 'tsconfig.json'),
    `${JSON.stringify({ compilerOptions: { target: 'ES2022', module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, types: ['node'], lib: ['ES2023'], skipLibCheck: true }, include: ['src'] }, null, 2)}\n`,
  );
  const sinks = [
    (i) => `  const response = await fetch(\`https://api.example.com/items/\${id}?v=${i}\`);\n  return response.text();`,
    (i) => `  const response = await fetch(\`https://api.example.com/items/\${id}\`, { method: 'GET', headers: { 'x-v': '${i}' } });\n  return response.text();`,
    () => `  return readFile(\`/data/\${id}.json\`, 'utf8');`,
    () => `  const { stdout } = await run('git', ['show', id]);\n  return String(stdout);`,
    () => `  const response = await fetch(\`https://api.example.com/ok/\${id}\`, { signal: AbortSignal.timeout(1000) });\n  return response.text();`,
  ];
  for (let c = 0; c < chains; c++) {
    const sink = pick(sinks)(c);
    writeFileSync(
      join(outDir, 'src', 'clients', `client${c}.ts`),
      `import { readFile } from 'node:fs/promises';\nimport { execFile } from 'node:child_process';\nimport { promisify } from 'node:util';\n\nconst run = promisify(execFile);\n\n` +
        `export async function getItem${c}(id: string): Promise<string> {\n${sink}\n}\n\n` +
        `export function format${c}(value: string): string {\n  return value.trim().toUpperCase();\n}\n`,
    );
    const useClass = random() < 0.4;
    writeFileSync(
      join(outDir, 'src', 'repos', `repo${c}.ts`),
      useClass
        ? `import { format${c}, getItem${c} } from '../clients/client${c}.js';\n\nexport class Repo${c} {\n  async find(id: string) {\n    return format${c}(await getItem${c}(id));\n  }\n\n  count(): number {\n    return ${c};\n  }\n}\n`
        : `import { format${c}, getItem${c} } from '../clients/client${c}.js';\n\nexport const find${c} = async (id: string) => format${c}(await getItem${c}(id));\n`,
    );
    const call = useClass ? `new Repo${c}().find(id)` : `find${c}(id)`;
    const importLine = useClass ? `import { Repo${c} } from '../repos/repo${c}.js';` : `import { find${c} } from '../repos/repo${c}.js';`;
    const util = utils > 0 ? Math.floor(random() * utils) : -1;
    writeFileSync(
      join(outDir, 'src', 'services', `service${c}.ts`),
      `${importLine}\n${util >= 0 ? `import { helper${util} } from '../util/util${util}.js';\n` : ''}\n` +
        `export async function load${c}(id: string) {\n  const value = await ${call};\n  return ${util >= 0 ? `helper${util}(value)` : 'value'};\n}\n`,
    );
    const kind = random();
    const handler =
      kind < 0.6
        ? `export async function handle${c}(request: Request): Promise<Response> {\n  return new Response(await load${c}(new URL(request.url).pathname));\n}\n`
        : kind < 0.8
          ? `export async function handle${c}(id: string, options: { signal?: AbortSignal } = {}) {\n  return load${c}(id);\n}\n`
          : `export async function handle${c}(id: string) {\n  return load${c}(id);\n}\n`;
    writeFileSync(join(outDir, 'src', 'handlers', `handler${c}.ts`), `import { load${c} } from '../services/service${c}.js';\n\n${handler}`);
  }
  for (let u = 0; u < utils; u++) {
    const body = Array.from({ length: 5 + Math.floor(random() * 20) }, (_, k) => `  const v${k} = input.length * ${k} + ${u};\n  if (v${k} % 7 === 3) input = input.slice(1);`).join('\n');
    writeFileSync(
      join(outDir, 'src', 'util', `util${u}.ts`),
      `export interface Shape${u} {\n  id: number;\n  name: string;\n}\n\nexport function helper${u}(input: string): string {\n${body}\n  return input;\n}\n\nexport class Box${u} implements Shape${u} {\n  constructor(public id: number, public name: string) {}\n  label(): string {\n    return \`\${this.id}:\${this.name}\`;\n  }\n}\n`,
    );
  }
  return { chains, utils, files: chains * 4 + utils };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [outDir, files = '1000', seed = '1'] = process.argv.slice(2);
  if (!outDir) {
    console.error('usage: node bench/generate.mjs <outDir> [files=1000] [seed=1]');
    process.exit(2);
  }
  const result = generateProject(outDir, Number(files), Number(seed));
  console.log(`generated ${result.files} files (${result.chains} chains, ${result.utils} utilities) in ${outDir}`);
}
