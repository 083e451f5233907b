export interface Status {
  url: string;
  ok: boolean;
}

/** Checks one health endpoint; a slow one counts as down. */
export async function checkStatus(url: string, signal: AbortSignal, timeoutMs = 2_000): Promise<Status> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    // Bug: the caller's signal never reaches the request; only the timer can stop it.
    const response = await fetch(url, { method: 'HEAD', signal: controller.signal });
    return { url, ok: response.ok };
  } catch {
    return { url, ok: false };
  } finally {
    clearTimeout(timer);
  }
}
