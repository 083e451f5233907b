import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from '@babel/parser';
import { parseSync } from 'oxc-parser';
import { findNodeUseInProgram } from '../src/engine/package-node-use.ts';
import { getRuntimeScopeForFile, type RuntimeScopeFact } from '../src/engine/runtime-scope.ts';
import { getTargetNodeForFile } from '../src/engine/target-node.ts';
import { getFeatureSupport, normalizeTargetNode } from '../src/runtime/features.ts';
import { writeProject } from './helpers.ts';

describe('normalizeTargetNode', () => {
  it.each([
    ['18', '>=18.0.0'],
    ['v18.17', '>=18.17.0'],
    ['20.3.1', '>=20.3.1'],
    ['>=16 <21', '>=16.0.0 <21.0.0-0'],
    ['^18.17 || >=20.3', '>=18.17.0 <19.0.0-0||>=20.3.0'],
    ['latest', undefined],
    ['', '*'],
  ])('%j -> %j', (text, range) => {
    expect(normalizeTargetNode(text)).toBe(range);
  });
});

describe('getFeatureSupport', () => {
  it.each([
    [undefined, 'AbortSignal.any', true],
    ['>=18.0.0', 'AbortSignal.any', false],
    ['>=18.17.0 <19.0.0-0||>=20.3.0', 'AbortSignal.any', true],
    ['>=20.0.0', 'AbortSignal.any', false],
    ['>=20.3.0', 'AbortSignal.any', true],
    ['>=16.0.0', 'AbortSignal.timeout', false],
    ['>=16.14.0', 'AbortSignal.timeout', false],
    ['^16.14.0 || >=17.3.0', 'AbortSignal.timeout', true],
    ['>=18.17.0', 'AbortSignal.any', false],
    ['>=16.14.0', 'signal.throwIfAborted', false],
    ['>=14.17.0', 'events.once signal', true],
    ['>=14.0.0', 'events.once signal', false],
  ] as const)('target %j, %s: %s', (targetNode, feature, supported) => {
    const support = getFeatureSupport(targetNode === undefined ? {} : { targetNode }, feature);
    expect(support.supported).toBe(supported);
    expect(support.reason === undefined).toBe(supported);
  });

  it('says which feature needs what', () => {
    expect(getFeatureSupport({ targetNode: '>=18.0.0' }, 'AbortSignal.any').reason).toBe(
      'AbortSignal.any needs Node >=20.3.0 || ^18.17.0; the target is Node >=18.0.0',
    );
  });
});

describe('getTargetNodeForFile', () => {
  it('reads engines.node of the nearest package.json, which owns the file', () => {
    const dir = writeProject({
      'package.json': JSON.stringify({ engines: { node: '>=18' } }),
      'src/a.ts': '',
      'packages/legacy/package.json': JSON.stringify({ engines: { node: '^16.14.0' } }),
      'packages/legacy/lib/b.ts': '',
      'packages/plain/package.json': JSON.stringify({ name: 'plain' }),
      'packages/plain/c.ts': '',
      'packages/broken/package.json': '{',
      'packages/broken/d.ts': '',
    });
    const cache = new Map<string, string | undefined>();
    expect(getTargetNodeForFile(join(dir, 'src/a.ts'), cache)).toBe('>=18.0.0');
    expect(getTargetNodeForFile(join(dir, 'packages/legacy/lib/b.ts'), cache)).toBe('>=16.14.0 <17.0.0-0');
    // A package without engines does not inherit its parent's.
    expect(getTargetNodeForFile(join(dir, 'packages/plain/c.ts'), cache)).toBeUndefined();
    expect(getTargetNodeForFile(join(dir, 'packages/broken/d.ts'), cache)).toBeUndefined();
    // Answers come from the cache the second time, and agree.
    expect(getTargetNodeForFile(join(dir, 'src/a.ts'), cache)).toBe('>=18.0.0');
    expect(cache.get(join(dir, 'src'))).toBe('>=18.0.0');
  });
});

describe('getRuntimeScopeForFile', () => {
  const scopeOf = (dir: string, path: string, cache = new Map<string, RuntimeScopeFact>()) => getRuntimeScopeForFile(join(dir, path), cache);

  it('is universal in a package with a browser field or a non-Node export condition, and nowhere else', () => {
    const dir = writeProject({
      'package.json': JSON.stringify({ name: 'server', exports: { '.': { import: './a.js', require: './a.cjs' } } }),
      'src/a.ts': '',
      'packages/web/package.json': JSON.stringify({ browser: './dist/browser.js' }),
      'packages/web/src/b.ts': '',
      'packages/edge/package.json': JSON.stringify({ exports: { './fetch': { 'edge-light': './edge.js', default: './node.js' } } }),
      'packages/edge/c.ts': '',
      'packages/deno/package.json': JSON.stringify({ exports: [{ deno: './mod.js' }, './node.js'] }),
      'packages/deno/d.ts': '',
      'packages/broken/package.json': '{',
      'packages/broken/e.ts': '',
    });
    const cache = new Map<string, RuntimeScopeFact>();
    expect(scopeOf(dir, 'src/a.ts', cache)).toEqual({ scope: 'node' });
    expect(scopeOf(dir, 'packages/web/src/b.ts', cache)).toEqual({ scope: 'universal', reason: 'its package.json has a browser field' });
    expect(scopeOf(dir, 'packages/edge/c.ts', cache)).toEqual({ scope: 'universal', reason: "its package.json's exports have the edge-light condition" });
    expect(scopeOf(dir, 'packages/deno/d.ts', cache)).toEqual({ scope: 'universal', reason: "its package.json's exports have the deno condition" });
    expect(scopeOf(dir, 'packages/broken/e.ts', cache)).toEqual({ scope: 'node' });
    expect(cache.get(join(dir, 'packages/web/src'))?.scope).toBe('universal');
  });

  // A universal fetch wrapper as ofetch is: a plain `exports` string, no browser field, only its
  // description says where it runs, and its source imports node:stream for a type alone.
  const OFETCH = {
    'package.json': JSON.stringify({ name: 'fetcher', description: 'A better fetch API. Works on node, browser and workers.', type: 'module', exports: './dist/index.mjs' }),
    'src/fetch.ts': "import type { Readable } from 'node:stream';\nexport type Body = Readable | ReadableStream;\nexport const isNode = typeof process !== 'undefined' && process.versions?.node;\n",
    'src/utils.ts': 'export const options = { process: true, signal: undefined };\nexport function read(o: { process?: unknown; buffer: Buffer }) {\n  return o.process;\n}\n',
    'test/fetch.test.ts': "import { createServer } from 'node:http';\n",
    'examples/proxy.mjs': "import { readFileSync } from 'node:fs';\n",
    'vitest.config.ts': "export default { root: process.cwd() };\n",
    'dist/index.mjs': "import { Readable } from 'node:stream';\n",
  };

  it('is universal when the description names browsers or workers and the own source uses nothing of Node', () => {
    const dir = writeProject(OFETCH);
    expect(scopeOf(dir, 'src/fetch.ts')).toEqual({
      scope: 'universal',
      reason: "its package.json's description names browser, workers, and its own source uses nothing of Node",
    });
  });

  it('is universal by keywords (Deno, edge) too', () => {
    const dir = writeProject({ ...OFETCH, 'package.json': JSON.stringify({ name: 'fetcher', keywords: ['fetch', 'deno', 'edge'] }) });
    expect(scopeOf(dir, 'src/fetch.ts')).toEqual({
      scope: 'universal',
      reason: "its package.json's keywords name deno, edge, and its own source uses nothing of Node",
    });
  });

  it('stays node when the claimed package uses Node in its own source', () => {
    for (const [file, text] of [
      ['src/read.ts', "import { readFile } from 'node:fs/promises';\n"],
      ['src/read.ts', "import fs from 'fs';\n"],
      ['src/read.cjs', "const { readFile } = require('fs');\n"],
      ['src/read.ts', "export { readFile } from 'node:fs/promises';\n"],
      ['src/read.ts', "export const load = () => import('node:fs');\n"],
      ['src/read.ts', "import fs = require('fs');\n"],
      ['src/lib/env.ts', 'export const debug = process.env.DEBUG;\n'],
      ['src/bytes.js', "export const bytes = (s) => Buffer.from(s, 'utf8');\n"],
      ['index.js', 'export const here = __dirname;\n'],
    ]) {
      const dir = writeProject({ ...OFETCH, [file as string]: text as string });
      expect(scopeOf(dir, 'src/fetch.ts'), `${file}: ${text}`).toEqual({ scope: 'node' });
    }
  });

  it('stays node for a package with a bin, @types/node in dependencies, or no claim', () => {
    const manifest = JSON.parse(OFETCH['package.json']) as Record<string, unknown>;
    for (const extra of [{ bin: { fetcher: './bin/cli.js' } }, { dependencies: { '@types/node': '^22.0.0' } }, { description: 'A better fetch API.' }]) {
      const dir = writeProject({ ...OFETCH, 'package.json': JSON.stringify({ ...manifest, ...extra }) });
      expect(scopeOf(dir, 'src/fetch.ts'), JSON.stringify(extra)).toEqual({ scope: 'node' });
    }
  });

  it('takes neither worker threads nor edge cases for a claim, and a file that does not parse proves nothing', () => {
    for (const description of ['Runs jobs on worker threads', 'Handles edge cases of retries']) {
      const dir = writeProject({ ...OFETCH, 'package.json': JSON.stringify({ name: 'jobs', description }) });
      expect(scopeOf(dir, 'src/fetch.ts'), description).toEqual({ scope: 'node' });
    }
    const broken = writeProject({ ...OFETCH, 'src/broken.ts': 'export const = ;\n' });
    expect(scopeOf(broken, 'src/fetch.ts')).toEqual({ scope: 'node' });
  });

  it('leaves nested packages to their own manifest', () => {
    const dir = writeProject({ ...OFETCH, 'packages/cli/package.json': JSON.stringify({ name: 'cli', bin: './cli.js' }), 'packages/cli/cli.js': "require('fs');\n" });
    expect(scopeOf(dir, 'src/fetch.ts').scope).toBe('universal');
    expect(scopeOf(dir, 'packages/cli/cli.js').scope).toBe('node');
  });
});

describe('findNodeUseInProgram', () => {
  // oxc reads the source when its native binding loads, Babel otherwise: both trees must agree.
  it.each([
    ["import type { Readable } from 'node:stream';\nimport { type Writable } from 'stream';\nexport type { Duplex } from 'node:stream';", undefined],
    ["export const isNode = typeof process !== 'undefined' && !!process.versions;\nlet b: Buffer | undefined;", undefined],
    ['declare const process: { env: Record<string, string> };\ndeclare global { var __dirname: string }\nconst o = { process: 1, Buffer };', 'uses Buffer'],
    ['class A { process() { return this.process; } }\nexport const x = a.__dirname;', undefined],
    ["import { readFile } from 'node:fs/promises';", 'loads node:fs/promises'],
    ["import 'fs';", 'loads fs'],
    ["export * from 'node:path';", 'loads node:path'],
    ["export const load = () => import('node:os');", 'loads node:os'],
    ["import os = require('os');", 'loads os'],
    ["const { join } = require('path');", 'loads path'],
    ['export const env = process.env;', 'uses process'],
    ["import { fetch } from 'undici';\nexport const get = (u: string) => fetch(u);", undefined],
  ])('%j -> %j', (text, expected) => {
    const babel = parse(text, { sourceType: 'unambiguous', plugins: ['typescript'] }).program;
    const oxc = parseSync('file.ts', text, { sourceType: 'unambiguous' }).program;
    expect(findNodeUseInProgram(babel)).toBe(expected);
    expect(findNodeUseInProgram(oxc)).toBe(expected);
  });
});
