import JSON5 from 'json5';
import type { CodeStyle } from '../types.ts';
import { ConfigNotLiteralError, NOT_LITERAL, readConfigObject } from './js-config.ts';

/** A formatter config: the formatter's defaults, what the file sets, and its per-file overrides. */
export interface StyleRead {
  readonly defaults: CodeStyle;
  readonly style: CodeStyle;
  readonly overrides: readonly { readonly files: readonly string[]; readonly excludeFiles: readonly string[]; readonly style: CodeStyle }[];
}

export interface EditorconfigFile {
  readonly dir: string;
  readonly root: boolean;
  readonly sections: readonly { readonly glob: string; readonly style: CodeStyle }[];
}

/** `none`: the file holds no config for JavaScript (package.json without `prettier`). A string: why it could not be read. */
export type ReadResult = StyleRead | 'none' | string;

const PRETTIER_DEFAULTS: CodeStyle = { quote: 'double', semicolons: true, useTabs: false, indentWidth: 2, arrowParens: 'always' };
const BIOME_DEFAULTS: CodeStyle = {
  quote: 'double',
  semicolons: true,
  useTabs: true,
  indentWidth: 2,
  arrowParens: 'always',
};

/** A config that cannot be read as data, with the reason. */
class Unreadable extends Error {}

export function readPrettierStyle(text: string, name: string): ReadResult {
  try {
    let config: unknown;
    if (name === 'package.json') {
      config = (JSON.parse(text) as { prettier?: unknown } | null)?.prettier;
      if (config === undefined) return 'none';
    } else if (name === '.prettierrc.toml') {
      throw new Unreadable('a TOML config, which ctxmod does not read');
    } else if (/\.[cm]?[jt]s$/.test(name)) {
      config = readConfigObject(text, name);
    } else if (name.endsWith('.yaml') || name.endsWith('.yml')) {
      config = readFlatYaml(text);
    } else {
      // `.prettierrc` is JSON or YAML.
      config = name === '.prettierrc' && !/^\s*\{/.test(text) ? readFlatYaml(text) : JSON5.parse(text);
    }
    if (typeof config === 'string') throw new Unreadable(`it names a shared config (${config}), which ctxmod does not load`);
    if (!isRecord(config)) throw new Unreadable('not an object of options');
    const overrides = Array.isArray(config.overrides) ? config.overrides : [];
    if (!overrides.every(isRecord) || overrides.some((override) => PRETTIER_KEYS.some((key) => override[key] === NOT_LITERAL))) throw new ConfigNotLiteralError();
    return {
      defaults: PRETTIER_DEFAULTS,
      style: getPrettierOptions(config),
      overrides: overrides.map((override) => ({
        files: toList(override.files),
        excludeFiles: toList(override.excludeFiles),
        style: isRecord(override.options) ? getPrettierOptions(override.options) : {},
      })),
    };
  } catch (error) {
    return getReason(error);
  }
}

const PRETTIER_KEYS = ['singleQuote', 'semi', 'useTabs', 'tabWidth', 'arrowParens', 'files', 'excludeFiles', 'options'];

function getPrettierOptions(options: Record<string, unknown>): CodeStyle {
  if (PRETTIER_KEYS.some((key) => options[key] === NOT_LITERAL)) throw new ConfigNotLiteralError();
  const { singleQuote, semi, useTabs, tabWidth, arrowParens } = options;
  return {
    ...(typeof singleQuote === 'boolean' ? { quote: singleQuote ? 'single' : 'double' } : {}),
    ...(typeof semi === 'boolean' ? { semicolons: semi } : {}),
    ...(typeof useTabs === 'boolean' ? { useTabs } : {}),
    ...(isWidth(tabWidth) ? { indentWidth: tabWidth } : {}),
    ...(arrowParens === 'always' || arrowParens === 'avoid' ? { arrowParens } : {}),
  };
}

/**
 * biome.json(c): `formatter` for every language, `javascript.formatter` over it. `none` when
 * the formatter is turned off for JavaScript.
 */
export function readBiomeStyle(text: string): ReadResult {
  try {
    const config = JSON5.parse(text) as unknown;
    if (!isRecord(config)) throw new Unreadable('not an object');
    const general = isRecord(config.formatter) ? config.formatter : {};
    const javascript = isRecord(config.javascript) && isRecord(config.javascript.formatter) ? config.javascript.formatter : {};
    if (general.enabled === false || javascript.enabled === false) return 'none';
    return { defaults: BIOME_DEFAULTS, style: { ...getBiomeOptions(general), ...getBiomeOptions(javascript) }, overrides: [] };
  } catch (error) {
    return getReason(error);
  }
}

function getBiomeOptions(options: Record<string, unknown>): CodeStyle {
  const { indentStyle, indentWidth, quoteStyle, semicolons, arrowParentheses } = options;
  return {
    ...(indentStyle === 'tab' || indentStyle === 'space' ? { useTabs: indentStyle === 'tab' } : {}),
    ...(isWidth(indentWidth) ? { indentWidth } : {}),
    ...(quoteStyle === 'single' || quoteStyle === 'double' ? { quote: quoteStyle } : {}),
    ...(semicolons === 'always' || semicolons === 'asNeeded' ? { semicolons: semicolons === 'always' } : {}),
    ...(arrowParentheses === 'always' || arrowParentheses === 'asNeeded' ? { arrowParens: arrowParentheses === 'always' ? 'always' : 'avoid' } : {}),
  };
}

/**
 * `.editorconfig`: `root = true` before the first section, then `[glob]` sections of
 * `key = value`; `#` and `;` start comments. Only the keys that say how code is laid out are kept.
 */
export function readEditorconfig(text: string, dir: string): EditorconfigFile {
  let root = false;
  const sections: { glob: string; style: CodeStyle }[] = [];
  let current: { glob: string; style: CodeStyle } | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const section = /^\[(.+)\]$/.exec(line);
    if (section) {
      current = { glob: section[1] as string, style: {} };
      sections.push(current);
      continue;
    }
    const pair = /^([^=:]+?)\s*[=:]\s*(.*)$/.exec(line);
    if (!pair) continue;
    const key = (pair[1] as string).toLowerCase();
    const value = (pair[2] as string).replace(/\s+[#;].*$/, '').toLowerCase();
    if (!current) {
      if (key === 'root') root = value === 'true';
      continue;
    }
    current.style = { ...current.style, ...getEditorconfigOption(key, value, current.style) };
  }
  return { dir, root, sections };
}

function getEditorconfigOption(key: string, value: string, style: CodeStyle): CodeStyle {
  const number = /^\d+$/.test(value) ? Number(value) : undefined;
  switch (key) {
    case 'indent_style':
      return value === 'tab' || value === 'space' ? { useTabs: value === 'tab' } : {};
    case 'indent_size':
      // `tab`: the tab width says it; an indent size set before wins over tab_width.
      return number ? { indentWidth: number } : {};
    case 'tab_width':
      return number && style.indentWidth === undefined ? { indentWidth: number } : {};
    default:
      return {};
  }
}

/**
 * A YAML config of top-level `key: value` lines, as nearly every `.prettierrc.yaml` is. Anything
 * nested (an `overrides` list) is refused rather than half read.
 */
function readFlatYaml(text: string): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(raw) || raw.trim() === '---') continue;
    const pair = /^([A-Za-z][\w-]*)\s*:\s*(.*?)\s*$/.exec(raw);
    const value = pair?.[2]?.replace(/\s+#.*$/, '');
    if (!pair || !value) throw new Unreadable('YAML with nesting, which ctxmod does not read');
    config[pair[1] as string] = getYamlScalar(value);
  }
  return config;
}

function getYamlScalar(value: string): unknown {
  if (value === 'true' || value === 'false') return value === 'true';
  if (/^\d+$/.test(value)) return Number(value);
  const quoted = /^(['"])(.*)\1$/.exec(value);
  return quoted ? quoted[2] : value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isWidth(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function toList(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function getReason(error: unknown): string {
  if (error instanceof Unreadable || error instanceof ConfigNotLiteralError) return error.message;
  return `cannot be parsed (${error instanceof Error ? error.message : String(error)})`;
}
