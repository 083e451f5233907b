// { once: true } only drops the listener after the abort: the operation's end removes it.
export async function query(conn: Connection, signal: AbortSignal) {
  const onAbort = () => conn.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await conn.query('select 1');
  } finally {
    conn.release();
  }
}

export async function drain(queue: Queue, signal: AbortSignal) {
  try {
    signal.addEventListener('abort', () => queue.pause(), { once: true });
    await queue.drain();
  } finally {
    await queue.close();
  }
}

// Without an operation to tie it to, a hand-written { once: true } is the code's choice: left alone.
export function watch(signal: AbortSignal, onStop: () => void) {
  signal.addEventListener('abort', onStop, { once: true });
}
