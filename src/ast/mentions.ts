type Node = any;

/** True when an identifier `name` occurs anywhere in `node` (a reference or not). */
export function mentions(node: Node, name: string): boolean {
  if (!node || typeof node !== 'object') return false;
  if (node.type === 'Identifier' && node.name === name) return true;
  for (const key of Object.keys(node)) {
    if (key === 'loc' || key === 'tokens' || key === 'comments') continue;
    const value = node[key];
    if (Array.isArray(value) ? value.some((item) => mentions(item, name)) : value && typeof value === 'object' && mentions(value, name)) {
      return true;
    }
  }
  return false;
}
