interface CallOptions {
  signal?: AbortSignal;
}

// The bag itself may be undefined: its signal is read with ?.
export async function optionalBag(url: string, options?: CallOptions) {
  return fetch(url, { signal: options?.signal });
}

export async function nullableBag(url: string, opts: CallOptions | undefined) {
  return fetch(url, { signal: opts?.signal });
}

// A default or a required bag is always there.
export async function defaultBag(url: string, opts: CallOptions = {}) {
  return fetch(url, { signal: opts.signal });
}

export async function requiredBag(url: string, options: CallOptions) {
  return fetch(url, { signal: options.signal });
}
