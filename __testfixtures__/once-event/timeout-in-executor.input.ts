export async function waitForDrain(stream: NodeJS.WritableStream, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    stream.once('drain', resolve);
    stream.once('error', reject);
    setTimeout(() => reject(new Error('drain timed out')), 5000);
  });
}

export async function waitForClose(stream: NodeJS.WritableStream) {
  await new Promise((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
    setTimeout(() => reject(new Error('close timed out')), TIMEOUT_MS);
  });
}
