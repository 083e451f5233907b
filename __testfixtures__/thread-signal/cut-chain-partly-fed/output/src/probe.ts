import { discoverMetadata } from './auth.js';

export async function probe(serverUrl: string, signal: AbortSignal): Promise<boolean> {
  const metadata = await discoverMetadata(serverUrl, signal);
  return metadata.issuer === serverUrl;
}
