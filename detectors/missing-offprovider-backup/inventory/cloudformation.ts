// CloudFormation and SAM templates, and the `resources.Resources` section of Serverless Framework configs: RDS,
// DynamoDB, S3, EFS and DocumentDB resources with DeletionPolicy and their properties, and AWS Backup plans and
// selections (with cross-account CopyActions).
import { type DataNode, get, type MapNode } from '../../../src/parse/data-tree.js';
import { parseArn } from '../backups/destinations.js';
import { environmentOf, getInsensitive, isTruthy, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { engineOfText, publishCloudResource, type CloudKind, type CloudResource, type Written } from './cloud.js';
import { lookupTable } from '../../../src/lookup-table.js';

const KINDS: Readonly<Record<string, CloudKind>> = lookupTable({
  'AWS::RDS::DBInstance': 'rds-instance',
  'AWS::RDS::DBCluster': 'rds-cluster',
  'AWS::DocDB::DBCluster': 'docdb',
  'AWS::DynamoDB::Table': 'dynamodb',
  'AWS::DynamoDB::GlobalTable': 'dynamodb',
  'AWS::Serverless::SimpleTable': 'dynamodb',
  'AWS::S3::Bucket': 's3',
  'AWS::EFS::FileSystem': 'efs',
});

/** The Resources map of a CloudFormation/SAM template or a Serverless config, if the document is one. */
export function cloudFormationResources(root: DataNode | undefined): MapNode | undefined {
  const map = mapOf(root);
  if (!map) return undefined;
  const direct = mapOf(get(map, 'Resources'));
  if (direct && (get(map, 'AWSTemplateFormatVersion') || get(map, 'Transform') || direct.entries.some((entry) => /^AWS::/.test(literalOf(get(entry.value, 'Type')) ?? '')))) return direct;
  // Serverless Framework: `resources: { Resources: {...} }`.
  if (get(map, 'service') && get(map, 'provider')) return mapOf(get(mapOf(get(map, 'resources')), 'Resources'));
  return undefined;
}

/** `!Ref X`, `{Ref: X}`, `!GetAtt X.Arn`, `{Fn::GetAtt: [X, Arn]}` -> X. */
function logicalRef(node: DataNode | undefined): string | undefined {
  if (!node) return undefined;
  if (node.kind === 'scalar' && node.expression) {
    const match = /^!(?:Ref|GetAtt)\s+([\w]+)/.exec(node.expression);
    return match?.[1];
  }
  const map = mapOf(node);
  if (map) {
    const ref = literalOf(get(map, 'Ref'));
    if (ref) return ref;
    const getAtt = get(map, 'Fn::GetAtt');
    if (getAtt?.kind === 'seq') return literalOf(getAtt.items[0]);
    if (getAtt) return literalOf(getAtt)?.split('.')[0];
  }
  return undefined;
}

export function scanCloudFormation(inventory: Inventory): void {
  for (const root of inventory.file.data()?.roots ?? []) {
    const resources = cloudFormationResources(root);
    if (!resources) continue;
    const serverless = !!get(mapOf(root), 'service');
    if (serverless) inventory.context({ kind: 'deploys', value: 'serverless', location: inventory.line(1) });
    for (const entry of resources.entries) {
      const resource = mapOf(entry.value);
      const type = literalOf(get(resource, 'Type'));
      if (!resource || !type) continue;
      const logicalId = entry.key;
      const line = entry.keySpan.line;
      const identity = `cloudformation:${inventory.path}:${logicalId}`.toLowerCase();
      const props = mapOf(get(resource, 'Properties'));
      const kind = KINDS[type];
      if (kind) {
        readResource(inventory, kind, type, logicalId, line, identity, resource, props);
        continue;
      }
      if (type === 'AWS::Backup::BackupPlan') {
        const plan = mapOf(getInsensitive(props, 'BackupPlan'));
        for (const rule of itemsOf(getInsensitive(plan, 'BackupPlanRule'))) {
          const copies = itemsOf(getInsensitive(rule, 'CopyActions'));
          if (copies.length === 0) {
            inventory.evidence({ covers: [`cloudformation-plan:${inventory.path}:${logicalId}`.toLowerCase()], protection: 'provider-managed', mechanism: 'aws-backup', destination: 'an AWS Backup vault in the same account and region', destinationProvider: 'aws', location: inventory.line(rule.span.line) });
          }
          for (const copy of copies) {
            const arnNode = getInsensitive(copy, 'DestinationBackupVaultArn');
            const arn = literalOf(arnNode);
            const parsed = arn ? parseArn(arn) : undefined;
            inventory.evidence({
              covers: [`cloudformation-plan:${inventory.path}:${logicalId}`.toLowerCase()],
              protection: parsed?.account ? 'other-account' : 'same-account-other-region',
              mechanism: 'aws-backup CopyActions',
              destination: arn ?? textOf(arnNode) ?? 'another vault',
              destinationProvider: 'aws',
              destinationAccount: parsed?.account,
              destinationRegion: parsed?.region,
              location: inventory.line(copy.span.line),
            });
          }
        }
      } else if (type === 'AWS::Backup::BackupSelection') {
        const plan = logicalRef(getInsensitive(props, 'BackupPlanId'));
        const selection = mapOf(getInsensitive(props, 'BackupSelection'));
        const covers: string[] = [];
        for (const item of itemsOf(getInsensitive(selection, 'Resources'))) {
          const ref = logicalRef(item);
          if (ref) covers.push(`cloudformation:${inventory.path}:${ref}`.toLowerCase());
          const sub = textOf(item) ?? '';
          const subRef = /\$\{(\w+)(\.Arn)?\}/.exec(sub)?.[1];
          if (subRef) covers.push(`cloudformation:${inventory.path}:${subRef}`.toLowerCase());
          if (/\*/.test(sub)) covers.push('provider:aws');
        }
        if (getInsensitive(selection, 'ListOfTags') || getInsensitive(selection, 'Conditions') || covers.length === 0) covers.push(`provider:aws@${inventory.path}`);
        inventory.evidence({
          covers,
          protection: 'provider-managed',
          mechanism: 'aws-backup',
          destination: 'an AWS Backup vault',
          destinationProvider: 'aws',
          destinationRef: plan ? `cloudformation-plan:${inventory.path}:${plan}`.toLowerCase() : undefined,
          location: inventory.line(line),
        });
      }
    }
  }
}

function readResource(inventory: Inventory, kind: CloudKind, type: string, logicalId: string, line: number, identity: string, resource: MapNode, props: MapNode | undefined): void {
  // An instance that belongs to a cluster, or a read replica, is not a store of its own.
  if (kind === 'rds-instance' && (get(props, 'DBClusterIdentifier') || get(props, 'SourceDBInstanceIdentifier'))) return;
  const written = <T>(key: string, value: T | undefined, text: (value: T) => string): Written<T> | undefined => {
    const found = props?.entries.find((entry) => entry.key === key);
    return found && value !== undefined ? { value, line: found.keySpan.line, text: text(value) } : undefined;
  };
  const bool = (key: string) => written(key, isTruthy(get(props, key)), (value) => `${key}: ${value}`);
  const physicalKey = { 'rds-instance': 'DBInstanceIdentifier', 'rds-cluster': 'DBClusterIdentifier', docdb: 'DBClusterIdentifier', dynamodb: 'TableName', s3: 'BucketName', efs: 'FileSystemTags', cloudsql: '', gcs: '' }[kind];
  const physical = serverlessCustom(inventory, literalOf(get(props, physicalKey)));
  const retentionText = literalOf(get(props, 'BackupRetentionPeriod'));
  const policyEntry = resource.entries.find((entry) => entry.key === 'DeletionPolicy');
  const policy = literalOf(policyEntry?.value)?.toLowerCase();
  const pitr = mapOf(get(props, 'PointInTimeRecoverySpecification'));
  const versioning = mapOf(get(props, 'VersioningConfiguration'));
  const cloud: CloudResource = {
    kind,
    name: physical ?? logicalId,
    logicalId,
    line,
    engine: engineOfText(literalOf(get(props, 'Engine'))),
    identity,
    environment: environmentOf(inventory.path, [physical, logicalId]),
    deletionProtection: bool(kind === 'dynamodb' ? 'DeletionProtectionEnabled' : 'DeletionProtection'),
    backupRetention: written('BackupRetentionPeriod', retentionText !== undefined && /^\d+$/.test(retentionText) ? Number(retentionText) : undefined, (value) => `BackupRetentionPeriod: ${value}`),
    deleteAutomatedBackups: bool('DeleteAutomatedBackups'),
    pointInTimeRecovery: isTruthy(get(pitr, 'PointInTimeRecoveryEnabled')) === true,
    versioned: /enabled/i.test(literalOf(get(versioning, 'Status')) ?? ''),
    backupPolicy: /enabled/i.test(literalOf(get(mapOf(get(props, 'BackupPolicy')), 'Status')) ?? ''),
    removal: policyEntry && policy
      ? { value: policy === 'delete' ? 'delete' : policy === 'snapshot' ? 'snapshot' : 'retain', line: policyEntry.keySpan.line, text: `DeletionPolicy: ${literalOf(policyEntry.value)}` }
      : undefined,
    // Without a DeletionPolicy, CloudFormation snapshots RDS clusters and standalone instances and deletes the rest.
    defaultRemoval: kind === 'rds-instance' || kind === 'rds-cluster' ? 'snapshot' : 'delete',
    removalKey: 'DeletionPolicy',
  };
  if (type === 'AWS::Serverless::SimpleTable') cloud.deletionProtection = undefined;
  publishCloudResource(inventory, cloud);
  // Replication to another bucket (account) is evidence for the bucket.
  const replication = mapOf(get(props, 'ReplicationConfiguration'));
  for (const rule of itemsOf(get(replication, 'Rules'))) {
    const destination = mapOf(get(rule, 'Destination'));
    const account = literalOf(get(destination, 'Account'));
    inventory.evidence({
      covers: [identity],
      protection: account ? 'other-account' : 'same-account-other-region',
      mechanism: 's3-replication',
      destination: textOf(get(destination, 'Bucket')) ?? 'another bucket',
      destinationProvider: 'aws',
      destinationAccount: account,
      location: inventory.line(rule.span.line),
    });
  }
}

/**
 * A Serverless Framework name kept under `custom:` (`TableName: ${self:custom.eventsTable}`) resolved to what it says
 * there (`events-${sls:stage}`): the name a reader and other files use.
 */
function serverlessCustom(inventory: Inventory, value: string | undefined): string | undefined {
  const key = value === undefined ? undefined : /^\$\{self:custom\.([\w.-]+)\}$/.exec(value)?.[1];
  if (!key) return value;
  let node = get(mapOf(inventory.file.data()?.roots[0]), 'custom');
  for (const step of key.split('.')) node = get(mapOf(node), step);
  return literalOf(node) ?? value;
}
