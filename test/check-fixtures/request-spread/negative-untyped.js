export function merge(request, defaults) {
  return { ...defaults, ...request };
}
