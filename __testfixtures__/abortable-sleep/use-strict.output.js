'use strict';

const os = require('os');
const { setTimeout: sleep } = require('node:timers/promises');

module.exports.idle = async function idle(signal) {
  await sleep(os.cpus().length, undefined, { signal });
};
