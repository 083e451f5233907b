/**
 * The signal lookup by type: with a tsconfig, `migrate` asks the type checker which parameters
 * and `this` fields hold a signal (types declared in another file, two levels down), and a
 * parameter it typed without one is not guessed to have one by its name. Without the type
 * lookup (`typeLookup: false`) the same files are read by name only.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/api.ts';
import { verifyChanges } from '../src/engine/verify.ts';
import { TSCONFIG, writeProject } from './helpers.ts';

const TYPES = `export interface FetchOpts {
  retries?: number;
  signal?: AbortSignal;
}

export interface Context {
  options: FetchOpts;
  user: string;
}

export interface ClientConfig {
  baseUrl: string;
  signal?: AbortSignal;
}

export interface PlainOpts {
  retries: number;
}

export interface ChildOpts {
  child: { signal: string };
}

export interface Hooks {
  before?: { signal: AbortSignal };
  after?: { signal: AbortSignal };
}
`;

const FORWARD = `import type { ChildOpts, ClientConfig, Context, FetchOpts, Hooks, PlainOpts } from './types';

export async function byType(url: string, o: FetchOpts) {
  return fetch(url);
}

export async function twoLevels(url: string, context: Context) {
  return fetch(url);
}

export async function optionalHolder(url: string, context?: Context) {
  return fetch(url);
}

export async function raw(url: string, req: { raw: Request }) {
  return fetch(url);
}

export class Client {
  constructor(private config: ClientConfig) {}

  async get(path: string) {
    return fetch(this.config.baseUrl + path);
  }
}

export async function noSignal(url: string, options: PlainOpts) {
  return fetch(url);
}

export async function notAnAbortSignal(url: string, o: ChildOpts) {
  console.log(o.child.signal);
  return fetch(url);
}

export async function twoCandidates(url: string, hooks: Hooks) {
  return fetch(url);
}

export async function destructured(url: string, { abortSignal }: { abortSignal: AbortSignal | undefined }) {
  return fetch(url);
}
`;

const FORWARD_TYPED = `import type { ChildOpts, ClientConfig, Context, FetchOpts, Hooks, PlainOpts } from './types';

export async function byType(url: string, o: FetchOpts) {
  return fetch(url, { signal: o.signal });
}

export async function twoLevels(url: string, context: Context) {
  return fetch(url, { signal: context.options.signal });
}

export async function optionalHolder(url: string, context?: Context) {
  return fetch(url, { signal: context?.options.signal });
}

export async function raw(url: string, req: { raw: Request }) {
  return fetch(url, { signal: req.raw.signal });
}

export class Client {
  constructor(private config: ClientConfig) {}

  async get(path: string) {
    return fetch(this.config.baseUrl + path, { signal: this.config.signal });
  }
}

export async function noSignal(url: string, options: PlainOpts) {
  return fetch(url);
}

export async function notAnAbortSignal(url: string, o: ChildOpts) {
  console.log(o.child.signal);
  return fetch(url);
}

export async function twoCandidates(url: string, hooks: Hooks) {
  return fetch(url);
}

export async function destructured(url: string, { abortSignal }: { abortSignal: AbortSignal | undefined }) {
  return fetch(url, { signal: abortSignal });
}
`;

const DERIVE = `import type { ClientConfig, Context, FetchOpts, PlainOpts } from './types';

export async function derived(url: string, o: FetchOpts) {
  return fetch(url, { signal: AbortSignal.timeout(5000) });
}

export async function spread(url: string, init: FetchOpts) {
  return fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
}

export async function notDerived(url: string, options: PlainOpts) {
  return fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
}

export async function nested(url: string, context: Context) {
  return fetch(url, { signal: AbortSignal.timeout(5000) });
}

export async function raw(url: string, req: { raw: Request }) {
  const controller = new AbortController();
  return fetch(url, { signal: controller.signal });
}

export class Client {
  constructor(private config: ClientConfig) {}

  async get(path: string) {
    return fetch(this.config.baseUrl + path, { signal: AbortSignal.timeout(5000) });
  }
}
`;

const DERIVE_TYPED = `import type { ClientConfig, Context, FetchOpts, PlainOpts } from './types';

export async function derived(url: string, o: FetchOpts) {
  return fetch(url, { signal: o.signal ? AbortSignal.any([o.signal, AbortSignal.timeout(5000)]) : AbortSignal.timeout(5000) });
}

export async function spread(url: string, init: FetchOpts) {
  return fetch(url, { ...init, signal: init.signal ? AbortSignal.any([init.signal, AbortSignal.timeout(5000)]) : AbortSignal.timeout(5000) });
}

export async function notDerived(url: string, options: PlainOpts) {
  return fetch(url, { ...options, signal: AbortSignal.timeout(5000) });
}

export async function nested(url: string, context: Context) {
  return fetch(url, { signal: context.options.signal ? AbortSignal.any([context.options.signal, AbortSignal.timeout(5000)]) : AbortSignal.timeout(5000) });
}

export async function raw(url: string, req: { raw: Request }) {
  const controller = new AbortController();
  return fetch(url, { signal: req.raw.signal ? AbortSignal.any([req.raw.signal, controller.signal]) : controller.signal });
}

export class Client {
  constructor(private config: ClientConfig) {}

  async get(path: string) {
    return fetch(this.config.baseUrl + path, { signal: AbortSignal.timeout(5000) });
  }
}
`;

const FILES = { 'tsconfig.json': TSCONFIG, 'src/types.ts': TYPES, 'src/forward.ts': FORWARD, 'src/derive.ts': DERIVE };

/** The texts after the run, and the files whose edits add a type error (as `verify` finds them). */
async function migrateTexts(files: Record<string, string>, typeLookup: boolean): Promise<{ texts: Record<string, string>; rejected: string[] }> {
  const dir = writeProject(files);
  const report = await migrate({ cwd: dir, paths: ['src'], dry: true, thread: false, typeLookup, transforms: ['forward-signal', 'derive-signal'], config: false, keepContents: true });
  const texts = Object.fromEntries(report.files.map((file) => [file.path, file.contents?.after ?? files[file.path]!]));
  const changes = new Map(report.files.flatMap((file) => (file.contents ? [[join(dir, file.path), file.contents.after] as const] : [])));
  return { texts, rejected: [...verifyChanges(join(dir, 'tsconfig.json'), changes).rejected.keys()].map((file) => file.slice(dir.length + 1)) };
}

describe('signal lookup by type (a tsconfig is there)', () => {
  it('finds signals by type where names say nothing, and guesses none the types rule out', async () => {
    const { texts, rejected } = await migrateTexts(FILES, true);
    expect(rejected).toEqual([]);
    // forward-signal: a bag typed in another file, two levels down, `req.raw`, `this.config`;
    // no signal for a type without one, for a `signal` that is a string, or where two members
    // of the type hold one and the code reads neither.
    expect(texts['src/forward.ts']).toBe(FORWARD_TYPED);
    // derive-signal: the caller's signal is `o.signal` by type (by name, `o` is nobody's bag), and
    // two levels down `context.options.signal` and `req.raw.signal`; the client's
    // `this.config.signal` is the object's, not the caller's: noted, not rewritten.
    expect(texts['src/derive.ts']).toBe(DERIVE_TYPED);
  }, 60_000);

  it('reads the same files by name only with typeLookup: false', async () => {
    const { texts, rejected } = await migrateTexts(FILES, false);
    // By name, `o.child.signal` is taken for a signal (it is a string: a type error), and the
    // typed sites are not found; a destructured `abortSignal` is found by name as by type.
    expect(rejected).toEqual(['src/forward.ts']);
    expect(texts['src/forward.ts']).toBe(
      FORWARD.replace('console.log(o.child.signal);\n  return fetch(url);', 'console.log(o.child.signal);\n  return fetch(url, { signal: o.child?.signal });').replace(
        '{ abortSignal }: { abortSignal: AbortSignal | undefined }) {\n  return fetch(url);',
        '{ abortSignal }: { abortSignal: AbortSignal | undefined }) {\n  return fetch(url, { signal: abortSignal });',
      ),
    );
    expect(texts['src/derive.ts']).toBe(DERIVE);
  }, 60_000);

  it("takes no signal Node added after the target's oldest version (IncomingMessage#signal, @since v26.1.0)", async () => {
    const nodeTypes = "declare module 'http' {\n  interface IncomingMessage {\n    /**\n     * Aborted when the request closes.\n     * @since v26.1.0\n     */\n    readonly signal: AbortSignal;\n    url?: string;\n  }\n}\n";
    const handler = "import type { IncomingMessage } from 'http';\n\nexport async function proxy(req: IncomingMessage) {\n  return fetch(`https://upstream${req.url}`);\n}\n";
    const tsconfig = JSON.stringify({ compilerOptions: { ...JSON.parse(TSCONFIG).compilerOptions, types: ['node'] }, include: ['src'] });
    const project = (engines: string) => ({
      'tsconfig.json': tsconfig,
      'package.json': JSON.stringify({ name: 'app', private: true, engines: { node: engines } }),
      'node_modules/@types/node/package.json': JSON.stringify({ name: '@types/node', version: '26.2.0', types: 'index.d.ts' }),
      'node_modules/@types/node/index.d.ts': nodeTypes,
      'src/proxy.ts': handler,
    });
    const old = await migrateTexts(project('>=22'), true);
    expect(old.texts['src/proxy.ts']).toBe(handler);
    const recent = await migrateTexts(project('>=26.1'), true);
    expect(recent.texts['src/proxy.ts']).toBe(handler.replace('fetch(`https://upstream${req.url}`)', 'fetch(`https://upstream${req.url}`, { signal: req.signal })'));
  }, 60_000);

  it('lets a file that names no signal through the prefilter when the types give it one', async () => {
    const files = { 'tsconfig.json': TSCONFIG, 'src/types.ts': TYPES, 'src/get.ts': "import type { FetchOpts } from './types';\n\nexport async function get(url: string, o: FetchOpts) {\n  return fetch(url);\n}\n" };
    const { texts, rejected } = await migrateTexts(files, true);
    expect(rejected).toEqual([]);
    expect(texts['src/get.ts']).toBe("import type { FetchOpts } from './types';\n\nexport async function get(url: string, o: FetchOpts) {\n  return fetch(url, { signal: o.signal });\n}\n");
  }, 60_000);
});
