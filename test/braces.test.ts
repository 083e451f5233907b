import { describe, expect, it } from 'vitest';
import { isTightBraces, matchBraceSpacing } from '../src/engine/braces.ts';

const TIGHT_FILE = "import {a} from 'a';\nconst {b} = a;\nexport {b};\n";

describe('isTightBraces', () => {
  it('needs the style written a few times, not once', () => {
    expect(isTightBraces(TIGHT_FILE)).toBe(true);
    expect(isTightBraces("import {a} from 'a';\nconst { b } = a;\n")).toBe(false);
  });

  it('does not count template placeholders', () => {
    expect(isTightBraces('const s = `${a}${b}${c}${d}`;\n')).toBe(false);
  });

  it('lets a spaced majority win', () => {
    expect(isTightBraces(`${TIGHT_FILE}const { c } = a;\nconst { d } = a;\n`)).toBe(false);
  });
});

describe('matchBraceSpacing', () => {
  it('tightens only what an edit inserted', () => {
    const source = `${TIGHT_FILE}f(x, { y: '{ z }' });\ng(x);\n`;
    const output = `${TIGHT_FILE}f(x, { y: '{ z }' });\ng(x, { signal, label: '{ q }' });\n`;
    expect(matchBraceSpacing(source, output)).toBe(`${TIGHT_FILE}f(x, { y: '{ z }' });\ng(x, {signal, label: '{ q }'});\n`);
  });

  it('takes both braces of a pair the character diff split', () => {
    const source = `${TIGHT_FILE}await new Promise((r) => {\n  e.once('x', r);\n});\n`;
    const output = `${TIGHT_FILE}await once(e, 'x', { signal });\n`;
    expect(matchBraceSpacing(source, output)).toBe(`${TIGHT_FILE}await once(e, 'x', {signal});\n`);
  });

  it('leaves a spaced file alone', () => {
    const source = "import { a } from 'a';\ng(x);\n";
    const output = "import { a } from 'a';\ng(x, { signal });\n";
    expect(matchBraceSpacing(source, output)).toBe(output);
  });
});

describe('isTightBraces in JSX', () => {
  it('does not take expression containers for the style', () => {
    const source = "import { useState } from 'react';\n\nexport const A = ({ title }) => (\n  <div id={title}>\n    {title}\n    <b>{title}</b><i>{title}</i>\n  </div>\n);\n";
    expect(isTightBraces(source)).toBe(false);
  });
});
