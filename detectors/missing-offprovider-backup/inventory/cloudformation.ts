// CloudFormation and SAM templates, and the `resources.Resources` section of Serverless Framework configs: RDS,
// DynamoDB, S3, EFS and DocumentDB resources with DeletionPolicy, their properties and tags, and AWS Backup plans and
// selections (with cross-account CopyActions; tag selections matched to tagged resources later).
import { type DataNode, get, type MapNode } from '../../../src/parse/data-tree.js';
import { parseArn } from '../backups/destinations.js';
import { directoryOf, environmentOf, getInsensitive, isTruthy, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
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
    const provider = mapOf(get(mapOf(root), 'provider'));
    const stackTagged = serverless && (get(provider, 'stackTags') !== undefined || get(provider, 'tags') !== undefined);
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
        readResource(inventory, kind, type, logicalId, line, identity, resource, props, stackTagged);
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
        let covers: string[] = [];
        for (const item of itemsOf(getInsensitive(selection, 'Resources'))) {
          const ref = logicalRef(item);
          if (ref) covers.push(`cloudformation:${inventory.path}:${ref}`.toLowerCase());
          const sub = textOf(item) ?? '';
          const subRef = /\$\{(\w+)(\.Arn)?\}/.exec(sub)?.[1];
          if (subRef) covers.push(`cloudformation:${inventory.path}:${subRef}`.toLowerCase());
          if (/\*/.test(sub)) covers.push('provider:aws');
        }
        // Tag selections pick whatever carries the tag (`tag:<key>=<value>@<directory>`, matched once every store is
        // known); a tag matched by pattern or exclusion, anything of the template. `Conditions` narrow the resources a
        // wildcard names to those that also carry the tags.
        const listed = listedTags(selection);
        const conditions = conditionTags(selection);
        if (conditions && conditions.length > 0) covers = covers.filter((cover) => cover !== 'provider:aws');
        if (listed === undefined || conditions === undefined) covers.push(`provider:aws@${inventory.path}`);
        else covers.push(...[...listed, ...conditions].map((tag) => `tag:${tag}@${directoryOf(inventory.path)}`));
        if (covers.length === 0) covers.push(`provider:aws@${inventory.path}`);
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

/**
 * The `key=value` tags a selection's `ListOfTags` picks by (`STRINGEQUALS`); an empty list when it has none; undefined
 * when one cannot be read as an exact tag (another condition type, `!Ref`).
 */
function listedTags(selection: MapNode | undefined): string[] | undefined {
  const found: string[] = [];
  for (const condition of itemsOf(getInsensitive(selection, 'ListOfTags'))) {
    const type = literalOf(getInsensitive(condition, 'ConditionType'));
    const key = literalOf(getInsensitive(condition, 'ConditionKey'));
    const value = literalOf(getInsensitive(condition, 'ConditionValue'));
    if (type?.toUpperCase() !== 'STRINGEQUALS' || key === undefined || value === undefined) return undefined;
    found.push(`${key}=${value}`.toLowerCase());
  }
  return found;
}

/** The same for its `Conditions` (`StringEquals` on `aws:ResourceTag/<key>`); undefined for `StringLike` and the rest. */
function conditionTags(selection: MapNode | undefined): string[] | undefined {
  const found: string[] = [];
  for (const entry of mapOf(getInsensitive(selection, 'Conditions'))?.entries ?? []) {
    if (entry.key.toLowerCase() !== 'stringequals') return undefined;
    for (const condition of itemsOf(entry.value)) {
      const key = literalOf(getInsensitive(condition, 'ConditionKey'))?.replace(/^aws:ResourceTag\//, '');
      const value = literalOf(getInsensitive(condition, 'ConditionValue'));
      if (key === undefined || value === undefined) return undefined;
      found.push(`${key}=${value}`.toLowerCase());
    }
  }
  return found;
}

/**
 * A resource's tags (`Tags: [{Key, Value}]`, EFS's `FileSystemTags`, SAM's `Tags: {key: value}`), with `*` for one
 * computed (`!Ref Environment`) or tags given to every resource of a Serverless stack (`provider.stackTags`).
 */
function tagsOf(props: MapNode | undefined, stackTagged: boolean): string[] | undefined {
  const node = getInsensitive(props, 'Tags') ?? getInsensitive(props, 'FileSystemTags');
  const tags: string[] = stackTagged ? ['*'] : [];
  const map = mapOf(node);
  if (map) for (const entry of map.entries) tags.push(tagText(entry.key, entry.value));
  else if (node?.kind === 'seq') {
    for (const item of node.items) {
      const key = literalOf(getInsensitive(item, 'Key'));
      tags.push(key === undefined ? '*' : tagText(key, getInsensitive(item, 'Value')));
    }
  } else if (node) tags.push('*');
  return tags.length > 0 ? tags : undefined;
}

function tagText(key: string, value: DataNode | undefined): string {
  const literal = literalOf(value);
  return literal === undefined ? '*' : `${key}=${literal}`.toLowerCase();
}

function readResource(inventory: Inventory, kind: CloudKind, type: string, logicalId: string, line: number, identity: string, resource: MapNode, props: MapNode | undefined, stackTagged: boolean): void {
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
    tags: tagsOf(props, stackTagged),
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

export function isSamConfig(path: string): boolean {
  return /(^|\/)samconfig\.(toml|ya?ml)$/i.test(path);
}

/**
 * `sam deploy` gives every resource of the stack the tags its samconfig sets (`tags = "backup=daily"`): an AWS Backup tag
 * selection may then pick resources whose template writes no such tag.
 */
export function scanSamConfig(inventory: Inventory): void {
  const match = /^[ \t]*tags[ \t]*[=:]/m.exec(inventory.file.text);
  if (!match) return;
  inventory.context({ kind: 'default-tags', directory: directoryOf(inventory.path), name: '*', location: inventory.line(inventory.file.positionAt(match.index).line) });
}
