export async function drained(stream: Writable, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    stream.once('drain', resolve);
    stream.once('error', reject);
  });
  await new Promise((resolve, reject) => {
    stream.once('close', resolve);
    stream.once('error', reject);
    setTimeout(() => reject(new Error('timeout')), 1000);
  });
}
