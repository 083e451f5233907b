import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse as babelParse } from '@babel/parser';
import { isNodeModule, NODE_GLOBALS } from '../ast/is-browser-only.ts';
import { getOxcFileName, loadOxc } from './oxc.ts';

type Node = any;

/**
 * Where a package's own source lives: everything below its directory but what it does not ship
 * or does not run in its users' programs (dependencies, build output, tests, examples, scripts,
 * benchmarks, fixtures, docs, dot-directories), and nested packages, which have their own scope.
 */
const SKIPPED_DIRECTORIES = new Set([
  'node_modules',
  'dist',
  'build',
  'out',
  'coverage',
  'test',
  'tests',
  '__tests__',
  'e2e',
  'example',
  'examples',
  'script',
  'scripts',
  'bench',
  'benchmark',
  'benchmarks',
  'fixtures',
  '__fixtures__',
  '__testfixtures__',
  'docs',
]);
const SOURCE_FILE = /\.(?:[cm]?[jt]s|[jt]sx)$/;
/** Tests, tool configs (`vitest.config.ts`, `eslint.config.mjs`) and declarations. */
const NOT_SOURCE_FILE = /\.(?:test|spec|config)\.[^.]+$|\.d\.[cm]?ts$/;
/** Beyond this many files the scan gives up: the package does not prove it uses nothing of Node. */
const MAX_FILES = 2000;

/**
 * The first sign that a package's own source runs on Node: a value import, export-from,
 * `import x = require()`, `require()` or `import()` of a Node built-in, or a `process`, `Buffer`,
 * `__dirname` or `__filename` that is neither a property, a type nor probed with `typeof` in its
 * file. Undefined when there is none; a string naming the file and the use otherwise (also when
 * a file does not parse or there are too many files to read: the package proves nothing then).
 */
export function findNodeUse(packageDir: string): string | undefined {
  const files: string[] = [];
  if (!collectSourceFiles(packageDir, packageDir, files)) return `more than ${MAX_FILES} source files`;
  const parse = getParser();
  for (const file of files) {
    const name = relative(packageDir, file).split('\\').join('/');
    let program: Node;
    try {
      program = parse(file, readFileSync(file, 'utf8'));
    } catch {
      return `${name} does not parse`;
    }
    const use = findNodeUseInProgram(program);
    if (use !== undefined) return `${name} ${use}`;
  }
  return undefined;
}

function collectSourceFiles(root: string, dir: string, files: string[]): boolean {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return true;
  }
  if (dir !== root && entries.some((entry) => entry.name === 'package.json' && entry.isFile())) return true;
  for (const entry of entries) {
    if (entry.name.startsWith('.')) continue;
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (SKIPPED_DIRECTORIES.has(entry.name)) continue;
      if (!collectSourceFiles(root, path, files)) return false;
    } else if (entry.isFile() && SOURCE_FILE.test(entry.name) && !NOT_SOURCE_FILE.test(entry.name)) {
      files.push(path);
      if (files.length > MAX_FILES) return false;
    }
  }
  return true;
}

type Parse = (path: string, text: string) => Node;

let parser: Parse | undefined;

/** oxc (native, the pre-scan's parser) when it loads here, else Babel. */
function getParser(): Parse {
  if (parser) return parser;
  const parseSync = loadOxc();
  parser = parseSync
    ? (path, text) => {
        const result = parseSync(getOxcFileName(path), text, { sourceType: 'unambiguous' });
        if (result.errors.length > 0) throw new Error('parse error');
        return result.program;
      }
    : (path, text) =>
        babelParse(text, {
          sourceType: 'unambiguous',
          errorRecovery: false,
          plugins: /\.[cm]?tsx?$/.test(path) ? ['typescript', ...(path.endsWith('x') ? (['jsx'] as const) : [])] : ['jsx'],
        }).program;
  return parser;
}

/** Keys that hold types only: the build erases them. */
const TYPE_KEYS = new Set(['typeAnnotation', 'returnType', 'typeParameters', 'typeArguments', 'superTypeParameters', 'superTypeArguments', 'implements']);
/** Declarations that are types only, or ambient (`declare`), which load nothing. */
const TYPE_DECLARATIONS = new Set(['TSInterfaceDeclaration', 'TSTypeAliasDeclaration', 'TSDeclareFunction', 'TSImportType']);

export function findNodeUseInProgram(program: Node): string | undefined {
  const probed = new Set<string>();
  const globals: string[] = [];
  let found: string | undefined;
  const visit = (node: Node, parent: Node, key: string): void => {
    if (found !== undefined || !node || typeof node.type !== 'string') return;
    if (TYPE_DECLARATIONS.has(node.type) || node.declare === true) return;
    found = getModuleUse(node);
    if (found !== undefined) return;
    if (node.type === 'UnaryExpression' && node.operator === 'typeof' && node.argument?.type === 'Identifier') probed.add(node.argument.name);
    if (node.type === 'Identifier' && NODE_GLOBALS.has(node.name) && isReference(parent, key)) globals.push(node.name);
    for (const [childKey, value] of Object.entries(node)) {
      if (childKey === 'parent' || TYPE_KEYS.has(childKey) || !value || typeof value !== 'object') continue;
      if (Array.isArray(value)) for (const item of value) visit(item, node, childKey);
      else visit(value, node, childKey);
    }
  };
  visit(program, undefined, '');
  if (found !== undefined) return found;
  const global = globals.find((name) => !probed.has(name));
  return global === undefined ? undefined : `uses ${global}`;
}

/** `foo.process`, `{ process: 1 }`, `class { process() {} }`: names, not the global. */
function isReference(parent: Node, key: string): boolean {
  if (!parent) return true;
  if ((parent.type === 'MemberExpression' || parent.type === 'OptionalMemberExpression') && key === 'property') return parent.computed === true;
  if (['Property', 'ObjectProperty', 'MethodDefinition', 'PropertyDefinition', 'ClassProperty', 'ClassMethod', 'ObjectMethod', 'TSPropertySignature'].includes(parent.type) && key === 'key') {
    return parent.computed === true;
  }
  return !['ImportSpecifier', 'ExportSpecifier', 'LabeledStatement', 'BreakStatement', 'ContinueStatement'].includes(parent.type);
}

function getModuleUse(node: Node): string | undefined {
  const specifier = getLoadedModule(node);
  return specifier !== undefined && isNodeModule(specifier) ? `loads ${specifier}` : undefined;
}

/** The module a node loads at run time: type-only imports and exports load nothing. */
function getLoadedModule(node: Node): string | undefined {
  switch (node.type) {
    case 'ImportDeclaration': {
      if (node.importKind === 'type' || node.importKind === 'typeof') return undefined;
      const specifiers: Node[] = node.specifiers ?? [];
      if (specifiers.length > 0 && specifiers.every((specifier) => specifier.importKind === 'type' || specifier.importKind === 'typeof')) return undefined;
      return node.source?.value;
    }
    case 'ExportNamedDeclaration':
    case 'ExportAllDeclaration': {
      if (!node.source || node.exportKind === 'type') return undefined;
      const specifiers: Node[] = node.specifiers ?? [];
      if (specifiers.length > 0 && specifiers.every((specifier) => specifier.exportKind === 'type')) return undefined;
      return node.source.value;
    }
    case 'TSImportEqualsDeclaration':
      return node.importKind === 'type' ? undefined : node.moduleReference?.expression?.value;
    case 'ImportExpression':
      return getStringValue(node.source);
    case 'CallExpression':
      if (node.callee?.type === 'Import') return getStringValue(node.arguments?.[0]);
      if (node.callee?.type === 'Identifier' && node.callee.name === 'require') return getStringValue(node.arguments?.[0]);
      return undefined;
    default:
      return undefined;
  }
}

function getStringValue(node: Node): string | undefined {
  if (node?.type === 'Literal' || node?.type === 'StringLiteral') return typeof node.value === 'string' ? node.value : undefined;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value?.cooked;
  return undefined;
}
