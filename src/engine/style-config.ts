import { readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { CodeStyle } from '../types.ts';
import { readBiomeStyle, readEditorconfig, readPrettierStyle, type EditorconfigFile, type StyleRead } from './style-readers.ts';

/**
 * Formatter config files, in the order Prettier looks for them in one directory; Biome's first,
 * whose formatter also owns the directory's JavaScript when both are there (a repository keeps a
 * Prettier config beside Biome's for its Markdown or YAML).
 */
export const CONFIG_FILES = [
  'biome.json',
  'biome.jsonc',
  'package.json',
  '.prettierrc',
  '.prettierrc.json',
  '.prettierrc.yaml',
  '.prettierrc.yml',
  '.prettierrc.json5',
  '.prettierrc.js',
  '.prettierrc.mjs',
  '.prettierrc.cjs',
  'prettier.config.js',
  'prettier.config.mjs',
  'prettier.config.cjs',
  '.prettierrc.ts',
  '.prettierrc.mts',
  '.prettierrc.cts',
  'prettier.config.ts',
  'prettier.config.mts',
  'prettier.config.cts',
  '.prettierrc.toml',
] as const;

/** What one directory contributes: its formatter config (if any) and its `.editorconfig` (if any). */
interface DirectoryStyle {
  readonly formatter?: FormatterConfig;
  readonly editorconfig?: EditorconfigFile;
}

export interface FormatterConfig {
  readonly formatter: 'biome' | 'prettier';
  readonly path: string;
  /** Undefined when the file could not be read; `note` says why. */
  readonly read?: StyleRead;
  readonly note?: string;
}

/** Per-directory answers of one run, and for each file under a config that could not be read, why. */
export interface StyleCache {
  readonly directories: Map<string, DirectoryStyle>;
  readonly notes: Map<string, string>;
}

export function createStyleCache(): StyleCache {
  return { directories: new Map(), notes: new Map() };
}

/**
 * The style the repository configures for new code in this file: the nearest formatter config
 * (Biome's or Prettier's, looked up from the file's directory upward as the formatters do), its
 * `overrides` for this file applied, with what `.editorconfig` says (nearest section wins, up to
 * `root = true`) for what the formatter config leaves open, as Prettier reads it too. Undefined
 * without any config. A config that cannot be read without running it (a JS config that is
 * not one object literal, a YAML file with nesting) stops the search and is named in the cache's
 * notes: a farther config is not the one the formatter uses.
 */
export function getStyleForFile(absolutePath: string, cache: StyleCache): CodeStyle | undefined {
  let formatter: FormatterConfig | undefined;
  const editorconfigs: EditorconfigFile[] = [];
  let editorconfigRoot = false;
  for (let dir = dirname(absolutePath); ; dir = dirname(dir)) {
    const found = getDirectoryStyle(dir, cache);
    formatter ??= found.formatter;
    if (found.editorconfig && !editorconfigRoot) {
      editorconfigs.push(found.editorconfig);
      editorconfigRoot = found.editorconfig.root;
    }
    if ((formatter && editorconfigRoot) || dirname(dir) === dir) break;
  }
  if (formatter?.note) cache.notes.set(absolutePath, formatter.note);
  const fromEditorconfig = getEditorconfigStyle(absolutePath, editorconfigs);
  const fromFormatter = formatter?.read ? applyOverrides(formatter.read, dirname(formatter.path), absolutePath) : undefined;
  if (!fromFormatter && !fromEditorconfig) return undefined;
  // The formatter's defaults stand where neither its config nor .editorconfig says otherwise.
  return { ...formatter?.read?.defaults, ...fromEditorconfig, ...fromFormatter };
}

/** The config of the formatter that owns the file: the nearest one above it, read or not. */
export function getFormatterConfig(absolutePath: string, cache: StyleCache): FormatterConfig | undefined {
  for (let dir = dirname(absolutePath); ; dir = dirname(dir)) {
    const { formatter } = getDirectoryStyle(dir, cache);
    if (formatter || dirname(dir) === dir) return formatter;
  }
}

function getDirectoryStyle(dir: string, cache: StyleCache): DirectoryStyle {
  const cached = cache.directories.get(dir);
  if (cached) return cached;
  let formatter: FormatterConfig | undefined;
  for (const name of CONFIG_FILES) {
    const path = join(dir, name);
    const text = readText(path);
    if (text === undefined) continue;
    const result = name.startsWith('biome') ? readBiomeStyle(text) : readPrettierStyle(text, name);
    // A package.json without a `prettier` key, a Biome config whose JavaScript formatter is off: no config here.
    if (result === 'none') continue;
    const kind = name.startsWith('biome') ? 'biome' : 'prettier';
    formatter = typeof result === 'string' ? { formatter: kind, path, note: `${path}: ${result}; new code follows the file's own style` } : { formatter: kind, path, read: result };
    break;
  }
  const editorconfigText = readText(join(dir, '.editorconfig'));
  const style: DirectoryStyle = {
    ...(formatter ? { formatter } : {}),
    ...(editorconfigText === undefined ? {} : { editorconfig: readEditorconfig(editorconfigText, dir) }),
  };
  cache.directories.set(dir, style);
  return style;
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * Prettier's `overrides`: each entry whose `files` match (and `excludeFiles` do not) adds its
 * options, later entries over earlier ones. A pattern without a slash matches the file's name
 * anywhere below the config, as Prettier matches them.
 */
function applyOverrides(read: StyleRead, configDir: string, absolutePath: string): CodeStyle {
  let style = read.style;
  const path = relative(configDir, absolutePath).split(sep).join('/');
  for (const override of read.overrides) {
    if (matchesAny(override.files, path) && !matchesAny(override.excludeFiles, path)) style = { ...style, ...override.style };
  }
  return style;
}

function matchesAny(patterns: readonly string[], path: string): boolean {
  return patterns.some((pattern) => picomatch(pattern, { dot: true, basename: !pattern.includes('/') })(path));
}

/**
 * The properties of the sections that match the file, nearest file last so that it wins; within
 * a file, later sections win. A section without a slash matches the name in any directory.
 */
function getEditorconfigStyle(absolutePath: string, files: readonly EditorconfigFile[]): CodeStyle | undefined {
  let style: CodeStyle | undefined;
  for (const file of [...files].reverse()) {
    const path = relative(file.dir, absolutePath).split(sep).join('/');
    for (const section of file.sections) {
      const pattern = section.glob.startsWith('/') ? section.glob.slice(1) : section.glob.includes('/') ? section.glob : `**/${section.glob}`;
      if (picomatch(pattern, { dot: true })(path)) style = { ...style, ...section.style };
    }
  }
  return style;
}
