import type { CatalogEntry, NonCancellableEntry, SignalSlot } from './types.ts';

const at = (index: number, extra: Partial<SignalSlot> = {}): SignalSlot => ({
  position: { kind: 'index', index },
  property: 'signal',
  ...extra,
});
const afterPositional = (minIndex: number, extra: Partial<SignalSlot> = {}): SignalSlot => ({
  position: { kind: 'after-positional', minIndex },
  property: 'signal',
  ...extra,
});

/** Request options shared by the openai and @anthropic-ai/sdk clients (Stainless-generated). */
const SDK_REQUEST_OPTION_KEYS = ['signal', 'timeout', 'maxRetries', 'headers', 'query', 'idempotencyKey', 'stream', 'httpAgent', 'fetchOptions'];

const HTTP_METHODS_NO_BODY = 'get|delete|head|options';
const HTTP_METHODS_BODY = 'post|put|patch';

/**
 * The built-in catalog of signal-aware APIs, in the order of the README table. Checked against
 * each package's typings; see docs/forward-signal.md for what was verified and how.
 */
export const CATALOG: readonly CatalogEntry[] = [
  // Node.js core. `writeFile` takes a signal too, but an abort stops it part-way (Node cancels its
  // buffering, not the writes already issued) and leaves a truncated file: ctxmod never passes one.
  // `readFile` is short local work: listed, and left alone (`local`).
  { module: 'global', path: 'fetch', signal: at(1, { requestFirst: true, acceptsNull: true }), since: 'node 18.0', notes: 'the signal also covers reading the body' },
  { module: 'node:http', path: 'request|get', signal: afterPositional(0, { callbackLast: true }), since: 'node 15.3', notes: 'abort destroys the request; `timeout` only emits an event' },
  { module: 'node:https', path: 'request|get', signal: afterPositional(0, { callbackLast: true }), since: 'node 15.3' },
  { module: 'node:fs/promises', path: 'readFile', signal: at(1, { stringIsEncoding: true }), since: 'node 15.2', local: true },
  { module: 'node:fs/promises', path: 'watch', signal: at(1), since: 'node 15.9' },
  { module: 'node:fs', path: 'promises.readFile', signal: at(1, { stringIsEncoding: true }), since: 'node 15.2', local: true },
  { module: 'node:fs', path: 'readFile', signal: at(1, { stringIsEncoding: true, callbackLast: true }), since: 'node 15.2', notes: 'callback API: options go before the callback', local: true },
  { module: 'node:fs', path: 'watch', signal: at(1, { callbackLast: true }), since: 'node 15.4' },
  { module: 'node:child_process', path: 'spawn|fork', signal: afterPositional(1), since: 'node 15.5', notes: 'abort kills the child with options.killSignal' },
  { module: 'node:child_process', path: 'exec', signal: at(1, { callbackLast: true }), since: 'node 15.4', notes: '`exec(command, options?, callback?)`: no argument list' },
  { module: 'node:child_process', path: 'execFile', signal: afterPositional(1, { callbackLast: true }), since: 'node 15.4' },
  { module: 'node:events', path: 'once|on|EventEmitter.once|EventEmitter.on', signal: at(2), since: 'node 15.0', notes: '`once` resolves with an array of the arguments' },
  { module: 'node:timers/promises', path: 'setTimeout|setInterval', signal: at(2, { fillUndefined: true }), since: 'node 15.0' },
  { module: 'node:timers/promises', path: 'setImmediate', signal: at(1, { fillUndefined: true }), since: 'node 15.0' },
  { module: 'node:stream/promises', path: 'pipeline', signal: { position: { kind: 'last' }, property: 'signal' }, since: 'node 15.0' },
  { module: 'node:stream', path: 'promises.pipeline', signal: { position: { kind: 'last' }, property: 'signal' }, since: 'node 15.0' },
  { module: 'node:stream/promises', path: 'finished', signal: at(1), since: 'node 15.0' },
  { module: 'node:readline/promises', instance: 'createInterface', path: 'question', signal: at(1), since: 'node 17.0' },

  // HTTP clients
  { module: 'axios', path: '', signal: afterPositional(0), since: 'axios 0.22', notes: '`axios(config)` or `axios(url, config)`' },
  { module: 'axios', path: HTTP_METHODS_NO_BODY, signal: at(1), since: 'axios 0.22' },
  { module: 'axios', path: HTTP_METHODS_BODY, signal: at(2, { fillUndefined: true }), since: 'axios 0.22' },
  { module: 'axios', path: 'request', signal: at(0), since: 'axios 0.22' },
  { module: 'axios', instance: 'create', path: HTTP_METHODS_NO_BODY, signal: at(1), since: 'axios 0.22' },
  { module: 'axios', instance: 'create', path: HTTP_METHODS_BODY, signal: at(2, { fillUndefined: true }), since: 'axios 0.22' },
  { module: 'axios', instance: 'create', path: 'request', signal: at(0), since: 'axios 0.22' },
  { module: 'got', path: '', signal: afterPositional(0), since: 'got 12.2', notes: '`got(url, options)` or `got(options)`; the option is typed since 12.2.0' },
  { module: 'got', path: `get|${HTTP_METHODS_BODY}|delete|head`, signal: at(1), since: 'got 12.2' },
  { module: 'ky', path: `|get|${HTTP_METHODS_BODY}|delete|head`, signal: at(1, { requestFirst: true, acceptsNull: true }), since: 'ky 0.x' },
  { module: 'undici', path: 'request|fetch|stream', signal: at(1, { acceptsNull: true }), since: 'undici 4' },
  { module: 'node-fetch', path: '', signal: at(1, { requestFirst: true, acceptsNull: true }), since: 'node-fetch 2.3' },

  // SDKs
  {
    module: 'openai',
    instance: 'new',
    path: '*',
    signal: { position: { kind: 'request-options', optionKeys: SDK_REQUEST_OPTION_KEYS }, property: 'signal', acceptsNull: true },
    since: 'openai 4.0',
    notes: 'request options are the last argument: `client.chat.completions.create(params, { signal })`',
  },
  {
    module: '@anthropic-ai/sdk',
    instance: 'new',
    path: '*',
    signal: { position: { kind: 'request-options', optionKeys: SDK_REQUEST_OPTION_KEYS }, property: 'signal', acceptsNull: true },
    since: '@anthropic-ai/sdk 0.x',
    notes: '`client.messages.create(params, { signal })`',
  },
  {
    module: '@aws-sdk/client-*',
    instance: 'new *Client',
    path: 'send',
    signal: { position: { kind: 'index', index: 1 }, property: 'abortSignal' },
    since: 'AWS SDK v3',
    notes: 'the option is named `abortSignal`',
  },
  {
    module: '@octokit/request',
    path: 'request',
    signal: { position: { kind: 'index', index: 1 }, property: 'request.signal' },
    since: '@octokit/request 5',
  },
  { module: 'p-retry', path: '', signal: at(1), since: 'p-retry 5.1', notes: 'stops retrying; the running attempt is not cancelled' },
  {
    module: 'execa',
    path: 'execa',
    signal: { position: { kind: 'after-positional', minIndex: 1 }, property: 'cancelSignal' },
    since: 'execa 9.0',
    notes: 'execa 6.1-8 named it `signal`: add a catalog entry in ctxmod.config.json for those',
  },
];

const PG_INSTEAD =
  'set `statement_timeout` (or `query_timeout`) in the client config, or on abort end the client (`client.end()`, `client.release(true)`)';

const REDIS_INSTEAD = 'set `commandTimeout` on the client, or on abort `disconnect()` it';

/**
 * Libraries whose calls take no AbortSignal, with their own way to bound or stop the work.
 * `ctxmod check` reports calls of them that something waits for where a signal is in scope (rule
 * non-cancellable-call); no transform touches them.
 */
export const NON_CANCELLABLE: readonly NonCancellableEntry[] = [
  { module: 'pg', instance: 'new Client', path: 'query|connect', instead: PG_INSTEAD },
  { module: 'pg', instance: 'new Pool', path: 'query|connect', instead: PG_INSTEAD },
  {
    module: 'mysql2*',
    instance: 'create*',
    path: 'query|execute|getConnection',
    instead: 'pass `timeout` to query()/execute() (the query is killed when it expires), or on abort `destroy()` the connection',
  },
  ...['new', 'new Redis', 'new Cluster'].map((instance) => ({ module: 'ioredis', instance, path: '*', instead: REDIS_INSTEAD })),
  {
    module: '@prisma/client',
    instance: 'new PrismaClient',
    path: '*',
    instead: 'bound the work instead: `$transaction(fn, { timeout })`, or a statement timeout in the database connection string',
  },
  { module: 'knex', instance: 'call', path: 'raw', instead: 'use `.timeout(ms, { cancel: true })` on the query' },
];
