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

  it('does not count lines in comments', () => {
    expect(isSemicolonFree(`/**\n * @example\n *   const x = f();\n */\n${HEADER}`)).toBe(true);
    expect(isSemicolonFree(`${HEADER}/* a;\n  b; */ f()\n// c;\n`)).toBe(true);
    expect(isSemicolonFree(`${HEADER}/* a; */ f();\n`)).toBe(false);
  });

  it('takes only comments that start a line as comments', () => {
    expect(isSemicolonFree(`${HEADER}const glob = 'src/**/*.ts'\nlet d = 1;\n`)).toBe(false);
    expect(isSemicolonFree(`${HEADER}const text = \`\n/* not a comment\nlet d = 1;\n\`\n`)).toBe(false);
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

  it('keeps the semicolon before a line that continues an expression, also after a comment on it', () => {
    const source = `${HEADER}h()\n`;
    const beforeComment = `${HEADER}g(b);\n/* note */ [b].forEach(f)\n`;
    expect(matchSemicolonStyle(source, beforeComment)).toBe(beforeComment);
    const afterBlock = `${HEADER}g(b);\n/*\n * note\n */ [b].forEach(f)\n`;
    expect(matchSemicolonStyle(source, afterBlock)).toBe(afterBlock);
    const beforeOperator = `${HEADER}g(b);\n+b\n`;
    expect(matchSemicolonStyle(source, beforeOperator)).toBe(beforeOperator);
  });

  it('looks past block comments for the next line', () => {
    const source = `import a from 'a'\n\n/**\n * Docs.\n */\nexport const c = a()\nexport const d = c\n`;
    const output = `import a from 'a'\nimport b from 'b';\n\n/**\n * Docs.\n */\nexport const c = a()\nexport const d = c\n`;
    expect(matchSemicolonStyle(source, output)).toBe(`import a from 'a'\nimport b from 'b'\n\n/**\n * Docs.\n */\nexport const c = a()\nexport const d = c\n`);
    const guarded = `${HEADER}g(b);\n/* note */\n[b].forEach(f)\n`;
    expect(matchSemicolonStyle(`${HEADER}h()\n`, guarded)).toBe(`${HEADER}g(b)\n/* note */\n;[b].forEach(f)\n`);
  });

  it('keeps the semicolon before a block comment that never closes', () => {
    const output = `${HEADER}g(b);\n/* note\n[b].forEach(f)\n`;
    expect(matchSemicolonStyle(`${HEADER}h()\n`, output)).toBe(output);
  });

  it('leaves the text of comment lines alone', () => {
    const source = `${HEADER}h()\n`;
    const output = `${HEADER}/**\n * @example\n *   g(b);\n */\ng(b);\n`;
    expect(matchSemicolonStyle(source, output)).toBe(`${HEADER}/**\n * @example\n *   g(b);\n */\ng(b)\n`);
    const lineComment = `${HEADER}// like g(b);\ng(b);\n`;
    expect(matchSemicolonStyle(source, lineComment)).toBe(`${HEADER}// like g(b);\ng(b)\n`);
  });
});
