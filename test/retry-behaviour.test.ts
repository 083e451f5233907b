/**
 * aborted-signal-reused, proven at run time: a retry after a timeout reaches the server only once
 * the fix the rule's message gives is applied.
 *
 * test/retry-behaviour/retry-before.mjs builds each attempt's options from the previous attempt's,
 * so the retry's signal combines the deadline that has just fired; retry-after.mjs reads the
 * caller's signal once and derives each attempt's signal from it (the rule is check-only: the fix
 * is written by hand). A local server, in a worker thread so that its sockets are not the test's,
 * hangs the first attempt (a request with `x-attempt: 0`) and answers a retry at once, and says
 * which attempts reached it.
 */
import { once } from 'node:events';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { check } from '../src/check/check.ts';
import { expectCancels } from '../src/testing/index.ts';

type GetWithRetry = (url: string, options: { signal?: AbortSignal; timeout: number; retries: number }) => Promise<Response>;

const DIR = join(import.meta.dirname, 'retry-behaviour');
const load = async (file: string) => ((await import(pathToFileURL(join(DIR, file)).href)) as { getWithRetry: GetWithRetry }).getWithRetry;

// Generous: the first attempt must time out, and a retry that is sent has this long to get its answer.
const ATTEMPT_TIMEOUT_MS = 2_000;

const SERVER_SOURCE = `
const { createServer } = require('node:http');
const { parentPort } = require('node:worker_threads');
const seen = [];
const server = createServer((req, res) => {
  const attempt = req.headers['x-attempt'];
  seen.push(attempt);
  res.setHeader('connection', 'close');
  if (attempt === '0') {
    // The first attempt hangs (bounded, and ended when the client goes away).
    const timer = setTimeout(() => res.end('{}'), 10_000);
    res.on('close', () => clearTimeout(timer));
  } else {
    res.setHeader('content-type', 'application/json');
    res.end('{"attempt":' + JSON.stringify(attempt) + '}');
  }
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'seen') parentPort.postMessage(seen.splice(0));
});
`;

let server: Worker;
let origin: string;

beforeAll(async () => {
  server = new Worker(SERVER_SOURCE, { eval: true });
  const [{ port }] = (await once(server, 'message')) as [{ port: number }];
  origin = `http://127.0.0.1:${port}`;
});

afterAll(() => server?.terminate());

afterEach(() => {
  vi.restoreAllMocks();
});

/** The `x-attempt` of every request that reached the server since the last call. */
async function seenByServer(): Promise<string[]> {
  server.postMessage('seen');
  const [seen] = (await once(server, 'message')) as [string[]];
  return seen;
}

/** Whether each fetch call's signal had already aborted when fetch was called. */
function recordFetches(): boolean[] {
  const abortedAtCall: boolean[] = [];
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, 'fetch').mockImplementation((input, init) => {
    abortedAtCall.push(init?.signal?.aborted ?? false);
    return realFetch(input, init);
  });
  return abortedAtCall;
}

describe('aborted-signal-reused: a retry after a timeout', () => {
  it('check reports the re-wrapped signal with the fix, and nothing in the fixed code', async () => {
    const report = await check({ paths: ['retry-before.mjs', 'retry-after.mjs'], cwd: DIR, cpus: 1, project: false });
    const diagnostics = report.files.flatMap((file) => file.diagnostics.map((d) => `${file.path} ${d.line}:${d.column} ${d.rule} ${d.message}`));
    expect(diagnostics).toEqual([
      "retry-before.mjs 7:52 aborted-signal-reused A retry combines the previous attempt's signal, which may already have aborted, with a new deadline: options.signal takes in the previous attempt's signal each time this runs again; read it once before the first attempt and derive each attempt's signal from that",
    ]);
  });

  it('before the fix: the retry starts with an aborted signal and never reaches the server', async () => {
    const getWithRetry = await load('retry-before.mjs');
    const abortedAtCall = recordFetches();
    const error = await getWithRetry(`${origin}/orders`, { timeout: ATTEMPT_TIMEOUT_MS, retries: 1 }).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ name: 'TimeoutError' });
    expect(abortedAtCall).toEqual([false, true]);
    expect(await seenByServer()).not.toContain('1');
  });

  it('after the fix: the retry reaches the server and its answer comes back', async () => {
    const getWithRetry = await load('retry-after.mjs');
    const abortedAtCall = recordFetches();
    const response = await getWithRetry(`${origin}/orders`, { timeout: ATTEMPT_TIMEOUT_MS, retries: 1 });
    expect(await response.json()).toEqual({ attempt: '1' });
    expect(abortedAtCall).toEqual([false, false]);
    expect(await seenByServer()).toContain('1');
  });

  it("after the fix: the caller's abort still ends the call and leaves nothing behind", async () => {
    const getWithRetry = await load('retry-after.mjs');
    const result = await expectCancels((signal) => getWithRetry(`${origin}/orders`, { signal, timeout: 10_000, retries: 2 }), { abortAfterMs: 50 });
    expect(result.outcome).toBe('rejected');
    // Only the first attempt was sent: the caller's abort is not retried.
    expect(await seenByServer()).not.toContain('1');
  });
});
