'use strict';
const x = require('./x');
const fs = require('fs');
const { setTimeout: sleep } = require('node:timers/promises');

async function f(signal) {
  await sleep(500, undefined, { signal });
  fs.x(x);
}
module.exports = f;
