import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { check } from '../src/check/check.ts';
import { RULES } from '../src/check/rules.ts';
import { buildSarif } from '../src/report/sarif.ts';
import { getSarifValidator } from '../scripts/validate-sarif.mjs';
import { ctxmod, ROOT, spawnCtxmod, tempDir, writeProject } from './helpers.ts';


/**
 * A copy of examples/ in a temp directory, so that `migrate` can write it. Its tsconfig finds
 * @types/node here, as it does in the repository (missing-signal-chain needs the types).
 */
function copyExamples(): string {
  const dir = tempDir();
  cpSync(join(ROOT, 'examples'), join(dir, 'examples'), { recursive: true });
  const tsconfig = join(dir, 'examples', 'tsconfig.json');
  const config = JSON.parse(readFileSync(tsconfig, 'utf8'));
  config.compilerOptions.typeRoots = [join(ROOT, 'node_modules', '@types')];
  writeFileSync(tsconfig, JSON.stringify(config));
  return dir;
}

const EXAMPLES_STYLISH = `examples/src/api-client.ts:7:26  error    A signal in scope is not passed to a signal-aware call (fix: passes options.signal to fetch())  unforwarded-signal

examples/src/catalog-client.ts:8:48  error    A fresh signal takes the place of the caller's, so the caller's abort never reaches the call (fix: AbortSignal.timeout(30_000) replaced init.signal; it now follows init.signal too (AbortSignal.any))  replaced-signal

examples/src/downloader.ts:14:30  error    A signal in scope is not passed to a signal-aware call (fix: passes options.signal to fetch())  unforwarded-signal

examples/src/race-timeout-demo.ts:10:26  error    Promise.race against a timer neither cancels the loser nor clears the timer (fix: fetch() now gets a timeout signal instead of racing a timer; the timeout still rejects with the original error)  race-without-cancel
examples/src/race-timeout-demo.ts:11:5   error    A signal in scope is not passed to a signal-aware call (fix: passes signal to fetch())  unforwarded-signal
examples/src/race-timeout-demo.ts:19:10  error    Promise.race against a timer neither cancels the loser nor clears the timer (fix: readFile() now gets a timeout signal instead of racing a timer; the timeout still rejects with the original error)  race-without-cancel

examples/src/webhook.ts:7:17  error    A signal in scope is not passed to a signal-aware call (fix: passes signal to https.request())  unforwarded-signal
examples/src/webhook.ts:7:17  error    An http(s) request timeout only emits an event; nothing aborts the request (fix: https.request(): \`timeout\` only emits 'timeout'; now also aborts with \`signal: AbortSignal.any([signal, AbortSignal.timeout(5_000)])\`)  http-timeout-event

examples/src/worker-process.ts:8:17  error    A signal in scope is not passed to a signal-aware call (fix: passes signal to spawn())  unforwarded-signal

examples/src/batch-import.ts:13:3   warning  An async loop with a signal in scope never checks it (fix: loop awaits without looking at the signal: added \`signal.throwIfAborted();\`)  loop-without-check
examples/src/batch-import.ts:14:11  warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes \`signal\` to saveRow)  missing-signal-chain
examples/src/batch-import.ts:20:1   warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: threads \`signal\` through saveRow)  missing-signal-chain
examples/src/batch-import.ts:21:9   warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes \`signal\` to getJson)  missing-signal-chain

examples/src/blob-store.ts:7:3    warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: threads \`signal\` through get)  missing-signal-chain
examples/src/blob-store.ts:13:3   warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: threads \`signal\` through get)  missing-signal-chain
examples/src/blob-store.ts:14:28  warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes \`signal\` to fetch)  missing-signal-chain
examples/src/blob-store.ts:22:3   warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: threads \`signal\` through get)  missing-signal-chain
examples/src/blob-store.ts:28:22  warning  Cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down (fix: passes \`request.signal\` to store.get)  missing-signal-chain

examples/src/downloader.ts:5:1    warning  A sleep cannot be cancelled (fix: backoff() now uses node:timers/promises setTimeout and takes an optional signal)  sleep-without-signal
examples/src/downloader.ts:20:13  warning  A sleep cannot be cancelled (fix: passes options.signal to backoff())  sleep-without-signal

examples/src/orders-service.ts:14:1   warning  A sleep cannot be cancelled (fix: sleep() now uses node:timers/promises setTimeout and takes an optional signal)  sleep-without-signal
examples/src/orders-service.ts:32:13  warning  A sleep cannot be cancelled (fix: passes signal to sleep())  sleep-without-signal

examples/src/poller.ts:16:11  warning  A sleep cannot be cancelled (fix: sleep now uses node:timers/promises setTimeout and stops on abort of signal)  sleep-without-signal

examples/src/search-proxy.ts:9:9   warning  A controller follows other signals through 'abort' listeners that stay on them, where AbortSignal.any fits (fix: controller only followed shutdown.signal, signal, a timer (2_000 ms): now AbortSignal.any)  hand-linked-signals
examples/src/search-proxy.ts:23:3  warning  An 'abort' listener is never removed (fix: the 'abort' listener on signal, which outlives this function, is now removed when the try block settles)  abort-listener-leak

examples/src/worker-process.ts:9:9  warning  Waiting for an event ignores the signal in scope (fix: now uses events.once(), which removes its listeners and stops on abort of signal)  once-without-signal

examples/src/status-check.ts:9:17  info     An AbortController aborted by setTimeout, where AbortSignal.timeout/any fits (fix: the controller aborted by a timer is now \`const timeoutSignal = AbortSignal.any([signal, AbortSignal.timeout(timeoutMs)])\`)  controller-timeout

ctxmod check: 27 problems (9 errors, 17 warnings, 1 info) in 13 files checked; 27 fixable with \`ctxmod migrate\`
  unforwarded-signal    5 errors
  race-without-cancel   2 errors
  http-timeout-event    1 error
  replaced-signal       1 error
  missing-signal-chain  8 warnings
  sleep-without-signal  5 warnings
  abort-listener-leak   1 warning
  hand-linked-signals   1 warning
  loop-without-check    1 warning
  once-without-signal   1 warning
  controller-timeout    1 info
`;

describe('ctxmod check', () => {
  it('reports every planted bug in examples/, and nothing after `ctxmod migrate`', () => {
    const dir = copyExamples();
    // Through the bin itself (a process).
    const before = spawnCtxmod(['check', 'examples', '--cpus', '1'], dir);
    expect(before.stdout).toBe(EXAMPLES_STYLISH);
    expect(before.stderr).toBe('');
    expect(before.status).toBe(1);

    expect(ctxmod(['migrate', 'examples', '--cpus', '1', '--quiet'], dir).status).toBe(0);
    const after = ctxmod(['check', 'examples', '--cpus', '1'], dir);
    // The transforms left nothing for manual review in examples/, so nothing is left to report.
    expect(after.stdout).toBe('ctxmod check: no problems in 13 files\n');
    expect(after.status).toBe(0);
  });

  it('--fail-on sets the severity that fails; --rule narrows the rules', () => {
    const dir = copyExamples();
    const warnings = ctxmod(['check', 'examples', '--rule', 'sleep-without-signal', '--cpus', '1'], dir);
    expect(warnings.status).toBe(0);
    expect(warnings.stdout).toContain('ctxmod check: 5 problems (0 errors, 5 warnings, 0 info)');
    expect(warnings.stdout).not.toContain('unforwarded-signal');
    expect(ctxmod(['check', 'examples', '--rule', 'sleep-without-signal', '--max-severity', 'warning'], dir).status).toBe(1);
    const quiet = ctxmod(['check', 'examples', '--quiet'], dir);
    expect(quiet.stdout).not.toContain('warning ');
    expect(quiet.stdout).toContain('ctxmod check: 27 problems');
  });

  it('--format json prints the object check() returns', async () => {
    const dir = copyExamples();
    const result = ctxmod(['check', 'examples', '--format', 'json', '--cpus', '1'], dir);
    expect(result.status).toBe(1);
    const printed = JSON.parse(result.stdout);
    const direct = await check({ paths: ['examples'], cwd: dir, cpus: 1 });
    expect({ ...printed, summary: { ...printed.summary, durationMs: 0 } }).toEqual(
      JSON.parse(JSON.stringify({ ...direct, summary: { ...direct.summary, durationMs: 0 } })),
    );
    expect(printed.files[0].diagnostics[0]).toEqual({
      rule: 'unforwarded-signal',
      severity: 'error',
      line: 7,
      column: 26,
      message: 'A signal in scope is not passed to a signal-aware call (fix: passes options.signal to fetch())',
      transform: 'forward-signal',
      fixable: true,
    });
  });

  it('--format sarif --output writes a SARIF 2.1.0 log with rule metadata', () => {
    const dir = copyExamples();
    const result = ctxmod(['check', 'examples', '-f', 'sarif', '-o', 'out.sarif'], dir);
    expect(result.stdout).toBe('');
    expect(result.status).toBe(1);
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.$schema).toBe('https://json.schemastore.org/sarif-2.1.0.json');
    const run = log.runs[0];
    expect(run.tool.driver.name).toBe('ctxmod');
    expect(run.tool.driver.rules.map((rule: { id: string }) => rule.id)).toEqual(RULES.map((rule) => rule.id));
    for (const rule of run.tool.driver.rules) {
      // A link that works on the CI runner's page too: the repository's doc, never a file:// path on the runner.
      expect(rule.helpUri).toBe(`https://github.com/ctxmod/ctxmod/blob/main/docs/rules/${rule.id}.md`);
      expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
      const doc = readFileSync(join(ROOT, 'docs/rules', `${rule.id}.md`), 'utf8');
      expect(rule.help.markdown).toContain(doc.split('\n').slice(4, 6).join('\n'));
      expect(rule.help.markdown).not.toMatch(/\]\((?!https:\/\/|#)/);
    }
    const sleep = run.tool.driver.rules.find((rule: { id: string }) => rule.id === 'sleep-without-signal');
    const summary =
      'A sleep (`await new Promise((r) => setTimeout(r, ms))`, or a helper built on one) that cannot be cancelled: ' +
      'an abort during the wait changes nothing until the timer fires, and the pending timer keeps the process alive.';
    expect(sleep.fullDescription).toEqual({ text: summary, markdown: summary });
    expect(sleep.help.markdown).toMatch(
      /^Default severity: \*\*warning\*\*\. Fixed by: \[`abortable-sleep`\]\(https:\/\/github\.com\/ctxmod\/ctxmod\/blob\/main\/docs\/abortable-sleep\.md\)\.\n\nA sleep/,
    );
    expect(sleep.help.text).toBe(
      `${summary} Fixed by \`ctxmod migrate\` (transform abortable-sleep) where it can. See https://github.com/ctxmod/ctxmod/blob/main/docs/rules/sleep-without-signal.md`,
    );
    expect(run.originalUriBaseIds.SRCROOT.uri).toBe(pathToFileURL(`${dir}/`).href);
    expect(run.results).toHaveLength(27);
    expect(run.results[0]).toEqual({
      ruleId: 'unforwarded-signal',
      ruleIndex: 0,
      level: 'error',
      message: { text: 'A signal in scope is not passed to a signal-aware call (fix: passes options.signal to fetch())' },
      locations: [{ physicalLocation: { artifactLocation: { uri: 'examples/src/api-client.ts', uriBaseId: 'SRCROOT' }, region: { startLine: 7, startColumn: 26 } } }],
      properties: { fixable: true, transform: 'forward-signal' },
    });
    for (const res of run.results) expect(run.tool.driver.rules[res.ruleIndex].id).toBe(res.ruleId);
    expect(run.results.filter((res: { level: string }) => res.level === 'warning')).toHaveLength(17);
  });

  it('reads rule severities from ctxmod.config.json; an unknown rule there or on the command line is a usage error', () => {
    const dir = writeProject({
      'ctxmod.config.json': JSON.stringify({ rules: { 'unforwarded-signal': 'info' } }),
      'a.ts': 'export async function f(signal: AbortSignal) {\n  return fetch("/x");\n}\n',
    });
    const result = ctxmod(['check', 'a.ts'], dir);
    expect(result.stdout).toBe(
      'a.ts:2:10  info     A signal in scope is not passed to a signal-aware call (fix: passes signal to fetch())  unforwarded-signal\n\n' +
        'ctxmod check: 1 problem (0 errors, 0 warnings, 1 info) in 1 file checked; 1 fixable with `ctxmod migrate`\n' +
        '  unforwarded-signal  1 info\n',
    );
    expect(result.status).toBe(0);

    const bad = writeProject({ 'ctxmod.config.json': JSON.stringify({ rules: { nope: 'off' } }), 'a.ts': '' });
    const config = ctxmod(['check', '.'], bad);
    expect(config.status).toBe(2);
    expect(config.stderr).toMatch(/^ctxmod: ctxmod\.config\.json: rules\.nope: unknown rule "nope"/);

    expect(ctxmod(['check', '.', '--rule', 'nope'], dir).status).toBe(2);
    expect(ctxmod(['check', '.', '--format', 'xml'], dir).status).toBe(2);
    expect(ctxmod(['check', '.', '--fail-on', 'fatal'], dir).status).toBe(2);
  });

  it('a file that cannot be parsed fails the check and is listed', () => {
    const dir = writeProject({ 'bad.ts': 'const signal = new AbortController().signal;\nfetch(\n' });
    const result = ctxmod(['check', '.'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toMatch(/^bad\.ts:3:1  error    .*  parse-error\n\nctxmod check: no problems in 1 file; 1 file not checked\n$/);
  });

  it('is valid against the SARIF 2.1.0 schema, and the schema does reject a broken log', async () => {
    const validate = getSarifValidator();
    const report = await check({ paths: ['examples'], cwd: ROOT, cpus: 1 });
    const log = buildSarif(report, pathToFileURL(`${ROOT}/`).href);
    expect(log.runs[0]?.results?.length).toBeGreaterThan(0);
    expect(validate(log)).toEqual([]);
    const broken = { ...log, runs: [{ ...log.runs[0], results: [{ ruleId: 'x', level: 'fatal', message: {} }] }] };
    expect(validate(broken)).not.toEqual([]);
  });
});
