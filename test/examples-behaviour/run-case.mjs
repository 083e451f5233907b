/**
 * Worker thread: runs one case of cases.mjs against one compiled copy of the examples and posts
 * expectCancels' verdict. A worker has its own event loop and active resources, so what an
 * unmigrated example leaves running cannot leak into the next case; terminating it ends that work.
 *
 * workerData: { caseIndex, examples (directory of compiled examples), testing (URL of
 * ctxmod/testing), origin (local server), dir (scratch directory), options (expectCancels options) }
 */
import { parentPort, workerData } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { CASES } from './cases.mjs';

const { caseIndex, examples, testing, origin, dir, options } = workerData;
const row = CASES[caseIndex];

// The examples call fixed hosts (https://orders.internal/...): send them to the local server,
// keeping the request's init (and so its signal) as the example passed it.
const realFetch = globalThis.fetch;
globalThis.fetch = (input, init) => {
  const url = new URL(String(input instanceof Request ? input.url : input));
  const route = row.upstreams?.[url.hostname];
  return realFetch(route ? `${origin}/${route}${url.pathname}${url.search}` : input, init);
};

const { expectCancels } = await import(testing);
const mod = await import(pathToFileURL(join(examples, row.module)).href);
const run = await row.start(mod, { origin, dir });
try {
  const result = await expectCancels(run, { ...options, ...row.options });
  parentPort.postMessage({ passed: true, message: '', leaked: result.leaked });
} catch (error) {
  parentPort.postMessage({ passed: false, message: String(error?.message ?? error), leaked: error?.result?.leaked ?? {} });
}
