// Validates SARIF the way GitHub code scanning will read it: the official 2.1.0 schema (draft-04, vendored so tests
// never fetch it), then the GitHub subset the schema does not enforce.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as Sarif from 'sarif';

// Both packages are CommonJS with a default export; require() gives the same object under every module setting.
const require = createRequire(import.meta.url);
const Ajv = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;

const schema = JSON.parse(readFileSync(new URL('../schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8')) as object;
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
const validateSchema = ajv.compile(schema);

/** Every problem found, as readable lines; empty when the log is valid for GitHub. */
export function sarifProblems(log: unknown): string[] {
  const problems: string[] = [];
  if (!validateSchema(log)) {
    for (const error of validateSchema.errors ?? []) problems.push(`schema: ${error.instancePath} ${error.message}`);
  }
  const sarif = log as Sarif.Log;
  if (sarif.runs?.length !== 1) problems.push(`github: expected one run, got ${sarif.runs?.length}`);
  for (const run of sarif.runs ?? []) {
    const ids = new Set<string>();
    for (const rule of run.tool.driver.rules ?? []) {
      if (ids.has(rule.id)) problems.push(`github: duplicate rule ${rule.id}`);
      ids.add(rule.id);
      if (!rule.shortDescription?.text || !rule.fullDescription?.text || !rule.help?.text) problems.push(`github: rule ${rule.id} lacks descriptions or help`);
      const tags = (rule.properties?.tags as string[] | undefined) ?? [];
      if (tags.length > 10) problems.push(`github: rule ${rule.id} has ${tags.length} tags`);
      const score = rule.properties?.['security-severity'];
      if (score !== undefined && (typeof score !== 'string' || !(Number(score) > 0 && Number(score) <= 10))) problems.push(`github: rule ${rule.id} security-severity ${String(score)}`);
    }
    if ((run.results?.length ?? 0) > 5000) problems.push('github: more than 5000 results');
    for (const result of run.results ?? []) {
      if (!ids.has(result.ruleId ?? '')) problems.push(`github: result for undeclared rule ${result.ruleId}`);
      if (result.ruleIndex !== undefined && run.tool.driver.rules?.[result.ruleIndex]?.id !== result.ruleId) problems.push(`github: ruleIndex of ${result.ruleId} is wrong`);
      if (result.locations?.length !== 1) problems.push(`github: result ${result.ruleId} has ${result.locations?.length} locations`);
      const uri = result.locations?.[0]?.physicalLocation?.artifactLocation?.uri ?? '';
      if (uri === '' || uri.startsWith('/') || /^[a-z]+:/.test(uri)) problems.push(`github: result uri ${uri} is not repo-relative`);
      if (!result.partialFingerprints || Object.keys(result.partialFingerprints).length === 0) problems.push(`github: result ${result.ruleId} has no fingerprint`);
    }
  }
  return problems;
}
