export interface AuthOptions {
  serverUrl: string;
}

export async function auth(options: AuthOptions): Promise<string> {
  return authInternal(options);
}

async function authInternal(options: AuthOptions): Promise<string> {
  const metadata = await discoverMetadata(options.serverUrl);
  return metadata.issuer;
}

export async function discoverMetadata(serverUrl: string): Promise<{ issuer: string }> {
  const response = await fetchWithRetry(new URL('/.well-known/oauth-authorization-server', serverUrl));
  return (await response.json()) as { issuer: string };
}

async function fetchWithRetry(url: URL): Promise<Response> {
  try {
    return await fetch(url);
  } catch {
    return fetch(url);
  }
}
