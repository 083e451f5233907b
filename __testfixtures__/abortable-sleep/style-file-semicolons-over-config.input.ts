export async function backoff(attempt: number, signal?: AbortSignal) {
  await new Promise<void>((resolve) => setTimeout(resolve, 2 ** attempt * 100));
}
