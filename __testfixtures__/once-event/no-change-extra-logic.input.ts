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
