import { describe, expect, it } from 'vitest';
import { isSemicolonFree, matchSemicolonStyle } from '../src/engine/semicolons.ts';

const HEADER = "import a from 'a'\nconst b = a()\nexport const c = b\n";

describe('isSemicolonFree', () => {
  it('is false as soon as one statement line ends in a semicolon', () => {
    expect(isSemicolonFree(HEADER)).toBe(true);
    expect(isSemicolonFree(`${HEADER}let d = 1;\n`)).toBe(false);
  });

  it('does not count for (;;) headers', () => {
    expect(isSemicolonFree(`${HEADER}for (;;) {\n  break\n}\n`)).toBe(true);
  });
});

describe('matchSemicolonStyle', () => {
  it('drops the semicolons of added lines only', () => {
    const source = `${HEADER}f()\n`;
    expect(matchSemicolonStyle(source, `${HEADER}f();\ng(b);\n`)).toBe(`${HEADER}f()\ng(b)\n`);
  });

  it("moves a needed semicolon in front of the next line, the file's guard style", () => {
    const source = `${HEADER};[b].forEach(f)\n`;
    const output = `${HEADER}signal.throwIfAborted();\n[b].forEach(f)\n`;
    expect(matchSemicolonStyle(source, output)).toBe(`${HEADER}signal.throwIfAborted()\n;[b].forEach(f)\n`);
  });

  it('looks past line comments for the next line', () => {
    const source = `${HEADER}// note\n;(async () => {})()\n`;
    const output = `${HEADER}g(b);\n// note\n;(async () => {})()\n`;
    expect(matchSemicolonStyle(source, output)).toBe(`${HEADER}g(b)\n// note\n;(async () => {})()\n`);
    const unguarded = `${HEADER}g(b);\n// note\n(async () => {})()\n`;
    expect(matchSemicolonStyle(source, unguarded)).toBe(`${HEADER}g(b)\n// note\n;(async () => {})()\n`);
  });

  it('keeps the semicolon before a block comment and before a line that continues an expression', () => {
    const source = `${HEADER}h()\n`;
    const beforeComment = `${HEADER}g(b);\n/* note */ [b].forEach(f)\n`;
    expect(matchSemicolonStyle(source, beforeComment)).toBe(beforeComment);
    const beforeOperator = `${HEADER}g(b);\n+b\n`;
    expect(matchSemicolonStyle(source, beforeOperator)).toBe(beforeOperator);
  });
});
