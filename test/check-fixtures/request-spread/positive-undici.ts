import { Request as UndiciRequest } from 'undici';

export function describe(request: UndiciRequest) {
  return { ...request, receivedAt: Date.now() };
}
