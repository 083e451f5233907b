const error = new Error('request timed out');

export async function ping(url) {
  await Promise.race([fetch(url), new Promise((_, reject) => setTimeout(() => reject(error), 1000))]);
}
