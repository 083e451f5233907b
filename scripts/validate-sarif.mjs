// Validates SARIF logs against the 2.1.0 (rtm.5) schema that Microsoft's SARIF SDK publishes in
// @microsoft/jest-sarif: a draft-04 schema, whose language-tag pattern only compiles as a
// non-unicode regular expression. Shared by the tests and the torture run (dev dependencies).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import AjvDraft04 from 'ajv-draft-04';
import addFormats from 'ajv-formats';

const require = createRequire(import.meta.url);

/** A function that returns the schema errors of a log, or an empty list. */
export function getSarifValidator() {
  const schema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
  // uri, uri-reference and date-time are checked, not ignored.
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (log) => (validate(log) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath || '/'} ${error.message}`));
}
