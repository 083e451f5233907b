const got = require('got');
const { readFile } = require('fs').promises;

async function fetchStatus(url) {
  return got.get(url).json();
}

async function readLog(path) {
  return readFile(path);
}

module.exports = async function check(url, signal) {
  await readLog('/var/log/status.log');
  return fetchStatus(url);
};
