/**
 * Which active resources the run created: an async_hooks hook, enabled only during
 * `expectCancels`, that remembers every resource created while it is on and forgets it when the
 * resource is destroyed.
 *
 * Counts alone are not enough: a test runner's own timers come and go during the run (vitest
 * batches task updates behind a 100 ms timer started with each test), so a leaked timer can
 * replace a vanished one and the totals look unchanged. A type's leak count is therefore the
 * number of resources created during the run that are still alive and referenced, capped by how
 * many of that type `process.getActiveResourcesInfo()` reports.
 */
import { createHook } from 'node:async_hooks';
import { fileURLToPath } from 'node:url';
import { diffResources, type ResourceCounts } from './active-resources.ts';

export interface CreationStack {
  /** The `process.getActiveResourcesInfo()` type, e.g. `Timeout` or `TCPSocketWrap`. */
  type: string;
  /** The stack at creation, without Node's internal frames where others exist. */
  stack: string;
}

/** async_hooks type -> `getActiveResourcesInfo()` type, for the types both know. Others are compared by count only. */
const RESOURCE_TYPE_BY_HOOK_TYPE: Record<string, string> = {
  Timeout: 'Timeout',
  Immediate: 'Immediate',
  TCPWRAP: 'TCPSocketWrap',
  TCPSERVERWRAP: 'TCPServerWrap',
  PIPEWRAP: 'PipeWrap',
  PIPESERVERWRAP: 'PipeServerWrap',
  PROCESSWRAP: 'ProcessWrap',
  UDPWRAP: 'UDPWrap',
  FSREQPROMISE: 'FSReqPromise',
  FSREQCALLBACK: 'FSReqCallback',
  FSEVENTWRAP: 'FSEventWrap',
  STATWATCHER: 'StatWatcher',
  GETADDRINFOREQWRAP: 'GetAddrInfoReqWrap',
  SIGNALWRAP: 'SignalWrap',
};

interface Created {
  type: string;
  resource: { hasRef?: () => boolean; _destroyed?: boolean };
  stack: string | undefined;
}

export interface ResourceTracker {
  /** Resource types with more active resources than `before`, and how many more (see above). */
  leaked(before: ResourceCounts, after: ResourceCounts, ignore: readonly string[]): ResourceCounts;
  /** Stops tracking; with `trackStacks`, returns where the still-alive resources of the leaked types were created. */
  stop(leaked: ResourceCounts): CreationStack[];
}

export function startResourceTracker(trackStacks: boolean): ResourceTracker {
  const alive = new Map<number, Created>();
  const hook = createHook({
    init(asyncId, hookType, _triggerAsyncId, resource) {
      const type = RESOURCE_TYPE_BY_HOOK_TYPE[hookType];
      if (type) alive.set(asyncId, { type, resource: resource as Created['resource'], stack: trackStacks ? getCreationStack() : undefined });
    },
    destroy(asyncId) {
      alive.delete(asyncId);
    },
  });
  hook.enable();

  const getAlive = () => {
    // process.stdout/stderr open their handle on first use, possibly during the run: not a leak.
    const stdio = new Set<unknown>([process.stdout, process.stderr].map((stream) => (stream as { _handle?: unknown })._handle));
    return [...alive.values()].filter((entry) => isActive(entry) && !stdio.has(entry.resource));
  };
  return {
    leaked(before, after, ignore) {
      const byCount = diffResources(before, after, ignore);
      const created: ResourceCounts = {};
      for (const { type } of getAlive()) created[type] = (created[type] ?? 0) + 1;
      const leaked: ResourceCounts = {};
      for (const type of Object.keys(after).sort()) {
        if (ignore.includes(type)) continue;
        const tracked = Object.values(RESOURCE_TYPE_BY_HOOK_TYPE).includes(type);
        const count = tracked ? Math.min(created[type] ?? 0, after[type] ?? 0) : (byCount[type] ?? 0);
        if (count > 0) leaked[type] = count;
      }
      return leaked;
    },
    stop(leaked) {
      hook.disable();
      const stacks = getAlive()
        .filter((entry) => (leaked[entry.type] ?? 0) > 0 && entry.stack !== undefined)
        .map(({ type, stack }) => ({ type, stack: stack! }));
      alive.clear();
      return stacks;
    },
  };
}

/** Still keeping the loop alive: a cleared or fired timer is destroyed, an unref'd one does not count. */
function isActive({ resource }: Created): boolean {
  if (resource._destroyed === true) return false;
  return typeof resource.hasRef === 'function' ? resource.hasRef() : true;
}

/** This library's own directory, as a URL and as a path (stacks show either). */
const OWN_URL = new URL('.', import.meta.url);
const OWN = [OWN_URL.href, fileURLToPath(OWN_URL)];

function getCreationStack(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 30;
  const frames = (new Error().stack ?? '').split('\n').slice(1);
  Error.stackTraceLimit = limit;
  const useful = frames.filter((frame) => !OWN.some((own) => frame.includes(own)) && !/\(?node:|\(<anonymous>\)$/.test(frame));
  // Node creates some resources on its own, in a later tick (fetch's sockets): no frame to show.
  if (useful.length === 0) return "(created by Node's internals: no caller frames)";
  return useful
    .slice(0, 6)
    .map((frame) => frame.trim())
    .join('\n');
}
