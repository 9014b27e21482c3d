// SST v3 programs (`sst.config.ts`): `new sst.aws.Postgres(...)` is an RDS instance, `sst.aws.Bucket` an S3 bucket.
// Which stages create each one is read from its conditional on `$app.stage`; the app's `removal` setting says what
// `sst remove` does to production's.
import { sstBranchOf, sstStageTests } from '../../../knowledge/environments/sst.js';
import { directoryOf, environmentOf, type Inventory } from '../shared.js';
import { publishCloudResource, type CloudKind, type Written } from './cloud.js';

const COMPONENTS: Readonly<Record<string, { kind: CloudKind; engine?: string }>> = {
  Postgres: { kind: 'rds-instance', engine: 'postgres' },
  Aurora: { kind: 'rds-cluster' },
  Mysql: { kind: 'rds-instance', engine: 'mysql' },
  Dynamo: { kind: 'dynamodb' },
  Bucket: { kind: 's3' },
  Efs: { kind: 'efs' },
};

const CREATED = /\bnew\s+sst\.aws\.(\w+)\(\s*["'`]([\w-]+)["'`]/g;
/** The app's `removal`: `"retain"`, `"remove"`, or a conditional on the stage (`input?.stage === "production" ? "retain" : "remove"`). */
const REMOVAL = /\bremoval\s*:\s*([^,\n}]+)/;

export function scanSst(inventory: Inventory): void {
  const text = inventory.file.text;
  if (!text.includes('sst.aws.')) return;
  const tests = sstStageTests(text);
  const removal = productionRemoval(inventory, text);
  for (const match of text.matchAll(CREATED)) {
    const component = COMPONENTS[match[1]!];
    if (!component) continue;
    const id = match[2]!;
    const branch = sstBranchOf(text, match.index, tests);
    const line = inventory.file.positionAt(match.index).line;
    const environment = branch === 'production' ? 'production' : branch === 'other' ? 'staging' : environmentOf(inventory.path, [id]);
    publishCloudResource(inventory, {
      kind: component.kind,
      name: id,
      logicalId: id,
      line,
      engine: component.engine,
      identity: `sst:${directoryOf(inventory.path)}:${id}`.toLowerCase(),
      environment,
      removal: environment === 'production' || branch === undefined ? removal : undefined,
      removalKey: 'removal',
    });
  }
}

/** What `sst remove` does to production's resources, when the app says. */
function productionRemoval(inventory: Inventory, text: string): Written<'delete' | 'retain' | 'snapshot'> | undefined {
  const match = REMOVAL.exec(text);
  if (!match) return undefined;
  const expression = match[1]!.trim();
  const line = inventory.file.positionAt(match.index).line;
  // `stage === "production" ? "retain" : "remove"`: production's branch is the first.
  const conditional = /(?:production|prod)["'`]\s*\?\s*["'`](retain|retain-all|remove)["'`]/.exec(expression);
  const value = conditional?.[1] ?? /^["'`](retain|retain-all|remove)["'`]$/.exec(expression)?.[1];
  if (!value) return undefined;
  return { value: value === 'remove' ? 'delete' : 'retain', line, text: match[0].trim() };
}
