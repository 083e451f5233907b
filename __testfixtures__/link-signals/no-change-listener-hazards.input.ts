export async function generatorLink(url: string, parent: AbortSignal) {
  const controller = new AbortController();
  parent.addEventListener('abort', function* () {
    controller.abort();
  });
  return fetch(url, { signal: controller.signal });
}

export async function thisLink(url: string, parent: AbortSignal) {
  const controller = new AbortController();
  parent.addEventListener('abort', function () {
    controller.abort(this.reason);
  });
  return fetch(url, { signal: controller.signal });
}

export async function generatorListener(stream: Stream, signal: AbortSignal) {
  try {
    signal.addEventListener('abort', function* () {
      stream.destroy();
    });
    await stream.read();
  } finally {
    stream.close();
  }
}

export async function selfRemoving(stream: Stream, signal: AbortSignal) {
  try {
    signal.addEventListener('abort', function onAbort() {
      signal.removeEventListener('abort', onAbort);
      stream.destroy();
    });
    await stream.read();
  } finally {
    stream.close();
  }
}

export async function thisListener(stream: Stream, signal: AbortSignal) {
  try {
    signal.addEventListener('abort', function () {
      stream.destroy(this.reason);
    });
    await stream.read();
  } finally {
    stream.close();
  }
}
