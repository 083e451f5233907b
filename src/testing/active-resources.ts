/** What keeps the event loop busy, counted by type: `process.getActiveResourcesInfo()` as counts. */

/** Resource type (`Timeout`, `TCPSocketWrap`, `ProcessWrap`, `FSReqPromise`, ...) to how many are active. */
export type ResourceCounts = Record<string, number>;

/**
 * The active resources of this thread, counted by type. Unref'd timers are not counted (they do
 * not keep the process alive), the same as in `process.getActiveResourcesInfo()`.
 */
export function activeResources(): ResourceCounts {
  const counts: ResourceCounts = {};
  for (const type of process.getActiveResourcesInfo()) counts[type] = (counts[type] ?? 0) + 1;
  return counts;
}

/** The resource types that grew from `before` to `after`, with how many more there are. */
export function diffResources(before: ResourceCounts, after: ResourceCounts, ignore: readonly string[] = []): ResourceCounts {
  const grown: ResourceCounts = {};
  for (const type of Object.keys(after).sort()) {
    const added = (after[type] ?? 0) - (before[type] ?? 0);
    if (added > 0 && !ignore.includes(type)) grown[type] = added;
  }
  return grown;
}

export function hasResources(counts: ResourceCounts): boolean {
  return Object.keys(counts).length > 0;
}
