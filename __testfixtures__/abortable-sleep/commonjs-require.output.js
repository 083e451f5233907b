const path = require('path');
const { setTimeout: sleep } = require('node:timers/promises');

exports.settle = async function settle(dir) {
  await sleep(100);
  return path.resolve(dir);
};
