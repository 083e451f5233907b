/**
 * A local HTTP server for cancellation tests, in a worker thread so that its sockets and timers are
 * not counted among the test's own active resources. Listens on 127.0.0.1 only. Routes, by the
 * first path segment: /slow/... answers `{}` after 10 s (the bound: nothing waits longer),
 * /error/... answers 503 at once, /json/... answers `[]` at once. Every response closes its
 * connection, so no keep-alive socket outlives a request.
 */
import { once } from 'node:events';
import { Worker } from 'node:worker_threads';

const SERVER_SOURCE = `
const { createServer } = require('node:http');
const { parentPort } = require('node:worker_threads');
const SLOW_MS = 10_000;
const server = createServer((req, res) => {
  const route = (req.url ?? '/').split('/')[1];
  res.setHeader('connection', 'close');
  if (route === 'slow') {
    const timer = setTimeout(() => res.end('{}'), SLOW_MS);
    res.on('close', () => clearTimeout(timer));
  } else if (route === 'error') {
    res.writeHead(503).end('unavailable');
  } else {
    res.setHeader('content-type', 'application/json');
    res.end('[]');
  }
});
server.listen(0, '127.0.0.1', () => parentPort.postMessage({ port: server.address().port }));
parentPort.on('message', (message) => {
  if (message === 'drop') {
    server.closeAllConnections();
    parentPort.postMessage('dropped');
  }
});
`;

export interface SlowServer {
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Closes every open connection: requests still waiting on /slow fail at once. */
  dropConnections(): Promise<void>;
  close(): Promise<void>;
}

export async function startSlowServer(): Promise<SlowServer> {
  const worker = new Worker(SERVER_SOURCE, { eval: true });
  const [{ port }] = (await once(worker, 'message')) as [{ port: number }];
  return {
    origin: `http://127.0.0.1:${port}`,
    async dropConnections() {
      worker.postMessage('drop');
      await once(worker, 'message');
    },
    async close() {
      await worker.terminate();
    },
  };
}
