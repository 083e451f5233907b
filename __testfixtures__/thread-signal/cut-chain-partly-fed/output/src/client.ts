import { auth } from './auth.js';

export const provider = { authenticate: auth };

export async function connect(serverUrl: string, signal: AbortSignal): Promise<Response> {
  const token = await auth({ serverUrl });
  return fetch(serverUrl, { headers: { authorization: token }, signal });
}
