export async function close(stream: AsyncIterable<Buffer>, upstream: AbortController, signal: AbortSignal) {
  upstream.abort();
  // Drain what was already buffered: aborting upstream ends the stream.
  for await (const _ of stream) {
  }
}

export async function cancelUpload(parts: Part[], controller: AbortController) {
  const local = new AbortController();
  controller.abort();
  for (const part of parts) {
    await part.discard();
  }
}
