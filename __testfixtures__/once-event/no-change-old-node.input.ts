export async function finished(child: ChildProcess, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    child.once('exit', resolve);
    child.once('error', reject);
  });
}

export async function drained(stream: Writable, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    stream.once('drain', resolve);
    stream.once('error', reject);
    setTimeout(() => reject(new Error('timeout')), 1000);
  });
}
