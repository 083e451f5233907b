'use strict';

const fs = require('node:fs');
const { readFile } = fs.promises;
const fsp = fs.promises;

async function readBoth(a, b, signal) {
  return Promise.all([readFile(a, { encoding: 'utf8', signal }), fsp.readFile(b, { signal })]);
}

module.exports = { readBoth };
