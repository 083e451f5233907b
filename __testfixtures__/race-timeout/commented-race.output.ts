export async function load(url: string) {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const value = await Promise.race([
    // the request
    fetch(url, {
      method: 'GET', // verb
    }), // after fetch
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error('timeout')), 5000);
    }),
  ]).finally(() => clearTimeout(timer));
  return value;
}
