import type { Request } from 'express';

export function log(request: Request) {
  return { ...request, at: Date.now() };
}
