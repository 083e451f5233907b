const fetch = require('node-fetch');

async function poll(urls) {
  const controller = new AbortController();
  // Give up on the whole batch after a minute.
  setTimeout(function () {
    controller.abort();
  }, 60_000);
  const results = await Promise.all(urls.map((url) => fetch(url, { signal: controller.signal })));
  return results.map((response) => response.status);
}

function watch(emitter) {
  var controller = new AbortController();
  var timer = setTimeout(() => controller.abort(), 1000);
  emitter.on('data', (chunk) => {
    if (!controller.signal.aborted) handle(chunk);
  });
  return waitFor(emitter, controller.signal);
}

function watchUntilData(emitter) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 1000);
  emitter.once('data', () => clearTimeout(timer));
  return waitFor(emitter, controller.signal);
}

module.exports = { poll, watch, watchUntilData };
