export async function connect(url: string, signal: AbortSignal): Promise<string> {
  return negotiate(url);
}

async function negotiate(url: string): Promise<string> {
  const probe = async (): Promise<string> => {
    const response = await fetch(url);
    return response.text();
  };
  try {
    return await probe();
  } catch {
    return probe();
  }
}
