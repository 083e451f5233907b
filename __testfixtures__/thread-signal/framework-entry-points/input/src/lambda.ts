import { getProducts } from './lib/shop.js';

// A runtime entry: called as handler(event, context, callback).
export const handler = async (event: { q: string }) => {
  return getProducts(event.q);
};

// A Fetch-API route handler has a signal of its own: the chain is threaded from it.
export async function GET(request: Request) {
  return Response.json(await getProducts(new URL(request.url).search));
}
