'use strict';
const x = require('./x');
const fs = require('fs');

async function f(signal) {
  await new Promise((resolve) => setTimeout(resolve, 500));
  fs.x(x);
}
module.exports = f;
