const path = require('path');
const { setTimeout: sleep } = require('node:timers/promises');

exports.settle = async function settle(dir, signal) {
  await sleep(100, undefined, { signal });
  return path.resolve(dir);
};
