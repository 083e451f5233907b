const fetch = require('node-fetch');

async function poll(urls) {
  // Give up on the whole batch after a minute.
  const signal = AbortSignal.timeout(60_000);
  const results = await Promise.all(urls.map((url) => fetch(url, { signal })));
  return results.map((response) => response.status);
}

function watch(emitter) {
  var signal = AbortSignal.timeout(1000);
  emitter.on('data', (chunk) => {
    if (!signal.aborted) handle(chunk);
  });
  return waitFor(emitter, signal);
}

function watchUntilData(emitter) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1000);
  emitter.once('data', () => clearTimeout(timer));
  return waitFor(emitter, controller.signal);
}

module.exports = { poll, watch, watchUntilData };
