// The file-reading and worker floor of the jscodeshift CLI: no parse, no change.
module.exports = function noParse() {
  return undefined;
};
