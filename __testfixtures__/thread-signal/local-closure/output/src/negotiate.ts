export async function connect(url: string, signal: AbortSignal): Promise<string> {
  return negotiate(url, signal);
}

async function negotiate(url: string, signal?: AbortSignal): Promise<string> {
  const probe = async (): Promise<string> => {
    const response = await fetch(url, { signal });
    return response.text();
  };
  try {
    return await probe();
  } catch {
    return probe();
  }
}
