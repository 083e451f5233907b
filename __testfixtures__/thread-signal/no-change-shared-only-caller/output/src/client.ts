import type { Auth } from './auth';

export async function call(auth: Auth, signal: AbortSignal) {
  const token = await auth.getToken();
  return fetch('https://api.example.com', { headers: { authorization: token }, signal });
}
