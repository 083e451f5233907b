export async function waitForEnd(stream: NodeJS.ReadableStream, signal: AbortSignal) {
  await new Promise((resolve) => {
    stream.once('end', resolve);
  });
}
