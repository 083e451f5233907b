import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSync } from 'oxc-parser';
import { describe, expect, it } from 'vitest';
import { createPrescan, loadPrescan } from '../src/engine/prescan.ts';
import { processSource } from '../src/engine/process-source.ts';
import { normalizeText } from '../src/engine/text.ts';
import { transforms } from '../src/registry.ts';
import type { TransformModule, TransformOptions } from '../src/types.ts';

const ROOT = join(import.meta.dirname, '..');
const SOURCE = /\.[cm]?[jt]sx?$/;

/** Every source file of the fixtures (inputs, outputs, thread-signal trees), the check fixtures and the examples. */
const files = ['__testfixtures__', 'test/check-fixtures', 'examples']
  .flatMap((dir) => readdirSync(join(ROOT, dir), { recursive: true, encoding: 'utf8' }).map((file) => join(dir, file)))
  .filter((file) => SOURCE.test(file) && !file.endsWith('.d.ts'))
  .sort();

/** Every transform with a prefilter that lets everything through: the pre-scan alone decides. */
const unfiltered: TransformModule[] = transforms.map((module) => ({ ...module, meta: { ...module.meta, mayApply: () => true } }));

const prescan = createPrescan(parseSync as never);

/** The options of a fixture case (`<case>.options.json`), which may add catalog entries. */
function getOptions(file: string): TransformOptions {
  const options = join(ROOT, file.replace(/\.(input|output)\.[a-z]+$/, '.options.json'));
  return { runtime: 'node', ...(options !== join(ROOT, file) && existsSync(options) ? JSON.parse(readFileSync(options, 'utf8')) : {}) };
}

describe('the native pre-scan only ever widens', () => {
  it('loads here (the binding for this platform is installed)', () => {
    expect(loadPrescan()).toBeDefined();
  });

  // Run together, the transforms the pre-scan rules out find nothing exactly when each alone finds
  // nothing: none edits, so each sees the tree as read. One run per file checks them all.
  it.each(files)('%s: the transforms the pre-scan rules out find nothing', (file) => {
    const source = readFileSync(join(ROOT, file), 'utf8');
    const text = normalizeText(source).text;
    const options = getOptions(file);
    const ruledOut = unfiltered.filter((module) => !prescan.mayHaveSite(file, text, [module], options));
    const result = processSource(file, source, ruledOut, options);
    expect(result.error).toBeUndefined();
    expect([...new Set(result.findings.map((finding) => finding.transform))]).toEqual([]);
    expect(result.status).toBe('unchanged');
  });

  it('rules out most fixture files for most transforms (it is not a pass-through)', () => {
    let ruledOut = 0;
    let asked = 0;
    for (const file of files) {
      const text = normalizeText(readFileSync(join(ROOT, file), 'utf8')).text;
      for (const module of unfiltered) {
        asked++;
        if (!prescan.mayHaveSite(file, text, [module], getOptions(file))) ruledOut++;
      }
    }
    expect(ruledOut / asked).toBeGreaterThan(0.5);
  });
});

describe('pre-scan gates', () => {
  const has = (text: string, name: string, path = 'a.ts', options: TransformOptions = {}) =>
    prescan.mayHaveSite(path, text, transforms.filter((module) => module.meta.name === name), options);

  /** The gate says no, and the transform itself finds nothing there either. */
  const expectRuledOut = (text: string, name: string) => {
    expect(has(text, name)).toBe(false);
    const result = processSource('a.ts', text, transforms.filter((module) => module.meta.name === name), { runtime: 'node' });
    expect([result.status, result.findings]).toEqual(['unchanged', []]);
  };

  it('forward-signal: a catalogued call and a signal to forward', () => {
    expect(has('async function f(signal) { await fetch(url); }', 'forward-signal')).toBe(true);
    expect(has('async function f(u: string, signal?: AbortSignal) { const { readFile } = require("node:fs/promises"); await readFile(u); }', 'forward-signal')).toBe(true);
    expect(has('import got from "got"; async function f(s: AbortSignal) { await got(u); }', 'forward-signal')).toBe(true);
    // No catalogued call: a local function, a module outside the catalog.
    expect(has('async function f(signal) { await myFetch(url); }', 'forward-signal')).toBe(false);
    expect(has('import x from "left-pad"; async function f(signal) { await x.get(url); }', 'forward-signal')).toBe(false);
    // No signal anywhere to forward.
    expect(has('async function f() { await fetch(url); } // signal', 'forward-signal')).toBe(false);
  });

  it.each([
    ['a class member read elsewhere in the class', 'class A {\n  opts: any;\n  check() { return this.opts.signal?.aborted; }\n  async run() {\n    await fetch("u");\n  }\n}\n'],
    ['a parameter property', 'class A {\n  constructor(private config: { signal?: AbortSignal }) {}\n  start() { return this.config.signal; }\n  async run() {\n    await fetch("u");\n  }\n}\n'],
    ['a member of a type declared in the file', 'type O = { req: { signal: AbortSignal } };\nasync function f(o: O) {\n  await fetch("u");\n}\n'],
    // Aborted from a callback, so it may fire while the fetch runs (one only the function aborts, after, would gain nothing).
    ['a local controller', 'async function f(onCancel) {\n  const c = new AbortController();\n  onCancel(() => c.abort());\n  await fetch("u");\n}\n'],
    ['an instance of a catalogued client', 'import OpenAI from "openai";\nconst client = new OpenAI();\nasync function f(signal: AbortSignal) {\n  await client.chat.completions.create({});\n}\n'],
  ])('forward-signal: a signal from %s', (_, source) => {
    const module = transforms.filter((candidate) => candidate.meta.name === 'forward-signal');
    expect(processSource('a.ts', source, module, { runtime: 'node' }).status).toBe('changed');
    expect(has(source, 'forward-signal')).toBe(true);
  });

  it('forward-signal: catalog entries from the options count', () => {
    const catalog = [{ module: 'global', path: 'myFetch', signal: { position: { kind: 'index', index: 1 }, property: 'signal' }, since: 'x' }];
    expect(has('async function f(signal) { await myFetch(url); }', 'forward-signal', 'a.ts', { catalog } as never)).toBe(true);
  });

  it('loop-check: a loop that awaits, with a signal', () => {
    expect(has('async function f(signal) { while (x) { await g(); } }', 'loop-check')).toBe(true);
    expect(has('async function f(signal) { for await (const x of y) {} }', 'loop-check')).toBe(true);
    expect(has('async function f(signal) { await g(); while (x) { h(); } }', 'loop-check')).toBe(false);
  });

  it('loop-check: the loop awaits in an async function, the signal is a parameter around it', () => {
    // An untyped bag gives a signal only when the function reads its `.signal` (hasEvidence).
    expect(has('async function f(options) { use(options.signal); while (x) { await g(); } }', 'loop-check')).toBe(true);
    expect(has('async function f(options) { use(options?.signal); for (const y of z) { await g(y); } }', 'loop-check')).toBe(true);
    expectRuledOut('async function f(options) { use(signal); while (x) { await g(options); } }', 'loop-check');
    // A typed bag only when the file names AbortSignal (a type declared here may give it one).
    expect(has('interface O { signal?: AbortSignal }\nasync function f(options: O) { while (x) { await g(); } }', 'loop-check')).toBe(true);
    expectRuledOut('import type { O } from "./o";\nasync function f(options: O) { while (x) { await g(options.signal); } }', 'loop-check');
    expect(has('async function f(s: AbortSignal) { while (x) { await g(); } }', 'loop-check')).toBe(true);
    expect(has('async function f({ signal }) { while (x) { await g(); } }', 'loop-check')).toBe(true);
    // The signal of an outer function reaches a loop in an inner async one.
    expect(has('function f(signal) { return async () => { while (x) { await g(); } }; }', 'loop-check')).toBe(true);
    // The function the loop is in is not async, or the await is in a function inside the loop.
    expectRuledOut('async function f(signal) { return () => { while (x) { g(); } }; }', 'loop-check');
    expectRuledOut('async function f(signal) { while (x) { list.forEach(async (y) => { await g(y); }); } }', 'loop-check');
    // A loop at the top level of a module has no function around it.
    expectRuledOut('const signal = s(); for await (const y of z) {}', 'loop-check');
  });

  it('forward-signal: a controller counts when its function declares it before the call', () => {
    expect(has('async function f() { const c = new AbortController(); await fetch(u, { signal: c.signal }); }', 'forward-signal')).toBe(true);
    expectRuledOut('async function f() { await fetch(u); const c = new AbortController(); use(c); }', 'forward-signal');
    expectRuledOut('async function f() { const g = () => { const c = new AbortController(); return c; }; await fetch(u); }', 'forward-signal');
    // A call in a function inside the one that declares it.
    expect(has('function f() { const c = new AbortController(); return async () => { await fetch(u); }; }', 'forward-signal')).toBe(true);
  });

  it('forward-signal: a parameter gives a signal one member down only as getNestedSignals reads it', () => {
    expect(has('async function f(ctx) { use(ctx.req.signal); await fetch(u); }', 'forward-signal')).toBe(true);
    expect(has('interface O { req: { signal: AbortSignal } }\nasync function f(o: O | undefined) { await fetch(u); }', 'forward-signal')).toBe(true);
    // `x.signal` of a parameter that is not a bag, a type that cannot be read here, a type that says nothing of signals.
    expectRuledOut('async function f(x) { use(x.signal); await fetch(u); }', 'forward-signal');
    expectRuledOut('import type { O } from "./o";\nconst s: AbortSignal = g();\nasync function f(o: O) { await fetch(u, {}); }', 'forward-signal');
    expectRuledOut('// signal\nasync function f(url: string, handler: (x: number) => void) { await fetch(url); }', 'forward-signal');
  });

  it('once-event: a timer in the executor, or a signal in scope at the promise', () => {
    expect(has('function f(e) { return new Promise((r, j) => { e.once("x", r); setTimeout(() => j(new Error("t")), 5); }); }', 'once-event')).toBe(true);
    expect(has('function f(e) { const c = new AbortController(); return new Promise((r) => e.once("x", r)); }', 'once-event')).toBe(true);
    expect(has('function f(e, options) { use(options.signal); return () => new Promise((r) => e.once("x", r)); }', 'once-event')).toBe(true);
    // A signal elsewhere in the file, a controller made after the promise or in another function.
    expectRuledOut('function g(signal) {}\nfunction f(e) { return new Promise((r) => e.once("x", r)); }', 'once-event');
    expectRuledOut('function f(e) { const p = new Promise((r) => e.once("x", r)); const c = new AbortController(); return [p, c]; }', 'once-event');
    expectRuledOut('function f(e) { const g = () => { const c = new AbortController(); return c.signal; }; return new Promise((r) => e.once("x", r)); }', 'once-event');
  });

  it('timeout-option: a call with a `timeout` option', () => {
    expect(has('import http from "node:http";\nhttp.get(url, { timeout: 5 });', 'timeout-option')).toBe(true);
    expectRuledOut('import http from "node:http";\nconst timeout = 5;\nhttp.get(url, (res) => res.setTimeout(timeout));', 'timeout-option');
  });

  it('derive-signal: a fresh signal where a parameter gave one', () => {
    expect(has('function f(options) { return g({ ...options, signal: AbortSignal.timeout(1) }); }', 'derive-signal')).toBe(true);
    expect(has('test("x", async () => { await g({ signal: AbortSignal.timeout(1) }); });', 'derive-signal')).toBe(false);
    // A method without parameters may replace its instance's `this.config.signal` (a review note).
    expect(has('class C { get() { return g({ signal: AbortSignal.timeout(1) }); } }', 'derive-signal')).toBe(true);
  });

  it('sleeps, events, races and timers', () => {
    expect(has('const sleep = (ms) => new Promise((r) => setTimeout(r, ms));', 'abortable-sleep')).toBe(true);
    expect(has('const sleep = (ms) => new Promise((r) => r(ms)); setTimeout(f, 1);', 'abortable-sleep')).toBe(false);
    expect(has('function f(signal) { return new Promise((r) => e.once("x", r)); }', 'once-event')).toBe(true);
    expect(has('function f() { return new Promise((r) => e.once("x", r)); }', 'once-event')).toBe(false);
    expect(has('Promise.race([a, b]);', 'race-timeout')).toBe(true);
    expect(has('Promise.all([a, b]); race();', 'race-timeout')).toBe(false);
    expect(has('const c = new AbortController(); setTimeout(() => c.abort(), 1);', 'abort-timer')).toBe(true);
    expect(has('const c = new AbortController(); t.setTimeout(() => c.abort(), 1);', 'abort-timer')).toBe(false);
  });

  it('lets through what it cannot read', () => {
    // A parse error (here, Flow syntax in a .js file without the pragma oxc does not read anyway).
    expect(has('function f(x: ?string) { while (x) { await g(); } }', 'loop-check', 'a.js')).toBe(true);
    // A module without a gate (a `check` detector).
    const ungated = { meta: { name: 'no-such-gate', description: '', mayApply: () => true }, transform: () => undefined } as TransformModule;
    expect(prescan.mayHaveSite('a.ts', 'const x = 1;', [ungated], {})).toBe(true);
  });
});
