const fs = require('fs');

function load(path, signal, done) {
  fs.readFile(path, { signal }, (err, data) => done(err, data));
  fs.readFile(path, { encoding: 'utf8', signal }, (err, text) => done(err, text));
}

module.exports = { load };
