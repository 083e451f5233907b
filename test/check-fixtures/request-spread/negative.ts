export function toRequest(input: Request | string, init?: RequestInit): Request {
  if (typeof input === 'string') return new Request(input, { ...init });
  return new Request(input, init);
}
