export async function search(query: string, signal: AbortSignal) {
  const response = await fetch(`/search?q=${query}`, { signal: AbortSignal.any([signal, AbortSignal.timeout(800)]) });
  return response.json();
}
