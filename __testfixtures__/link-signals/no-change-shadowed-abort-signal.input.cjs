const { AbortSignal } = require('./polyfills');

function link(signal) {
  const controller = new AbortController();
  signal.addEventListener('abort', () => controller.abort(), { once: true });
  return controller.signal;
}

module.exports = { link, AbortSignal };
