'use strict';

const fs = require('node:fs');

async function waitForLock(path, signal) {
  while (fs.existsSync(path)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

module.exports = { waitForLock };
