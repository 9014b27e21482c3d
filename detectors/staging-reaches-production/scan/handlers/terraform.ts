// Terraform and Terragrunt: the environment is the directory (`envs/staging/`, `live/prod/`), the tfvars file, a
// lookup map keyed by environment, or a `terraform.workspace == "prod" ? a : b` condition. Resources are the data
// stores a configuration declares or looks up, the state it keeps (backend) and the state it reads.
import type { DataDocument, DataNode, MapEntry, MapNode, ScalarNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import {
  appIdentity,
  azureServerIdentity,
  blockVolumeIdentity,
  bucketIdentity,
  cloudSqlInstanceIdentity,
  dynamoTableIdentity,
  databaseHostIdentity,
  gcpProjectIdentity,
  rdsIdentity,
  rdsSnapshotIdentity,
  secretArnIdentity,
  secretIdentity,
  terraformStateIdentity,
  type ResourceIdentity,
} from '../../../../knowledge/environments/identities.js';
import { canonicalEnvironment, environmentsNamedIn, namesDataStoreOutput } from '../../../../knowledge/environments/names.js';
import type { Span } from '../../../../src/model.js';
import type { FileClass } from '../files.js';
import { namedTag, type EnvTag, type Recorder } from '../recorder.js';
import { siblingValues, walkSection } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';
import { copyKind, copySource, isCopyKey, identifyValue } from '../values.js';
import { lookupTable } from '../../../../src/lookup-table.js';

/** Attributes that name a data store a resource creates (`declared`) or a data source looks up. */
const STORE_ATTRIBUTES: Readonly<Record<string, { attribute: string; identity: (value: string) => ResourceIdentity | undefined }>> = lookupTable({
  aws_db_instance: { attribute: 'identifier', identity: rdsIdentity },
  aws_rds_cluster: { attribute: 'cluster_identifier', identity: rdsIdentity },
  aws_db_proxy: { attribute: 'name', identity: rdsIdentity },
  aws_s3_bucket: { attribute: 'bucket', identity: (value) => bucketIdentity(value, 's3') },
  google_storage_bucket: { attribute: 'name', identity: (value) => bucketIdentity(value, 'gcs') },
  google_project: { attribute: 'project_id', identity: (value) => gcpProjectIdentity(value) },
  aws_dynamodb_table: { attribute: 'name', identity: dynamoTableIdentity },
  heroku_app: { attribute: 'name', identity: (value) => appIdentity(value, 'heroku') },
});
const LOOKUP_ATTRIBUTES: Readonly<Record<string, { attribute: string; identity: (value: string) => ResourceIdentity | undefined }>> = lookupTable({
  aws_db_instance: { attribute: 'db_instance_identifier', identity: rdsIdentity },
  aws_rds_cluster: { attribute: 'cluster_identifier', identity: rdsIdentity },
  aws_s3_bucket: { attribute: 'bucket', identity: (value) => bucketIdentity(value, 's3') },
  google_storage_bucket: { attribute: 'name', identity: (value) => bucketIdentity(value, 'gcs') },
});

/**
 * Secrets a configuration reads by name from the cloud's secret stores (`data "aws_secretsmanager_secret_version"
 * { secret_id = "prod/api/database" }`, `data "aws_ssm_parameter" { name = "/acme/prod/db-password" }`): a
 * non-production configuration reading one named for production holds production's credential.
 */
const aws = (value: string) => (value.startsWith('arn:') ? secretArnIdentity(value) : secretIdentity(value, 'aws-secrets-manager'));
const SECRET_LOOKUPS: Readonly<Record<string, { attribute: string; identity: (value: string) => ResourceIdentity | undefined }>> = lookupTable({
  aws_secretsmanager_secret_version: { attribute: 'secret_id', identity: aws },
  aws_secretsmanager_secret: { attribute: 'name', identity: aws },
  aws_ssm_parameter: { attribute: 'name', identity: (value) => (value.startsWith('arn:') ? secretArnIdentity(value) : secretIdentity(value, 'ssm')) },
  google_secret_manager_secret_version: { attribute: 'secret', identity: (value) => secretIdentity(value.replace(/^projects\/[^/]+\/secrets\//, ''), 'gcp-secret-manager') },
  google_secret_manager_secret_version_access: { attribute: 'secret', identity: (value) => secretIdentity(value.replace(/^projects\/[^/]+\/secrets\//, ''), 'gcp-secret-manager') },
});

/**
 * Cloud block volumes and disks, by the attribute that names them in a resource and in the data source that looks one
 * up. A non-production configuration that creates one of the same name is in another account (names are unique in
 * one), so only production's declarations are recorded; lookups are recorded in every environment.
 */
const BLOCK_VOLUMES: Readonly<Record<string, { attribute: string; provider: string; kind: 'volume' | 'disk'; title: string }>> = lookupTable({
  digitalocean_volume: { attribute: 'name', provider: 'digitalocean', kind: 'volume', title: 'DigitalOcean' },
  hcloud_volume: { attribute: 'name', provider: 'hetzner', kind: 'volume', title: 'Hetzner' },
  linode_volume: { attribute: 'label', provider: 'linode', kind: 'volume', title: 'Linode' },
  vultr_block_storage: { attribute: 'label', provider: 'vultr', kind: 'volume', title: 'Vultr' },
  google_compute_disk: { attribute: 'name', provider: 'gcp', kind: 'disk', title: 'Google Cloud' },
  azurerm_managed_disk: { attribute: 'name', provider: 'azure', kind: 'disk', title: 'Azure' },
});

function blockVolume(rec: Recorder, tag: EnvTag, block: MapNode, type: string, name: string, declared: boolean): void {
  const volume = BLOCK_VOLUMES[type];
  if (!volume || (declared && tag.environment !== 'production')) return;
  const build = (value: string) => blockVolumeIdentity(volume.provider, volume.kind, value, volume.title);
  recordAttribute(rec, tag, block, volume.attribute, build, `${declared ? '' : 'data.'}${type}.${name}.${volume.attribute}`, declared);
}

export function scanTerraform(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  // State locations are read below as state; one state bucket for every environment's keys is the norm.
  // Snapshot lookups name the instance a copy is made from, not one in use: read below as copies.
  // One configuration calling a module per environment (`module "staging" { environment = "staging" … }`): each
  // call's arguments are its environment's.
  const modules = new Map<MapEntry, EnvTag>();
  if (cls.kind === 'terraform' && cls.tag.environment === 'base') {
    for (const entry of root.entries) {
      const tag = entry.key === 'module' && entry.value.kind === 'map' ? moduleTag(entry.value) : undefined;
      if (tag) modules.set(entry, tag);
    }
  }
  const values: MapNode = {
    ...root,
    entries: root.entries.filter((entry) => entry.key !== 'terraform' && !modules.has(entry) && !(entry.key === 'data' && entry.value.kind === 'map' && (entry.value.block?.labels[0] === 'terraform_remote_state' || SNAPSHOT_LOOKUPS[entry.value.block?.labels[0] ?? ''] !== undefined))),
  };
  // What a database is copied from is read below with its block's address (`aws_db_instance.orders.snapshot_identifier`).
  const copies = cls.kind === 'terraform' ? { skipKey: (key: string) => isCopyKey(key) !== undefined } : {};
  walkSection(rec, topSection(cls, values), { ...walkOptions(cls), ...copies });
  for (const [entry, tag] of modules) {
    walkSection(rec, { ...topSection(cls, { ...root, entries: [entry] }), tag, role: 'plain', family: undefined }, { ...walkOptions(cls), ...copies });
  }
  for (const entry of root.entries) {
    const block = entry.value.kind === 'map' ? entry.value : undefined;
    if (cls.kind === 'terraform' && block && (entry.key === 'locals' || entry.key === 'variable')) copySources(rec, cls.tag, root, block, entry.key === 'locals' ? 'local' : `var.${block.block?.labels[0] ?? ''}`, cls.tag.environment !== 'base');
    if (!block?.block) continue;
    const [type, name] = block.block.labels;
    if (entry.key === 'resource' && type) {
      const store = STORE_ATTRIBUTES[type];
      if (store) recordAttribute(rec, cls.tag, block, store.attribute, store.identity, `${type}.${name}.${store.attribute}`, true);
      blockVolume(rec, cls.tag, block, type, name ?? '', true);
      if (type === 'vercel_project_environment_variable') vercelVariable(rec, block, cls.tag);
      if (type === 'vercel_project') for (const item of seqMaps(get(block, 'environment'))) vercelVariable(rec, item, cls.tag);
      if (cls.kind === 'terraform' && name) declareProductionBlock(rec, cls.tag, type, name, block);
    }
    if (entry.key === 'data' && type) {
      const lookup = LOOKUP_ATTRIBUTES[type];
      if (lookup) recordAttribute(rec, cls.tag, block, lookup.attribute, lookup.identity, `data.${type}.${name}.${lookup.attribute}`, false);
      const secret = SECRET_LOOKUPS[type];
      if (secret) recordAttribute(rec, cls.tag, block, secret.attribute, secret.identity, `data.${type}.${name}.${secret.attribute}`, false);
      blockVolume(rec, cls.tag, block, type, name ?? '', false);
      if (type === 'terraform_remote_state') remoteState(rec, cls.tag, block, name ?? '');
      if (SNAPSHOT_LOOKUPS[type]) snapshotLookup(rec, cls.tag, block, type, name ?? '');
    }
    if (cls.kind === 'terraform' && (entry.key === 'resource' || entry.key === 'module')) {
      // One configuration for every environment (workspaces, or a file declaring each): a copy is placed by its own block.
      const own = cls.tag.environment === 'base' && entry.key === 'resource' ? blockTag(type ?? '', block) : undefined;
      copySources(rec, own ?? cls.tag, root, block, (entry.key === 'module' ? ['module', ...block.block.labels] : block.block.labels).join('.'), cls.tag.environment !== 'base');
    }
    if (entry.key === 'terraform') {
      for (const inner of block.entries) {
        const backend = inner.value.kind === 'map' ? inner.value : undefined;
        if ((inner.key === 'backend' || inner.key === 'cloud') && backend) {
          const kind = inner.key === 'cloud' ? 'cloud' : (backend.block?.labels[0] ?? '');
          const config = stringAttributes(backend);
          const workspaces = get(backend, 'workspaces');
          if (workspaces?.kind === 'map') config.name = literalString(get(workspaces, 'name'));
          const identity = terraformStateIdentity(kind, config);
          if (identity) rec.resource(cls.tag, identity, backend.span, { variable: `terraform.backend.${kind}`, declared: true });
        }
      }
    }
  }
  workspaceConditions(rec, cls, root);
}

export function scanTerragrunt(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const values: MapNode = { ...root, entries: root.entries.filter((entry) => entry.key !== 'remote_state' && entry.key !== 'dependency' && entry.key !== 'generate') };
  walkSection(rec, topSection(cls, values), walkOptions(cls));
  const directory = rec.file.path.includes('/') ? rec.file.path.slice(0, rec.file.path.lastIndexOf('/')) : '';
  for (const entry of root.entries) {
    const block = entry.value.kind === 'map' ? entry.value : undefined;
    if (!block) continue;
    if (entry.key === 'dependency') {
      const configPath = get(block, 'config_path');
      const path = literalString(configPath);
      if (!path || !configPath) continue;
      const resolved = resolvePath(directory, path);
      const identity = terraformStateIdentity('dir', { path: resolved });
      if (identity) rec.resource(cls.tag, identity, configPath.span, { variable: `dependency.${block.block?.labels[0] ?? ''}.config_path` });
    }
    if (entry.key === 'remote_state') {
      const backend = literalString(get(block, 'backend'));
      const config = get(block, 'config');
      if (backend && config?.kind === 'map') {
        const identity = terraformStateIdentity(backend, stringAttributes(config));
        if (identity) rec.resource(cls.tag, identity, config.span, { variable: 'remote_state', declared: true });
      }
    }
  }
}

function recordAttribute(
  rec: Recorder,
  tag: EnvTag,
  block: MapNode,
  attribute: string,
  build: (value: string) => ResourceIdentity | undefined,
  variable: string,
  declared: boolean,
): void {
  const node = get(block, attribute);
  const value = literalString(node);
  const identity = value ? build(value) : undefined;
  if (identity && node) rec.resource(tag, identity, node.span, { variable, declared });
}

/** Data sources that find a snapshot to restore from: by its own name, or the latest of an instance or cluster. */
const SNAPSHOT_LOOKUPS: Readonly<Record<string, { snapshot: string; source: string }>> = lookupTable({
  aws_db_snapshot: { snapshot: 'db_snapshot_identifier', source: 'db_instance_identifier' },
  aws_db_cluster_snapshot: { snapshot: 'db_cluster_snapshot_identifier', source: 'db_cluster_identifier' },
});

/**
 * `data "aws_db_snapshot" "prod" { db_instance_identifier = "orders-prod", most_recent = true }`: a configuration
 * looks a snapshot up to restore a database from it (`snapshot_identifier = data.aws_db_snapshot.prod.id`).
 */
function snapshotLookup(rec: Recorder, tag: EnvTag, block: MapNode, type: string, name: string): void {
  const found = snapshotLookupIdentity(block, type);
  if (found) rec.resource(tag, { ...found.identity, copy: 'snapshot' }, found.node.span, { variable: `data.${type}.${name}.${found.attribute}` });
}

/** The snapshot a lookup finds: by its own name, else as a snapshot of the instance or cluster it names. */
function snapshotLookupIdentity(block: MapNode, type: string): { identity: ResourceIdentity; attribute: string; node: DataNode } | undefined {
  const attributes = SNAPSHOT_LOOKUPS[type]!;
  for (const attribute of [attributes.snapshot, attributes.source]) {
    const node = get(block, attribute);
    const value = literalString(node);
    const identity = value ? (attribute === attributes.snapshot ? rdsSnapshotIdentity(value) : rdsIdentity(value)) : undefined;
    if (!identity || !node) continue;
    const display = attribute === attributes.snapshot ? identity.display : `a snapshot of ${identity.display}`;
    return { identity: { ...identity, display }, attribute, node };
  }
  return undefined;
}

/** Database types the store table leaves out, by the attribute that names them: read only as a copy's source. */
const COPY_SOURCE_NAMES: Readonly<Record<string, { attribute: string; identity: (value: string) => ResourceIdentity | undefined }>> = lookupTable({
  google_sql_database_instance: { attribute: 'name', identity: cloudSqlInstanceIdentity },
  ...Object.fromEntries(
    ['postgresql_server', 'postgresql_flexible_server', 'mysql_server', 'mysql_flexible_server', 'mariadb_server', 'mariadb_flexible_server', 'mssql_server', 'mssql_flexible_server', 'cosmosdb_account'].map((type) => [
      `azurerm_${type}`,
      { attribute: 'name', identity: azureServerIdentity },
    ]),
  ),
});

const REFERENCE = /^(?:(data)\.)?([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(?:\[[^\]]*\])?(?:\.[\w[\]"-]+)+$/;

/**
 * The databases a block makes from another's data, by its copy keys (`snapshot_identifier`, `replicate_source_db`,
 * `clone { source_instance_name }`, `source_server_id`), named by a literal or by reference
 * (`source_server_id = data.azurerm_postgresql_flexible_server.prod.id`): the block a reference names, when this
 * file holds it, says which database; otherwise the reference's own name does (`module.db_prod`, `var.prod_snapshot_id`).
 * A variable's default is read as its own key's value (`variable "snapshot_identifier" { default = "…" }`).
 */
function copySources(rec: Recorder, tag: EnvTag, root: MapNode, node: DataNode, address: string, filePlaced: boolean): void {
  if (node.kind === 'seq') {
    for (const item of node.items) copySources(rec, tag, root, item, address, filePlaced);
    return;
  }
  if (node.kind !== 'map') return;
  const variable = address.startsWith('var.') ? address.slice(4) : undefined;
  for (const entry of node.entries) {
    const value = entry.value;
    if (value.kind !== 'scalar') {
      copySources(rec, tag, root, value, `${address}.${entry.key}`, filePlaced);
      continue;
    }
    const key = variable !== undefined && entry.key === 'default' ? variable : entry.key;
    if (!isCopyKey(key)) {
      if (address.startsWith('var.') || address.startsWith('local')) {
        workspaceSnapshot(rec, root, entry.key, value, `${address}.${entry.key}`, filePlaced);
        // A map of each workspace's settings (`settings = { staging = { db_snapshot = "orders-prod-final" } }`): the
        // snapshot is the workspace's, named by the key it sits under.
        const workspace = address.slice(address.lastIndexOf('.') + 1);
        if (SNAPSHOT_WORD.test(entry.key) && address.includes('.')) workspaceSnapshot(rec, root, workspace, value, `${address}.${entry.key}`, filePlaced);
      }
      continue;
    }
    const where = variable !== undefined ? address : `${address}.${entry.key}`;
    const literal = literalString(value);
    if (literal !== undefined) {
      const identity = copySource(key, literal, siblingValues(node));
      if (identity) rec.resource(tag, withDeclaredSource(rec, root, identity), value.span, { variable: where });
      continue;
    }
    const expression = value.expression?.trim();
    if (!expression) continue;
    if (REFERENCE.test(expression)) {
      const identity = referencedCopy(rec, root, expression, key, node, false);
      if (identity) rec.resource(tag, identity, value.span, { variable: where });
      continue;
    }
    // `terraform.workspace == "staging" ? data.aws_db_snapshot.prod.id : null`, `lookup(var.snapshots, terraform.workspace, null)`:
    // each workspace's branch is that environment's copy.
    for (const branch of workspaceBranches(root, expression, value.span)) {
      if (!branch.tag.environment || branch.tag.environment === 'production' || branch.tag.environment === 'base') continue;
      const identity =
        branch.literal !== undefined ? withDeclaredSource(rec, root, copySource(key, branch.literal, siblingValues(node))) : REFERENCE.test(branch.expression) ? referencedCopy(rec, root, branch.expression, key, node, !filePlaced) : undefined;
      if (identity) rec.resource(branch.tag, identity, branch.span, { variable: where });
    }
  }
}

/** A variable, local or key named for the snapshot it holds (`db_snapshots`, `restore_snapshot`, `snapshotId`). */
const SNAPSHOT_WORD = /snapshot/i;

/** An RDS snapshot by its ARN: named so only to restore from it (or copy it), whatever the key holding it is called. */
const SNAPSHOT_ARN = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(?:cluster-)?snapshot:/;

/**
 * An entry of a variable's or local's map keyed by workspace that names a snapshot (`restore_from = { staging =
 * "arn:aws:rds:…:snapshot:rds:orders-prod-…" }`, `{ staging = data.aws_db_snapshot.prod.id }`): the workspace's
 * database is restored from it, wherever the map is used (`var.restore_from[terraform.workspace]` in another file).
 */
function workspaceSnapshot(rec: Recorder, root: MapNode, name: string, value: ScalarNode, where: string, filePlaced: boolean): void {
  const tag = namedTag(name, 'key');
  if (!tag.environment || tag.environment === 'production' || tag.environment === 'base') return;
  const literal = literalString(value);
  const expression = value.expression?.trim() ?? '';
  const reference = literal === undefined && !filePlaced ? REFERENCE.exec(expression) : null;
  const lookup = reference?.[1] && SNAPSHOT_LOOKUPS[reference[2]!] ? blockOf(root, 'data', reference[2]!, reference[3]!) : undefined;
  // A bare name is a snapshot's where the map says so (`var.db_snapshots`, `db_snapshot = …`); an ARN says it itself.
  const named = literal !== undefined && (SNAPSHOT_ARN.test(literal) || SNAPSHOT_WORD.test(where));
  const identity = literal !== undefined ? (named ? rdsSnapshotIdentity(literal) : undefined) : lookup ? snapshotLookupIdentity(lookup, reference![2]!)?.identity : undefined;
  if (identity) rec.resource(tag, { ...identity, copy: 'snapshot' }, value.span, { variable: where });
}

/** A copy of a database named by a literal, which this file may declare (and place in production) itself. */
function withDeclaredSource<T extends ResourceIdentity | undefined>(rec: Recorder, root: MapNode, identity: T): T {
  if (!identity) return identity;
  for (const entry of root.entries) {
    const labels = entry.key === 'resource' && entry.value.kind === 'map' ? entry.value.block?.labels : undefined;
    if (!labels?.[0] || entry.value.kind !== 'map') continue;
    const declared = namedDatabase(labels[0], entry.value);
    if (declared?.identity === identity.identity) declareProductionSource(rec, labels[0], labels[1] ?? '', entry.value, declared);
  }
  return identity;
}

/**
 * The database a reference to another block copies: the block this file holds says which (a production instance by
 * its own labels or name is recorded as production's, for the copy to be matched with it); otherwise the reference's
 * own name does. A snapshot lookup is read where it is written, unless only a workspace's branch reaches it (`readsLookup`)
 * in a file placed nowhere, where the lookup itself belongs to no environment.
 */
function referencedCopy(rec: Recorder, root: MapNode, expression: string, key: string, node: MapNode, readsLookup: boolean): ResourceIdentity | undefined {
  const [, data, type, label] = REFERENCE.exec(expression)!;
  const referenced = data || !['var', 'local', 'module'].includes(type!) ? blockOf(root, data ? 'data' : 'resource', type!, label!) : undefined;
  if (referenced && data && SNAPSHOT_LOOKUPS[type!]) {
    const found = readsLookup ? snapshotLookupIdentity(referenced, type!) : undefined;
    return found && { ...found.identity, copy: 'snapshot' };
  }
  const identity = referenced ? namedDatabase(type!, referenced) : referenceIdentity(rec, expression, label!);
  if (!identity) return undefined;
  if (referenced && !data) declareProductionSource(rec, type!, label!, referenced, identity);
  return { ...identity, copy: copyKind(key, siblingValues(node))! };
}

/**
 * A copy's source declared in the same configuration and placed in production by its own block (`user_labels = {
 * environment = "production" }`, a name that says prod, `count = terraform.workspace == "prod" ? 1 : 0`): published as
 * production's database, so a copy of it is judged as one of production's whatever the source is called.
 */
function declareProductionSource(rec: Recorder, type: string, label: string, block: MapNode, identity: ResourceIdentity): void {
  const tag = blockTag(type, block);
  if (tag?.environment !== 'production') return;
  const named = databaseName(type, block);
  rec.resource(tag, identity, (named?.node ?? block).span, { variable: `${type}.${label}${named ? `.${named.attribute}` : ''}`, declared: true });
}

/** Label keys that say which environment a cloud resource belongs to. */
const ENVIRONMENT_LABEL = /^(?:env|environment|stage)$/i;
/** A block that exists in one workspace only: `count = terraform.workspace == "prod" ? 1 : 0`. */
const WORKSPACE_COUNT = /^(?:terraform\.workspace|var\.(?:env|environment|stage|workspace))\s*==\s*"([^"]+)"\s*\?\s*1\s*:\s*0$/;

/**
 * The environment a resource block says it belongs to: its labels or tags (`environment = "production"`, Cloud SQL's
 * `settings { user_labels }`), its own name when that names one environment alone, or the one workspace it exists in.
 */
/** A module call's environment: its label (`module "staging"`, `module "app_prod"`), else a literal `environment`, `env` or `stage` argument. */
function moduleTag(block: MapNode): EnvTag | undefined {
  const label = block.block?.labels[0];
  const named = label ? canonicalEnvironment(label) : undefined;
  if (named && named !== 'base') return { environment: named, name: label!, evidence: 'key' };
  for (const key of ['environment', 'env', 'stage', 'environment_name', 'env_name']) {
    const value = literalString(get(block, key));
    const environment = value ? canonicalEnvironment(value) : undefined;
    if (environment && environment !== 'base') return { environment, name: value!, evidence: 'value' };
  }
  return undefined;
}

function blockTag(type: string, block: MapNode): EnvTag | undefined {
  for (const labels of [get(block, 'tags'), get(block, 'labels'), get(block, 'user_labels'), get(get(block, 'settings'), 'user_labels')]) {
    if (labels?.kind !== 'map') continue;
    for (const entry of labels.entries) {
      const value = ENVIRONMENT_LABEL.test(entry.key) ? literalString(entry.value) : undefined;
      const environment = value ? canonicalEnvironment(value) : undefined;
      if (environment) return { environment, name: value!, evidence: 'value' };
    }
  }
  const name = databaseName(type, block)?.value;
  const named = name ? environmentsNamedIn(name) : undefined;
  if (name && named?.size === 1) return { environment: [...named][0]!, name, evidence: 'value' };
  const count = get(block, 'count');
  const countText = count?.kind === 'scalar' && count.expression ? count.expression.trim() : undefined;
  const workspace = countText ? (WORKSPACE_COUNT.exec(countText)?.[1] ?? workspaceSetCount(countText)) : undefined;
  const environment = workspace ? canonicalEnvironment(workspace) : undefined;
  return environment ? { environment, name: workspace!, evidence: 'key' } : undefined;
}

/** A workspace's value of an expression that chooses one per workspace. */
interface WorkspaceBranch {
  tag: EnvTag;
  literal?: string;
  /** The branch as written, when it is not a literal (a reference, `null`). */
  expression: string;
  span: Span;
}

const WORKSPACE = String.raw`(?:terraform\.workspace|var\.(?:env|environment|stage|workspace)|local\.(?:env|environment|stage|workspace))`;
const WORKSPACE_CONDITION = new RegExp(String.raw`^${WORKSPACE}\s*(==|!=)\s*"([^"$]+)"\s*\?\s*(.+?)\s*:\s*(.+)$`, 's');
const WORKSPACE_LOOKUP = new RegExp(String.raw`^(?:lookup\(\s*(var|local)\.([\w-]+)\s*,\s*${WORKSPACE}\s*(?:,[^)]*)?\)|(var|local)\.([\w-]+)\[\s*${WORKSPACE}\s*\])$`);

const WORKSPACE_SET = new RegExp(String.raw`^(!\s*)?contains\(\s*\[([^\]]*)\]\s*,\s*${WORKSPACE}\s*\)\s*\?\s*(.+?)\s*:\s*(.+)$`, 's');

/**
 * `contains(["prod", "production"], terraform.workspace) ? A : B` read as `terraform.workspace == "prod" ? A : B` when
 * the listed workspaces are one environment's (the names a team gives production, or staging and its twins).
 */
function workspaceSetCondition(expression: string): [string, string, string, string, string] | undefined {
  const match = WORKSPACE_SET.exec(expression);
  const name = match ? oneEnvironmentOf(match[2]!) : undefined;
  return match && name ? [match[0], match[1] ? '!=' : '==', name, match[3]!, match[4]!] : undefined;
}

/** `count = contains(["prod", "production"], terraform.workspace) ? 1 : 0`: the workspace the block exists in. */
function workspaceSetCount(expression: string): string | undefined {
  const condition = workspaceSetCondition(expression);
  return condition && condition[1] === '==' && condition[3] === '1' && condition[4] === '0' ? condition[2] : undefined;
}

/** The first of a list of quoted workspace names, when they all name one environment. */
function oneEnvironmentOf(list: string): string | undefined {
  const names = [...list.matchAll(/"([^"$]+)"/g)].map((match) => match[1]!);
  const environments = new Set(names.map((name) => canonicalEnvironment(name)));
  return names.length > 0 && environments.size === 1 && !environments.has(undefined) ? names[0] : undefined;
}

/**
 * The branches of `terraform.workspace == "staging" ? A : B` (the named workspace's, and every other's when the named
 * one is production), and the entries of a map keyed by workspace (`lookup(var.snapshots, terraform.workspace, null)`,
 * `local.restore_from[terraform.workspace]`) when this file holds the map.
 */
function workspaceBranches(root: MapNode, expression: string, span: Span): WorkspaceBranch[] {
  const condition = WORKSPACE_CONDITION.exec(expression) ?? workspaceSetCondition(expression);
  if (condition) {
    const [, operator, name, whenTrue, whenFalse] = condition;
    const [named, others] = operator === '==' ? [whenTrue!, whenFalse!] : [whenFalse!, whenTrue!];
    const environment = canonicalEnvironment(name!);
    const branches = [{ tag: { environment, name: name!, evidence: 'key' as const }, text: named }];
    // "Every other workspace" is non-production only when the named one is production.
    if (environment === 'production') branches.push({ tag: { environment: 'staging', name: `workspaces other than ${name}`, evidence: 'key' }, text: others });
    return branches.map(({ tag, text }) => ({ tag, expression: text, literal: /^"[^"$]*"$/.test(text) ? text.slice(1, -1) : undefined, span }));
  }
  const lookup = WORKSPACE_LOOKUP.exec(expression);
  if (!lookup) return [];
  const map = (lookup[1] ?? lookup[3]) === 'var' ? variableDefault(root, (lookup[2] ?? lookup[4])!) : localValue(root, (lookup[2] ?? lookup[4])!);
  if (map?.kind !== 'map') return [];
  return map.entries.flatMap((entry) => {
    if (entry.value.kind !== 'scalar') return [];
    const tag = namedTag(entry.key, 'key');
    return [{ tag, literal: literalString(entry.value), expression: entry.value.expression?.trim() ?? '', span: entry.value.span }];
  });
}
function blockOf(root: MapNode, key: 'data' | 'resource', type: string, label: string): MapNode | undefined {
  for (const entry of root.entries) {
    if (entry.key !== key || entry.value.kind !== 'map') continue;
    const labels = entry.value.block?.labels;
    if (labels?.[0] === type && labels[1] === label) return entry.value;
  }
  return undefined;
}

function namedDatabase(type: string, block: MapNode): ResourceIdentity | undefined {
  return databaseName(type, block)?.identity;
}

/**
 * The attribute that names a database block, its literal value and the identity it gives: a snapshot's (taken or
 * looked up), a declared store's, or a database's the store table leaves out.
 */
function databaseName(type: string, block: MapNode): { identity: ResourceIdentity; attribute: string; value: string; node: DataNode } | undefined {
  if (SNAPSHOT_LOOKUPS[type]) {
    const snapshot = snapshotLookupIdentity(block, type);
    return snapshot && { ...snapshot, value: literalString(snapshot.node)! };
  }
  const named = STORE_ATTRIBUTES[type] ?? COPY_SOURCE_NAMES[type];
  const node = named ? get(block, named.attribute) : undefined;
  const value = literalString(node);
  const identity = value ? named!.identity(value) : undefined;
  return identity?.kind === 'database' && node ? { identity, attribute: named!.attribute, value: value!, node } : undefined;
}

/** `variable "snapshots" { default = {…} }`. */
function variableDefault(root: MapNode, name: string): DataNode | undefined {
  for (const entry of root.entries) {
    if (entry.key === 'variable' && entry.value.kind === 'map' && entry.value.block?.labels[0] === name) return get(entry.value, 'default');
  }
  return undefined;
}

/** `locals { restore_from = {…} }`, from whichever `locals` block sets it. */
function localValue(root: MapNode, name: string): DataNode | undefined {
  for (const entry of root.entries) {
    const found = entry.key === 'locals' && entry.value.kind === 'map' ? get(entry.value, name) : undefined;
    if (found) return found;
  }
  return undefined;
}

/**
 * A reference this file cannot resolve, known by its own name (`data.terraform_remote_state.prod.outputs.db_id`). A
 * resource's is also known by its block's address in the module, which the file declaring it may place in production.
 */
function referenceIdentity(rec: Recorder, expression: string, label: string): ResourceIdentity | undefined {
  const directory = moduleDirectory(rec);
  const [, data, type] = REFERENCE.exec(expression) ?? [];
  const block = !data && type && !['var', 'local', 'module'].includes(type) ? [blockAddress(directory, type, label)] : [];
  return { kind: 'database', identity: `tf-ref:${directory}:${expression}`, otherIdentities: block, display: `\`${expression}\``, name: label, secrets: [] };
}

function moduleDirectory(rec: Recorder): string {
  return rec.file.path.includes('/') ? rec.file.path.slice(0, rec.file.path.lastIndexOf('/')) : '';
}

/** A resource block by its address in the module (every `.tf` file of a directory): `tf-block:infra:google_sql_database_instance.main`. */
function blockAddress(directory: string, type: string, label: string): string {
  return `tf-block:${directory}:${type}.${label}`;
}

/**
 * A database block its own labels, name or workspace count place in production, published by its address in the
 * module: a copy in another file of the module that names it by reference (`google_sql_database_instance.main.name`)
 * is then a copy of production's.
 */
function declareProductionBlock(rec: Recorder, fileTag: EnvTag, type: string, label: string, block: MapNode): void {
  const named = databaseName(type, block);
  if (!named || (blockTag(type, block) ?? fileTag).environment !== 'production') return;
  const address = blockAddress(moduleDirectory(rec), type, label);
  rec.resource({ environment: 'production', name: named.value, evidence: 'value' }, { ...named.identity, identity: address, otherIdentities: [] }, named.node.span, { variable: `${type}.${label}.${named.attribute}`, declared: true });
}

function remoteState(rec: Recorder, tag: EnvTag, block: MapNode, name: string): void {
  const backend = literalString(get(block, 'backend')) ?? '';
  const config = get(block, 'config');
  if (config?.kind !== 'map') return;
  const attributes = stringAttributes(config);
  const workspace = literalString(get(block, 'workspace'));
  if (workspace) attributes.workspace = workspace;
  const workspaces = get(config, 'workspaces');
  if (workspaces?.kind === 'map') attributes.name = literalString(get(workspaces, 'name'));
  const identity = terraformStateIdentity(backend, attributes);
  if (identity) rec.resource(tag, identity, block.span, { variable: `data.terraform_remote_state.${name}`, connectsTo: dataStoreOutputUse(rec.file.text, name) });
}

/**
 * The first argument of the file that connects to a data store through one of the state's outputs
 * (`database_host = data.terraform_remote_state.production.outputs.db_address`): the environment then uses that
 * state's database, not only reads its state.
 */
function dataStoreOutputUse(text: string, name: string): string | undefined {
  if (!/^[\w-]+$/.test(name)) return undefined;
  const uses = new RegExp(`^[ \\t]*([A-Za-z_][\\w-]*)[ \\t]*=[ \\t]*data\\.terraform_remote_state\\.${name}\\.outputs\\.([A-Za-z_][\\w-]*)[ \\t]*$`, 'gm');
  for (const use of text.matchAll(uses)) {
    if (namesDataStoreOutput(use[1]!, use[2]!)) return `${use[1]} = data.terraform_remote_state.${name}.outputs.${use[2]}`;
  }
  return undefined;
}

/**
 * `vercel_project_environment_variable { key, value, target = ["production", "preview"] }`: one value in every
 * target environment, so a database URL aimed at production and preview is shared by them on this very line.
 */
function vercelVariable(rec: Recorder, block: MapNode, fallback: EnvTag): void {
  const key = literalString(get(block, 'key'));
  const valueNode = get(block, 'value');
  const value = literalString(valueNode);
  const targets = get(block, 'target');
  if (!key || !valueNode) return;
  // A reference (`var.main_db_url`, `neon_project.main.connection_uri`) is one value in every target, whatever it is:
  // a database variable given to production and preview alike is one database.
  const reference = value === undefined && valueNode.kind === 'scalar' ? valueNode.expression?.trim() : undefined;
  const identities =
    value !== undefined
      ? identifyValue(value, { variable: key, path: [key] })
      : reference && /^[\w.[\]"-]+$/.test(reference) && DATABASE_VARIABLE.test(key)
        ? [{ kind: 'database' as const, identity: `tf-value:${rec.file.path}:${reference}`, otherIdentities: [], display: `database ${reference}`, name: reference, secrets: [] }]
        : [];
  const names = targets?.kind === 'seq' ? targets.items.map((item) => literalString(item)).filter((item): item is string => !!item) : [];
  const tags: EnvTag[] = names.length > 0 ? names.map((target) => ({ environment: canonicalEnvironment(target), name: target, evidence: 'key' })) : [fallback];
  for (const tag of tags) for (const identity of identities) rec.resource(tag, identity, valueNode.span, { variable: key });
}

const DATABASE_VARIABLE = /(?:^|_)(?:DATABASE|DB|POSTGRES|PG|MYSQL|MONGO(?:DB)?|TURSO|LIBSQL)(?:_|$)/i;

/**
 * `db_host = terraform.workspace == "prod" ? "orders-prod.….rds.amazonaws.com" : "orders-prod.….rds.amazonaws.com"`:
 * the first branch is the named workspace's, the second every other workspace's.
 */
function workspaceConditions(rec: Recorder, cls: FileClass, node: DataNode, key?: string): void {
  if (node.kind === 'map') {
    for (const entry of node.entries) workspaceConditions(rec, cls, entry.value, entry.key);
    return;
  }
  if (node.kind === 'seq') {
    for (const item of node.items) workspaceConditions(rec, cls, item, key);
    return;
  }
  const text = node.expression;
  // A copy's source chosen by workspace is read with its block (copySources).
  if (!text || !key || (cls.kind === 'terraform' && isCopyKey(key))) return;
  const match = /(terraform\.workspace|var\.(?:env|environment|stage|workspace))\s*(==|!=)\s*"([^"]+)"\s*\?\s*"([^"$]*)"\s*:\s*"([^"$]*)"/.exec(text);
  if (!match) return;
  const named = canonicalEnvironment(match[3]!);
  const [first, second] = match[2] === '==' ? [match[4]!, match[5]!] : [match[5]!, match[4]!];
  const namedTag: EnvTag = { environment: named, name: match[3]!, evidence: 'key' };
  record(rec, namedTag, first, key, node);
  // "Every other workspace" is non-production only when the named one is production.
  if (named === 'production') record(rec, { environment: 'staging', name: `workspaces other than ${match[3]}`, evidence: 'key' }, second, key, node);
}

function record(rec: Recorder, tag: EnvTag, value: string, key: string, node: ScalarNode): void {
  for (const identity of identifyValue(value, { variable: key, path: [key] })) rec.resource(tag, identity, node.span, { variable: key });
  if (/host|endpoint|address/i.test(key)) {
    const host = databaseHostIdentity(value);
    if (host) rec.resource(tag, host, node.span, { variable: key });
  }
}

function stringAttributes(map: MapNode): Record<string, string | undefined> {
  const values: Record<string, string | undefined> = {};
  for (const entry of map.entries as MapEntry[]) {
    const value = literalString(entry.value);
    if (value !== undefined) values[entry.key] = value;
  }
  return values;
}

function seqMaps(node: DataNode | undefined): MapNode[] {
  if (!node) return [];
  if (node.kind === 'seq') return node.items.filter((item): item is MapNode => item.kind === 'map');
  return [];
}

/** `live/staging/app` + `../../prod/vpc` -> `live/prod/vpc`. */
function resolvePath(directory: string, relative: string): string {
  const parts = relative.startsWith('/') ? [] : directory.split('/').filter(Boolean);
  for (const part of relative.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return parts.join('/');
}
