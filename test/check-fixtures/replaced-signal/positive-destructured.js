export async function load({ url, signal, retries = 2 }) {
  for (let attempt = 0; ; attempt++) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      return await response.text();
    } catch (error) {
      if (attempt >= retries) throw error;
    }
  }
}
