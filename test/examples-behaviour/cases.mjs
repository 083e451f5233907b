/**
 * The examples' entry points, each run with a signal that is aborted: one row per behaviour.
 *
 * - `module`: the compiled example under examples/src (`.js`).
 * - `upstreams`: where the example's hard-coded hosts go on the local test server (`slow`: answers
 *   after 10 s, `error`: 503 at once, `json`: `[]` at once). Requests keep their init, signal included.
 * - `start(mod, ctx)`: returns the `run(signal)` that `expectCancels` calls. `ctx.origin` is the
 *   local server, `ctx.dir` a scratch directory.
 * - `leaksBefore`: the resource type the unmigrated code leaves behind (its failure names it).
 * - `fixedBy`: the transforms whose edits make it pass.
 *
 * Plain JavaScript: it runs in a worker thread (see run-case.mjs), not under vitest.
 */
export const CASES = [
  {
    name: 'api-client: getJson against a slow server',
    module: 'api-client.js',
    start: (mod, { origin }) => (signal) => mod.getJson(`${origin}/slow/api/orders/1`, { signal }),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['forward-signal'],
  },
  {
    name: 'orders-service: getOrderSummary while the orders API hangs',
    module: 'orders-service.js',
    upstreams: { 'orders.internal': 'slow' },
    start: (mod) => (signal) => mod.getOrderSummary('42', signal),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['forward-signal'],
  },
  {
    name: 'orders-service: getOrderSummary while retrying a failing orders API',
    module: 'orders-service.js',
    upstreams: { 'orders.internal': 'error' },
    start: (mod) => (signal) => mod.getOrderSummary('42', signal),
    leaksBefore: 'Timeout',
    fixedBy: ['abortable-sleep'],
  },
  {
    name: 'poller: pollJobs between polls',
    module: 'poller.js',
    upstreams: { 'jobs.internal': 'json' },
    start: (mod) => (signal) => mod.pollJobs(signal, () => {}, 2_000),
    leaksBefore: 'Timeout',
    fixedBy: ['abortable-sleep'],
  },
  {
    name: 'downloader: download from a slow server',
    module: 'downloader.js',
    start: (mod, { origin, dir }) => (signal) => mod.download(`${origin}/slow/file.bin`, `${dir}/file.bin`, { signal }),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['forward-signal'],
  },
  {
    name: 'downloader: download backing off from a failing server',
    module: 'downloader.js',
    start: (mod, { origin, dir }) => (signal) => mod.download(`${origin}/error/file.bin`, `${dir}/file.bin`, { signal }),
    leaksBefore: 'Timeout',
    fixedBy: ['forward-signal', 'abortable-sleep'],
  },
];
