import { discoverMetadata } from '../auth.js';

export async function discoversWithAbortedController(): Promise<void> {
  const controller = new AbortController();
  controller.abort();
  await discoverMetadata('https://auth.example.com');
}
