/** Nothing is drawn for runs shorter than this: a flash of a bar is noise. */
const SHOW_AFTER_MS = 400;
const WIDTH = 30;

interface Stream {
  write(text: string): unknown;
  columns?: number;
}

/** A one-line progress bar on a terminal stream, redrawn at most every 50 ms. */
export function createProgress(stream: Stream) {
  const started = Date.now();
  let drawnAt = 0;
  let drawn = false;
  return {
    update: (done: number, total: number) => {
      const now = Date.now();
      if (now - started < SHOW_AFTER_MS || (now - drawnAt < 50 && done < total)) return;
      drawnAt = now;
      drawn = true;
      const filled = total === 0 ? WIDTH : Math.round((done / total) * WIDTH);
      stream.write(`\r\x1b[2Kctxmod [${'#'.repeat(filled)}${'-'.repeat(WIDTH - filled)}] ${done}/${total} files`);
    },
    done: () => {
      if (drawn) stream.write('\r\x1b[2K');
    },
  };
}
