import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { getOrderSummary } from './orders-service.ts';

export async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  // One controller per request: aborted when the client goes away before the response is done.
  const controller = new AbortController();
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });

  const id = new URL(req.url ?? '/', 'http://localhost').searchParams.get('id') ?? '';
  try {
    const summary = await getOrderSummary(id, controller.signal);
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(summary));
  } catch (error) {
    res.writeHead(502);
    res.end(String(error));
  }
}

export function start(port: number) {
  return createServer((req, res) => void handle(req, res)).listen(port, '127.0.0.1');
}
