const { execFile } = require('node:child_process');
const util = require('node:util');

const run = util.promisify(execFile);

async function version() {
  const timeoutSignal = 'taken';
  await Promise.race([fetch('https://example.com/health'), new Promise(function (_, reject) {
    setTimeout(function () {
      reject(new Error('health check timed out'));
    }, 2000);
  })]);
  return run('node', ['--version']);
}

module.exports = { version };
