/**
 * ctxmod's fixes to recast and ast-types (src/engine/library-patches.ts) patch prototypes every
 * user of those modules shares. Another recast/jscodeshift user in the same process must see the
 * libraries as they are: its output is compared with a process that never loaded ctxmod.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.ts';

/** Prints what recast's needsParens and ast-types' scope scan decide, as another tool would use them. */
const OTHER_USER = `
import recast from 'recast';
import jscodeshift from 'jscodeshift';
const b = recast.types.builders;
const id = (name) => b.identifier(name);
const out = {};
out.spread = recast.print(b.arrayExpression([b.spreadElement(b.conditionalExpression(id('a'), id('b'), id('c')))])).code;
out.notAwait = recast.print(b.unaryExpression('!', b.awaitExpression(id('x')))).code;
out.awaitOr = recast.print(b.logicalExpression('||', b.awaitExpression(id('a')), id('b'))).code;
out.throwSequence = recast.print(b.throwStatement(b.sequenceExpression([id('a'), id('b')]))).code;
const j = jscodeshift.withParser('tsx');
out.jscodeshift = j('async function f(xs) {\\n  g([...xs]);\\n}\\n')
  .find(j.SpreadElement)
  .forEach((path) => { path.node.argument = j.awaitExpression(id('xs')); })
  .toSource();
try {
  j('try {} catch {\\n  let y = 1;\\n}\\n').find(j.VariableDeclarator).get().scope.lookup('y');
  out.bindinglessCatch = 'looked up';
} catch (error) {
  out.bindinglessCatch = error.message;
}
console.log(JSON.stringify(out));
`;

/** ctxmod runs first (printing and scope lookups, so every patch is installed), then the other user. */
const WITH_CTXMOD = `
import { transformSources } from './dist/src/index.js';
const { files } = transformSources({
  files: { 'a.ts': 'export async function f(signal: AbortSignal, xs: number[]) {\\n  try { g([...(await h())]); } catch { }\\n  await new Promise((r) => setTimeout(r, 10));\\n}\\n' },
});
if (files[0].status !== 'changed') throw new Error('ctxmod did not print: ' + JSON.stringify(files));
${OTHER_USER}`;

function runModule(source: string): string {
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', source], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return result.stdout;
}

describe('library patches', () => {
  it('leave recast and jscodeshift as they are for other users in the process', () => {
    const reference = runModule(OTHER_USER);
    // The reference is recast's own behaviour, which ctxmod's fixes differ from.
    expect(JSON.parse(reference)).toMatchObject({ spread: '[...(a ? b : c)]', notAwait: '!(await x)', throwSequence: 'throw (a, b);' });
    expect(runModule(WITH_CTXMOD)).toBe(reference);
  });
});
