// Terraform: data-store resources (RDS/Aurora, DynamoDB, S3, EFS, EBS, DocumentDB, Cloud SQL, AlloyDB, GCS, Firestore,
// Azure databases and storage accounts, DigitalOcean databases and Spaces, R2, Scaleway, Linode, Vultr, Aiven, Atlas,
// Railway, Render, Supabase, Neon, Upstash Redis), their destructive settings, and the backups configured beside them
// (AWS Backup plans, selections and copy actions, DLM policies, RDS cross-region backup replication, S3 replication). Provider
// blocks give account and region; cross-file references (and tag selections) are resolved later.
import { lookupTable } from '../../../src/lookup-table.js';
import type { DataStore, DestructiveSetting, VariableSetting } from '../../../src/facts/datastore.js';
import type { DataNode, MapNode } from '../../../src/parse/data-tree.js';
import { parseArn } from '../backups/destinations.js';
import { DATABASE_SERVER_NAME, DATABASE_WORDS, directoryOf, environmentNamed, environmentOf, isTruthy, itemsOf, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { isBucketData } from './buckets.js';
import { RAILWAY_BUILT_IN } from './railway.js';
import { scanLocals, templateWords, variableOf } from './terraform-variables.js';

export function isTerraform(path: string): boolean {
  return /\.tf$/i.test(path);
}

interface Resource {
  type: string;
  label: string;
  body: MapNode;
  line: number;
  /** A registry module read as the resource it wraps: other resources refer to it as `module.<label>`. */
  module?: boolean;
  /** Read from a committed state file: what was applied, without the configuration's `lifecycle` (never stored). */
  fromState?: boolean;
}

function attribute(node: DataNode | undefined, key: string): DataNode | undefined {
  return mapOf(node)?.entries.find((entry) => entry.key === key && !(entry.value.kind === 'map' && entry.value.block))?.value;
}

function block(node: DataNode | undefined, type: string): MapNode | undefined {
  const found = mapOf(node)?.entries.find((entry) => entry.key === type && entry.value.kind === 'map');
  return found ? (found.value as MapNode) : undefined;
}

function blocks(node: DataNode | undefined, type: string): MapNode[] {
  const found: MapNode[] = [];
  for (const entry of mapOf(node)?.entries ?? []) {
    if (entry.value.kind !== 'map') continue;
    if (entry.key === type) found.push(entry.value);
    // `dynamic "copy_action" { for_each = … content { … } }` writes the block as its `content`, for the cases its
    // `for_each` keeps (usually the production workspace's): taken as written.
    else if (entry.key === 'dynamic' && entry.value.block?.labels[0] === type) {
      const content = entry.value.entries.find((inner) => inner.key === 'content' && inner.value.kind === 'map')?.value;
      if (content?.kind === 'map') found.push(content);
    }
  }
  return found;
}

function lineOf(node: MapNode, key: string): number {
  return node.entries.find((entry) => entry.key === key)?.keySpan.line ?? node.span.line;
}

/** `envs/production` + `../../modules/app` -> `modules/app` (repo-relative, `.` for the root). */
export function joinPath(directory: string, relative: string): string {
  const parts = directory === '.' || directory === '' ? [] : directory.split('/');
  for (const part of relative.replace(/\/+$/, '').split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.length === 0 ? '.' : parts.join('/');
}

/** `aws_db_instance.main.arn` -> `aws_db_instance.main`. */
function referenceOf(node: DataNode | undefined): string | undefined {
  const text = node?.kind === 'scalar' ? node.expression : undefined;
  const match = text ? /^([a-z][a-z0-9_]*)\.([A-Za-z_][\w-]*)(\[[^\]]*\])?\.[a-z_]+$/.exec(text.trim()) : undefined;
  return match ? `${match[1]}.${match[2]}` : undefined;
}

export function scanTerraform(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const directory = directoryOf(inventory.path);
  // Provider blocks and backends make a directory a root configuration (a module has neither).
  for (const entry of root.entries) {
    const map = mapOf(entry.value);
    if (!map?.block) continue;
    if (entry.key === 'provider') {
      const name = map.block.labels[0] ?? '';
      const alias = literalOf(attribute(map, 'alias'));
      const assumeRole = block(map, 'assume_role');
      const roleArn = literalOf(attribute(assumeRole, 'role_arn'));
      const allowed = attribute(map, 'allowed_account_ids');
      const allowedAccount = allowed?.kind === 'seq' ? literalOf(allowed.items[0]) : undefined;
      inventory.context({
        kind: 'terraform-provider',
        directory,
        name: alias ? `${name}.${alias}` : name,
        value: name,
        account: (roleArn ? parseArn(roleArn)?.account : undefined) ?? allowedAccount ?? literalOf(attribute(map, 'project')) ?? literalOf(attribute(map, 'subscription_id')),
        region: literalOf(attribute(map, 'region')) ?? literalOf(attribute(map, 'location')),
        location: inventory.line(map.span.line),
      });
      inventory.context({ kind: 'terraform-root', directory, location: inventory.line(map.span.line) });
      const defaults = block(map, 'default_tags');
      if (defaults) {
        for (const tag of selectableTags(defaults) ?? ['*']) inventory.context({ kind: 'default-tags', directory, name: tag, location: inventory.line(defaults.span.line) });
      }
    } else if (entry.key === 'module') {
      // A local module is deployed where it is called: `module "app" { source = "../../modules/app", environment = "production" }`.
      const source = literalOf(attribute(map, 'source'));
      if (!source || !/^\.\.?\//.test(source)) continue;
      const named = ['environment', 'env', 'stage', 'environment_name'].map((key) => literalOf(attribute(map, key))).find((value) => value !== undefined);
      const environment = environmentNamed(named) ?? environmentOf(inventory.path, []);
      // `name` is the call's address (`envs/prod:module.db`): a backup selection there may name `module.db.arn`.
      const callee = joinPath(directory, source);
      const call = inventory.line(map.span.line);
      inventory.context({ kind: 'terraform-module-call', directory: callee, name: `${directory}:module.${map.block.labels[0] ?? ''}`, value: environment ?? '', location: call });
      // The inputs it sets decide the module's variables (`deletion_protection = false`, or the caller's own `var.…`).
      for (const input of map.entries) {
        if (MODULE_META.has(input.key) || input.value.kind !== 'scalar') continue;
        const value = literalOf(input.value);
        const variable = value === undefined ? variableOf(input.value) : undefined;
        if (value !== undefined || variable) inventory.context({ kind: 'terraform-module-input', directory: callee, name: input.key, value, variable, location: call });
      }
    } else if (entry.key === 'locals') {
      scanLocals(inventory, map, directory);
    } else if (entry.key === 'variable' && map.block.labels[0]) {
      const value = literalOf(attribute(map, 'default'));
      if (value !== undefined) inventory.context({ kind: 'terraform-variable', directory, name: map.block.labels[0], value, location: inventory.line(lineOf(map, 'default')) });
    } else if (entry.key === 'terraform' && (block(map, 'backend') || block(map, 'cloud'))) {
      inventory.context({ kind: 'terraform-root', directory, location: inventory.line(map.span.line) });
      inventory.context({ kind: 'deploys', value: 'terraform', location: inventory.line(map.span.line) });
    }
  }
  const resources: Resource[] = [];
  for (const entry of root.entries) {
    const map = mapOf(entry.value);
    if (entry.key === 'module' && map?.block?.labels[0]) {
      const standIn = registryModuleResource(map);
      if (standIn) resources.push({ ...standIn, label: map.block.labels[0], line: map.span.line, module: true });
      continue;
    }
    if (entry.key !== 'resource' || !map?.block) continue;
    const [type, label] = map.block.labels;
    if (!type || !label) continue;
    resources.push({ type, label, body: map, line: map.span.line });
    const provider = textOf(attribute(map, 'provider'));
    if (provider) inventory.context({ kind: 'terraform-resource-provider', directory, name: `${type}.${label}`, value: provider.trim(), location: inventory.line(map.span.line) });
  }
  for (const resource of resources) scanResource(inventory, resource, resources, directory);
}

/** A committed state file (`terraform.tfstate`, not its `.backup` copy). */
export function isTerraformState(path: string): boolean {
  return /(^|\/)[^/]*\.tfstate$/i.test(path);
}

/**
 * Data-store types read from a committed state: the stores themselves, whose attributes are the applied arguments
 * (`deletion_protection`, `backup_retention_period`, `skip_final_snapshot`). Resources that protect another one
 * (versioning, replication, backup selections) point at it by reference in the configuration and by a bare id in the
 * state, so they are left to the configuration.
 */
const STATE_STORE_TYPES = new Set([
  'aws_db_instance', 'aws_rds_cluster', 'aws_docdb_cluster', 'aws_neptune_cluster', 'aws_dynamodb_table', 'aws_s3_bucket', 'aws_ebs_volume',
  'aws_efs_file_system', 'aws_redshift_cluster', 'aws_lightsail_database', 'google_sql_database_instance', 'google_storage_bucket',
  'google_firestore_database', 'google_alloydb_cluster', 'digitalocean_database_cluster', 'digitalocean_volume', 'digitalocean_spaces_bucket',
  'hcloud_volume', 'linode_volume', 'vultr_block_storage', 'azurerm_postgresql_flexible_server', 'azurerm_postgresql_server',
  'azurerm_mysql_flexible_server', 'azurerm_mysql_server', 'azurerm_mariadb_server', 'azurerm_mssql_server', 'azurerm_cosmosdb_account',
  'scaleway_rdb_instance', 'linode_database_postgresql', 'linode_database_postgresql_v2', 'linode_database_mysql',
]);

/**
 * A committed `terraform.tfstate` (format 4): its managed resources' instances, read as the configuration's resources
 * would be. A state proves its directory was applied: a root configuration that deploys.
 */
export function scanTerraformState(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root || literalOf(attribute(root, 'version')) !== '4') return;
  // A workspace's state sits under the configuration's `terraform.tfstate.d/<workspace>/`.
  const workspace = /^(?:(.*)\/)?terraform\.tfstate\.d\/[^/]+\/[^/]+$/.exec(inventory.path);
  const directory = workspace ? (workspace[1] ?? '.') : directoryOf(inventory.path);
  const found: Resource[] = [];
  for (const item of itemsOf(attribute(root, 'resources'))) {
    const resource = mapOf(item);
    if (!resource || literalOf(attribute(resource, 'mode')) !== 'managed') continue;
    const type = literalOf(attribute(resource, 'type'));
    const label = literalOf(attribute(resource, 'name'));
    if (!type || !label || !STATE_STORE_TYPES.has(type)) continue;
    for (const instance of itemsOf(attribute(resource, 'instances'))) {
      const attributes = mapOf(attribute(mapOf(instance), 'attributes'));
      if (!attributes) continue;
      found.push({ type, label, body: stateBody(attributes), line: resource.span.line, fromState: true });
    }
  }
  if (found.length === 0) return;
  inventory.context({ kind: 'terraform-root', directory, location: inventory.line(1) });
  inventory.context({ kind: 'deploys', value: 'terraform', location: inventory.line(1) });
  for (const resource of found) scanResource(inventory, resource, found, directory);
}

/**
 * A state instance's attributes in the configuration's shape: nested blocks are stored as lists of objects
 * (`"settings": [{"backup_configuration": [{…}]}]`), which become blocks again; `null` means not set.
 */
function stateBody(attributes: MapNode): MapNode {
  const entries: MapNode['entries'] = [];
  for (const entry of attributes.entries) {
    const value = entry.value;
    if (value.kind === 'scalar' && value.value === null) continue;
    if (value.kind === 'seq' && value.items.length > 0 && value.items.every((item) => item.kind === 'map')) {
      for (const item of value.items) entries.push({ key: entry.key, keySpan: entry.keySpan, value: { ...stateBody(item as MapNode), block: { type: entry.key, labels: [] } } });
      continue;
    }
    if (value.kind === 'seq' && value.items.length === 0) continue;
    entries.push(entry);
  }
  return { kind: 'map', span: attributes.span, entries };
}

/** Arguments of a module call that are Terraform's, not the module's inputs. */
const MODULE_META = new Set(['source', 'version', 'providers', 'count', 'for_each', 'depends_on']);

/**
 * Registry modules that wrap one store, read as the resource they create: their inputs carry the resource's own
 * argument names (`terraform-aws-modules/rds/aws` takes `identifier`, `backup_retention_period`,
 * `delete_automated_backups`...), and their defaults are the resource's. Aurora's module names the cluster `name`.
 */
const REGISTRY_MODULES: ReadonlyArray<{ source: RegExp; type: string; renames?: Readonly<Record<string, string>> }> = [
  { source: /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/rds\/aws(?:\/\/modules\/db_instance)?$/, type: 'aws_db_instance' },
  { source: /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/rds-aurora\/aws$/, type: 'aws_rds_cluster', renames: { name: 'cluster_identifier' } },
  { source: /^(?:registry\.terraform\.io\/)?terraform-aws-modules\/dynamodb-table\/aws$/, type: 'aws_dynamodb_table' },
];

function registryModuleResource(call: MapNode): { type: string; body: MapNode } | undefined {
  const source = literalOf(attribute(call, 'source'))?.replace(/\?ref=.*$/, '');
  const known = source ? REGISTRY_MODULES.find((module) => module.source.test(source)) : undefined;
  if (!known) return undefined;
  if (!known.renames) return { type: known.type, body: call };
  const renames = known.renames;
  return { type: known.type, body: { ...call, entries: call.entries.map((entry) => (renames[entry.key] ? { ...entry, key: renames[entry.key]! } : entry)) } };
}

function tagsOf(body: MapNode): Record<string, string> {
  const tags: Record<string, string> = {};
  for (const key of ['tags', 'labels']) {
    for (const entry of mapOf(attribute(body, key))?.entries ?? []) {
      const value = literalOf(entry.value);
      if (value) tags[entry.key.toLowerCase()] = value;
    }
  }
  return tags;
}

/**
 * A resource's tags as AWS Backup's tag selections match them: `key=value` for each literal tag, and `*` when a tag or
 * the whole map is computed (`merge(local.tags, …)`, `var.tags`), since any tag may then be there.
 */
function selectableTags(body: MapNode): string[] | undefined {
  const tags = attribute(body, 'tags');
  if (!tags) return undefined;
  const map = mapOf(tags);
  if (!map) return ['*'];
  return map.entries.map((entry) => {
    const value = literalOf(entry.value);
    return value === undefined ? '*' : `${entry.key}=${value}`.toLowerCase();
  });
}

/**
 * The `key=value` tags an AWS Backup selection picks by (`selection_tag` blocks, `condition { string_equals }`), and
 * whether a condition narrows its `resources`; no tags when it picks by none; undefined when one cannot be read as an
 * exact tag (a pattern, an expression).
 */
function tagSelections(selection: MapNode): { tags: string[]; narrowed: boolean } | undefined {
  const found: string[] = [];
  let narrowed = false;
  for (const tag of blocks(selection, 'selection_tag')) {
    const type = literalOf(attribute(tag, 'type'));
    const key = literalOf(attribute(tag, 'key'));
    const value = literalOf(attribute(tag, 'value'));
    if (type !== 'STRINGEQUALS' || key === undefined || value === undefined) return undefined;
    found.push(`${key}=${value}`.toLowerCase());
  }
  for (const condition of blocks(selection, 'condition')) {
    for (const entry of condition.entries) {
      if (entry.value.kind !== 'map') continue;
      if (entry.key !== 'string_equals') return undefined;
      const key = literalOf(attribute(entry.value, 'key'))?.replace(/^aws:ResourceTag\//, '');
      const value = literalOf(attribute(entry.value, 'value'));
      if (key === undefined || value === undefined) return undefined;
      found.push(`${key}=${value}`.toLowerCase());
      narrowed = true;
    }
  }
  return { tags: found, narrowed };
}

/** A storage account's blob versioning, or soft delete of blobs or containers (`blob_properties`). */
function blobVersioned(body: MapNode): boolean {
  const blob = block(body, 'blob_properties');
  return isTruthy(attribute(blob, 'versioning_enabled')) === true || block(blob, 'delete_retention_policy') !== undefined || block(blob, 'container_delete_retention_policy') !== undefined;
}

function environmentOfResource(inventory: Inventory, names: Array<string | undefined>, body: MapNode): string | undefined {
  const tags = tagsOf(body);
  const tagged = tags.environment ?? tags.env ?? tags.stage;
  // A GCP resource's project often carries the environment (`project = "carelog-prod"`).
  return environmentOf(inventory.path, []) ?? environmentNamed(tagged) ?? environmentOf('', [...names, literalOf(attribute(body, 'project'))]);
}

const VPS_PROVIDERS: Readonly<Record<string, { provider: string; title: string }>> = lookupTable({
  hcloud: { provider: 'hetzner', title: 'Hetzner' },
  linode: { provider: 'linode', title: 'Linode' },
  vultr: { provider: 'vultr', title: 'Vultr' },
  digitalocean: { provider: 'digitalocean', title: 'DigitalOcean' },
});

/** Providers of the snapshot resources, by their Terraform prefix. */
const SNAPSHOT_PROVIDERS: Readonly<Record<string, { provider: string; title: string }>> = lookupTable({
  digitalocean: { provider: 'digitalocean', title: 'DigitalOcean' },
  aws: { provider: 'aws', title: 'AWS' },
  google: { provider: 'gcp', title: 'Google Cloud' },
  hcloud: { provider: 'hetzner', title: 'Hetzner' },
});

const CLOUD_DISKS: Readonly<Record<string, { provider: string; title: string }>> = lookupTable({
  aws: { provider: 'aws', title: 'AWS' },
  azurerm: { provider: 'azure', title: 'Azure' },
  google: { provider: 'gcp', title: 'Google Cloud' },
});

/**
 * Managed databases whose backups only their provider keeps: the argument that names one, and the setting that turns
 * its backups off.
 */
const MANAGED_DATABASES: Readonly<Record<string, { provider: string; nameKey: string; backups: string; off?: { key: string; value: string } }>> = lookupTable({
  google_alloydb_cluster: { provider: 'gcp', nameKey: 'cluster_id', backups: 'AlloyDB continuous and automated backups stay in the same Google Cloud project' },
  scaleway_rdb_instance: { provider: 'scaleway', nameKey: 'name', backups: 'Scaleway keeps automated backups in the same project', off: { key: 'disable_backup', value: 'true' } },
  linode_database_postgresql: { provider: 'linode', nameKey: 'label', backups: 'Linode keeps automatic backups in the same account' },
  linode_database_postgresql_v2: { provider: 'linode', nameKey: 'label', backups: 'Linode keeps automatic backups in the same account' },
  linode_database_mysql: { provider: 'linode', nameKey: 'label', backups: 'Linode keeps automatic backups in the same account' },
  linode_database_mysql_v2: { provider: 'linode', nameKey: 'label', backups: 'Linode keeps automatic backups in the same account' },
  vultr_database: { provider: 'vultr', nameKey: 'label', backups: 'Vultr keeps automatic backups in the same account' },
  aiven_pg: { provider: 'aiven', nameKey: 'service_name', backups: 'Aiven keeps backups with the service, in the same Aiven project' },
  aiven_mysql: { provider: 'aiven', nameKey: 'service_name', backups: 'Aiven keeps backups with the service, in the same Aiven project' },
});

/** What an AWS Backup restore testing selection's `protected_resource_type` restores. */
const RESTORE_TESTED_ENGINES: Readonly<Record<string, string[]>> = lookupTable({
  RDS: ['postgres', 'mysql', 'mssql', 'database'],
  AURORA: ['postgres', 'mysql', 'database'],
  DOCUMENTDB: ['mongo'],
  NEPTUNE: ['database'],
  DYNAMODB: ['dynamodb'],
  EBS: ['volume'],
  EC2: ['volume'],
  EFS: ['file-system'],
  S3: ['object-storage'],
});

/** A volume named for data, a database's or files' (`pgdata-prod`, `uploads`), not for logs or a cache. */
const DATA_VOLUME_NAME = new RegExp(`(?:^|[^a-z])(?:${DATABASE_WORDS}|uploads?|media|files|storage|minio)(?:[^a-z]|$)`, 'i');

/** Labels modules give their one resource of a kind: alone they name nothing a reader can find. */
const GENERIC_LABELS = new Set(['this', 'main', 'default', 'primary', 'db', 'database', 'bucket', 'instance', 'cluster', 'self']);

/** A resource's name for messages when its own name is computed: its label, or its address in its module's directory. */
function shownLabel(resource: Resource, directory: string): string {
  return GENERIC_LABELS.has(resource.label) ? `${resource.type}.${resource.label} in ${directory || 'the root module'}` : resource.label;
}

type ComputedName = NonNullable<DataStore['computedName']>;

/**
 * `"${var.project_id}-statements"`, `"acme-${terraform.workspace}-db"`, `var.bucket_name`: a name written as a template
 * (a bare `var.`/`local.` reference is a template of one), whatever its interpolations are; the backup stage fills in
 * those it finds values for.
 */
function computedNameOf(node: DataNode | undefined, namespace: string): ComputedName | undefined {
  const text = node?.kind === 'scalar' ? node.expression?.trim() : undefined;
  const template = text && /^"[^"]*"$/.test(text) ? text.slice(1, -1) : text && /^(?:(?:var|local)\.[A-Za-z_][\w-]*|terraform\.workspace)$/.test(text) ? `\${${text}}` : undefined;
  return template && /\$\{[^}]+\}/.test(template) ? { template, namespace } : undefined;
}

/**
 * A computed name whose written words say nothing either way (not a log or state bucket, no data word, no
 * environment): the values its variables take decide, once every file is read.
 */
function undecidedName(computed: ComputedName | undefined, words: string, label: string, environment: string | undefined): ComputedName | undefined {
  // Judged as if production: only a word naming derived or disposable objects keeps a production bucket out.
  return computed && environment === undefined && isBucketData(words, label, 'production') ? computed : undefined;
}

/** The argument naming a store of each kind (`name` or `label` for the rest), and the namespace its made name is an identity in. */
const NAME_KEYS: Readonly<Record<string, string>> = lookupTable({
  aws_db_instance: 'identifier',
  aws_rds_cluster: 'cluster_identifier',
  aws_docdb_cluster: 'cluster_identifier',
  aws_neptune_cluster: 'cluster_identifier',
  aws_redshift_cluster: 'cluster_identifier',
  aws_lightsail_database: 'relational_database_name',
  google_alloydb_cluster: 'cluster_id',
  aiven_pg: 'service_name',
  aiven_mysql: 'service_name',
});
const NAME_NAMESPACES: Readonly<Record<string, string>> = lookupTable({
  aws_db_instance: 'aws:rds',
  aws_rds_cluster: 'aws:rds',
  aws_dynamodb_table: 'aws:dynamodb',
  google_sql_database_instance: 'gcp:sql',
  google_firestore_database: 'gcp:firestore',
});

/** A template name the resource is given in its name argument: a store whatever name it makes. */
function templateNameOf(body: MapNode, type: string): ComputedName | undefined {
  const node = NAME_KEYS[type] ? attribute(body, NAME_KEYS[type]!) : attribute(body, 'name') ?? attribute(body, 'label');
  const computed = literalOf(node) === undefined ? computedNameOf(node, NAME_NAMESPACES[type] ?? '') : undefined;
  return computed ? { ...computed, decided: true } : undefined;
}

function preventDestroy(body: MapNode): boolean {
  return isTruthy(attribute(block(body, 'lifecycle'), 'prevent_destroy')) === true;
}

function scanResource(inventory: Inventory, resource: Resource, all: Resource[], directory: string): void {
  const { type, label, body } = resource;
  const address = `${type}.${label}`;
  const identity = `terraform:${directory}:${address}`;
  const location = inventory.line(resource.line);
  const settings: DestructiveSetting[] = [];
  const setting = (kind: string, key: string, text: string, explicit: boolean) =>
    settings.push({ kind, setting: text, explicit, location: explicit ? inventory.line(lineOf(body, key)) : location });
  const noPreventDestroy = () => {
    if (!resource.fromState && !preventDestroy(body)) setting('no-prevent-destroy', 'lifecycle', 'no lifecycle { prevent_destroy = true }', false);
  };
  // The same settings written as an input variable (`deletion_protection = var.deletion_protection`): decided once the
  // variable's value (its default, a tfvars file, a module call's input) is known.
  const variableSettings: VariableSetting[] = [];
  const byVariable = (kind: string, key: string, when: string, builtInBackup?: VariableSetting['builtInBackup']) => {
    const variable = variableOf(attribute(body, key));
    if (variable) variableSettings.push({ kind, key, variable, when, location: inventory.line(lineOf(body, key)), builtInBackup });
  };
  const name = (key: string) => literalOf(attribute(body, key));
  // Every store carries its tags, which AWS Backup's tag selections pick by.
  // A store named by a template is shown by the template until the backup stage makes the name, never by its label
  // (which names nothing a reader finds in the cloud); an identity made from the label is dropped.
  const store = (fact: Parameters<Inventory['store']>[0]) => {
    const shown = shownLabel(resource, directory);
    const byLabel = fact.name === label || fact.name === shown;
    const computedName = fact.computedName ?? (byLabel ? templateNameOf(body, type) : undefined);
    const named = computedName && byLabel ? { name: computedName.template, identities: fact.identities.filter((id) => id === identity || !id.endsWith(`:${label}`)) } : {};
    inventory.store({
      ...fact,
      ...named,
      ...(computedName ? { computedName } : {}),
      identities: resource.module ? [...(named.identities ?? fact.identities), `terraform:${directory}:module.${label}`] : named.identities ?? fact.identities,
      tags: selectableTags(body),
      ...(variableSettings.length > 0 ? { variableSettings } : {}),
    });
  };
  const sameDir = (t: string) => all.filter((candidate) => candidate.type === t);
  const refersTo = (candidate: Resource, key: string) => referenceOf(attribute(candidate.body, key)) === address;
  // A server or disk the team runs a database or files on: a store of the provider, named by its kind and name.
  const selfManagedDisk = (provider: string, diskName: string, kind: string, builtInBackup: DataStore['builtInBackup']) => {
    noPreventDestroy();
    store({
      platform: provider,
      provider,
      engine: 'volume',
      name: diskName,
      environment: environmentOfResource(inventory, [diskName, label], body),
      location,
      identities: [identity, `${provider}:${kind}:${diskName}`],
      declaredBy: 'infrastructure',
      builtInBackup,
      destructiveSettings: settings,
    });
  };

  // A bucket is a store by the words of its name, or, named by a template of variables, by the name they make.
  const bucketNaming = (nameKey: string, bucket: string | undefined, namespace: string) => {
    const computed = bucket === undefined ? computedNameOf(attribute(body, nameKey), namespace) : undefined;
    const written = computed ? templateWords(computed.template) : undefined;
    const environment = environmentOfResource(inventory, [bucket, written, label], body);
    const words = bucket ?? written ?? label;
    const data = isBucketData(words, label, environment);
    const computedName = data ? (computed ? { ...computed, decided: true } : undefined) : undecidedName(computed, words, label, environment);
    return data || computedName ? { environment, computedName } : undefined;
  };

  switch (type) {
    case 'aws_db_instance':
    case 'aws_rds_cluster':
    case 'aws_docdb_cluster':
    case 'aws_neptune_cluster': {
      if (attribute(body, 'replicate_source_db') || attribute(body, 'replication_source_identifier')) return;
      const identifier = name(type === 'aws_db_instance' ? 'identifier' : 'cluster_identifier');
      const engineText = (name('engine') ?? (type === 'aws_docdb_cluster' ? 'docdb' : '')).toLowerCase();
      const engine = /postgres/.test(engineText) ? 'postgres' : /mysql|maria/.test(engineText) ? 'mysql' : /docdb/.test(engineText) ? 'mongo' : /sqlserver/.test(engineText) ? 'mssql' : 'database';
      const retention = attribute(body, 'backup_retention_period');
      const retentionDays = literalOf(retention);
      const disabled = retentionDays === '0';
      if (disabled) setting('backups-disabled', 'backup_retention_period', 'backup_retention_period = 0', true);
      const deletionProtection = isTruthy(attribute(body, 'deletion_protection'));
      if (deletionProtection === false) setting('deletion-protection-off', 'deletion_protection', 'deletion_protection = false', true);
      else if (deletionProtection === undefined && !attribute(body, 'deletion_protection')) setting('deletion-protection-off', 'deletion_protection', 'deletion_protection not set (defaults to false)', false);
      if (isTruthy(attribute(body, 'skip_final_snapshot')) === true) setting('skip-final-snapshot', 'skip_final_snapshot', 'skip_final_snapshot = true', true);
      byVariable('deletion-protection-off', 'deletion_protection', 'false');
      byVariable('skip-final-snapshot', 'skip_final_snapshot', 'true');
      byVariable('backups-disabled', 'backup_retention_period', '0', { protection: 'none', description: 'automated backups are turned off (backup_retention_period = 0)' });
      const deleteAutomated = isTruthy(attribute(body, 'delete_automated_backups'));
      if (!disabled && type !== 'aws_docdb_cluster' && type !== 'aws_neptune_cluster') {
        if (deleteAutomated === true) setting('backups-die-with-instance', 'delete_automated_backups', 'delete_automated_backups = true', true);
        else if (deleteAutomated === undefined && !attribute(body, 'delete_automated_backups')) setting('backups-die-with-instance', 'delete_automated_backups', 'delete_automated_backups not set (defaults to true)', false);
        byVariable('backups-die-with-instance', 'delete_automated_backups', 'true');
      }
      noPreventDestroy();
      store({
        platform: 'aws',
        provider: 'aws',
        engine,
        name: identifier ?? shownLabel(resource, directory),
        environment: environmentOfResource(inventory, [identifier, label], body),
        location,
        identities: [identity, ...(identifier ? [`aws:rds:${identifier}`] : [])],
        declaredBy: 'infrastructure',
        builtInBackup: disabled
          ? { protection: 'none', description: 'automated backups are turned off (backup_retention_period = 0)' }
          : { protection: 'provider-managed', description: `RDS automated backups${retentionDays ? ` (${retentionDays} days)` : ''} and snapshots stay in the same AWS account${deleteAutomated === false ? '' : ', and automated backups are deleted with the instance'}` },
        destructiveSettings: settings,
      });
      return;
    }
    case 'aws_dynamodb_table': {
      const table = name('name') ?? label;
      // The registry module takes `point_in_time_recovery_enabled = true` for the resource's block.
      const pitr = isTruthy(attribute(block(body, 'point_in_time_recovery'), 'enabled')) === true || isTruthy(attribute(body, 'point_in_time_recovery_enabled')) === true;
      const protection = isTruthy(attribute(body, 'deletion_protection_enabled'));
      if (protection === false) setting('deletion-protection-off', 'deletion_protection_enabled', 'deletion_protection_enabled = false', true);
      else if (protection === undefined && !attribute(body, 'deletion_protection_enabled')) setting('deletion-protection-off', 'deletion_protection_enabled', 'deletion_protection_enabled not set (defaults to false)', false);
      byVariable('deletion-protection-off', 'deletion_protection_enabled', 'false');
      noPreventDestroy();
      store({
        platform: 'aws',
        provider: 'aws',
        engine: 'dynamodb',
        name: table,
        environment: environmentOfResource(inventory, [table, label], body),
        location,
        identities: [identity, `aws:dynamodb:${table}`],
        declaredBy: 'infrastructure',
        builtInBackup: pitr
          ? { protection: 'provider-managed', description: 'point-in-time recovery (35 days) stays in the same AWS account and region' }
          : { protection: 'none', description: 'DynamoDB keeps no backups unless point-in-time recovery or AWS Backup is on' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'aws_s3_bucket':
    case 'google_storage_bucket': {
      const nameKey = type === 'aws_s3_bucket' ? 'bucket' : 'name';
      const bucket = name(nameKey) ?? name('bucket_prefix');
      // Backup buckets too: a dump uploaded to one lands in the account its provider block (or project) names.
      if (name(nameKey)) {
        const made = textOf(attribute(body, 'provider'))?.trim() ?? (type === 'aws_s3_bucket' ? 'aws' : 'google');
        inventory.context({ kind: 'bucket', directory, name: bucket!, value: made, account: type === 'google_storage_bucket' ? name('project') : undefined, location });
      }
      const provider = type === 'aws_s3_bucket' ? 'aws' : 'gcp';
      const naming = bucketNaming(nameKey, bucket, provider === 'aws' ? 'aws:s3' : 'gcp:gcs');
      if (!naming) return;
      const { environment, computedName } = naming;
      const versioned =
        isTruthy(attribute(block(body, 'versioning'), 'enabled')) === true ||
        sameDir('aws_s3_bucket_versioning').some((candidate) => refersTo(candidate, 'bucket') && /enabled/i.test(literalOf(attribute(block(candidate.body, 'versioning_configuration'), 'status')) ?? ''));
      if (isTruthy(attribute(body, 'force_destroy')) === true) setting('force-destroy', 'force_destroy', 'force_destroy = true', true);
      byVariable('force-destroy', 'force_destroy', 'true');
      noPreventDestroy();
      store({
        platform: provider,
        provider,
        engine: 'object-storage',
        name: bucket ?? shownLabel(resource, directory),
        environment,
        location,
        identities: [identity, ...(bucket ? [`${provider === 'aws' ? 'aws:s3' : 'gcp:gcs'}:${bucket}`] : [])],
        declaredBy: 'infrastructure',
        ...(computedName ? { computedName } : {}),
        builtInBackup: versioned
          ? { protection: 'provider-managed', description: 'object versioning keeps old versions in the same bucket, which goes with the bucket or the account' }
          : { protection: 'none', description: 'the bucket has no versioning or replication' },
        destructiveSettings: settings,
      });
      return;
    }
    // Replication, and versioning, are evidence for the bucket they name, in whichever file of the module it is declared
    // (a `replication.tf` beside `main.tf` is the usual layout): the bucket's identity is its address in the directory.
    case 'aws_s3_bucket_replication_configuration': {
      const source = referenceOf(attribute(body, 'bucket'));
      if (!source) return;
      for (const rule of blocks(body, 'rule')) {
        const destination = block(rule, 'destination');
        const targetArn = literalOf(attribute(destination, 'bucket'));
        const account = literalOf(attribute(destination, 'account'));
        inventory.evidence({
          covers: [`terraform:${directory}:${source}`],
          protection: account ? 'other-account' : 'same-account-other-region',
          mechanism: 's3-replication',
          destination: targetArn ?? textOf(attribute(destination, 'bucket')) ?? 'another bucket',
          destinationProvider: 'aws',
          destinationAccount: account,
          location,
        });
      }
      return;
    }
    case 'aws_s3_bucket_versioning': {
      // In the bucket's own file, versioning is read as the bucket's built-in protection (above).
      const source = referenceOf(attribute(body, 'bucket'));
      if (!source || all.some((candidate) => `${candidate.type}.${candidate.label}` === source)) return;
      if (!/enabled/i.test(literalOf(attribute(block(body, 'versioning_configuration'), 'status')) ?? '')) return;
      inventory.evidence({
        covers: [`terraform:${directory}:${source}`],
        protection: 'provider-managed',
        mechanism: 's3-versioning',
        destination: 'old object versions kept in the same bucket',
        destinationProvider: 'aws',
        location,
      });
      return;
    }
    case 'aws_ebs_volume': {
      // A self-managed database's disk: snapshots come only from a DLM policy or AWS Backup, both in the same account.
      const volumeName = tagsOf(body).name ?? label;
      noPreventDestroy();
      store({
        platform: 'aws',
        provider: 'aws',
        engine: 'volume',
        name: volumeName,
        environment: environmentOfResource(inventory, [volumeName, label], body),
        location,
        identities: [identity, `aws:ebs:${volumeName}`],
        declaredBy: 'infrastructure',
        builtInBackup: { protection: 'none', description: 'an EBS volume has no backup unless snapshots are scheduled (DLM or AWS Backup)' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'hcloud_volume':
    case 'linode_volume':
    case 'vultr_block_storage':
    case 'digitalocean_volume':
    case 'hcloud_server':
    case 'linode_instance':
    case 'vultr_instance':
    case 'digitalocean_droplet': {
      // A VPS provider's block volume, or a server whose name says it holds a database: a self-managed store whose
      // only backups (where the provider offers any) stay with the provider.
      const vps = VPS_PROVIDERS[type.slice(0, type.indexOf('_'))]!;
      const volumeName = name('name') ?? name('label') ?? label;
      const server = !/volume|block_storage/.test(type);
      // Named for what it holds: a database server, a data volume (`pgdata-prod`, `uploads`); not `logs` or a cache.
      if (!(server ? DATABASE_SERVER_NAME : DATA_VOLUME_NAME).test(`${volumeName} ${label}`)) return;
      const backups = server && (isTruthy(attribute(body, 'backups')) === true || isTruthy(attribute(body, 'backups_enabled')) === true || name('backups') === 'enabled');
      selfManagedDisk(vps.provider, volumeName, server ? 'server' : 'volume', backups
        ? { protection: 'provider-managed', description: `${vps.title} server backups stay in the same ${vps.title} account` }
        : { protection: 'none', description: server ? `no ${vps.title} backups are enabled for the server` : `${vps.title} keeps no backup of a volume unless something copies it` });
      return;
    }
    case 'aws_instance':
    case 'azurerm_linux_virtual_machine':
    case 'azurerm_windows_virtual_machine':
    case 'azurerm_managed_disk':
    case 'google_compute_instance':
    case 'google_compute_disk': {
      // A cloud server whose name says it runs a database, or a data disk: a store the team runs itself, whose
      // snapshots (DLM, Azure Backup, a snapshot schedule) stay in the same account.
      const cloud = CLOUD_DISKS[type.slice(0, type.indexOf('_'))]!;
      const serverName = tagsOf(body).name ?? name('name') ?? label;
      const server = !/disk/.test(type);
      if (!(server ? DATABASE_SERVER_NAME : DATA_VOLUME_NAME).test(`${serverName} ${label}`)) return;
      selfManagedDisk(cloud.provider, serverName, server ? 'server' : 'disk', { protection: 'none', description: `${/^[AEIOU]/.test(cloud.title) ? 'an' : 'a'} ${cloud.title} ${server ? "server's disks have" : 'disk has'} no backup unless snapshots or a backup policy cover ${server ? 'them' : 'it'}` });
      return;
    }
    case 'azurerm_backup_protected_vm':
    case 'azurerm_data_protection_backup_instance_disk':
    case 'azurerm_data_protection_backup_instance_postgresql':
    case 'azurerm_data_protection_backup_instance_postgresql_flexible_server':
    case 'azurerm_data_protection_backup_instance_mysql_flexible_server':
    case 'azurerm_data_protection_backup_instance_blob_storage':
    case 'google_compute_disk_resource_policy_attachment': {
      // Azure Backup's vaults and Google's snapshot schedules keep copies in the same subscription or project; a
      // geo-redundant vault keeps them in a second region too.
      const target = ['source_vm_id', 'disk_id', 'server_id', 'database_id', 'storage_account_id', 'disk'].map((key) => referenceOf(attribute(body, key))).find(Boolean);
      if (!target) return;
      const vaultRef = referenceOf(attribute(body, 'vault_id'));
      const vault = vaultRef ? all.find((candidate) => `${candidate.type}.${candidate.label}` === vaultRef) : undefined;
      const geo = /^GeoRedundant$/i.test(literalOf(attribute(vault?.body, 'redundancy')) ?? '');
      inventory.evidence({
        covers: [`terraform:${directory}:${target}`],
        protection: geo ? 'same-account-other-region' : 'provider-managed',
        mechanism: type,
        destination: type.startsWith('google_') ? 'snapshots in the same Google Cloud project' : `a${geo ? ' geo-redundant' : ''} backup vault in the same Azure subscription`,
        destinationProvider: type.startsWith('google_') ? 'gcp' : 'azure',
        location,
      });
      return;
    }
    case 'digitalocean_volume_snapshot':
    case 'digitalocean_droplet_snapshot':
    case 'aws_ebs_snapshot':
    case 'google_compute_snapshot':
    case 'hcloud_snapshot': {
      // A snapshot Terraform takes of a volume, disk or server: a copy the provider keeps in the same account.
      const target = ['volume_id', 'droplet_id', 'source_disk', 'server_id'].map((key) => referenceOf(attribute(body, key))).find(Boolean);
      if (!target) return;
      const provider = SNAPSHOT_PROVIDERS[type.slice(0, type.indexOf('_'))]!;
      inventory.evidence({
        covers: [`terraform:${directory}:${target}`],
        protection: 'provider-managed',
        mechanism: type,
        destination: `snapshots in the same ${provider.title} account`,
        destinationProvider: provider.provider,
        location,
      });
      return;
    }
    case 'aws_redshift_cluster':
    case 'aws_lightsail_database': {
      const clusterName = name(type === 'aws_redshift_cluster' ? 'cluster_identifier' : 'relational_database_name') ?? label;
      const skip = isTruthy(attribute(body, 'skip_final_snapshot'));
      if (skip === true) setting('skip-final-snapshot', 'skip_final_snapshot', 'skip_final_snapshot = true', true);
      byVariable('skip-final-snapshot', 'skip_final_snapshot', 'true');
      noPreventDestroy();
      store({
        platform: 'aws',
        provider: 'aws',
        engine: type === 'aws_redshift_cluster' ? 'database' : /mysql/.test(name('blueprint_id') ?? '') ? 'mysql' : 'postgres',
        name: clusterName,
        environment: environmentOfResource(inventory, [clusterName, label], body),
        location,
        identities: [identity, `aws:${type === 'aws_redshift_cluster' ? 'redshift' : 'lightsail'}:${clusterName}`],
        declaredBy: 'infrastructure',
        builtInBackup: { protection: 'provider-managed', description: `${type === 'aws_redshift_cluster' ? 'Redshift automated snapshots' : 'Lightsail automatic snapshots'} stay in the same AWS account` },
        destructiveSettings: settings,
      });
      return;
    }
    case 'aws_efs_file_system': {
      const fsName = tagsOf(body).name ?? name('creation_token') ?? label;
      const policy = sameDir('aws_efs_backup_policy').some((candidate) => refersTo(candidate, 'file_system_id'));
      noPreventDestroy();
      store({
        platform: 'aws',
        provider: 'aws',
        engine: 'file-system',
        name: fsName,
        environment: environmentOfResource(inventory, [fsName, label], body),
        location,
        identities: [identity, `aws:efs:${fsName}`],
        declaredBy: 'infrastructure',
        builtInBackup: policy ? { protection: 'provider-managed', description: 'EFS automatic backups go to an AWS Backup vault in the same account' } : { protection: 'none', description: 'EFS keeps no backups unless a backup policy or AWS Backup covers it' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'google_sql_database_instance': {
      const instance = name('name') ?? label;
      const settingsBlock = block(body, 'settings');
      const backup = block(settingsBlock, 'backup_configuration');
      const enabled = isTruthy(attribute(backup, 'enabled')) === true;
      if (backup && isTruthy(attribute(backup, 'enabled')) === false) settings.push({ kind: 'backups-disabled', setting: 'backup_configuration { enabled = false }', explicit: true, location: inventory.line(lineOf(backup, 'enabled')) });
      if (isTruthy(attribute(body, 'deletion_protection')) === false) setting('deletion-protection-off', 'deletion_protection', 'deletion_protection = false', true);
      byVariable('deletion-protection-off', 'deletion_protection', 'false');
      const retain = isTruthy(attribute(settingsBlock, 'retain_backups_on_delete')) === true;
      const retainOff = isTruthy(attribute(settingsBlock, 'retain_backups_on_delete')) === false;
      if (enabled && !retain) settings.push({ kind: 'backups-die-with-instance', setting: retainOff ? 'settings.retain_backups_on_delete = false (backups are deleted with the instance)' : 'settings.retain_backups_on_delete not set (backups are deleted with the instance)', explicit: retainOff, location: retainOff ? inventory.line(lineOf(settingsBlock!, 'retain_backups_on_delete')) : location });
      noPreventDestroy();
      const engineText = (name('database_version') ?? '').toLowerCase();
      const region = name('region');
      const multiRegion = /^(us|eu|asia)$/i.test(literalOf(attribute(backup, 'location')) ?? '');
      store({
        platform: 'gcp',
        provider: 'gcp',
        engine: /postgres/.test(engineText) ? 'postgres' : /mysql/.test(engineText) ? 'mysql' : /sqlserver/.test(engineText) ? 'mssql' : 'database',
        name: instance,
        environment: environmentOfResource(inventory, [instance, label], body),
        location,
        region,
        account: name('project'),
        identities: [identity, `gcp:sql:${instance}`],
        declaredBy: 'infrastructure',
        builtInBackup: !enabled
          ? { protection: 'none', description: 'automated backups are not enabled (settings.backup_configuration.enabled)' }
          : multiRegion
            ? { protection: 'same-account-other-region', description: 'automated backups are stored multi-region, in the same Google Cloud project' }
            : { protection: 'provider-managed', description: `Cloud SQL automated backups stay in the same Google Cloud project${retain ? '' : ' and are deleted with the instance'}` },
        destructiveSettings: settings,
      });
      return;
    }
    case 'google_firestore_database': {
      const database = name('name') ?? label;
      const pitr = /ENABLED/.test(name('point_in_time_recovery_enablement') ?? '') && !/DISABLED/.test(name('point_in_time_recovery_enablement') ?? '');
      const schedule = sameDir('google_firestore_backup_schedule').length > 0;
      if ((name('delete_protection_state') ?? '') === 'DELETE_PROTECTION_DISABLED') setting('deletion-protection-off', 'delete_protection_state', 'delete_protection_state = "DELETE_PROTECTION_DISABLED"', true);
      byVariable('deletion-protection-off', 'delete_protection_state', 'DELETE_PROTECTION_DISABLED');
      noPreventDestroy();
      store({
        platform: 'gcp',
        provider: 'gcp',
        engine: 'firestore',
        name: database,
        environment: environmentOfResource(inventory, [database, label], body),
        location,
        identities: [identity, `gcp:firestore:${database}`],
        declaredBy: 'infrastructure',
        builtInBackup: pitr || schedule ? { protection: 'provider-managed', description: 'Firestore backups and point-in-time recovery stay in the same Google Cloud project' } : { protection: 'none', description: 'no Firestore backup schedule or point-in-time recovery is configured' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'google_firestore_backup_schedule': {
      // A schedule written apart from its database (another module, or the database known from firebase.json): its
      // backups stay in the database's project, as Firestore keeps them.
      const database = name('database') ?? '(default)';
      inventory.evidence({
        covers: [`gcp:firestore:${database}`],
        protection: 'provider-managed',
        mechanism: 'firestore backup schedule',
        destination: 'Firestore backups in the same Google Cloud project',
        destinationProvider: 'gcp',
        location,
      });
      return;
    }
    case 'azurerm_postgresql_flexible_server':
    case 'azurerm_postgresql_server':
    case 'azurerm_mysql_flexible_server':
    case 'azurerm_mysql_server':
    case 'azurerm_mariadb_server':
    case 'azurerm_mssql_server':
    case 'azurerm_cosmosdb_account': {
      const server = name('name') ?? label;
      const geo = isTruthy(attribute(body, 'geo_redundant_backup_enabled')) === true;
      noPreventDestroy();
      store({
        platform: 'azure',
        provider: 'azure',
        engine: /postgresql/.test(type) ? 'postgres' : /mysql|mariadb/.test(type) ? 'mysql' : /mssql/.test(type) ? 'mssql' : 'cosmosdb',
        name: server,
        environment: environmentOfResource(inventory, [server, label], body),
        location,
        identities: [identity, `azure:${type.replace(/^azurerm_/, '')}:${server}`],
        declaredBy: 'infrastructure',
        builtInBackup: geo
          ? { protection: 'same-account-other-region', description: 'geo-redundant backups are copied to the paired region, in the same Azure subscription' }
          : { protection: 'provider-managed', description: 'Azure keeps automated backups in the same subscription and region' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'azurerm_storage_account': {
      const naming = bucketNaming('name', name('name'), 'azure:storage');
      if (!naming) return;
      const { environment, computedName } = naming;
      const account = name('name') ?? label;
      noPreventDestroy();
      store({
        platform: 'azure',
        provider: 'azure',
        engine: 'object-storage',
        name: account,
        environment,
        location,
        identities: [identity, `azure:storage:${account}`],
        declaredBy: 'infrastructure',
        ...(computedName ? { computedName } : {}),
        builtInBackup: /GRS|GZRS/i.test(name('account_replication_type') ?? '')
          ? { protection: 'same-account-other-region', description: 'geo-redundant storage replicates to another region, in the same subscription' }
          : blobVersioned(body)
            ? { protection: 'provider-managed', description: 'blob versioning or soft delete keeps old versions in the same storage account, which goes with the account or the subscription' }
            : { protection: 'none', description: 'no blob versioning, soft delete or backup vault is visible' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'digitalocean_spaces_bucket':
    case 'cloudflare_r2_bucket': {
      // Spaces keeps old versions only when versioning is on, in the same bucket; R2 keeps none at all.
      const provider = type === 'cloudflare_r2_bucket' ? 'cloudflare' : 'digitalocean';
      const naming = bucketNaming('name', name('name'), provider === 'cloudflare' ? 'cloudflare:r2' : 'digitalocean:spaces');
      if (!naming) return;
      const { environment, computedName } = naming;
      const bucket = name('name') ?? label;
      const versioned = isTruthy(attribute(block(body, 'versioning'), 'enabled')) === true;
      if (isTruthy(attribute(body, 'force_destroy')) === true) setting('force-destroy', 'force_destroy', 'force_destroy = true', true);
      byVariable('force-destroy', 'force_destroy', 'true');
      noPreventDestroy();
      store({
        platform: provider,
        provider,
        engine: 'object-storage',
        name: bucket,
        environment,
        location,
        identities: [identity, provider === 'cloudflare' ? `cloudflare:r2:${bucket}` : `digitalocean:spaces:${bucket}`],
        declaredBy: 'infrastructure',
        ...(computedName ? { computedName } : {}),
        builtInBackup: versioned
          ? { protection: 'provider-managed', description: 'object versioning keeps old versions in the same bucket, which goes with the bucket or the account' }
          : { protection: 'none', description: provider === 'cloudflare' ? 'R2 keeps no versions or copies of its own' : 'the bucket has no versioning' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'google_alloydb_cluster':
    case 'scaleway_rdb_instance':
    case 'linode_database_postgresql':
    case 'linode_database_postgresql_v2':
    case 'linode_database_mysql':
    case 'linode_database_mysql_v2':
    case 'vultr_database':
    case 'aiven_pg':
    case 'aiven_mysql': {
      const managed = MANAGED_DATABASES[type]!;
      const database = name(managed.nameKey) ?? label;
      const engineText = (name('engine') ?? name('database_engine') ?? type.replace('alloydb', 'postgres')).toLowerCase();
      if (/redis|valkey|kafka|opensearch|elastic/.test(engineText)) return;
      const off = managed.off && name(managed.off.key) === managed.off.value ? `${managed.off.key} = ${managed.off.value}` : undefined;
      if (off) setting('backups-disabled', managed.off!.key, off, true);
      if (managed.off) byVariable('backups-disabled', managed.off.key, managed.off.value, { protection: 'none', description: `automated backups are turned off (${managed.off.key} = ${managed.off.value})` });
      noPreventDestroy();
      store({
        platform: managed.provider,
        provider: managed.provider,
        engine: /postgres|pg/.test(engineText) ? 'postgres' : /mysql/.test(engineText) ? 'mysql' : 'database',
        name: database,
        environment: environmentOfResource(inventory, [database, label], body),
        location,
        identities: [identity, `${managed.provider}:database:${database}`],
        declaredBy: 'infrastructure',
        builtInBackup: off ? { protection: 'none', description: `automated backups are turned off (${off})` } : { protection: 'provider-managed', description: managed.backups },
        destructiveSettings: settings,
      });
      return;
    }
    case 'digitalocean_database_cluster': {
      const cluster = name('name') ?? label;
      const engineText = (name('engine') ?? '').toLowerCase();
      if (/redis|valkey|kafka|opensearch/.test(engineText)) return;
      noPreventDestroy();
      store({
        platform: 'digitalocean',
        provider: 'digitalocean',
        engine: /pg|postgres/.test(engineText) ? 'postgres' : /mysql/.test(engineText) ? 'mysql' : /mongo/.test(engineText) ? 'mongo' : 'database',
        name: cluster,
        environment: environmentOfResource(inventory, [cluster, label], body),
        location,
        identities: [identity, `digitalocean:database:${cluster}`],
        declaredBy: 'infrastructure',
        builtInBackup: { protection: 'provider-managed', description: 'DigitalOcean keeps daily backups for 7 days in the same account' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'mongodbatlas_cluster':
    case 'mongodbatlas_advanced_cluster': {
      const cluster = name('name') ?? label;
      const backups = isTruthy(attribute(body, 'cloud_backup')) === true || isTruthy(attribute(body, 'backup_enabled')) === true;
      if (isTruthy(attribute(body, 'termination_protection_enabled')) === false) setting('deletion-protection-off', 'termination_protection_enabled', 'termination_protection_enabled = false', true);
      byVariable('deletion-protection-off', 'termination_protection_enabled', 'false');
      noPreventDestroy();
      store({
        platform: 'mongodb-atlas',
        provider: 'mongodb-atlas',
        engine: 'mongo',
        name: cluster,
        environment: environmentOfResource(inventory, [cluster, label], body),
        location,
        identities: [identity, `mongodb-atlas:cluster:${cluster}`],
        declaredBy: 'infrastructure',
        builtInBackup: backups ? { protection: 'provider-managed', description: 'Atlas cloud backups stay in the same Atlas project' } : { protection: 'none', description: 'cloud backups are not enabled on the cluster' },
        destructiveSettings: settings,
      });
      return;
    }
    case 'mongodbatlas_cloud_backup_schedule': {
      // The cluster's own snapshots are its built-in backup; the schedule adds copies to other regions of Atlas and
      // exports to a bucket of the team's own cloud account, outside Atlas.
      const cluster = referenceOf(attribute(body, 'cluster_name'));
      if (!cluster) return;
      const covers = [`terraform:${directory}:${cluster}`];
      const copies = blocks(body, 'copy_settings');
      if (copies.length > 0) {
        const regions = copies.map((copy) => literalOf(attribute(copy, 'region_name'))).filter((region): region is string => !!region);
        inventory.evidence({
          covers,
          protection: 'same-account-other-region',
          mechanism: 'atlas-copy-settings',
          destination: `Atlas snapshots copied to ${regions.length > 0 ? regions.join(', ') : 'another region'}`,
          destinationProvider: 'mongodb-atlas',
          location: inventory.line(lineOf(body, 'copy_settings')),
        });
      }
      const exported = isTruthy(attribute(body, 'auto_export_enabled')) === true ? block(body, 'export') : undefined;
      if (exported) {
        const bucketRef = referenceOf(attribute(exported, 'export_bucket_id'));
        const bucket = bucketRef ? all.find((candidate) => `${candidate.type}.${candidate.label}` === bucketRef) : undefined;
        const cloud = (literalOf(attribute(bucket?.body, 'cloud_provider')) ?? 'AWS').toUpperCase();
        const bucketName = literalOf(attribute(bucket?.body, 'bucket_name')) ?? bucketRef ?? 'an export bucket';
        inventory.evidence({
          covers,
          protection: 'off-provider',
          mechanism: 'atlas-snapshot-export',
          destination: cloud === 'AZURE' ? `Azure Blob Storage ${bucketName}` : `s3://${bucketName}`,
          destinationProvider: cloud === 'AZURE' ? 'azure' : 'aws',
          location: inventory.line(lineOf(body, 'export')),
        });
      }
      return;
    }
    case 'railway_service': {
      const volume = mapOf(attribute(body, 'volume')) ?? block(body, 'volume');
      if (!volume) return;
      const service = name('name') ?? label;
      const image = name('source_image') ?? '';
      store({
        platform: 'railway',
        provider: 'railway',
        engine: /postgres/i.test(image) ? 'postgres' : /mysql|maria/i.test(image) ? 'mysql' : /mongo/i.test(image) ? 'mongo' : 'volume',
        name: service,
        environment: environmentOfResource(inventory, [service, label], body),
        location,
        identities: [identity, `railway:service:${service}`, `host:${service.toLowerCase()}.railway.internal`],
        declaredBy: 'infrastructure',
        builtInBackup: RAILWAY_BUILT_IN,
      });
      return;
    }
    case 'render_postgres': {
      const database = name('name') ?? label;
      const free = (name('plan') ?? '') === 'free';
      store({
        platform: 'render',
        provider: 'render',
        engine: 'postgres',
        name: database,
        environment: environmentOfResource(inventory, [database, label], body),
        location,
        identities: [identity, `render:database:${database}`],
        declaredBy: 'infrastructure',
        builtInBackup: free ? { protection: 'none', description: 'Render keeps no backups of free Postgres databases' } : { protection: 'provider-managed', description: 'Render keeps point-in-time recovery and exports inside the same Render workspace' },
      });
      return;
    }
    case 'upstash_redis_database': {
      // With eviction on it is a cache; without, Upstash keeps every key durably, as the app's data store.
      if (isTruthy(attribute(body, 'eviction')) === true) return;
      const database = name('database_name') ?? label;
      store({
        platform: 'upstash',
        provider: 'upstash',
        engine: 'redis',
        name: database,
        environment: environmentOfResource(inventory, [database, label], body),
        location,
        identities: [identity, `upstash:redis:${database}`.toLowerCase()],
        declaredBy: 'infrastructure',
        builtInBackup: { protection: 'provider-managed', description: 'Upstash keeps the database, and any backups of it, inside the same Upstash account' },
      });
      return;
    }
    case 'supabase_project':
    case 'neon_project':
    case 'heroku_addon': {
      const plan = name('plan') ?? '';
      if (type === 'heroku_addon' && !/^heroku-postgresql/.test(plan)) return;
      const project = name('name') ?? label;
      const platform = type.split('_')[0]!;
      store({
        platform,
        provider: platform,
        engine: 'postgres',
        name: project,
        environment: environmentOfResource(inventory, [project, label], body),
        location,
        identities: [identity, `${platform}:project:${project}`],
        declaredBy: 'infrastructure',
        builtInBackup:
          platform === 'supabase'
            ? { protection: 'provider-managed', description: 'Supabase keeps daily backups inside the project, and deletes them with the project' }
            : { protection: 'provider-managed', description: `${platform === 'neon' ? "Neon's restore window" : "Heroku's backups"} stay with the provider` },
      });
      return;
    }
    case 'aws_backup_plan': {
      for (const rule of blocks(body, 'rule')) {
        const copies = blocks(rule, 'copy_action');
        if (copies.length === 0) {
          // The rule's vault, by reference, so a vault lock on it can be found.
          const vault = referenceOf(attribute(rule, 'target_vault_name'));
          inventory.evidence({ covers: [`terraform-plan:${directory}:${label}`], protection: 'provider-managed', mechanism: 'aws-backup', destination: 'an AWS Backup vault in the same account and region', destinationProvider: 'aws', destinationRef: vault?.startsWith('aws_backup_vault.') ? vault : undefined, location: inventory.line(rule.span.line) });
        }
        for (const copy of copies) {
          const arnNode = attribute(copy, 'destination_vault_arn');
          const arn = literalOf(arnNode);
          const parsed = arn ? parseArn(arn) : undefined;
          inventory.evidence({
            covers: [`terraform-plan:${directory}:${label}`],
            // A vault written with its account id is, in practice, another account's vault; the source account decides later.
            protection: parsed?.account ? 'other-account' : 'same-account-other-region',
            mechanism: 'aws-backup copy_action',
            destination: arn ?? textOf(arnNode) ?? 'another vault',
            destinationProvider: 'aws',
            destinationAccount: parsed?.account,
            destinationRegion: parsed?.region,
            destinationRef: referenceOf(arnNode),
            location: inventory.line(copy.span.line),
          });
        }
      }
      return;
    }
    case 'aws_backup_selection': {
      const resources = attribute(body, 'resources');
      let covers: string[] = [];
      for (const item of resources?.kind === 'seq' ? resources.items : []) {
        const reference = referenceOf(item);
        if (reference) covers.push(`terraform:${directory}:${reference}`);
        const arn = literalOf(item);
        if (arn === '*') covers.push('provider:aws');
        else if (arn) {
          const rds = /:rds:[^:]*:[^:]*:(db|cluster):([\w-]+)/.exec(arn);
          const table = /:dynamodb:[^:]*:[^:]*:table\/([\w.-]+)/.exec(arn);
          const bucket = /^arn:aws:s3:::([\w.-]+)/.exec(arn);
          if (rds) covers.push(`aws:rds:${rds[2]}`);
          if (table) covers.push(`aws:dynamodb:${table[1]}`);
          if (bucket) covers.push(`aws:s3:${bucket[1]}`);
          if (/\*/.test(arn)) covers.push('provider:aws');
        }
      }
      // Tag-based selections pick whatever carries the tag (`tag:<key>=<value>@<directory>`, matched once every store
      // and provider's default tags are known); a tag written as an expression or matched by pattern, anything.
      // A `condition` narrows what `resources` names (AWS Backup ANDs them): `["*"]` with a tag condition is the tagged.
      const tagged = tagSelections(body);
      if (tagged === undefined) covers.push(`provider:aws@${directory}`);
      else {
        if (tagged.narrowed) covers = covers.filter((cover) => cover !== 'provider:aws');
        covers.push(...tagged.tags.map((tag) => `tag:${tag}@${directory}`));
      }
      if (covers.length === 0) covers.push(`provider:aws@${directory}`);
      inventory.evidence({
        covers,
        protection: 'provider-managed',
        mechanism: 'aws-backup',
        destination: 'an AWS Backup vault',
        destinationProvider: 'aws',
        destinationRef: referenceOf(attribute(body, 'plan_id')),
        location,
      });
      return;
    }
    case 'aws_dlm_lifecycle_policy': {
      // Data Lifecycle Manager snapshots the volumes (or instances) carrying any of its target tags, in the same
      // account; a schedule's cross-region copy keeps one in another region of it.
      const details = block(body, 'policy_details');
      if (/EVENT_BASED/.test(literalOf(attribute(details, 'policy_type')) ?? '')) return;
      const targets = mapOf(attribute(details, 'target_tags'));
      const tags = targets?.entries.map((entry) => {
        const value = literalOf(entry.value);
        return value === undefined ? undefined : `${entry.key}=${value}`.toLowerCase();
      });
      const copies = blocks(details, 'schedule').flatMap((schedule) => blocks(schedule, 'cross_region_copy_rule'));
      const regions = copies.map((copy) => literalOf(attribute(copy, 'target')) ?? literalOf(attribute(copy, 'target_region'))).filter((region): region is string => !!region);
      inventory.evidence({
        covers: tags && tags.length > 0 && tags.every((tag) => tag !== undefined) ? tags.map((tag) => `tag:${tag}@${directory}`) : [`provider:aws@${directory}`],
        protection: copies.length > 0 ? 'same-account-other-region' : 'provider-managed',
        mechanism: 'DLM snapshot policy',
        destination: copies.length > 0 ? `EBS snapshots, copied to ${regions.length > 0 ? regions.join(', ') : 'another region'} of the same AWS account` : 'EBS snapshots in the same AWS account',
        destinationProvider: 'aws',
        engines: ['volume'],
        location,
      });
      return;
    }
    case 'aws_backup_restore_testing_selection': {
      // AWS Backup restore testing restores recovery points of the selected resources on a schedule and validates them.
      const kind = (literalOf(attribute(body, 'protected_resource_type')) ?? '').toUpperCase();
      const engines = RESTORE_TESTED_ENGINES[kind];
      if (!engines) return;
      const arns = attribute(body, 'protected_resource_arns');
      const named = arns?.kind === 'seq' ? arns.items.map((item) => referenceOf(item)).filter((reference): reference is string => !!reference) : [];
      inventory.evidence({
        covers: named.length > 0 ? named.map((reference) => `terraform:${directory}:${reference}`) : [`provider:aws@${directory}`],
        protection: 'provider-managed',
        mechanism: 'AWS Backup restore testing',
        destination: 'recovery points restored and validated on a schedule',
        destinationProvider: 'aws',
        engines,
        location,
        restoreTested: true,
      });
      return;
    }
    case 'aws_backup_vault_lock_configuration': {
      // Compliance mode (`changeable_for_days` written) locks for good once that grace ends: no credential, the
      // account's root included, can delete a recovery point before `min_retention_days`.
      const vault = referenceOf(attribute(body, 'backup_vault_name'));
      if (!vault?.startsWith('aws_backup_vault.')) return;
      const compliance = attribute(body, 'changeable_for_days') !== undefined;
      inventory.context({ kind: 'vault-lock', directory, name: vault, value: compliance ? 'compliance' : 'governance', policy: name('min_retention_days'), location });
      return;
    }
    case 'aws_db_instance_automated_backups_replication': {
      const source = referenceOf(attribute(body, 'source_db_instance_arn'));
      inventory.evidence({
        covers: source ? [`terraform:${directory}:${source}`] : ['provider:aws'],
        protection: 'same-account-other-region',
        mechanism: 'rds-automated-backups-replication',
        destination: 'automated backups replicated to another region of the same account',
        destinationProvider: 'aws',
        location,
      });
      return;
    }
  }
}
