// One model of a cloud data-store resource, shared by CloudFormation/SAM/Serverless, CDK and Pulumi: each front end
// reads its own syntax into a CloudResource, and this module turns it into a store with its built-in backups and
// destructive settings (Terraform has its own richer reader).
import type { DestructiveSetting } from '../../../src/facts/datastore.js';
import type { Location } from '../../../src/model.js';
import type { Inventory } from '../shared.js';
import { isBucketData } from './buckets.js';

export type CloudKind = 'rds-instance' | 'rds-cluster' | 'docdb' | 'dynamodb' | 's3' | 'efs' | 'cloudsql' | 'gcs';

/** A setting's value and the line it is written on. */
export interface Written<T> {
  value: T;
  line: number;
  text: string;
}

export interface CloudResource {
  kind: CloudKind;
  /** Physical name when written, else the logical id / construct id / Pulumi name. */
  name: string;
  logicalId: string;
  line: number;
  engine?: string;
  identity: string;
  environment?: string;
  deletionProtection?: Written<boolean>;
  skipFinalSnapshot?: Written<boolean>;
  backupRetention?: Written<number>;
  deleteAutomatedBackups?: Written<boolean>;
  pointInTimeRecovery?: boolean;
  versioned?: boolean;
  forceDestroy?: Written<boolean>;
  /** CloudFormation DeletionPolicy / CDK removalPolicy, normalised. */
  removal?: Written<'delete' | 'retain' | 'snapshot'>;
  /** The front end's own "do not delete" switch (Pulumi `protect`, `retainOnDelete`): undefined where none exists. */
  protect?: boolean;
  /** How deletion is guarded by default when nothing is written (CloudFormation: Delete except RDS). */
  defaultRemoval?: 'delete' | 'retain' | 'snapshot';
  backupPolicy?: boolean;
  /** Its tags as `key=value` (lowercase), `*` for a computed one: what AWS Backup tag selections match. */
  tags?: string[];
  /** Word for messages: `DeletionPolicy`, `removalPolicy`, `protect`. */
  removalKey: string;
}

const TITLES: Record<CloudKind, string> = {
  'rds-instance': 'rds',
  'rds-cluster': 'rds',
  docdb: 'docdb',
  dynamodb: 'dynamodb',
  s3: 's3',
  efs: 'efs',
  cloudsql: 'sql',
  gcs: 'gcs',
};

export function publishCloudResource(inventory: Inventory, resource: CloudResource): void {
  const location: Location = inventory.line(resource.line);
  const settings: DestructiveSetting[] = [];
  const at = (line: number) => inventory.line(line);
  const isDatabase = resource.kind === 'rds-instance' || resource.kind === 'rds-cluster' || resource.kind === 'docdb' || resource.kind === 'cloudsql';
  const gcp = resource.kind === 'cloudsql' || resource.kind === 'gcs';
  if (resource.kind === 's3' || resource.kind === 'gcs') {
    if (!isBucketData(resource.name, resource.logicalId, resource.environment)) return;
  }

  const retention = resource.backupRetention;
  const disabled = retention?.value === 0;
  if (disabled) settings.push({ kind: 'backups-disabled', setting: retention!.text, explicit: true, location: at(retention!.line) });
  if (resource.deletionProtection?.value === false) settings.push({ kind: 'deletion-protection-off', setting: resource.deletionProtection.text, explicit: true, location: at(resource.deletionProtection.line) });
  else if (!resource.deletionProtection && (isDatabase || resource.kind === 'dynamodb') && !gcp && resource.removal?.value !== 'retain') {
    settings.push({ kind: 'deletion-protection-off', setting: 'deletion protection not set (defaults to off)', explicit: false, location });
  }
  if (resource.skipFinalSnapshot?.value === true) settings.push({ kind: 'skip-final-snapshot', setting: resource.skipFinalSnapshot.text, explicit: true, location: at(resource.skipFinalSnapshot.line) });
  if (resource.deleteAutomatedBackups?.value === true) settings.push({ kind: 'backups-die-with-instance', setting: resource.deleteAutomatedBackups.text, explicit: true, location: at(resource.deleteAutomatedBackups.line) });
  if (resource.forceDestroy?.value === true) settings.push({ kind: 'force-destroy', setting: resource.forceDestroy.text, explicit: true, location: at(resource.forceDestroy.line) });
  if (resource.removal?.value === 'delete') settings.push({ kind: 'deletion-policy-delete', setting: resource.removal.text, explicit: true, location: at(resource.removal.line) });
  else if (!resource.removal && resource.defaultRemoval === 'delete') settings.push({ kind: 'deletion-policy-delete', setting: `no ${resource.removalKey} (defaults to Delete)`, explicit: false, location });
  if (resource.protect === false) settings.push({ kind: 'no-prevent-destroy', setting: `no ${resource.removalKey}`, explicit: false, location });

  const provider = gcp ? 'gcp' : 'aws';
  let builtIn: { protection: 'none' | 'provider-managed'; description: string };
  switch (resource.kind) {
    case 'dynamodb':
      builtIn = resource.pointInTimeRecovery
        ? { protection: 'provider-managed', description: 'point-in-time recovery (35 days) stays in the same AWS account and region' }
        : { protection: 'none', description: 'DynamoDB keeps no backups unless point-in-time recovery or AWS Backup is on' };
      break;
    case 's3':
    case 'gcs':
      builtIn = resource.versioned
        ? { protection: 'provider-managed', description: 'object versioning keeps old versions in the same bucket, which goes with the bucket or the account' }
        : { protection: 'none', description: 'the bucket has no versioning or replication' };
      break;
    case 'efs':
      builtIn = resource.backupPolicy
        ? { protection: 'provider-managed', description: 'EFS automatic backups go to an AWS Backup vault in the same account' }
        : { protection: 'none', description: 'EFS keeps no backups unless a backup policy or AWS Backup covers it' };
      break;
    case 'cloudsql':
      builtIn = disabled
        ? { protection: 'none', description: 'automated backups are not enabled' }
        : { protection: 'provider-managed', description: 'Cloud SQL automated backups stay in the same Google Cloud project' };
      break;
    default:
      builtIn = disabled
        ? { protection: 'none', description: 'automated backups are turned off (retention 0)' }
        : { protection: 'provider-managed', description: `automated backups${retention ? ` (${retention.value} days)` : ''} and snapshots stay in the same AWS account` };
  }
  const engine = resource.kind === 'dynamodb' ? 'dynamodb' : resource.kind === 's3' || resource.kind === 'gcs' ? 'object-storage' : resource.kind === 'efs' ? 'file-system' : resource.kind === 'docdb' ? 'mongo' : (resource.engine ?? 'database');
  const physical = resource.name.toLowerCase();
  inventory.store({
    platform: provider,
    provider,
    engine,
    name: resource.name,
    environment: resource.environment,
    location,
    identities: [resource.identity, `${provider}:${TITLES[resource.kind]}:${physical}`],
    declaredBy: 'infrastructure',
    builtInBackup: builtIn,
    destructiveSettings: settings,
    ...(resource.tags ? { tags: resource.tags } : {}),
  });
}

export function engineOfText(text: string | undefined): string | undefined {
  if (!text) return undefined;
  const lower = text.toLowerCase();
  if (/postgres/.test(lower)) return 'postgres';
  if (/mysql|maria/.test(lower)) return 'mysql';
  if (/sqlserver|mssql/.test(lower)) return 'mssql';
  return undefined;
}
