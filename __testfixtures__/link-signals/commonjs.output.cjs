'use strict';
const { request } = require('node:https');

function get(url, options) {
  const signal = AbortSignal.any([options.signal]);
  return request(url, { signal });
}

module.exports = { get };
