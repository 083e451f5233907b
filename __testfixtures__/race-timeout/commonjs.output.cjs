const { execFile } = require('node:child_process');
const util = require('node:util');

const run = util.promisify(execFile);

async function version() {
  const timeoutSignal = 'taken';
  const timeoutSignal2 = AbortSignal.timeout(2000);
  await fetch('https://example.com/health', { signal: timeoutSignal2 }).catch((error) => {
    throw timeoutSignal2.aborted ? new Error('health check timed out') : error;
  });
  return run('node', ['--version']);
}

module.exports = { version };
