export async function load(url: string) {
  const value = await Promise.race([
    // the request
    fetch(url, {
      method: 'GET', // verb
    }), // after fetch
    new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), 5000)),
  ]);
  return value;
}
