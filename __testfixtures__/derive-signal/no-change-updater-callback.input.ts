interface RequestOptions {
  signal?: AbortSignal;
  timeout?: number;
}

declare const runner: { setRequestOptions(update: (prev: RequestOptions | undefined) => RequestOptions): void };

// The callback gets the previous options and returns their replacement: the new signal is meant to
// replace the previous one, which may have aborted already.
export function restart() {
  const controller = new AbortController();
  runner.setRequestOptions((prev) => ({ ...prev, signal: controller.signal }));
  return controller;
}

export function extend() {
  runner.setRequestOptions(function (prev) {
    return { ...prev, signal: AbortSignal.timeout(30_000) };
  });
}
