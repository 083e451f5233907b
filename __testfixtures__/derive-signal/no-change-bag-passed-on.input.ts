export async function get(url: string, init?: RequestInit) {
  const linked = link(init);
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
  return [linked, response];
}

declare function link(init?: RequestInit): AbortSignal;
