async function shopFetch<T>(query: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch('https://shop.example/graphql', { method: 'POST', body: JSON.stringify({ query }), signal });
  return (await response.json()) as T;
}

export function getProducts(search: string, signal?: AbortSignal) {
  return shopFetch<{ title: string }[]>(`products(${search})`, signal);
}

export function getProduct(handle: string, signal?: AbortSignal) {
  return shopFetch<{ title: string }>(`product(${handle})`, signal);
}

/** Only calls itself: that is not a caller. */
export async function crawl(cursor: string): Promise<void> {
  const page = await shopFetch<{ next?: string }>(`page(${cursor})`);
  if (page.next) await crawl(page.next);
}
