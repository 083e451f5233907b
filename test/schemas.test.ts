/**
 * The shipped JSON Schemas are current (generated from the zod schemas) and describe what ctxmod
 * really accepts and prints: real configs and real `--json` reports validate, bad ones do not.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from '../src/index.ts';
import { getJsonSchemas } from '../src/json-schemas.ts';
import { ctxmod, ROOT, writeProject } from './helpers.ts';

const SCHEMAS = join(ROOT, 'schemas');
const readSchema = (name: string) => JSON.parse(readFileSync(join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;
const ajv = new Ajv2020({ allErrors: true, strict: true });
const validateConfig = ajv.compile(readSchema('config.schema.json'));
const validateReport = ajv.compile(readSchema('report.schema.json'));
const validateCheckReport = ajv.compile(readSchema('check-report.schema.json'));

/** The README's "complete example" config. */
function getReadmeConfig(): unknown {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const match = /A complete example:\n\n```json\n([\s\S]*?)\n```/.exec(readme);
  if (!match) throw new Error('README: no complete config example');
  return JSON.parse(match[1]!);
}

describe('schemas/', () => {
  it('holds what `npm run schemas` writes', () => {
    for (const [name, schema] of Object.entries(getJsonSchemas())) {
      expect(readFileSync(join(SCHEMAS, name), 'utf8'), `schemas/${name} is stale: run npm run schemas`).toBe(`${JSON.stringify(schema, null, 2)}\n`);
    }
  });
});

describe('config.schema.json', () => {
  it("accepts the README's complete example and the empty config, as parseConfig does", () => {
    for (const config of [getReadmeConfig(), {}, { $schema: './node_modules/ctxmod/schemas/config.schema.json', rules: { 'non-cancellable-call': 'off' } }]) {
      expect(validateConfig(config), JSON.stringify(validateConfig.errors)).toBe(true);
      expect(() => parseConfig(config)).not.toThrow();
    }
  });

  it('rejects what parseConfig rejects: an unknown key, transform, rule or carrier', () => {
    const bad = [
      { ignored: true },
      { transforms: ['sleep'] },
      { transforms: { disable: ['abortable-sleep'], enable: [] } },
      { rules: { 'no-such-rule': 'off' } },
      { thread: { carrier: 'context' } },
      { catalog: [{ module: 'x', path: 'y', signal: { position: { kind: 'second' }, property: 'signal' } }] },
    ];
    for (const config of bad) {
      expect(validateConfig(config), JSON.stringify(config)).toBe(false);
      expect(() => parseConfig(config), JSON.stringify(config)).toThrow(ConfigError);
    }
  });
});

describe('report.schema.json', () => {
  it('validates real --json reports: changed, unchanged and error files, a test file left out, with and without diffs', () => {
    const dir = writeProject({
      'src/poll.ts': 'export async function poll(signal: AbortSignal) {\n  await new Promise((r) => setTimeout(r, 100));\n}\n',
      'src/plain.ts': 'export const one = 1;\n',
      'src/broken.ts': 'await new Promise((r) => setTimeout(r, 100));\nexport const = ;\n',
      'src/poll.test.ts': 'export {};\n',
    });
    for (const args of [['--dry'], []]) {
      const result = ctxmod(['migrate', 'src', '--json', '--force', ...args], dir);
      const report = JSON.parse(result.stdout) as { schemaVersion: number; files: { status: string }[] };
      expect(report.schemaVersion).toBe(1);
      expect(report.files.map((file) => file.status).sort()).toEqual(['changed', 'error', 'unchanged']);
      expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    }
  });

  it('rejects a report with a field it does not describe', () => {
    const dir = writeProject({ 'src/plain.ts': 'export const one = 1;\n' });
    const report = JSON.parse(ctxmod(['migrate', 'src', '--json', '--dry'], dir).stdout) as Record<string, unknown>;
    expect(validateReport(report)).toBe(true);
    expect(validateReport({ ...report, extra: 1 })).toBe(false);
    expect(validateReport({ ...report, schemaVersion: 2 })).toBe(false);
  });
});

describe('check-report.schema.json', () => {
  it('validates real check --format json reports: diagnostics, a file not parsed, a test file left out, notes', () => {
    const dir = writeProject({
      'src/poll.ts': 'export async function poll(signal: AbortSignal) {\n  await fetch("/x");\n  await new Promise((r) => setTimeout(r, 100));\n}\n',
      'src/plain.ts': 'export const one = 1;\n',
      'src/broken.ts': 'await new Promise((r) => setTimeout(r, 100));\nexport const = ;\n',
      'src/poll.test.ts': 'export {};\n',
    });
    // No tsconfig: missing-signal-chain is left out with a note.
    const result = ctxmod(['check', 'src', '--format', 'json'], dir);
    const report = JSON.parse(result.stdout) as { schemaVersion: number; files: { path: string; error?: unknown }[]; notes?: string[]; summary: { testFilesSkipped?: number } };
    expect(report.schemaVersion).toBe(1);
    expect(report.files.map((file) => [file.path, file.error !== undefined])).toEqual([
      ['src/broken.ts', true],
      ['src/poll.ts', false],
    ]);
    expect(report.notes).toHaveLength(1);
    expect(report.summary.testFilesSkipped).toBe(1);
    expect(validateCheckReport(report), JSON.stringify(validateCheckReport.errors)).toBe(true);
    expect(validateCheckReport({ ...report, extra: 1 })).toBe(false);
    expect(validateCheckReport({ ...report, schemaVersion: 2 })).toBe(false);
  });
});
