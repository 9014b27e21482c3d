// Terraform and Terragrunt: the environment is the directory (`envs/staging/`, `live/prod/`), the tfvars file, a
// lookup map keyed by environment, or a `terraform.workspace == "prod" ? a : b` condition. Resources are the data
// stores a configuration declares or looks up, the state it keeps (backend) and the state it reads.
import type { DataDocument, DataNode, MapEntry, MapNode, ScalarNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import {
  appIdentity,
  bucketIdentity,
  dynamoTableIdentity,
  databaseHostIdentity,
  gcpProjectIdentity,
  rdsIdentity,
  terraformStateIdentity,
  type ResourceIdentity,
} from '../../../../knowledge/environments/identities.js';
import { canonicalEnvironment } from '../../../../knowledge/environments/names.js';
import type { FileClass } from '../files.js';
import type { EnvTag, Recorder } from '../recorder.js';
import { walkSection } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';
import { identifyValue } from '../values.js';
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


export function scanTerraform(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  // State locations are read below as state; one state bucket for every environment's keys is the norm.
  const values: MapNode = {
    ...root,
    entries: root.entries.filter((entry) => entry.key !== 'terraform' && !(entry.key === 'data' && entry.value.kind === 'map' && entry.value.block?.labels[0] === 'terraform_remote_state')),
  };
  walkSection(rec, topSection(cls, values), walkOptions(cls));
  for (const entry of root.entries) {
    const block = entry.value.kind === 'map' ? entry.value : undefined;
    if (!block?.block) continue;
    const [type, name] = block.block.labels;
    if (entry.key === 'resource' && type) {
      const store = STORE_ATTRIBUTES[type];
      if (store) recordAttribute(rec, cls.tag, block, store.attribute, store.identity, `${type}.${name}.${store.attribute}`, true);
      if (type === 'vercel_project_environment_variable') vercelVariable(rec, block, cls.tag);
      if (type === 'vercel_project') for (const item of seqMaps(get(block, 'environment'))) vercelVariable(rec, item, cls.tag);
    }
    if (entry.key === 'data' && type) {
      const lookup = LOOKUP_ATTRIBUTES[type];
      if (lookup) recordAttribute(rec, cls.tag, block, lookup.attribute, lookup.identity, `data.${type}.${name}.${lookup.attribute}`, false);
      if (type === 'terraform_remote_state') remoteState(rec, cls.tag, block, name ?? '');
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
  if (identity) rec.resource(tag, identity, block.span, { variable: `data.terraform_remote_state.${name}` });
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
  if (!text || !key) return;
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
