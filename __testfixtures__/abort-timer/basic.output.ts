export async function getJson(url: string): Promise<unknown> {
  const signal = AbortSignal.timeout(5000);
  const response = await fetch(url, { signal });
  return await response.json();
}

export async function getText(url: string, headers: Record<string, string>) {
  const signal = AbortSignal.timeout(10_000);
  try {
    const response = await fetch(url, { headers, signal });
    return await response.text();
  } catch (error) {
    console.error('request failed', error);
    throw error;
  }
}
