// The generic pass over a parsed configuration: walks one section of the tree in its environment, records the
// resources its values name and the keys it sets, and opens a new section wherever a map is keyed by environment
// names (`database.yml`, Sequelize configs, Serverless `params`, any `{ prod: ..., staging: ... }` lookup map).
import type { DataNode, MapEntry, MapNode, ScalarNode } from '../../../src/parse/data-tree.js';
import type { Span } from '../../../src/model.js';
import { canonicalEnvironment, tokensOf } from '../../../knowledge/environments/names.js';
import { stackIdentity, type ResourceIdentity } from '../../../knowledge/environments/identities.js';
import { BASE, namedTag, type EnvTag, type Recorder } from './recorder.js';
import { identifyValue, referencesIn, type NamedReference } from './values.js';

export interface Section {
  node: DataNode;
  /** Keys from the document root to `node`. */
  path: Array<string | number>;
  tag: EnvTag;
  /** The family this section is the base or a layer of. */
  family?: string;
  role: 'base' | 'layer' | 'plain';
  /** The section is production's only as the family's base (see `EnvironmentResource.fromBase`). */
  fromBase?: boolean;
  /** The line that opens the section; a layer is located there. */
  span: Span;
  /**
   * The key a lookup map keyed by environments sits under, for values written straight under an environment:
   * `db_identifier = { staging = "orders-prod", production = "orders-prod" }` names an identifier of each.
   */
  lookupKey?: string;
}

export interface WalkOptions {
  /** Open sections at maps keyed by environment names. */
  envMaps: boolean;
  /** Record named references in literal strings (`${PROD_DB_URL}`, `${ssm:/acme/prod/db}`). */
  references: boolean;
  /** Maps are read last-key-wins (YAML, JSON, dotenv); HCL repeats blocks under one key and is read as is. */
  lastKeyWins: boolean;
  projectKeys?: boolean;
  databaseFile?: boolean;
  /** The file configures AWS serverless functions: a key ending in `table` names a DynamoDB table (`ordersTable`). */
  dynamoTables?: boolean;
  /** Key paths (relative to the section, dot-joined; `''` is the root) whose children are environments, whatever their names. */
  explicitEnvironmentMaps?: readonly string[];
  /** The section's root may itself be a map keyed by environments (not for flat KEY=VALUE formats). */
  rootEnvironmentMaps?: boolean;
  /** Keys whose values the caller reads itself (Terraform's copy sources, read with their block's address). */
  skipKey?: (key: string) => boolean;
}

const BASE_KEYS = new Set(['default', 'defaults', 'base', 'common', 'shared', 'global', 'all']);
const ENVIRONMENT_KEY = /^(pr-?\d+|deploy-preview|branch-deploy|pre-prod)$/i;
/** Words that make a variable read by name worth recording: it holds a credential or locates data. */
const SENSITIVE_WORDS = new Set([
  'db', 'database', 'dsn', 'url', 'uri', 'host', 'password', 'passwd', 'pwd', 'pass', 'secret', 'secrets', 'token', 'key', 'keys',
  'credentials', 'creds', 'bucket', 'conn', 'connection', 'postgres', 'pg', 'mysql', 'mongo', 'mongodb', 'redis', 'supabase',
  'kubeconfig', 'access', 'auth', 'cert', 'private', 'service', 'account', 'state', 'stripe',
]);

export function walkSection(rec: Recorder, section: Section, options: WalkOptions): void {
  const keys = new Set<string>();
  visit(rec, section, options, section.node, section.path, [], undefined, keys);
  if (section.role === 'layer' && section.family) rec.layer(section.family, section.tag, section.span, keys);
}

function visit(
  rec: Recorder,
  section: Section,
  options: WalkOptions,
  node: DataNode,
  path: Array<string | number>,
  relative: Array<string | number>,
  parent: MapNode | undefined,
  keys: Set<string>,
): void {
  if (node.kind === 'map') {
    const entries = options.lastKeyWins ? effectiveEntries(node) : node.entries;
    const explicit = options.explicitEnvironmentMaps?.includes(relative.filter((step) => typeof step === 'string').join('.'));
    const generic = options.envMaps && (relative.length > 0 || options.rootEnvironmentMaps === true) && isEnvironmentMap(entries);
    if (explicit || generic) {
      openEnvironmentSections(rec, section, options, entries, path);
      return;
    }
    for (const entry of entries) {
      if (options.skipKey?.(entry.key)) continue;
      visit(rec, section, options, entry.value, [...path, entry.key], [...relative, entry.key], node, keys);
    }
    return;
  }
  if (node.kind === 'seq') {
    node.items.forEach((item, index) => {
      // Compose and Kustomize lists: `- DATABASE_URL=postgres://...`.
      if (item.kind === 'scalar' && typeof item.value === 'string' && item.expression === undefined) {
        const pair = /^([A-Za-z_][A-Za-z0-9_.-]*)=(.*)$/s.exec(item.value);
        if (pair && relative.length > 0) {
          leaf(rec, section, options, item, pair[2]!, pair[1]!, [...path, pair[1]!], [...relative, pair[1]!], undefined, keys);
          return;
        }
      }
      // Kubernetes env lists: `- name: DATABASE_URL\n  value: postgres://...`; DigitalOcean App Platform's `envs`
      // (`- key: DB_HOST\n  value: ...`, with `scope` and `type` beside them).
      if (item.kind === 'map') {
        const name = item.entries.find((entry) => entry.key === 'name' || entry.key === 'key')?.value;
        const value = item.entries.find((entry) => entry.key === 'value')?.value;
        if (name?.kind === 'scalar' && typeof name.value === 'string' && value?.kind === 'scalar' && item.entries.length <= 4) {
          const text = value.expression === undefined && typeof value.value === 'string' ? value.value : undefined;
          if (text !== undefined) {
            leaf(rec, section, options, value, text, name.value, [...path, index, 'value'], [...relative, name.value], undefined, keys);
            return;
          }
        }
      }
      visit(rec, section, options, item, [...path, index], relative, undefined, keys);
    });
    return;
  }
  const key = [...relative].reverse().find((step): step is string => typeof step === 'string') ?? section.lookupKey;
  if (node.expression !== undefined) {
    keys.add(variableName(relative));
    expression(rec, section, options, node, relative);
    return;
  }
  if (node.value === null || typeof node.value === 'boolean') {
    keys.add(variableName(relative));
    return;
  }
  leaf(rec, section, options, node, String(node.value), key, path, relative, parent, keys);
}

function leaf(
  rec: Recorder,
  section: Section,
  options: WalkOptions,
  node: ScalarNode,
  value: string,
  key: string | undefined,
  path: Array<string | number>,
  relative: Array<string | number>,
  parent: MapNode | undefined,
  keys: Set<string>,
): void {
  const variable = variableName(relative);
  keys.add(variable);
  const identities = identifyValue(value, {
    variable: key,
    path,
    siblings: parent ? cachedSiblings(parent) : undefined,
    projectKeys: options.projectKeys,
    databaseFile: options.databaseFile,
    dynamoTables: options.dynamoTables,
  });
  // A value straight under an environment key is named by the lookup map's own key.
  for (const identity of identities) rec.resource(section.tag, identity, node.span, { variable: variable || (key ?? ''), family: section.family, fromBase: section.fromBase });
  if (options.references && identities.length === 0) {
    for (const reference of referencesIn(value)) recordReference(rec, section, node, value, reference, variable);
  }
}

function expression(rec: Recorder, section: Section, options: WalkOptions, node: ScalarNode, relative: Array<string | number>): void {
  const text = node.expression ?? '';
  const variable = variableName(relative);
  if (node.tag === '!ImportValue' && typeof node.value === 'string') {
    const stack = stackIdentity('cf', node.value);
    if (stack) rec.resource(section.tag, { ...stack, display: `CloudFormation export ${node.value}` }, node.span, { variable, family: section.family, fromBase: section.fromBase });
    return;
  }
  if (!options.references || node.tag) return;
  for (const reference of referencesIn(text)) recordReference(rec, section, node, text, reference, variable);
}

function recordReference(rec: Recorder, section: Section, node: ScalarNode, value: string, reference: NamedReference, variable: string): void {
  const identity: ResourceIdentity = reference.identity;
  if (identity.kind === 'secret' && !reference.ciSecret && !identity.identity.startsWith('secret:ssm:') && !identity.identity.startsWith('secret:aws:')) {
    const tokens = tokensOf(identity.name ?? '');
    if (!tokens.some((token) => SENSITIVE_WORDS.has(token))) return;
  }
  const lines = value.slice(0, reference.offset).split('\n').length - 1;
  const span = lines > 0 ? { ...node.span, line: node.span.line + lines + (blockScalar(rec, node) ? 1 : 0) } : node.span;
  rec.resource(section.tag, identity, span, { variable, family: section.family, fromBase: section.fromBase });
}

function blockScalar(rec: Recorder, node: ScalarNode): boolean {
  return /[|>][-+]?\d*\s*$/.test(rec.file.line(node.span.line));
}

function openEnvironmentSections(rec: Recorder, outer: Section, options: WalkOptions, entries: MapEntry[], path: Array<string | number>): void {
  const family = `envmap:${rec.file.path}#${path.join('.')}`;
  for (const entry of entries) {
    const tag = namedTag(entry.key, 'key');
    const inner: Section = {
      node: entry.value,
      path: [...path, entry.key],
      tag: tag === BASE ? outer.tag.environment === 'base' ? BASE : outer.tag : tag,
      family,
      role: tag === BASE ? 'base' : 'layer',
      span: entry.keySpan,
      lookupKey: [...path].reverse().find((step): step is string => typeof step === 'string'),
    };
    // The base of a lookup map in an environment's own file is that environment's, not everyone's.
    if (tag === BASE && outer.tag.environment !== 'base') inner.role = 'plain';
    walkSection(rec, inner, { ...options, explicitEnvironmentMaps: undefined });
  }
}

/** A map keyed by environment names (and perhaps `default`): at least two environments, nothing else. */
export function isEnvironmentMap(entries: readonly MapEntry[]): boolean {
  if (entries.length < 2) return false;
  let environments = 0;
  for (const entry of entries) {
    const lower = entry.key.toLowerCase();
    if (BASE_KEYS.has(lower)) continue;
    if (!(tokensOf(entry.key).length === 1 || ENVIRONMENT_KEY.test(entry.key)) || !canonicalEnvironment(entry.key)) return false;
    environments++;
  }
  return environments >= 2;
}

/** Last key wins, as YAML merge keys, JSON and dotenv resolve duplicates; order of first appearance is kept. */
export function effectiveEntries(map: MapNode): MapEntry[] {
  const last = new Map<string, MapEntry>();
  for (const entry of map.entries) last.set(entry.key, entry);
  if (last.size === map.entries.length) return map.entries;
  return [...last.values()];
}

const SIBLINGS = new WeakMap<MapNode, Map<string, string>>();

/** Sibling values, computed once per map: a leaf of a map with thousands of keys must not rebuild them each time. */
function cachedSiblings(map: MapNode): Map<string, string> {
  let values = SIBLINGS.get(map);
  if (!values) SIBLINGS.set(map, (values = siblingValues(map)));
  return values;
}

export function siblingValues(map: MapNode): Map<string, string> {
  const values = new Map<string, string>();
  for (const entry of effectiveEntries(map)) {
    if (entry.value.kind === 'scalar' && entry.value.expression === undefined && entry.value.value !== null) values.set(entry.key, String(entry.value.value));
  }
  return values;
}

export function variableName(relative: ReadonlyArray<string | number>): string {
  return relative.filter((step): step is string => typeof step === 'string').join('.');
}
