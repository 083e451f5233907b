const got = require('got');

async function fetchJson(url, signal) {
  return got(url, { timeout: 5000, responseType: 'json' });
}

module.exports = { fetchJson };
