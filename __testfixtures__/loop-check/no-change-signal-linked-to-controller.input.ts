import { linkAbort } from './abort';

export async function runSession(work: Work, externalSignal?: AbortSignal) {
  const ctrl = new AbortController();
  const detach = linkAbort(externalSignal, ctrl);
  try {
    const runner = new SessionRunner(work.id, { signal: ctrl.signal });
    for await (const _ of runner) {
      await work.sync();
    }
    return !ctrl.signal.aborted;
  } finally {
    detach();
  }
}
