export interface RequestOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

export async function getJson<T>(url: string, options: RequestOptions = {}): Promise<T> {
  const response = await fetch(url, { headers: { accept: 'application/json', ...options.headers } });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return (await response.json()) as T;
}
