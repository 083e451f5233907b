'use strict';
const { request } = require('node:https');

function get(url, options) {
  const controller = new AbortController();
  options.signal.addEventListener('abort', function () {
    controller.abort();
  });
  return request(url, { signal: controller.signal });
}

module.exports = { get };
