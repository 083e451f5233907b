/**
 * The examples' entry points, each run with a signal that is aborted: one row per behaviour.
 *
 * - `module`: the compiled example under examples/src (`.js`).
 * - `upstreams`: where the example's hard-coded hosts go on the local test server (`slow`: answers
 *   after 10 s, `error`: 503 at once, `json`: `[]` at once). Requests keep their init, signal included.
 * - `start(mod, ctx)`: returns (or resolves with) the `run(signal)` that `expectCancels` calls.
 *   `ctx.origin` is the local server, `ctx.dir` a scratch directory.
 * - `leaksBefore`: the resource type the unmigrated code leaves behind (its failure names it).
 * - `options`: expectCancels options of this case, over the test's defaults.
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
    name: "catalog-client: getCatalog whose own deadline replaced the caller's signal",
    module: 'catalog-client.js',
    start: (mod, { origin }) => (signal) => mod.getCatalog(`${origin}/slow/catalog`, { signal }),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['derive-signal'],
    // The caller's abort must end the call at once, not at the 30 s deadline.
    options: { withinMs: 100 },
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
  {
    name: 'server: handle, when the client goes away while the orders API hangs',
    module: 'server.js',
    upstreams: { 'orders.internal': 'slow' },
    // The client's request is what gets aborted; the handler's own controller must follow it
    // (res 'close'), and the handler must then finish at once.
    start: async (mod) => {
      const { createServer, get } = await import('node:http');
      let onHandled;
      const handled = new Promise((resolve) => (onHandled = resolve));
      const server = createServer((req, res) => onHandled(mod.handle(req, res)));
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const url = `http://127.0.0.1:${server.address().port}/orders?id=42`;
      return async (signal) => {
        // node:http, not fetch: after an aborted request, fetch opens a spare connection to the
        // server, and its server side would count against the handler.
        const request = get(url, { signal, agent: false });
        await new Promise((resolve) => request.on('error', resolve).on('response', resolve));
        await handled;
        signal.throwIfAborted();
      };
    },
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['forward-signal'],
  },
  {
    name: 'status-check: checkStatus of a slow endpoint',
    module: 'status-check.js',
    // checkStatus turns every failure into { ok: false }; a cancelled check must still end at once.
    start: (mod, { origin }) => (signal) =>
      mod.checkStatus(`${origin}/slow/health`, signal, 2_000).then((status) => {
        signal.throwIfAborted();
        return status;
      }),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['abort-timer'],
  },
  {
    name: 'race-timeout-demo: getStock while the inventory API hangs',
    module: 'race-timeout-demo.js',
    upstreams: { 'inventory.internal': 'slow' },
    start: (mod) => (signal) => mod.getStock('sku-1', signal),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['forward-signal', 'race-timeout'],
  },
  {
    name: 'batch-import: importRows while the stock API hangs on a row',
    module: 'batch-import.js',
    upstreams: { 'stock.internal': 'slow' },
    start: (mod) => (signal) => mod.importRows([{ sku: 'a', quantity: 1 }], signal),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['forward-signal', 'thread-signal'],
  },
  {
    name: 'blob-store: serveBlob from an HTTP store when the client goes away',
    module: 'blob-store.js',
    start: (mod, { origin }) => (signal) => mod.serveBlob(new mod.HttpBlobStore(`${origin}/slow`), new Request(`${origin}/photo.jpg`, { signal })),
    leaksBefore: 'TCPSocketWrap',
    fixedBy: ['thread-signal'],
  },
];

/**
 * Example modules with no case yet, and why (e.g. the transform that fixes them is not released).
 * Every module in examples/src must have a case or an entry here.
 */
export const UNCOVERED = {
  'search-proxy.js':
    'its hand-linked controller does cancel the request; the bug is listeners piling up on a long-lived signal, memory that holds no active resource for expectCancels to see',
  'webhook.js': 'deliver() speaks https only, and the local test server speaks plain http',
  'worker-process.js': 'runReport() spawns `node reports.js` in the working directory, which a test run does not have',
};
