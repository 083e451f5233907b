/**
 * The `ctxmod check` rules: one registry for the CLI, the reporters (stylish, JSON, SARIF), the
 * config schema and the docs. Detection itself lives in the transforms (and the check-only
 * detectors): each finding names its rule, or inherits its transform's `meta.rule`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export type Severity = 'error' | 'warning' | 'info';
/** What `ctxmod.config.json` may set a rule to. */
export type RuleLevel = Severity | 'off';

export const SEVERITIES: readonly Severity[] = ['info', 'warning', 'error'];
export const RULE_LEVELS: readonly RuleLevel[] = ['off', 'info', 'warning', 'error'];

export interface Rule {
  readonly id: string;
  readonly severity: Severity;
  /** The problem, as a sentence fragment: diagnostics read `<description>: <detail>`. */
  readonly description: string;
  /** The transform `ctxmod migrate` fixes these sites with, if any. */
  readonly fixedBy?: string;
}

/** In the order of the README table and of SARIF's `rules` array. */
export const RULES: readonly Rule[] = [
  { id: 'unforwarded-signal', severity: 'error', description: 'a signal in scope is not passed to a signal-aware call', fixedBy: 'forward-signal' },
  { id: 'missing-signal-chain', severity: 'warning', description: 'cancellable work gets no signal: the function on its call chain that has one, or a function between them, does not pass it down', fixedBy: 'thread-signal' },
  { id: 'sleep-without-signal', severity: 'warning', description: 'a sleep cannot be cancelled', fixedBy: 'abortable-sleep' },
  { id: 'race-without-cancel', severity: 'error', description: 'Promise.race against a timer neither cancels the loser nor clears the timer', fixedBy: 'race-timeout' },
  { id: 'uncleared-timer', severity: 'warning', description: 'a timeout timer is never cleared', fixedBy: 'race-timeout' },
  { id: 'replaced-signal', severity: 'error', description: "a fresh signal takes the place of the caller's, so the caller's abort never reaches the call", fixedBy: 'derive-signal' },
  { id: 'replaced-instance-signal', severity: 'warning', description: "a fresh signal takes the place of the one the object was given (this.<field>.signal), which never reaches the call" },
  { id: 'controller-timeout', severity: 'info', description: 'an AbortController aborted by setTimeout, where AbortSignal.timeout/any fits', fixedBy: 'abort-timer' },
  { id: 'http-timeout-event', severity: 'error', description: 'an http(s) request timeout only emits an event; nothing aborts the request', fixedBy: 'timeout-option' },
  { id: 'client-timeout-ignores-signal', severity: 'warning', description: 'an HTTP client call has a timeout but ignores the signal in scope', fixedBy: 'timeout-option' },
  { id: 'loop-without-check', severity: 'warning', description: 'an async loop with a signal in scope never checks it', fixedBy: 'loop-check' },
  { id: 'once-without-signal', severity: 'warning', description: 'waiting for an event ignores the signal in scope', fixedBy: 'once-event' },
  { id: 'hand-linked-signals', severity: 'warning', description: "a controller follows other signals through 'abort' listeners that stay on them, where AbortSignal.any fits", fixedBy: 'link-signals' },
  { id: 'abort-listener-leak', severity: 'warning', description: "an 'abort' listener is never removed", fixedBy: 'link-signals' },
  { id: 'aborted-signal-reused', severity: 'warning', description: "a retry combines the previous attempt's signal, which may already have aborted, with a new deadline" },
  { id: 'request-spread', severity: 'warning', description: "an object spread of a Fetch Request, which copies none of its properties (its signal included)" },
  { id: 'non-cancellable-call', severity: 'info', description: 'a call of a library without cancellation support ignores the signal in scope' },
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function getRule(id: string): Rule | undefined {
  return BY_ID.get(id);
}

export function getRuleIds(): string[] {
  return RULES.map((rule) => rule.id);
}

export function compareSeverity(a: Severity, b: Severity): number {
  return SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
}

/** The doc of a rule, relative to the package root. */
export function getRuleDocPath(id: string): string {
  return `docs/rules/${id}.md`;
}

/** Where the project lives, when package.json names no GitHub repository of its own. */
export const DEFAULT_REPOSITORY = 'https://github.com/ctxmod/ctxmod';

/**
 * Where a rule's doc can be read, as an absolute URI that works wherever the link is followed
 * (SARIF viewers, code scanning, editors): the doc on the repository's web view, from package.json's
 * repository, else the project's.
 */
export function getRuleHelpUri(id: string): string {
  return `${PACKAGE.repository ?? DEFAULT_REPOSITORY}/blob/main/${getRuleDocPath(id)}`;
}

/** A rule's doc as shipped in the package: its first paragraph and its body, links made absolute. */
export interface RuleDoc {
  /** The paragraph under the severity line: what the problem is. */
  readonly summary: string;
  /** The doc without its title, relative links resolved against `getRuleHelpUri`. */
  readonly markdown: string;
}

/** The doc of a rule, or undefined when the package has none for it. */
export function getRuleDoc(id: string): RuleDoc | undefined {
  const file = join(PACKAGE.root, getRuleDocPath(id));
  if (!existsSync(file)) return undefined;
  const base = getRuleHelpUri(id);
  const body = readFileSync(file, 'utf8')
    .replace(/^# .*\n+/, '')
    .replace(/\]\((?![a-z][a-z+.-]*:|#)([^)\s]+)\)/g, (_, link: string) => `](${new URL(link, base).href})`)
    .trim();
  const paragraphs = body.split(/\n\s*\n/);
  const summary = (/^Default severity:/.test(paragraphs[0] ?? '') ? paragraphs[1] : paragraphs[0]) ?? '';
  return { summary: summary.replace(/\s*\n\s*/g, ' ').trim(), markdown: `${body}\n` };
}

/** Where ctxmod's documentation can be read: the README on the repository's web view (see `getRuleHelpUri`). */
export function getDocsUri(): string {
  return `${PACKAGE.repository ?? DEFAULT_REPOSITORY}#readme`;
}

/** ctxmod's package root and its GitHub web URL, if package.json has `repository` or `homepage`. */
const PACKAGE = readPackage();

function readPackage(): { root: string; repository?: string } {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const file = join(dir, 'package.json');
    if (existsSync(file)) {
      const pkg = JSON.parse(readFileSync(file, 'utf8')) as { name?: string; repository?: string | { url?: string }; homepage?: string };
      if (pkg.name === 'ctxmod') {
        const raw = typeof pkg.repository === 'string' ? pkg.repository : (pkg.repository?.url ?? pkg.homepage);
        const repository = raw === undefined ? undefined : getGitHubUrl(raw);
        return repository ? { root: dir, repository } : { root: dir };
      }
    }
    if (dirname(dir) === dir) return { root: dir };
  }
}

/** `github:o/r`, `o/r`, `git+https://github.com/o/r.git`, `https://github.com/o/r#readme` -> `https://github.com/o/r`. */
export function getGitHubUrl(raw: string): string | undefined {
  const match = /^(?:github:|(?:git\+)?https?:\/\/github\.com\/|git@github\.com:|git:\/\/github\.com\/)?([\w.-]+)\/([\w.-]+?)(?:\.git)?(?:[#/].*)?$/.exec(raw.trim());
  return match ? `https://github.com/${match[1]}/${match[2]}` : undefined;
}
