import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRuntimeScopeForFile } from '../src/engine/runtime-scope.ts';
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
    const cache = new Map<string, 'node' | 'universal'>();
    expect(getRuntimeScopeForFile(join(dir, 'src/a.ts'), cache)).toBe('node');
    expect(getRuntimeScopeForFile(join(dir, 'packages/web/src/b.ts'), cache)).toBe('universal');
    expect(getRuntimeScopeForFile(join(dir, 'packages/edge/c.ts'), cache)).toBe('universal');
    expect(getRuntimeScopeForFile(join(dir, 'packages/deno/d.ts'), cache)).toBe('universal');
    expect(getRuntimeScopeForFile(join(dir, 'packages/broken/e.ts'), cache)).toBe('node');
    expect(cache.get(join(dir, 'packages/web/src'))).toBe('universal');
  });
});
