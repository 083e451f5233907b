'use strict';

const { request } = require('node:https');

function call(host, path, done) {
  const req = request({ host, path, timeout: 1500, signal: AbortSignal.timeout(1500) }, done);
  req.end();
}

module.exports = { call };
