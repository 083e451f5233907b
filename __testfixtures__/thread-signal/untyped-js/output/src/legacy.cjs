const got = require('got');
const { readFile } = require('fs').promises;

async function fetchStatus(url, signal) {
  return got.get(url, { signal }).json();
}

async function readLog(path, signal) {
  return readFile(path, { signal });
}

module.exports = async function check(url, signal) {
  await readLog('/var/log/status.log', signal);
  return fetchStatus(url, signal);
};
