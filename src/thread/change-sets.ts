/**
 * Union-find over the things planned edits hang on (a threaded function, a call site): edits that
 * depend on each other end up under one root, and what has one root is written whole or not at all.
 */
export class ChangeSets<K> {
  private readonly parents = new Map<K, K>();

  /** The representative of `key`'s set (`key` itself when it was never joined to another). */
  find(key: K): K {
    let root = key;
    for (let parent = this.parents.get(root); parent !== undefined; parent = this.parents.get(root)) root = parent;
    // Path compression: later finds of the same keys take one step.
    for (let current = key; current !== root; ) {
      const next = this.parents.get(current)!;
      this.parents.set(current, root);
      current = next;
    }
    return root;
  }

  /** Puts `a` and `b` in one set. */
  union(a: K, b: K): void {
    const rootA = this.find(a);
    const rootB = this.find(b);
    if (rootA !== rootB) this.parents.set(rootB, rootA);
  }
}
