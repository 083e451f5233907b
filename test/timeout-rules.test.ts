import { describe, expect, it } from 'vitest';
import { processSource } from '../src/engine/process-source.ts';
import { getTransform } from '../src/registry.ts';
import type { TransformModule } from '../src/types.ts';

/** The `ctxmod check` rule each finding names (fixtures check messages, not rules). */
function getRules(slug: string, path: string, source: string): string[] {
  const result = processSource(path, source, [getTransform(slug) as TransformModule]);
  return result.findings.map((finding) => `${finding.kind} ${finding.rule}`);
}

describe('abort-timer rules', () => {
  it('names controller-timeout for edits and for reports of cleared timers', () => {
    const source = [
      'export async function a(url: string) {',
      '  const c = new AbortController();',
      '  const t = setTimeout(() => c.abort(), 10);',
      '  try { return await fetch(url, { signal: c.signal }); } finally { clearTimeout(t); }',
      '}',
      'export async function b(url: string) {',
      '  const c = new AbortController();',
      "  const t = setTimeout(() => c.abort('late'), 10);",
      '  try { return await fetch(url, { signal: c.signal }); } finally { clearTimeout(t); }',
      '}',
    ].join('\n');
    expect(getRules('abort-timer', 'a.ts', source)).toEqual(['edit controller-timeout', 'manual controller-timeout']);
  });

  it('names uncleared-timer for a reported timer that is never cleared', () => {
    const source = [
      'export function start(url: string) {',
      '  const c = new AbortController();',
      '  setTimeout(() => c.abort(), 10);',
      '  return { done: fetch(url, { signal: c.signal }), c };',
      '}',
    ].join('\n');
    expect(getRules('abort-timer', 'a.ts', source)).toEqual(['manual uncleared-timer']);
  });
});

describe('timeout-option rules', () => {
  it('names http-timeout-event for http and client-timeout-ignores-signal for clients', () => {
    const source = [
      "import http from 'node:http';",
      "import got from 'got';",
      'export function a(url: string, signal: AbortSignal) {',
      '  http.get(url, { timeout: 10 });',
      '  http.get(url, { timeout: compute() });',
      '  got(url, { timeout: { request: 10 } });',
      '  got(url, { timeout: 10 });',
      '}',
    ].join('\n');
    expect(getRules('timeout-option', 'a.ts', source)).toEqual([
      'edit http-timeout-event',
      'manual http-timeout-event',
      'edit client-timeout-ignores-signal',
      'manual client-timeout-ignores-signal',
    ]);
  });
});
