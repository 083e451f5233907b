export async function respond(body: Body, init: { signal?: AbortSignal }) {
  const stream = new PassThrough();
  (async () => {
    for await (const chunk of produce(body)) {
      stream.write(chunk);
    }
    stream.end();
  })();
  return stream;
}
