async function shopFetch<T>(query: string): Promise<T> {
  const response = await fetch('https://shop.example/graphql', { method: 'POST', body: JSON.stringify({ query }) });
  return (await response.json()) as T;
}

export function getProducts(search: string) {
  return shopFetch<{ title: string }[]>(`products(${search})`);
}

export function getProduct(handle: string) {
  return shopFetch<{ title: string }>(`product(${handle})`);
}

/** Only calls itself: that is not a caller. */
export async function crawl(cursor: string): Promise<void> {
  const page = await shopFetch<{ next?: string }>(`page(${cursor})`);
  if (page.next) await crawl(page.next);
}
