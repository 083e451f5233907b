export async function get(urls) {
  const ok = urls.filter(url => url.startsWith('https:'));
  const res = await Promise.race([fetch(ok[0]), new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), 2000))]);
  return res;
}
