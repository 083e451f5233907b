export async function transcribe(audio: ReadableStream<Uint8Array>, abortSignal?: AbortSignal) {
  const transform = new TransformStream<Uint8Array, Uint8Array>();
  const pipe = audio.pipeTo(transform.writable, { signal: abortSignal });
  const reader = transform.readable.getReader();
  // Keep the stream flowing: what it yields surfaces through the pipe's promise.
  while (!(await reader.read()).done) {
    // drain; results surface via the promises
  }
  for await (const _ of transform.readable) {}
  await pipe;
}
