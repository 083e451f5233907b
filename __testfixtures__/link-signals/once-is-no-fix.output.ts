// { once: true } only drops the listener after the abort: the operation's end removes it.
export async function query(conn: Connection, signal: AbortSignal) {
  const onAbort = () => conn.destroy();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    return await conn.query('select 1');
  } finally {
    signal.removeEventListener('abort', onAbort);
    conn.release();
  }
}

export async function drain(queue: Queue, signal: AbortSignal) {
  const listenerController = new AbortController();
  try {
    signal.addEventListener('abort', () => queue.pause(), { once: true, signal: listenerController.signal });
    await queue.drain();
  } finally {
    listenerController.abort();
    await queue.close();
  }
}

// Without an operation to tie it to, a hand-written { once: true } is the code's choice: left alone.
export function watch(signal: AbortSignal, onStop: () => void) {
  signal.addEventListener('abort', onStop, { once: true });
}
