export async function readUntilReady(reader: ReadableStreamDefaultReader<string>, signal?: AbortSignal) {
  try {
    return await readReady(reader, signal);
  } finally {
    // Cleanup runs when the read was aborted too: give the cancel a bounded wait.
    await Promise.race([reader.cancel().catch(() => {}), sleep(100)]);
    reader.releaseLock();
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
