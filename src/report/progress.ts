import type { RunPhase } from '../engine/run.ts';

/** Nothing is drawn for runs shorter than this: a flash of a bar is noise. */
const SHOW_AFTER_MS = 400;
const WIDTH = 30;

interface Stream {
  write(text: string): unknown;
  columns?: number;
}

/**
 * A one-line progress bar on a terminal stream, redrawn at most every 50 ms, led by the phase the
 * run is in: the file count only moves while scanning and transforming.
 */
export function createProgress(stream: Stream) {
  const started = Date.now();
  let drawnAt = 0;
  let drawn = false;
  let phase: RunPhase = 'scanning';
  let count = { done: 0, total: 0 };
  const draw = (force: boolean) => {
    const now = Date.now();
    if (now - started < SHOW_AFTER_MS || (!force && now - drawnAt < 50)) return;
    drawnAt = now;
    drawn = true;
    const { done, total } = count;
    // No count yet (still looking for files): the phase alone.
    if (total === 0) {
      stream.write(`\r\x1b[2Kctxmod ${phase}`);
      return;
    }
    const filled = Math.round((done / total) * WIDTH);
    stream.write(`\r\x1b[2Kctxmod ${phase.padEnd(12)} [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files`);
  };
  return {
    update: (done: number, total: number) => {
      count = { done, total };
      draw(done >= total);
    },
    phase: (next: RunPhase) => {
      phase = next;
      draw(true);
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
