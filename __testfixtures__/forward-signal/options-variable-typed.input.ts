interface Settings {
  headers: Record<string, string>;
}

interface WithSignal {
  headers?: Record<string, string>;
  signal?: AbortSignal;
}

export async function get(url: string, settings: Settings, withSignal: WithSignal, init: RequestInit, signal: AbortSignal) {
  await fetch(url, settings);
  await fetch(url, withSignal);
  await fetch(url, init);
}
