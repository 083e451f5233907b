import { _, Memoize, memoize, once, pMemoize } from './memo.js';

let config: Promise<unknown> | undefined;
let token: Promise<Response> | undefined;
const retryAfter = new Map<string, Promise<number>>();
const probes = new WeakMap<object, Promise<Response>>();
const uploads = new WeakMap<typeof fetch, Promise<boolean>>();

/** A module-level promise shared by every caller (`??=`). */
export async function getConfig(): Promise<unknown> {
  return (config ??= fetch('https://api.example.com/config').then((response) => response.json()));
}

/** `promise = promise || load()`. */
export function getToken(): Promise<Response> {
  token = token || fetch('https://auth.example.com/token');
  return token;
}

/** A per-host cached delay. */
export function getRetryDelay(host: string): Promise<number> {
  let delay = retryAfter.get(host);
  if (!delay) {
    delay = fetch(`https://${host}/`).then((response) => Number(response.headers.get('retry-after')));
    retryAfter.set(host, delay);
  }
  return delay;
}

/** A promise cached through a local. */
export function probe(key: object): Promise<Response> {
  const pending = fetch('https://api.example.com/capabilities');
  probes.set(key, pending);
  return pending;
}

/** A probe run once per fetch function: its promise, made by an async arrow run on the spot, is cached. */
export function supportsUploads(fetch: typeof globalThis.fetch): Promise<boolean> {
  const cached = uploads.get(fetch);
  if (cached) return cached;
  const promise = (async () => {
    const response = await fetch('data:,');
    await response.arrayBuffer();
    return response.constructor !== Response;
  })();
  uploads.set(fetch, promise);
  return promise;
}

/** Wrapped by known memoisers. */
export const getPlans = memoize(async (region: string) => (await fetch(`https://api.example.com/plans/${region}`)).json());
export const getRates = _.memoize(async () => (await fetch('https://api.example.com/rates')).json());
export const getFlags = pMemoize(async () => (await fetch('https://api.example.com/flags')).json());

export class Client {
  private session?: Promise<Response>;

  /** A singleton's initialisation. */
  async connect(): Promise<Response> {
    this.session ??= fetch('https://api.example.com/session');
    return this.session;
  }

  @Memoize()
  async limits(): Promise<unknown> {
    return (await fetch('https://api.example.com/limits')).json();
  }
}

export async function handle(request: Request, client: Client): Promise<Response> {
  const lazyHealth = once(() => fetch('https://api.example.com/health'));
  const results = [
    await getConfig(),
    await getToken(),
    await getRetryDelay(new URL(request.url).host),
    await probe(request),
    await supportsUploads(fetch),
    await getPlans('eu'),
    await getRates(),
    await getFlags(),
    await client.connect(),
    await client.limits(),
    await lazyHealth(),
  ];
  return Response.json(results);
}
