/**
 * ctxmod/testing proves cancellation at run time: each leak the library exists to catch (a timer
 * left by Promise.race, a fetch without the signal, a child process without the signal) fails with
 * a message naming the resource, and the fixed implementation passes.
 */
import { exec, spawnSync, type ChildProcess } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { activeResources, CancellationError, diffResources, expectCancels } from '../src/testing/index.ts';
import { ROOT, tempDir } from './helpers.ts';
import { startSlowServer, type SlowServer } from './slow-server.ts';

let server: SlowServer;
beforeAll(async () => {
  server = await startSlowServer();
});
afterAll(() => server.close());

// What the leaky implementations leave behind, cleaned up after each test so it cannot be
// counted by the next one.
const timers: NodeJS.Timeout[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  for (const timer of timers.splice(0)) clearTimeout(timer);
  for (const child of children.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('close', resolve));
      child.kill();
      await exited;
    }
  }
  await server.dropConnections();
});

/** Rejects with the signal's reason when it aborts: work that does cancel. */
function untilAborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    signal.throwIfAborted();
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}

/** Leaky: the timeout timer outlives the race. */
function withTimeoutLeaky<T>(work: Promise<T>, ms: number): Promise<T> {
  const timeout = new Promise<never>((_, reject) => {
    timers.push(setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms));
  });
  return Promise.race([work, timeout]);
}

/** Fixed: the timer is cleared however the race ends. */
async function withTimeoutFixed<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** `exec` as a promise, remembering the child for cleanup. */
function run(command: string, options: { signal?: AbortSignal } = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = exec(command, options, (error, stdout) => (error ? reject(error) : resolve(stdout)));
    children.push(child);
  });
}

async function failure(promise: Promise<unknown>): Promise<CancellationError> {
  const error = await promise.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(error).toBeInstanceOf(CancellationError);
  return error as CancellationError;
}

describe('expectCancels: the three leaks', () => {
  it('Promise.race with an uncleared timer fails, naming the Timeout; clearing it passes', async () => {
    const error = await failure(expectCancels((signal) => withTimeoutLeaky(untilAborted(signal), 5_000)));
    expect(error.message).toContain('Leaked resources (new since the run started):\n    Timeout x1');
    expect(error.message).toContain('1 Timeout still active 200 ms after it settled');
    expect(error.result).toMatchObject({ outcome: 'rejected', leaked: { Timeout: 1 } });

    const result = await expectCancels((signal) => withTimeoutFixed(untilAborted(signal), 5_000));
    expect(result).toMatchObject({ outcome: 'rejected', leaked: {}, problems: [] });
  });

  it('fetch without the signal against a slow server fails, naming the socket; with the signal passes', async () => {
    const url = `${server.origin}/slow/report`;
    const error = await failure(expectCancels(() => fetch(url), { withinMs: 300 }));
    expect(error.message).toMatch(/^the run did not cancel cleanly\.\n {2}Expected: settle within 300 ms of the abort/);
    expect(error.message).toContain('Happened: the promise was still pending 300 ms after the abort.');
    expect(error.message).toContain('Still active (new since the run started):\n    TCPSocketWrap x1');
    expect(error.result.outcome).toBe('pending');

    const result = await expectCancels((signal) => fetch(url, { signal }), { withinMs: 300 });
    expect(result.reason).toBe(result.signalReason);
    expect(result.leaked).toEqual({});
  });

  it('exec without the signal of a sleeping child fails, naming the process; with the signal passes', async () => {
    const error = await failure(expectCancels(() => run('exec sleep 5'), { withinMs: 300 }));
    expect(error.message).toContain('the promise was still pending 300 ms after the abort');
    expect(error.message).toContain('    ProcessWrap x1');
    expect(error.result.leaked).toMatchObject({ ProcessWrap: 1, PipeWrap: 3 });

    const result = await expectCancels((signal) => run('exec sleep 5', { signal }), { withinMs: 300 });
    expect(result).toMatchObject({ outcome: 'rejected', leaked: {} });
    expect((result.reason as Error).name).toBe('AbortError');
  });
});

describe('expectCancels: outcomes and options', () => {
  it('returns the measurements: elapsed ms from the abort, the reason, nothing leaked', async () => {
    const result = await expectCancels((signal) => untilAborted(signal), { abortAfterMs: 10 });
    expect(result.outcome).toBe('rejected');
    expect(result.reason).toBeInstanceOf(DOMException);
    expect(result.reason).toBe(result.signalReason);
    expect(result.elapsedMs).toBeGreaterThanOrEqual(0);
    expect(result.elapsedMs).toBeLessThan(500);
    expect(result.stacks).toEqual([]);
  });

  it('accepts an already-aborted signal and a timeout signal (TimeoutError)', async () => {
    const reason = new Error('shutting down');
    const early = await expectCancels((signal) => untilAborted(signal), { signal: AbortSignal.abort(reason) });
    expect(early.reason).toBe(reason);

    const timeout = await expectCancels((signal) => untilAborted(signal), { signal: AbortSignal.timeout(10) });
    expect((timeout.reason as Error).name).toBe('TimeoutError');
  });

  it('a promise that resolves instead of rejecting fails', async () => {
    const error = await failure(
      expectCancels(async (signal) => {
        await untilAborted(signal).catch(() => undefined);
        return 'done';
      }),
    );
    expect(error.message).toMatch(/Happened: the promise resolved \(with "done"\) \d+ ms after the abort instead of rejecting\./);
  });

  it('a rejection that is not the abort fails; an error caused by the reason passes', async () => {
    const error = await failure(expectCancels(async (signal) => untilAborted(signal).catch(() => Promise.reject(new Error('boom')))));
    expect(error.message).toContain("the promise rejected with Error: boom, not with the signal's reason or an AbortError/TimeoutError");

    await expectCancels((signal) => untilAborted(signal).catch((reason: unknown) => Promise.reject(new Error('wrapped', { cause: reason }))));
  });

  it('a promise that settles before the abort fails: nothing was cancelled', async () => {
    const error = await failure(expectCancels(async () => 'early', { abortAfterMs: 30 }));
    expect(error.message).toContain('Happened: the promise resolved (with "early") before the signal was aborted, so nothing was cancelled (abort sooner: abortAfterMs).');
    expect(error.result.elapsedMs).toBeLessThan(0);
  });

  it('a synchronous throw counts as a rejection', async () => {
    await expectCancels((signal) => signal.throwIfAborted(), { signal: AbortSignal.abort() });
  });

  it('ignore leaves resource types out of the check', async () => {
    const result = await expectCancels((signal) => withTimeoutLeaky(untilAborted(signal), 5_000), { ignore: ['Timeout'] });
    expect(result.leaked).toEqual({});
  });

  it('trackStacks shows where the leaked resource was created', async () => {
    const error = await failure(expectCancels((signal) => withTimeoutLeaky(untilAborted(signal), 5_000), { trackStacks: true }));
    expect(error.message).toContain('  Created at:\n    Timeout\n      at ');
    expect(error.result.stacks).toHaveLength(1);
    expect(error.result.stacks[0]!.stack).toContain('testing.test.ts');
  });

  it('leaves nothing behind: no timers, no listeners on the signal', async () => {
    const before = activeResources();
    const controller = new AbortController();
    const listeners: string[] = [];
    const add = controller.signal.addEventListener.bind(controller.signal);
    const remove = controller.signal.removeEventListener.bind(controller.signal);
    controller.signal.addEventListener = (...args: Parameters<typeof add>) => (listeners.push(args[0]), add(...args));
    controller.signal.removeEventListener = (...args: Parameters<typeof remove>) => (listeners.splice(listeners.indexOf(args[0]), 1), remove(...args));
    setImmediate(() => controller.abort());
    // The run rejects on the abort itself (never before it, whatever the machine's load) and
    // removes its own listener, so whatever is left on the signal is expectCancels' own.
    const run = (signal: AbortSignal) =>
      new Promise((_, reject) => {
        const onAbort = () => (signal.removeEventListener('abort', onAbort), reject(signal.reason));
        signal.addEventListener('abort', onAbort);
      });
    await expectCancels(run, { signal: controller.signal });
    expect(listeners).toEqual([]);
    expect(diffResources(before, activeResources())).toEqual({});
  });
});

describe('ctxmod/testing outside vitest (built dist)', () => {
  const entry = pathToFileURL(join(ROOT, 'dist', 'src', 'testing', 'index.js')).href;

  it('a plain script: passes, then fails with the message on stderr', () => {
    const dir = tempDir();
    const script = join(dir, 'check.mjs');
    writeFileSync(
      script,
      `import { expectCancels } from ${JSON.stringify(entry)};
import { setTimeout as sleep } from 'node:timers/promises';
const ok = await expectCancels((signal) => sleep(5_000, undefined, { signal }));
console.log('passed', ok.outcome);
await expectCancels(() => sleep(1_000), { withinMs: 100 });
`,
    );
    const result = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stdout).toBe('passed rejected\n');
    expect(result.stderr).toContain('CancellationError: the run did not cancel cleanly.');
    expect(result.stderr).toContain('Still active (new since the run started):\n    Timeout x1');
    expect(result.status).toBe(1);
  });

  it('node:test shows the failure', () => {
    const dir = tempDir();
    const file = join(dir, 'cancel.test.mjs');
    writeFileSync(
      file,
      `import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectCancels } from ${JSON.stringify(entry)};
test('cancels', () => expectCancels((signal) => sleep(5_000, undefined, { signal })));
test('leaks', () => expectCancels(() => sleep(1_000), { withinMs: 100 }));
`,
    );
    const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', file], { encoding: 'utf8', timeout: 30_000 });
    expect(result.stdout).toMatch(/✔ cancels/);
    expect(result.stdout).toMatch(/✖ leaks/);
    expect(result.stdout).toContain('Timeout x1');
    expect(result.status).toBe(1);
  });
});
