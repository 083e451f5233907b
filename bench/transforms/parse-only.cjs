// The floor of every jscodeshift codemod: parse each file, change nothing. The parser follows
// the extension (`tsx` for JSX files, `ts` otherwise), as a TypeScript codemod would set it.
module.exports = function parseOnly(file, api) {
  const j = /\.[jt]sx$/.test(file.path) ? api.jscodeshift.withParser('tsx') : api.jscodeshift.withParser('ts');
  j(file.source);
  return undefined;
};
