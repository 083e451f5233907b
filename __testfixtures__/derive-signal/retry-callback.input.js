const retry = require('p-retry');

async function getJson(url, init) {
  return retry(async () => {
    const res = await fetch(url, { ...init, signal: AbortSignal.timeout(5000) });
    return res.json();
  });
}

module.exports = { getJson };
