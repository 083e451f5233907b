const { request } = require('./transport');

// The caller's signal in options.signal is overwritten by the default deadline.
async function send(options) {
  options.signal = AbortSignal.timeout(options.timeout ?? 10_000);
  return request(options);
}

module.exports = { send };
