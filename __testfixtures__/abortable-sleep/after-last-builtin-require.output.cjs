'use strict';
const x = require('./x');
const fs = require('fs');
const { setTimeout: sleep } = require('node:timers/promises');

async function f() {
  await sleep(500);
  fs.x(x);
}
module.exports = f;
