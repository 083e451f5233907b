import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Finding } from '../types.ts';
import { createStyleCache, getFormatterConfig } from './style-config.ts';

interface Formatter {
  readonly name: string;
  readonly packageName: string;
  /** The command its package's `bin` names. */
  readonly command: string;
  /** Arguments that make it read the text on stdin, format it as the file at `path`, and print it. */
  readonly args: (path: string) => string[];
}

const BIOME: Formatter = {
  name: 'Biome',
  packageName: '@biomejs/biome',
  command: 'biome',
  args: (path) => ['format', `--stdin-file-path=${path}`],
};

const PRETTIER: Formatter = {
  name: 'Prettier',
  packageName: 'prettier',
  command: 'prettier',
  args: (path) => ['--stdin-filepath', path],
};

/** A formatter run must not hang the run: a file takes far less. */
const TIMEOUT_MS = 60_000;

export type FormatResult = { readonly text: string; readonly formatter: string } | { readonly error: string };

/**
 * `text`, the new content of the file at `absolutePath`, formatted by the repository's own
 * Prettier or Biome: the one whose config is nearest above the file (Prettier when there is none),
 * resolved from the `node_modules` above the file, never ctxmod's own. This executes the
 * repository's code (the formatter and its plugins). The text goes through stdin, so the file on
 * disk is only ever written by ctxmod's atomic write, and a dry run shows the formatted result.
 */
export function formatWithRepositoryFormatter(absolutePath: string, text: string): FormatResult {
  const formatter = getFormatterConfig(absolutePath, createStyleCache())?.formatter === 'biome' ? BIOME : PRETTIER;
  const bin = findBin(absolutePath, formatter);
  if (!bin) {
    return {
      error: `--format: no ${formatter.name} installed in a node_modules above this file (${formatter.packageName}); ctxmod runs the repository's own formatter only`,
    };
  }
  const result = spawnSync(process.execPath, [bin.path, ...formatter.args(absolutePath)], {
    cwd: dirname(absolutePath),
    input: text,
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 64 * 1024 * 1024,
  });
  const label = `${formatter.name} ${bin.version}`.trim();
  if (result.error) return { error: `--format: ${label} could not be run: ${result.error.message}` };
  if (result.status !== 0) {
    const stderr = result.stderr.trim().split('\n').slice(0, 5).join('\n');
    return { error: `--format: ${label} failed (exit ${result.status ?? result.signal})${stderr ? `: ${stderr}` : ''}` };
  }
  return { text: result.stdout, formatter: label };
}

/**
 * The formatter may change any line of the file: one entry spans them all, so that every hunk
 * of the diff has an entry that says where it came from.
 */
export function getFormattedFinding(formatter: string, before: string, after: string): Finding {
  const lines = Math.max(before.split('\n').length, after.split('\n').length);
  return { transform: 'format', kind: 'edit', line: 1, column: 1, ...(lines > 1 ? { endLine: lines } : {}), consequence: true, message: `formatted with the repository's ${formatter}` };
}

/** The formatter's command-line script from the nearest `node_modules/<package>` above the file, as npm would run it. */
function findBin(absolutePath: string, formatter: Formatter): { path: string; version: string } | undefined {
  for (let dir = dirname(absolutePath); ; dir = dirname(dir)) {
    const root = join(dir, 'node_modules', formatter.packageName);
    const manifest = readManifest(join(root, 'package.json'));
    if (manifest) {
      const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[formatter.command];
      if (typeof bin === 'string') return { path: join(root, bin), version: manifest.version ?? '' };
    }
    if (dirname(dir) === dir) return undefined;
  }
}

function readManifest(path: string): { bin?: string | Record<string, string>; version?: string } | undefined {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as { bin?: string | Record<string, string>; version?: string };
  } catch {
    return undefined;
  }
}
