'use strict';

async function poll(check, signal) {
  while (!(await check())) {
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

module.exports = { poll };
