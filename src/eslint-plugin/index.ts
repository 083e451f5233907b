/**
 * `ctxmod/eslint-plugin`: the `ctxmod check` rules as ESLint rules, so that code stays migrated
 * between runs of `ctxmod check`. Flat config: `ctxmod.configs.recommended`.
 */
import type { ESLint, Linter, Rule } from 'eslint';
import { RULES, type Severity } from '../check/rules.ts';
import { THREAD_RULE } from '../thread/names.ts';
import { VERSION } from '../version.ts';
import { createRule } from './create-rule.ts';

/**
 * Every rule but `missing-signal-chain`, which needs the whole program's types and call graph
 * (the thread-signal analysis over a tsconfig), where an ESLint rule sees one file.
 */
export const rules: Readonly<Record<string, Rule.RuleModule>> = Object.fromEntries(
  RULES.filter((rule) => rule.id !== THREAD_RULE).map((rule) => [rule.id, createRule(rule)]),
);

/** ESLint has no `info`: those rules are off in `recommended`, as they fail no `ctxmod check` by default. */
const LEVELS: Record<Severity, Linter.RuleSeverity> = { error: 'error', warning: 'warn', info: 'off' };

const plugin = {
  meta: { name: 'ctxmod', version: VERSION },
  rules,
  configs: {} as { recommended: Linter.Config },
} satisfies ESLint.Plugin;

plugin.configs.recommended = {
  name: 'ctxmod/recommended',
  plugins: { ctxmod: plugin },
  rules: Object.fromEntries(RULES.filter((rule) => rule.id in rules).map((rule) => [`ctxmod/${rule.id}`, LEVELS[rule.severity]])),
};

export default plugin;
