import { getProduct, getProducts } from '../../lib/shop.js';

// A route module: the framework calls these with props (and an image route's `Image()` with props
// it does not declare), so a parameter added at the end would receive them.
export async function generateMetadata(props: { params: Promise<{ handle: string }> }) {
  const product = await getProduct((await props.params).handle);
  return { title: product.title };
}

export default async function Page(props: { searchParams: Promise<{ q?: string }> }) {
  const products = await getProducts((await props.searchParams).q ?? '');
  return products.map((product) => product.title).join('\n');
}
