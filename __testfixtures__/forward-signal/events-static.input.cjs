const { EventEmitter } = require('node:events');
const events = require('events');

async function firstMessage(socket, signal) {
  await events.once(socket, 'open');
  const [message] = await EventEmitter.once(socket, 'message');
  return message;
}

module.exports = { firstMessage };
