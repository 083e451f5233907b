export function makeSender(options: { signal?: AbortSignal }) {
  const urls = ['a', 'b'];
  for (const url of urls) {
    queue(() => {
      const attempt = { ...options, signal: AbortSignal.any([AbortSignal.timeout(500), ...(options.signal ? [options.signal] : [])]) };
      return fetch(url, attempt);
    });
  }
}

declare function queue(job: () => Promise<Response>): void;
