const { EventEmitter } = require('node:events');
const events = require('events');

async function firstMessage(socket, signal) {
  await events.once(socket, 'open', { signal });
  const [message] = await EventEmitter.once(socket, 'message', { signal });
  return message;
}

module.exports = { firstMessage };
