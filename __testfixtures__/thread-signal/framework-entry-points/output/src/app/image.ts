import { getProduct } from '../lib/shop.js';

export default async function Image() {
  return (await getProduct('featured')).title;
}
