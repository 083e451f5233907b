// Writes a deterministic (seeded) TypeScript project of N files for the benchmark.
//
// Usage: node bench/generate.mjs --out <dir> --files N [--seed S]
// Also importable: `import { generateProject } from './generate.mjs'`.
//
// The project looks like a service code base: domains with a call chain handler -> service ->
// repository -> client, classes and interfaces, fetch/axios/fs/child_process calls with and
// without a signal, timer-based timeouts (Promise.race, setTimeout(() => c.abort())), sleeps,
// polling loops, once-event promise wrappers and hand-linked controllers. Most files have none
// of that: utilities, types, models, constants, validators. About 12-15% of the files contain
// something a per-file transform looks for, as in real code bases where most files are plain.
// Everything type-checks against @types/node; `axios` is a tiny local declaration module.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const ROOT = resolve(import.meta.dirname, '..');

/** mulberry32: small, fast, and the same sequence on every machine. */
function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}

const NOUNS = [
  'user', 'order', 'invoice', 'product', 'account', 'payment', 'shipment', 'report', 'session', 'tenant',
  'ticket', 'comment', 'project', 'document', 'message', 'contact', 'coupon', 'review', 'catalog', 'warehouse',
  'vendor', 'device', 'metric', 'alert', 'schedule', 'booking', 'profile', 'budget', 'ledger', 'webhook',
];
const ADJECTIVES = ['active', 'pending', 'archived', 'primary', 'default', 'remote', 'cached', 'draft', 'public', 'legacy'];

const pascal = (word) => word[0].toUpperCase() + word.slice(1);

/**
 * @param {{ out: string, files: number, seed?: number }} options
 * @returns {{ files: number, candidates: number, domains: number }}
 */
export function generateProject({ out, files, seed = 1 }) {
  const random = createRandom(seed);
  const outDir = resolve(out);
  rmSync(outDir, { recursive: true, force: true });
  const written = new Map();
  const write = (path, text) => written.set(path, text);

  // The fixed part: config, the axios declaration, shared types.
  write('tsconfig.json', JSON.stringify(getTsconfig(), null, 2) + '\n');
  write('package.json', JSON.stringify({ name: 'bench-project', private: true, type: 'module', engines: { node: '>=20.19' } }, null, 2) + '\n');
  write('src/axios.d.ts', AXIOS_DECLARATION);
  write('src/shared/http.ts', SHARED_HTTP);

  const total = Math.max(files, 20);
  // One domain (5 files: model and the chain handler, service, repository, client) per 40 files: 12.5% of the
  // files, of which the handler and the client are per-file candidates; standalone candidates
  // (jobs) another 6%; the rest plain.
  const domainCount = Math.max(1, Math.round(total / 40));
  const jobCount = Math.max(1, Math.round(total * 0.06));
  const domains = [];
  for (let index = 0; index < domainCount; index++) {
    const noun = NOUNS[index % NOUNS.length];
    const name = index < NOUNS.length ? noun : `${noun}${Math.floor(index / NOUNS.length) + 1}`;
    domains.push(name);
    writeDomain(write, random, name);
  }
  for (let index = 0; index < jobCount; index++) write(`src/jobs/job${index}.ts`, getJob(random, index, domains));

  // Plain files fill the rest.
  let plain = 0;
  const plainKinds = [getUtility, getModel, getTypes, getValidator, getConstants, getFormatter];
  while (written.size - 2 < total) {
    const kind = plainKinds[plain % plainKinds.length];
    const folder = `src/${random.pick(['lib', 'common', 'core', 'util', 'domain'])}/${random.pick(NOUNS)}`;
    write(`${folder}/${kind.name.slice(3).toLowerCase()}${plain}.ts`, kind(random, plain));
    plain++;
  }

  for (const [path, text] of written) {
    const target = join(outDir, path);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, text);
  }
  const sourceFiles = [...written.keys()].filter((path) => path.endsWith('.ts')).length;
  return { files: sourceFiles, candidates: domainCount * 2 + jobCount, domains: domainCount };
}

function getTsconfig() {
  return {
    compilerOptions: {
      target: 'ES2022',
      module: 'ESNext',
      moduleResolution: 'Bundler',
      lib: ['ES2022'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
      typeRoots: [join(ROOT, 'node_modules', '@types')],
    },
    include: ['src'],
  };
}

const AXIOS_DECLARATION = `declare module 'axios' {
  export interface AxiosRequestConfig {
    url?: string;
    method?: string;
    headers?: Record<string, string>;
    params?: Record<string, unknown>;
    timeout?: number;
    signal?: AbortSignal;
  }
  export interface AxiosResponse<T = unknown> {
    data: T;
    status: number;
  }
  export interface AxiosInstance {
    get<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    post<T = unknown>(url: string, data?: unknown, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    delete<T = unknown>(url: string, config?: AxiosRequestConfig): Promise<AxiosResponse<T>>;
    request<T = unknown>(config: AxiosRequestConfig): Promise<AxiosResponse<T>>;
  }
  interface AxiosStatic extends AxiosInstance {
    (config: AxiosRequestConfig): Promise<AxiosResponse>;
    create(config?: AxiosRequestConfig): AxiosInstance;
  }
  const axios: AxiosStatic;
  export default axios;
}
`;

const SHARED_HTTP = `export interface HttpCall {
  readonly path: string;
  readonly query: Record<string, string>;
  readonly body: unknown;
  readonly signal: AbortSignal;
}

export interface HttpReply<T> {
  readonly status: number;
  readonly body: T;
}

export function ok<T>(body: T): HttpReply<T> {
  return { status: 200, body };
}

export function notFound(): HttpReply<null> {
  return { status: 404, body: null };
}
`;

function writeDomain(write, random, name) {
  const Name = pascal(name);
  const base = `src/domains/${name}`;
  const fields = getFields(random);
  write(`${base}/model.ts`, getDomainModel(Name, fields));
  // handler: has the request's signal, calls the service without it (the thread pass's job).
  write(
    `${base}/handler.ts`,
    `import type { HttpCall, HttpReply } from '../../shared/http';
import { notFound, ok } from '../../shared/http';
import { ${Name}Service } from './service';
import type { ${Name} } from './model';

const service = new ${Name}Service();

export async function handleGet${Name}(call: HttpCall): Promise<HttpReply<${Name} | null>> {
  const id = call.query.id;
  if (!id) return notFound();
  const found = await service.get${Name}(id);
  return found ? ok(found) : notFound();
}

export async function handleList${Name}s(call: HttpCall): Promise<HttpReply<${Name}[]>> {
  const limit = Number(call.query.limit ?? '20');
  const items = await service.list${Name}s(limit);
  return ok(items);
}

export async function handleSync${Name}s(call: HttpCall): Promise<HttpReply<number>> {
  const { signal } = call;
  const count = await service.sync${Name}s(signal);
  return ok(count);
}
`,
  );
  // service: plain async code, no signal anywhere.
  write(
    `${base}/service.ts`,
    `import { ${Name}Repository } from './repository';
import type { ${Name} } from './model';
import { is${Name} } from './model';

export class ${Name}Service {
  private readonly repository = new ${Name}Repository();
  private readonly memo = new Map<string, ${Name}>();

  async get${Name}(id: string): Promise<${Name} | undefined> {
    const cached = this.memo.get(id);
    if (cached) return cached;
    const found = await this.repository.find(id);
    if (found && is${Name}(found)) this.memo.set(id, found);
    return found;
  }

  async list${Name}s(limit: number): Promise<${Name}[]> {
    const all = await this.repository.findAll();
    return all.slice(0, Math.max(0, limit));
  }

  async sync${Name}s(cancel?: { readonly aborted: boolean }): Promise<number> {
    const all = await this.repository.findAll();
    let count = 0;
    for (const item of all) {
      if (cancel?.aborted) break;
      await this.repository.save(item);
      count++;
    }
    return count;
  }
}
`,
  );
  write(
    `${base}/repository.ts`,
    `import { ${Name}Client } from './client';
import type { ${Name} } from './model';

export class ${Name}Repository {
  private readonly client = new ${Name}Client('https://${name}.internal');

  find(id: string): Promise<${Name} | undefined> {
    return this.client.fetchOne(id);
  }

  findAll(): Promise<${Name}[]> {
    return this.client.fetchAll();
  }

  async save(item: ${Name}): Promise<void> {
    await this.client.store(item);
  }
}
`,
  );
  write(`${base}/client.ts`, getClient(random, name, Name));
}

function getFields(random) {
  const count = random.int(3, 8);
  const fields = [];
  for (let index = 0; index < count; index++) {
    fields.push({ name: `${random.pick(ADJECTIVES)}${pascal(random.pick(NOUNS))}${index}`, type: random.pick(['string', 'number', 'boolean']) });
  }
  return fields;
}

function getDomainModel(Name, fields) {
  return `export interface ${Name} {
  readonly id: string;
${fields.map((field) => `  readonly ${field.name}: ${field.type};`).join('\n')}
}

export function is${Name}(value: unknown): value is ${Name} {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

export function empty${Name}(id: string): ${Name} {
  return {
    id,
${fields.map((field) => `    ${field.name}: ${field.type === 'string' ? "''" : field.type === 'number' ? '0' : 'false'},`).join('\n')}
  };
}
`;
}

/** The client: where the I/O is. Each variant gives a per-file transform something to do. */
function getClient(random, name, Name) {
  const variant = random.int(0, 3);
  const imports = [`import type { ${Name} } from './model';`];
  const members = [];
  if (variant === 0 || variant === 2) {
    members.push(`  async fetchOne(id: string, signal?: AbortSignal): Promise<${Name} | undefined> {
    const response = await fetch(\`\${this.baseUrl}/${name}s/\${id}\`);
    if (response.status === 404) return undefined;
    return (await response.json()) as ${Name};
  }

  async fetchAll(signal?: AbortSignal): Promise<${Name}[]> {
    const response = await fetch(\`\${this.baseUrl}/${name}s\`, { headers: { accept: 'application/json' } });
    return (await response.json()) as ${Name}[];
  }`);
  } else {
    imports.push(`import axios from 'axios';`);
    members.push(`  async fetchOne(id: string, signal?: AbortSignal): Promise<${Name} | undefined> {
    const { data } = await axios.get<${Name}>(\`\${this.baseUrl}/${name}s/\${id}\`);
    return data;
  }

  async fetchAll(signal?: AbortSignal): Promise<${Name}[]> {
    const { data } = await axios.get<${Name}[]>(\`\${this.baseUrl}/${name}s\`, { timeout: 5000 });
    return data;
  }`);
  }
  members.push(`  async store(item: ${Name}, signal?: AbortSignal): Promise<void> {
    await fetch(\`\${this.baseUrl}/${name}s/\${item.id}\`, { method: 'PUT', body: JSON.stringify(item), signal });
  }`);
  if (variant === 2) {
    // A timeout by Promise.race and a sleep between retries.
    members.push(`  async fetchWithTimeout(id: string, ms: number): Promise<${Name} | undefined> {
    const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms));
    return Promise.race([this.fetchOne(id), timeout]);
  }

  async fetchWithRetry(id: string, signal: AbortSignal): Promise<${Name} | undefined> {
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        return await this.fetchOne(id, signal);
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
      }
    }
    return undefined;
  }`);
  }
  if (variant === 3) {
    // A controller aborted by a timer, and one hand-linked to the caller's signal.
    members.push(`  async fetchBounded(id: string, ms: number): Promise<${Name} | undefined> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), ms);
    try {
      const response = await fetch(\`\${this.baseUrl}/${name}s/\${id}\`, { signal: controller.signal });
      return (await response.json()) as ${Name};
    } finally {
      clearTimeout(timer);
    }
  }

  async fetchLinked(id: string, signal: AbortSignal): Promise<${Name} | undefined> {
    const controller = new AbortController();
    signal.addEventListener('abort', () => controller.abort());
    const response = await fetch(\`\${this.baseUrl}/${name}s/\${id}\`, { signal: controller.signal });
    return (await response.json()) as ${Name};
  }`);
  }
  return `${imports.join('\n')}

export class ${Name}Client {
  constructor(private readonly baseUrl: string) {}

${members.join('\n\n')}
}
`;
}

const JOBS = [
  // fs and child_process with a signal in scope
  (name) => `import { readFile, writeFile } from 'node:fs/promises';
import { execFile, spawn } from 'node:child_process';

export async function export${name}(path: string, signal: AbortSignal): Promise<number> {
  const text = await readFile(path, 'utf8');
  const lines = text.split('\\n').filter(Boolean);
  await writeFile(path + '.out', lines.join('\\n'));
  return lines.length;
}

export function archive${name}(dir: string, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn('tar', ['-czf', dir + '.tgz', dir]);
    child.on('error', reject);
    child.on('close', (code) => resolve(code ?? 1));
  });
}

export function list${name}(dir: string, signal: AbortSignal): Promise<string> {
  return new Promise((resolve, reject) => {
    execFile('ls', ['-la', dir], (error, stdout) => (error ? reject(error) : resolve(stdout)));
  });
}
`,
  // polling loop with a sleep helper
  (name) => `const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function poll${name}(url: string, signal: AbortSignal): Promise<unknown> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const response = await fetch(url);
    if (response.ok) return response.json();
    await sleep(250 * (attempt + 1));
  }
  throw new Error('gave up on ' + url);
}

export async function drain${name}(queue: string[], signal: AbortSignal): Promise<number> {
  let handled = 0;
  while (queue.length > 0) {
    const next = queue.shift();
    if (next) await fetch(next, { method: 'POST' });
    handled++;
    await new Promise<void>((resolve) => setTimeout(resolve, 10));
  }
  return handled;
}
`,
  // once-event promise wrapper and a timer race
  (name) => `import { EventEmitter } from 'node:events';

export function waitFor${name}(emitter: EventEmitter, event: string): Promise<unknown[]> {
  return new Promise((resolve) => emitter.once(event, (...args: unknown[]) => resolve(args)));
}

export async function ready${name}(emitter: EventEmitter, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([waitFor${name}(emitter, 'ready').then(() => true), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
`,
  // hand-linked controllers and a timer that aborts
  (name) => `export async function download${name}(url: string, signal: AbortSignal, shutdown: AbortSignal): Promise<string> {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort());
  shutdown.addEventListener('abort', () => {
    controller.abort();
  });
  const response = await fetch(url, { signal: controller.signal });
  return response.text();
}

export async function head${name}(url: string, ms: number): Promise<number> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), ms);
  try {
    const response = await fetch(url, { method: 'HEAD', signal: controller.signal });
    return response.status;
  } finally {
    clearTimeout(timer);
  }
}
`,
];

function getJob(random, index, domains) {
  const name = pascal(domains[index % domains.length]) + index;
  return JOBS[index % JOBS.length](name);
}

// Plain files: none of the tokens any transform looks for.

function getUtility(random, index) {
  const count = random.int(4, 10);
  const parts = [`// Small helpers (${index}).\n`];
  for (let n = 0; n < count; n++) {
    const noun = pascal(random.pick(NOUNS));
    parts.push(random.pick([
      `export function chunk${noun}${n}<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
`,
      `export function groupBy${noun}${n}<T, K extends string>(items: readonly T[], key: (item: T) => K): Record<K, T[]> {
  const out = {} as Record<K, T[]>;
  for (const item of items) {
    const k = key(item);
    (out[k] ??= []).push(item);
  }
  return out;
}
`,
      `export const clamp${noun}${n} = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, value));
`,
      `export function unique${noun}${n}<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}
`,
      `export function pick${noun}${n}<T extends object, K extends keyof T>(value: T, keys: readonly K[]): Pick<T, K> {
  const out = {} as Pick<T, K>;
  for (const key of keys) out[key] = value[key];
  return out;
}
`,
      `export async function mapLimit${noun}${n}<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await fn(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
`,
    ]));
  }
  return parts.join('\n');
}

function getModel(random, index) {
  const Name = pascal(random.pick(NOUNS)) + pascal(random.pick(ADJECTIVES)) + index;
  const fields = getFields(random);
  return `export interface ${Name}Shape {
${fields.map((field) => `  ${field.name}: ${field.type};`).join('\n')}
}

export class ${Name} implements ${Name}Shape {
${fields.map((field) => `  ${field.name}: ${field.type};`).join('\n')}
  private readonly created = Date.now();

  constructor(init: ${Name}Shape) {
${fields.map((field) => `    this.${field.name} = init.${field.name};`).join('\n')}
  }

  get age(): number {
    return Date.now() - this.created;
  }

  equals(other: ${Name}Shape): boolean {
    return ${fields.map((field) => `this.${field.name} === other.${field.name}`).join(' && ')};
  }

  toJSON(): ${Name}Shape {
    return {
${fields.map((field) => `      ${field.name}: this.${field.name},`).join('\n')}
    };
  }

  static from(json: string): ${Name} {
    return new ${Name}(JSON.parse(json) as ${Name}Shape);
  }
}
`;
}

function getTypes(random, index) {
  const Name = pascal(random.pick(NOUNS)) + index;
  const states = ADJECTIVES.slice(0, random.int(3, 7));
  return `export type ${Name}State = ${states.map((state) => `'${state}'`).join(' | ')};

export interface ${Name}Event<T = unknown> {
  readonly type: ${Name}State;
  readonly at: number;
  readonly payload: T;
}

export type ${Name}Handler<T> = (event: ${Name}Event<T>) => void | Promise<void>;

export type ${Name}Patch<T> = { readonly [K in keyof T]?: T[K] | null };

export interface ${Name}Page<T> {
  readonly items: readonly T[];
  readonly next?: string;
  readonly total: number;
}

export const ${Name.toUpperCase()}_STATES: readonly ${Name}State[] = [${states.map((state) => `'${state}'`).join(', ')}];
`;
}

function getValidator(random, index) {
  const Name = pascal(random.pick(NOUNS)) + index;
  const fields = getFields(random);
  return `export interface ${Name}Input {
${fields.map((field) => `  ${field.name}?: ${field.type};`).join('\n')}
}

export interface ValidationIssue {
  readonly field: string;
  readonly problem: string;
}

export function validate${Name}(input: ${Name}Input): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
${fields
  .map(
    (field) => `  if (input.${field.name} === undefined) issues.push({ field: '${field.name}', problem: 'missing' });
  else if (typeof input.${field.name} !== '${field.type}') issues.push({ field: '${field.name}', problem: 'not a ${field.type}' });`,
  )
  .join('\n')}
  return issues;
}

export function assert${Name}(input: ${Name}Input): asserts input is Required<${Name}Input> {
  const issues = validate${Name}(input);
  if (issues.length > 0) throw new Error(issues.map((issue) => issue.field + ': ' + issue.problem).join(', '));
}
`;
}

function getConstants(random, index) {
  const count = random.int(6, 20);
  const lines = [];
  for (let n = 0; n < count; n++) {
    lines.push(`export const ${random.pick(ADJECTIVES).toUpperCase()}_${random.pick(NOUNS).toUpperCase()}_${n} = ${random.int(1, 100000)};`);
  }
  return `// Limits and defaults (${index}).\n${lines.join('\n')}\n\nexport const LABELS_${index} = {\n${NOUNS.slice(0, random.int(4, 12))
    .map((noun) => `  ${noun}: '${pascal(noun)}',`)
    .join('\n')}\n} as const;\n`;
}

function getFormatter(random, index) {
  const Name = pascal(random.pick(NOUNS)) + index;
  return `const units = ['B', 'KB', 'MB', 'GB', 'TB'] as const;

export function formatSize${Name}(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return value.toFixed(unit === 0 ? 0 : 1) + ' ' + units[unit];
}

export function formatDuration${Name}(ms: number): string {
  if (ms < 1000) return ms + 'ms';
  const seconds = Math.floor(ms / 1000);
  const minutes = Math.floor(seconds / 60);
  return minutes > 0 ? minutes + 'm ' + (seconds % 60) + 's' : seconds + 's';
}

export function pad${Name}(text: string, width: number, fill = ' '): string {
  return text.length >= width ? text : fill.repeat(width - text.length) + text;
}

export class ${Name}Table {
  private readonly rows: string[][] = [];

  add(...cells: string[]): this {
    this.rows.push(cells);
    return this;
  }

  render(): string {
    const widths = this.rows.reduce<number[]>((acc, row) => row.map((cell, i) => Math.max(acc[i] ?? 0, cell.length)), []);
    return this.rows.map((row) => row.map((cell, i) => pad${Name}(cell, widths[i])).join('  ')).join('\\n');
  }
}
`;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, files: { type: 'string', default: '250' }, seed: { type: 'string', default: '1' } },
  });
  if (!values.out) {
    console.error('usage: node bench/generate.mjs --out <dir> --files N [--seed S]');
    process.exit(2);
  }
  const result = generateProject({ out: values.out, files: Number(values.files), seed: Number(values.seed) });
  console.log(`wrote ${result.files} files (${result.domains} domains, ~${result.candidates} per-file candidates) to ${resolve(values.out)}`);
}
