import { describe, expect, it } from 'vitest';
import { processSource } from '../src/engine/process-source.ts';
import { getTransform } from '../src/registry.ts';

const raceTimeout = getTransform('race-timeout');

const SOURCE = `export async function run(job, url) {
  await Promise.race([fetch(url), new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 100))]);
  await Promise.race([job, new Promise((_, reject) => setTimeout(() => reject(new Error('slow')), 100))]);
}
`;

describe('race-timeout findings', () => {
  it('name the check rule of each site: race-without-cancel for races, uncleared-timer for timers', () => {
    const result = processSource('/virtual/run.mjs', SOURCE, [raceTimeout!], {});
    expect(result.findings.map((f) => [f.line, f.kind, f.rule])).toEqual([
      [2, 'edit', 'race-without-cancel'],
      [3, 'manual', 'race-without-cancel'],
      [3, 'edit', 'uncleared-timer'],
    ]);
  });
});
