export interface CatalogOptions {
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

/** The product catalog, with a deadline of its own for a catalog service that sometimes hangs. */
export async function getCatalog(url: string, init: CatalogOptions = {}): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`GET ${url}: ${response.status}`);
  return response.json();
}
