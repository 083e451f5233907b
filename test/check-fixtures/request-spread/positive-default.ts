export function clone(request: globalThis.Request = new Request('https://example.com'), extra = {}) {
  return { ...request, ...extra };
}
