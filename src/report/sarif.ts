/**
 * `ctxmod check --format sarif`: SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/),
 * the format GitHub code scanning and most CI dashboards read.
 */
import type { Log, ReportingDescriptor, Result } from 'sarif';
import type { CheckReport } from '../check/check.ts';
import { getRule, getRuleDoc, getRuleHelpUri, RULES, type Rule, type Severity } from '../check/rules.ts';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';

type SarifLevel = Extract<Result.level, 'error' | 'warning' | 'note'>;

/** A SARIF log (the `sarif` types are the spec's own, maintained on DefinitelyTyped). */
export type SarifLog = Log;

const LEVELS: Record<Severity, SarifLevel> = { error: 'error', warning: 'warning', info: 'note' };

/** `cwdUri`: the directory relative paths are relative to, as a file URI ending in `/`. */
export function buildSarif(report: CheckReport, cwdUri: string): SarifLog {
  const used = new Set(report.files.flatMap((file) => file.diagnostics.map((diagnostic) => diagnostic.rule)));
  const extra = [...used].filter((id) => !getRule(id)).map((id): Rule => ({ id, severity: 'warning', description: id }));
  const rules = [...RULES, ...extra];
  const index = new Map(rules.map((rule, i) => [rule.id, i]));
  const location = (path: string) => (path.startsWith('/') ? { uri: encodeURI(`file://${path}`) } : { uri: encodeURI(path), uriBaseId: 'SRCROOT' });
  return {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ctxmod',
            version: report.version,
            informationUri: 'https://www.npmjs.com/package/ctxmod',
            rules: rules.map((rule): ReportingDescriptor => ({
              id: rule.id,
              name: toPascalCase(rule.id),
              shortDescription: { text: rule.description },
              ...getDocProperties(rule),
              defaultConfiguration: { level: LEVELS[rule.severity] },
              properties: rule.fixedBy ? { fixedBy: rule.fixedBy } : {},
            })),
          },
        },
        originalUriBaseIds: { SRCROOT: { uri: cwdUri } },
        results: report.files.flatMap((file) =>
          file.diagnostics.map((diagnostic): Result => ({
            ruleId: diagnostic.rule,
            ruleIndex: index.get(diagnostic.rule) as number,
            level: LEVELS[diagnostic.severity],
            message: { text: diagnostic.message },
            locations: [
              { physicalLocation: { artifactLocation: location(file.path), region: { startLine: diagnostic.line, startColumn: diagnostic.column } } },
            ],
            properties: { fixable: diagnostic.fixable, transform: diagnostic.transform },
          })),
        ),
        invocations: [
          {
            executionSuccessful: !report.interrupted,
            toolExecutionNotifications: report.files.flatMap((file) =>
              file.error || file.reason
                ? [
                    {
                      level: file.error ? ('error' as const) : ('note' as const),
                      message: { text: file.error ? `not checked: ${file.error.message}` : `skipped: ${file.reason}` },
                      locations: [{ physicalLocation: { artifactLocation: location(file.path) } }],
                    },
                  ]
                : [],
            ),
          },
        ],
        columnKind: 'utf16CodeUnits',
      },
    ],
  };
}

/** `helpUri`, `fullDescription` and `help` from the rule's doc (code scanning shows `help.markdown` with each alert). */
function getDocProperties(rule: Rule): Pick<ReportingDescriptor, 'helpUri' | 'fullDescription' | 'help'> {
  const fix = rule.fixedBy ? `Fixed by \`ctxmod migrate\` (transform ${rule.fixedBy}) where it can.` : 'No automatic fix.';
  const doc = getRule(rule.id) ? getRuleDoc(rule.id) : undefined;
  if (!doc) return { help: { text: fix } };
  const helpUri = getRuleHelpUri(rule.id);
  return {
    helpUri,
    fullDescription: { text: doc.summary, markdown: doc.summary },
    help: { text: `${doc.summary} ${fix} See ${helpUri}`, markdown: doc.markdown },
  };
}

function toPascalCase(id: string): string {
  return id.replace(/(^|-)([a-z])/g, (_, __, letter: string) => letter.toUpperCase());
}
