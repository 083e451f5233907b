const http = require('http');

exports.alone = (url) => http.get(url, { timeout: 2000 });
