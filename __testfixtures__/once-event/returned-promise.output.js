const { EventEmitter } = require('events');
const { once } = require('node:events');

function waitReady(server, options) {
  if (options.signal) log('waiting');
  return once(server, 'listening', { signal: options?.signal }).then(([value]) => value);
}

module.exports = { waitReady };
