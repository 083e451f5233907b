const fs = require('fs');

function load(path, signal, done) {
  fs.readFile(path, (err, data) => done(err, data));
  fs.readFile(path, 'utf8', (err, text) => done(err, text));
}

module.exports = { load };
