'use strict';

const { setTimeout: sleep } = require('node:timers/promises');

async function poll(check, signal) {
  while (!(await check())) {
    await sleep(250, undefined, { signal });
  }
}

module.exports = { poll };
