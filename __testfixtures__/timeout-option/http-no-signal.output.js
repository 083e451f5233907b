const http = require('node:http');
const https = require('https');

function ping(url, done) {
  http.get(url, { timeout: 5000, signal: AbortSignal.timeout(5000) }, (res) => done(null, res.statusCode));
}

function post(url, body, config) {
  const req = https.request(url, {
    method: 'POST',
    timeout: config.timeoutMs, // socket idle timeout
    signal: AbortSignal.timeout(config.timeoutMs),
  });
  req.on('timeout', () => req.destroy());
  req.end(body);
  return req;
}

module.exports = { ping, post };
