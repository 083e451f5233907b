export function download(url: string, signal?: AbortSignal): Promise<string>;
export function download(url: string, encoding: 'base64', signal?: AbortSignal): Promise<string>;
export async function download(url: string, second?: AbortSignal | 'base64', third?: AbortSignal): Promise<string> {
  const signal = typeof second === 'string' ? third : second;
  const response = await fetch(url, { signal: signal ?? null });
  return response.text();
}

/** A root calling an overloaded function the project declares: the resolved overload has no body. */
export async function mirror(url: string, signal: AbortSignal): Promise<string> {
  return download(url);
}
