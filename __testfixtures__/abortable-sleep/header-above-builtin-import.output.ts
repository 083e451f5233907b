//
// Node-only (binds real sockets + touches the filesystem); excluded from the
// edge run via the `**/src/bridge/**` pattern in vitest.edge.config.js.
import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
const outboundSchema = z.discriminatedUnion('type', [
  z.object({
  }),
]);
afterEach(async () => {
});
function connectTo(port: number): () => Promise<WebSocket> {
    new Promise<WebSocket>((resolve, reject) => {
    });
}
async function waitUntil(pred: () => boolean, timeoutMs = 2000, signal?: AbortSignal): Promise<void> {
  while (!pred()) {
    if (performance.now() - start > timeoutMs) {
    }
    await sleep(5, undefined, { signal });
  }
}
describe('runBridge disk replay', () => {
  it('a respawned bridge replays a finished turn from event-log.ndjson', async () => {
  });
});
