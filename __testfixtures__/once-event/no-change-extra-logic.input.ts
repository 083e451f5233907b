export async function firstLine(rl: Interface, signal: AbortSignal) {
  return new Promise((resolve, reject) => {
    rl.once('line', resolve);
    rl.once('error', reject);
    rl.prompt();
  });
}

export async function fromTwo(a: Emitter, b: Emitter, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    a.once('done', resolve);
    b.once('error', reject);
  });
}

export async function flushed(stream: Writable, data: string, signal: AbortSignal) {
  await new Promise((resolve, reject) => {
    stream.once('finish', resolve);
    stream.once('error', reject);
    const ok = stream.end(data);
  });
}
