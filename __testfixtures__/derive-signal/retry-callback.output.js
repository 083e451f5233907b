const retry = require('p-retry');

async function getJson(url, init) {
  return retry(async () => {
    const res = await fetch(url, { ...init, signal: init?.signal ? AbortSignal.any([init?.signal, AbortSignal.timeout(5000)]) : AbortSignal.timeout(5000) });
    return res.json();
  });
}

module.exports = { getJson };
