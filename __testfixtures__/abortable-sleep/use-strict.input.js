'use strict';

const os = require('os');

module.exports.idle = async function idle(signal) {
  await new Promise((resolve) => setTimeout(resolve, os.cpus().length));
};
