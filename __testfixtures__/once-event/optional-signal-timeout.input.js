const net = require('node:net');

async function connect(port, signal) {
  const socket = net.connect(port);
  await new Promise((resolve, reject) => {
    socket.on('connect', resolve);
    socket.on('error', reject);
    setTimeout(() => {
      reject(new Error('connect timeout'));
    }, CONNECT_TIMEOUT);
  });
  return socket;
}

module.exports = { connect };
