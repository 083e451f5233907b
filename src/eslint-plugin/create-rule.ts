import type { Rule } from 'eslint';
import { getRuleHelpUri, type Rule as CheckRule } from '../check/rules.ts';
import { getTransform } from '../registry.ts';
import type { Finding } from '../types.ts';
import { getFileCheck } from './get-file-check.ts';
import { getSiteFix, type SiteFix } from './get-site-fix.ts';

/**
 * A `ctxmod check` rule as an ESLint rule: it reports the file's diagnostics of that rule. A site
 * its transform edits gets the edit as an autofix, or as a suggestion when the transform's doc
 * lists a behaviour change besides the abort (`behaviourChange`): that needs a reviewer.
 */
export function createRule(rule: CheckRule): Rule.RuleModule {
  return {
    meta: {
      type: 'problem',
      docs: { description: rule.description, recommended: rule.severity !== 'info', url: getRuleHelpUri(rule.id) },
      // A rule's sites may come from several transforms, some fixed, some suggested.
      ...(rule.fixedBy ? { fixable: 'code' as const, hasSuggestions: true } : {}),
      schema: [],
      messages: {
        problem: '{{message}}',
        notChecked: 'ctxmod did not check this file: {{message}}',
        suggestion: 'Apply {{transform}}{{scope}}; review it: {{change}}',
      },
    },
    create(context) {
      return {
        Program() {
          const file = getFileCheck(context);
          if (file.notChecked && !file.notCheckedReported) {
            file.notCheckedReported = true;
            const { line = 1, column = 1, message } = file.notChecked;
            context.report({ loc: { line, column: column - 1 }, messageId: 'notChecked', data: { message } });
          }
          for (const { diagnostic, finding } of file.problems) {
            if (diagnostic.rule !== rule.id) continue;
            const fix = getSiteFix(file, finding);
            context.report({
              loc: { line: diagnostic.line, column: diagnostic.column - 1 },
              messageId: 'problem',
              data: { message: diagnostic.message },
              ...(fix ? getFixProperties(fix, finding) : {}),
            });
          }
        },
      };
    },
  };
}

function getFixProperties(fix: SiteFix, finding: Finding): Pick<Rule.ReportDescriptor, 'fix' | 'suggest'> {
  const apply: Rule.ReportFixer = (fixer) => fix.hunks.map((hunk) => fixer.replaceTextRange([hunk.start, hunk.end], hunk.text));
  const change = getTransform(finding.transform)?.meta.behaviourChange;
  if (change === undefined) return { fix: apply };
  const scope = fix.sites > 1 ? ` to the ${fix.sites} sites of the file it cannot edit one at a time` : '';
  return { suggest: [{ messageId: 'suggestion', data: { transform: finding.transform, scope, change }, fix: apply }] };
}
