const path = require('path');

exports.settle = async function settle(dir, signal) {
  await new Promise(resolve => setTimeout(resolve, 100));
  return path.resolve(dir);
};
