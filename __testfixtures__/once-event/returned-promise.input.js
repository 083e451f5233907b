const { EventEmitter } = require('events');

function waitReady(server, options) {
  if (options.signal) log('waiting');
  return new Promise(function (resolve, reject) {
    server.once('listening', resolve);
    server.once('error', reject);
  });
}

module.exports = { waitReady };
