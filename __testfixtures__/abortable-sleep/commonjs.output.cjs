'use strict';

const fs = require('node:fs');
const { setTimeout: sleep } = require('node:timers/promises');

async function waitForLock(path, signal) {
  while (fs.existsSync(path)) {
    await sleep(50, undefined, { signal });
  }
}

module.exports = { waitForLock };
