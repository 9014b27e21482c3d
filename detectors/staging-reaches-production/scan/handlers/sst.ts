// SST v3 (`sst.config.ts`): a stage that is not production often borrows production's database or bucket by
// reference (`sst.aws.Postgres.get(...)`) instead of creating its own: that reference, in the branch production does
// not take, reaches production's data.
import type { ResourceIdentity } from '../../../../knowledge/environments/identities.js';
import { bucketIdentity, dynamoTableIdentity, rdsIdentity } from '../../../../knowledge/environments/identities.js';
import { closingBracket } from '../../../../src/parse/brackets.js';
import type { EnvTag, Recorder } from '../recorder.js';
import { sstBranchOf, sstStageTests, statementAround } from '../../../../knowledge/environments/sst.js';

/** Components holding data that another stage can borrow by id, and how the id names the resource. */
const DATA_COMPONENTS: Readonly<Record<string, (id: string) => ResourceIdentity | undefined>> = {
  Postgres: rdsIdentity,
  Aurora: rdsIdentity,
  Mysql: rdsIdentity,
  Bucket: (id) => bucketIdentity(id, 's3'),
  Dynamo: dynamoTableIdentity,
};

const GET = /\bsst\.aws\.(\w+)\.get\(/g;

const NON_PRODUCTION: EnvTag = { environment: 'staging', name: 'non-production stages', evidence: 'value' };
const PRODUCTION: EnvTag = { environment: 'production', name: 'production', evidence: 'value' };

export function scanSstConfig(rec: Recorder): void {
  const text = rec.file.text;
  if (!text.includes('$app.stage') || !text.includes('.get(')) return;
  const tests = sstStageTests(text);
  for (const match of text.matchAll(GET)) {
    const component = match[1]!;
    const identify = DATA_COMPONENTS[component];
    if (!identify) continue;
    if (sstBranchOf(text, match.index, tests) !== 'other') continue;
    const open = match.index + match[0].length - 1;
    const close = closingBracket(text, open, { quotes: `"'\`` });
    if (close === -1) continue;
    const argument = idArgument(text.slice(open + 1, close));
    if (!argument) continue;
    const identity = identify(argument.id);
    if (!identity) continue;
    const at = open + 1 + argument.offset;
    rec.resource(NON_PRODUCTION, identity, rec.file.spanOf(at, at + argument.id.length), { variable: `sst.aws.${component}.get` });
    // Production's branch of the same expression creates it: the id is of what production creates.
    const created = productionCreates(text, match.index, component);
    if (created !== undefined) rec.resource(PRODUCTION, identity, rec.file.spanOf(created, created + `new sst.aws.${component}`.length), { variable: `new sst.aws.${component}`, declared: true });
  }
}

/** The resource's id: the second argument as a string, or the `id` (or `name`) of an object there. */
function idArgument(args: string): { id: string; offset: number } | undefined {
  const second = /^\s*["'`][^"'`]*["'`]\s*,\s*/.exec(args);
  if (!second) return undefined;
  const rest = args.slice(second[0].length);
  const literal = /^["'`]([^"'`$]+)["'`]/.exec(rest);
  if (literal) return { id: literal[1]!, offset: second[0].length + 1 };
  const field = /\b(?:id|name|clusterId|clusterID|instance|table)\s*:\s*["'`]([^"'`$]+)["'`]/.exec(rest);
  if (!field) return undefined;
  return { id: field[1]!, offset: second[0].length + field.index + field[0].length - field[1]!.length - 1 };
}

/** Where the same statement's other branch creates the component (`new sst.aws.Postgres(`), if it does. */
function productionCreates(text: string, at: number, component: string): number | undefined {
  const statement = statementAround(text, at);
  const index = statement.text.indexOf(`new sst.aws.${component}(`);
  return index === -1 ? undefined : statement.start + index;
}
