export async function withDeadline(url: string) {
  const deadline = AbortSignal.timeout(5_000);
  const signal = AbortSignal.any([deadline]);
  return fetch(url, { signal });
}

export async function asserted(url: string, parent: unknown) {
  const linkedSignal = AbortSignal.any([parent as AbortSignal]);
  return fetch(url, { signal: linkedSignal });
}

export async function combined(url: string, a: AbortSignal, b: AbortSignal) {
  const either = AbortSignal.any([a, b]);
  const linkedSignal2 = AbortSignal.any([either]);
  return fetch(url, { signal: linkedSignal2 });
}

export async function typedOption(url: string, options: { cancel: AbortSignal }) {
  const linkedSignal3 = AbortSignal.any([options.cancel]);
  return fetch(url, { signal: linkedSignal3 });
}

export class Worker {
  constructor(private readonly shutdown: AbortSignal) {}

  async run(url: string) {
    const linkedSignal4 = AbortSignal.any([this.shutdown]);
    return fetch(url, { signal: linkedSignal4 });
  }
}

export async function capture(url: string, parent: AbortSignal, other: AbortSignal) {
  const linkedSignal5 = AbortSignal.any([parent, other]);
  return fetch(url, { signal: linkedSignal5 });
}
