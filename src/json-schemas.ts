/**
 * The JSON Schemas ctxmod ships in `schemas/` (written by `npm run schemas`, checked to be current
 * by test/schemas.test.ts), generated from the zod schemas that validate the config and describe
 * the `--json` and `check --format json` reports, so that they cannot disagree with what ctxmod accepts and prints.
 */
import * as z from 'zod';
import { RULES } from './check/rules.ts';
import { configSchema } from './config.ts';
import { getTransformNames } from './registry.ts';
import { checkReportSchema, reportSchema } from './report/report-schema.ts';

type JsonSchema = Record<string, unknown>;

/** File name in `schemas/` -> schema. */
export function getJsonSchemas(): Record<string, JsonSchema> {
  return {
    'config.schema.json': getConfigJsonSchema(),
    'report.schema.json': z.toJSONSchema(reportSchema),
    'check-report.schema.json': z.toJSONSchema(checkReportSchema),
  };
}

/**
 * The config as written (`io: 'input'`: defaults optional, `targetNode` before normalizing). The
 * schema's refinements (known transform and rule names) are not JSON Schema, so the names are
 * added as enums: what an editor completes is what ctxmod accepts.
 */
function getConfigJsonSchema(): JsonSchema {
  const schema = z.toJSONSchema(configSchema, { io: 'input' }) as JsonSchema & { properties: Record<string, JsonSchema> };
  const names = { type: 'string', enum: getTransformNames() };
  const list = { type: 'array', items: names };
  schema.properties['transforms'] = {
    ...schema.properties['transforms'],
    anyOf: [list, ...['enable', 'disable'].map((key) => ({ type: 'object', properties: { [key]: list }, required: [key], additionalProperties: false }))],
  };
  const rules = schema.properties['rules'] as JsonSchema;
  schema.properties['rules'] = { ...rules, propertyNames: { enum: RULES.map((rule) => rule.id) } };
  return {
    $schema: schema['$schema'],
    title: 'ctxmod configuration',
    description: 'ctxmod.config.json, or the "ctxmod" key of package.json. Every key is optional.',
    ...schema,
  };
}
