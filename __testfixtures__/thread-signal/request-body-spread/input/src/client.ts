export interface ChatParams {
  readonly model: string;
  readonly stream?: boolean;
}

export interface RequestOptions {
  readonly timeout?: number;
  readonly signal?: AbortSignal;
}

export async function post(path: string, body: unknown, options?: RequestOptions): Promise<Response> {
  return fetch(`https://api.example.com${path}`, { method: 'POST', body: JSON.stringify(body), signal: options?.signal });
}

/** The options passed on whole keep the caller's signal; the body spread holds none. */
export async function complete(params: ChatParams, options?: RequestOptions): Promise<Response> {
  return post('/chat', { ...params, stream: false }, { ...options, timeout: 10_000 });
}

/** `input` may be a Request with a signal, but the init is passed on as it is: nothing is replaced. */
export async function send(input: RequestInfo, init: RequestInit): Promise<Response> {
  return fetch(input, init);
}

export async function handle(request: Request): Promise<Response> {
  const params = (await request.json()) as ChatParams;
  return post('/chat', { ...params, stream: true });
}
