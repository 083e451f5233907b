'use strict';

const fs = require('node:fs');
const { readFile } = fs.promises;
const fsp = fs.promises;

async function readBoth(a, b, signal) {
  return Promise.all([readFile(a, 'utf8'), fsp.readFile(b)]);
}

module.exports = { readBoth };
