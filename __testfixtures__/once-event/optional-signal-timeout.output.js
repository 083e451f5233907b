const net = require('node:net');
const { once } = require('node:events');

async function connect(port, signal) {
  const socket = net.connect(port);
  await once(socket, 'connect', { signal: signal ? AbortSignal.any([signal, AbortSignal.timeout(CONNECT_TIMEOUT)]) : AbortSignal.timeout(CONNECT_TIMEOUT) });
  return socket;
}

module.exports = { connect };
