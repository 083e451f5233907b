interface Settings {
  headers: Record<string, string>;
}

interface WithSignal {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function get(url: string, settings: Settings, withSignal: WithSignal, init: RequestInit, signal: AbortSignal) {
  await fetch(url, { ...settings, signal });
  await fetch(url, { ...withSignal, signal: withSignal.signal ?? signal });
  await fetch(url, { ...init, signal: init.signal ?? signal });
}
