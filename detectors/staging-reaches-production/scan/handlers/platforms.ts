// Platform configuration files whose environments are explicit keys: Render Blueprints, Fly apps, Netlify contexts,
// Heroku app.json, vercel.json, .firebaserc aliases, Supabase remotes and Serverless stages.
import type { DataDocument, DataNode, MapEntry, MapNode } from '../../../../src/parse/data-tree.js';
import type { Span } from '../../../../src/model.js';
import { get, getPath, literalString } from '../../../../src/parse/data-tree.js';
import { appIdentity, digitalOceanClusterIdentity, gcpProjectIdentity, renderDatabaseIdentity, supabaseProjectIdentity, volumeIdentity } from '../../../../knowledge/environments/identities.js';
import { canonicalEnvironment } from '../../../../knowledge/environments/names.js';
import { doAppSpecOf } from '../../../../knowledge/environments/digitalocean.js';
import type { FileClass } from '../files.js';
import { BASE, namedTag, type EnvTag, type Recorder } from '../recorder.js';
import { litestreamImageFamily } from './frameworks.js';
import { effectiveEntries, walkSection, type Section } from '../tree.js';
import { topSection, walkOptions } from '../sections.js';
import { identifyValue } from '../values.js';

function mapOf(node: DataNode | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

function section(node: DataNode, path: Array<string | number>, tag: EnvTag, role: Section['role'], family: string | undefined, span = node.span): Section {
  return { node, path, tag, role, family, span };
}

// ---------------------------------------------------------------------------------------------------------------
// Render

/**
 * `render.yaml`: top-level services and databases, or `projects[].environments[]` each with their own. Env vars are
 * literal `value`s or `fromDatabase: {name}` references, resolved within the Blueprint. Preview environments copy
 * the Blueprint with new, empty databases, but literal values carry over unchanged.
 */
export function scanRender(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const previews = literalString(getPath(root, ['previews', 'generation']));
  const previewsOn = (previews !== undefined && previews !== 'off') || literalString(get(root, 'previewsEnabled')) === 'true' || getBoolean(get(root, 'previewsEnabled'));
  const projects = get(root, 'projects');
  if (projects && projects.kind !== 'seq') rec.notify('environment-config-unreadable', `${rec.file.path}: "projects" is not a list; Render environments in it were not read.`);
  const production: EnvTag = cls.tag.environment !== 'base' ? cls.tag : { environment: 'production', name: 'production', evidence: 'key' };
  const scopes: Array<{ scope: MapNode; tag: EnvTag; previews: boolean; servicesNameTheirs: boolean }> = [];
  if (projects?.kind === 'seq') {
    for (const project of projects.items) {
      const environments = get(project, 'environments');
      if (environments?.kind !== 'seq') continue;
      for (const environment of environments.items) {
        const name = literalString(get(environment, 'name'));
        if (!name || environment.kind !== 'map') continue;
        scopes.push({ scope: environment, tag: namedTag(name, 'key'), previews: false, servicesNameTheirs: false });
      }
    }
  }
  scopes.push({ scope: root, tag: production, previews: previewsOn, servicesNameTheirs: cls.tag.environment === 'base' });
  // Environment groups are the Blueprint's, whichever scope declares them: a service of any environment may use one.
  const groups = new Map<string, RenderGroup>();
  for (const { scope, tag, servicesNameTheirs } of scopes) {
    const list = get(scope, 'envVarGroups');
    for (const group of list?.kind === 'seq' ? list.items : []) {
      const name = literalString(get(group, 'name'));
      const envVars = get(group, 'envVars');
      if (name && !groups.has(name) && envVars?.kind === 'seq') groups.set(name, { tag: renderOwnTag(tag, name, servicesNameTheirs), envVars: envVars.items });
    }
  }
  for (const { scope, tag, previews, servicesNameTheirs } of scopes) renderScope(rec, scope, tag, previews, servicesNameTheirs, groups);
}

interface RenderGroup {
  /** The environment the group is its own (by its name or the scope that declares it). */
  tag: EnvTag;
  envVars: readonly DataNode[];
}

/** A flat Blueprint runs every environment's services and databases side by side: `shop-api-staging` and `shop-db-staging` are staging's. */
function renderOwnTag(tag: EnvTag, name: string | undefined, servicesNameTheirs: boolean): EnvTag {
  const named = servicesNameTheirs && name ? canonicalEnvironment(name) : undefined;
  return named && named !== 'production' ? { environment: named, name: name!, evidence: 'value' } : tag;
}

/**
 * A DigitalOcean App Platform spec (`.do/app.yaml`, `.do/staging.yaml`): its environment is the file's name, else the
 * app's (`ticketing-staging`), else production's (the spec is what the app runs). The managed clusters it attaches
 * are its databases: a staging spec attaching production's `cluster_name` shares production's data.
 */
export function scanDoAppSpec(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const spec = doAppSpecOf(document.roots[0]);
  if (!spec) return;
  const appName = literalString(get(spec, 'name'));
  const named = appName ? canonicalEnvironment(appName) : undefined;
  const tag: EnvTag =
    cls.tag.environment !== 'base' ? cls.tag : named ? { environment: named, name: appName!, evidence: 'value' } : { environment: 'production', name: 'production', evidence: 'key' };
  const databases = get(spec, 'databases');
  if (databases?.kind === 'seq') {
    for (const database of databases.items) {
      const clusterNode = get(database, 'cluster_name');
      const cluster = literalString(clusterNode);
      const identity = cluster ? digitalOceanClusterIdentity(cluster, literalString(get(database, 'db_name'))) : undefined;
      if (identity && clusterNode) rec.resource(tag, identity, clusterNode.span, { variable: 'databases.cluster_name', declared: true });
    }
  }
  walkSection(rec, { ...topSection(cls, spec), tag }, walkOptions(cls));
}

function getBoolean(node: DataNode | undefined): boolean {
  return node?.kind === 'scalar' && node.value === true;
}

function renderScope(rec: Recorder, scope: MapNode, tag: EnvTag, previewsCopyLiterals: boolean, servicesNameTheirs: boolean, groups: ReadonlyMap<string, RenderGroup>): void {
  const preview: EnvTag = { environment: 'preview', name: 'preview environments', evidence: 'key' };
  const ownTag = (name: string | undefined): EnvTag => renderOwnTag(tag, name, servicesNameTheirs);
  const databases = get(scope, 'databases');
  if (databases?.kind === 'seq') {
    for (const database of databases.items) {
      const nameNode = get(database, 'name');
      const name = literalString(nameNode);
      const identity = name ? renderDatabaseIdentity(name) : undefined;
      if (identity && nameNode) rec.resource(ownTag(name), identity, nameNode.span, { variable: 'databases.name', declared: true });
    }
  }
  for (const listKey of ['services', 'envVarGroups']) {
    const list = get(scope, listKey);
    if (list?.kind !== 'seq') continue;
    for (const service of list.items) {
      const serviceName = literalString(get(service, 'name'));
      const serviceTag = ownTag(serviceName);
      const envVars = get(service, 'envVars');
      for (const variable of envVars?.kind === 'seq' ? envVars.items : []) {
        const fromGroupNode = listKey === 'services' ? get(variable, 'fromGroup') : undefined;
        const fromGroup = literalString(fromGroupNode);
        const group = fromGroup ? groups.get(fromGroup) : undefined;
        // `- fromGroup: prod-secrets` in a staging service: the group's literal values are this service's too, said
        // where the service takes them (a group of the service's own environment is reported where it is declared).
        if (group && fromGroupNode && group.tag.environment !== serviceTag.environment) renderGroupValues(rec, group, fromGroup!, fromGroupNode.span, serviceTag);
        const key = literalString(get(variable, 'key'));
        if (!key) continue;
        const fromDatabase = literalString(getPath(variable, ['fromDatabase', 'name']));
        const fromNode = getPath(variable, ['fromDatabase', 'name']);
        if (fromDatabase && fromNode) {
          const identity = renderDatabaseIdentity(fromDatabase);
          if (identity) rec.resource(serviceTag, identity, fromNode.span, { variable: key });
          continue;
        }
        const valueNode = get(variable, 'value');
        const value = literalString(valueNode);
        if (!value || !valueNode) continue;
        for (const identity of identifyValue(value, { variable: key, path: [listKey, key] })) {
          rec.resource(serviceTag, identity, valueNode.span, { variable: key });
          if (previewsCopyLiterals && identity.kind !== 'payment-key') rec.resource(preview, identity, valueNode.span, { variable: key });
        }
      }
      const disk = get(service, 'disk');
      const diskName = literalString(get(disk, 'name'));
      if (diskName && disk && serviceName) {
        // A disk belongs to one service: the service name scopes it.
        const id = `${serviceName.toLowerCase()}/${diskName.toLowerCase()}`;
        rec.resource(serviceTag, { kind: 'volume', identity: `volume:render:${id}`, otherIdentities: [], display: `Render disk ${diskName} of ${serviceName}`, name: diskName, secrets: [] }, disk.span, { variable: 'disk', declared: true });
      }
    }
  }
}

function renderGroupValues(rec: Recorder, group: RenderGroup, name: string, span: Span, tag: EnvTag): void {
  for (const variable of group.envVars) {
    const key = literalString(get(variable, 'key'));
    const value = literalString(get(variable, 'value'));
    if (!key || !value) continue;
    for (const identity of identifyValue(value, { variable: key, path: ['envVarGroups', key] })) rec.resource(tag, identity, span, { variable: `${key} (from the group ${name})` });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Fly

/** `fly.toml`, `fly.staging.toml`: one app per file, named by `app`; `[env]` values and `[[mounts]]` volumes. */
/**
 * Cloudflare's wrangler config: `[env.<name>]` tables are the other environments, and the top level is what a plain
 * `wrangler deploy` ships, production, unless an `env.production` table says otherwise. Bindings (D1, KV, R2) are
 * not inherited by an environment, so each one that repeats production's ids uses production's resources.
 */
export function scanWrangler(rec: Recorder, cls: FileClass, document: DataDocument): void {
  for (const root of document.roots) {
    if (root.kind !== 'map') continue;
    const environments = get(root, 'env');
    const namesProduction = environments?.kind === 'map' && environments.entries.some((entry) => canonicalEnvironment(entry.key) === 'production');
    const tag = cls.tag.environment === 'base' && !namesProduction ? { environment: 'production' as const, name: rec.file.path, evidence: 'file-name' as const } : cls.tag;
    walkSection(rec, { ...topSection(cls, root), tag }, { ...walkOptions(cls), explicitEnvironmentMaps: ['env'] });
    recordWranglerBindings(rec, root, tag);
    for (const entry of environments?.kind === 'map' ? environments.entries : []) {
      const environment = canonicalEnvironment(entry.key);
      if (entry.value.kind === 'map') recordWranglerBindings(rec, entry.value, { environment, name: entry.key, evidence: 'key' });
    }
  }
}

/** D1 databases and KV namespaces by id: opaque, so the walk does not know them, but an id names one resource. */
function recordWranglerBindings(rec: Recorder, section: MapNode, tag: EnvTag): void {
  for (const [list, key, label] of [['d1_databases', 'database_id', 'D1 database'], ['kv_namespaces', 'id', 'KV namespace']] as const) {
    const items = get(section, list);
    for (const item of items?.kind === 'seq' ? items.items : []) {
      const idNode = get(item, key);
      const id = literalString(idNode)?.toLowerCase();
      if (!idNode || !id || !/^[0-9a-f-]{32,36}$/.test(id)) continue;
      const databaseName = list === 'd1_databases' ? literalString(get(item, 'database_name')) : undefined;
      const name = databaseName ?? literalString(get(item, 'binding')) ?? id;
      // The walk records `database_name` on its own as a database by name: the same database, a weaker identity of it.
      const otherIdentities = databaseName ? [`db-name:${databaseName.toLowerCase()}`] : [];
      rec.resource(tag, { kind: 'database', identity: `cloudflare-${list === 'd1_databases' ? 'd1' : 'kv'}:${id}`, otherIdentities, display: `${label} ${name}`, name, secrets: [] }, idNode.span, { variable: `${list}.${key}`, declared: true });
    }
  }
}

export function scanFly(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const appNode = get(root, 'app');
  const app = literalString(appNode);
  let tag = cls.tag;
  if (tag.environment === 'base' && app) {
    const byName = canonicalEnvironment(app);
    if (byName) tag = { environment: byName, name: app, evidence: 'value' };
    // `fly deploy` reads fly.toml unless told otherwise: an app it names without an environment word is the one
    // deployed by default, production (other environments get `fly.staging.toml` and `--config`).
    else if (/(^|\/)fly\.toml$/i.test(rec.file.path)) tag = { environment: 'production', name: 'fly.toml', evidence: 'file-name' };
  }
  walkSection(rec, { ...topSection(cls, root), tag }, { ...walkOptions(cls), envMaps: false });
  const appId = app ? appIdentity(app, 'fly') : undefined;
  if (appId && appNode) rec.resource(tag, appId, appNode.span, { variable: 'app', declared: true, family: `fly:${directoryOf(rec.file.path)}` });
  // Each Fly app runs the image built from its directory, and with it that directory's `litestream.yml`.
  if (appNode && tag.environment && tag.environment !== 'base') rec.layer(litestreamImageFamily(rec.file.path), tag, appNode.span, []);
  const mounts = get(root, 'mounts');
  const list = mounts?.kind === 'seq' ? mounts.items : mounts ? [mounts] : [];
  for (const mount of list) {
    const source = get(mount, 'source');
    const name = literalString(source);
    const identity = name && app ? volumeIdentity(name, 'fly', app) : undefined;
    if (identity && source) rec.resource(tag, identity, source.span, { variable: 'mounts.source', declared: true });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Netlify

/** Netlify builds every deploy preview and branch deploy from the file, whether or not it names them. */
const NETLIFY_IMPLICIT: readonly EnvTag[] = [
  { environment: 'preview', name: 'deploy-preview', evidence: 'key' },
  { environment: 'preview', name: 'branch-deploy', evidence: 'key' },
];

/** `[build.environment]` is the base; `[context.<name>.environment]` the layers (`production`, `deploy-preview`, a branch). */
export function scanNetlify(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const family = `netlify:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false };
  const base = getPath(root, ['build', 'environment']);
  if (base) walkSection(rec, section(base, ['build', 'environment'], BASE, 'base', family), options);
  const contexts = mapOf(get(root, 'context'));
  const declared = new Set<string>();
  for (const entry of contexts ? effectiveEntries(contexts) : []) {
    const tag = netlifyContext(entry.key);
    declared.add(entry.key);
    const environment = get(entry.value, 'environment');
    if (environment) walkSection(rec, section(environment, ['context', entry.key, 'environment'], tag, 'layer', family, entry.keySpan), options);
    else rec.layer(family, tag, entry.keySpan, []);
  }
  for (const implicit of NETLIFY_IMPLICIT) if (!declared.has(implicit.name)) rec.layer(family, implicit, { line: 1, column: 1, endLine: 1, endColumn: 1 }, [], true);
}

function netlifyContext(name: string): EnvTag {
  // Contexts other than the three built-in ones are branch names.
  if (/^(main|master|trunk)$/i.test(name)) return { environment: 'production', name, evidence: 'key' };
  return namedTag(name, 'key');
}

// ---------------------------------------------------------------------------------------------------------------
// Heroku app.json

/**
 * app.json sets the config of review apps, Heroku CI and one-click deploys (production's own config vars live in the
 * dashboard): `env` is the base, `environments.test` / `environments.review` the layers. Review apps exist whether
 * or not the file names them.
 */
export function scanHerokuAppJson(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const isHeroku = ['env', 'addons', 'formation', 'buildpacks', 'environments', 'scripts', 'stack'].some((key) => get(root, key) !== undefined) && get(root, 'expo') === undefined;
  if (!isHeroku) return;
  const family = `heroku:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false };
  const env = mapOf(get(root, 'env'));
  if (env) walkSection(rec, section(flattenHerokuEnv(env), ['env'], BASE, 'base', family), options);
  const environments = mapOf(get(root, 'environments'));
  const declared = new Set<string>();
  for (const entry of environments ? effectiveEntries(environments) : []) {
    declared.add(entry.key);
    const tag = namedTag(entry.key, 'key');
    const layerEnv = mapOf(get(entry.value, 'env'));
    if (layerEnv) walkSection(rec, section(flattenHerokuEnv(layerEnv), ['environments', entry.key, 'env'], tag, 'layer', family, entry.keySpan), options);
    else rec.layer(family, tag, entry.keySpan, []);
  }
  if (!declared.has('review')) rec.layer(family, { environment: 'preview', name: 'review', evidence: 'key' }, { line: 1, column: 1, endLine: 1, endColumn: 1 }, [], true);
}

/** `env: { X: { value: "..." } }` and `env: { X: "..." }` both become `X: "..."`. */
function flattenHerokuEnv(env: MapNode): MapNode {
  return {
    ...env,
    entries: env.entries.map((entry) => {
      const value = get(entry.value, 'value');
      return value ? { ...entry, value } : entry;
    }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// vercel.json

/** Legacy `env` / `build.env` in vercel.json apply to every deployment, previews included. */
export function scanVercelJson(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const family = `vercel:${rec.file.path}`;
  const options = { ...walkOptions(cls), envMaps: false };
  let any = false;
  for (const path of [['env'], ['build', 'env']]) {
    const node = getPath(root, path);
    if (node?.kind !== 'map') continue;
    any = true;
    walkSection(rec, section(node, path, BASE, 'base', family), options);
  }
  if (any) rec.layer(family, { environment: 'preview', name: 'preview', evidence: 'key' }, { line: 1, column: 1, endLine: 1, endColumn: 1 }, [], true);
}

// ---------------------------------------------------------------------------------------------------------------
// .firebaserc

/** `{"projects": {"default": "acme-prod", "staging": "acme-staging"}}`: each alias is an environment. */
export function scanFirebaserc(rec: Recorder, _cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  const projects = mapOf(get(root, 'projects'));
  if (get(root, 'projects') && !projects) rec.notify('environment-config-unreadable', `${rec.file.path}: "projects" is not a map of aliases; Firebase environments were not read.`);
  if (!projects) return;
  for (const entry of effectiveEntries(projects)) {
    const id = literalString(entry.value);
    const project = id ? gcpProjectIdentity(id, true) : undefined;
    if (!id || !project) continue;
    // Commands name the project by its alias (`firebase deploy --project production`): the alias is this project too.
    const identity = { ...project, otherIdentities: [...project.otherIdentities, `firebase-alias:${entry.key.toLowerCase()}`] };
    const tag = namedTag(entry.key, 'key');
    // `default` is what `firebase deploy` uses without `-P`: it counts only when the project's own name places it.
    const byName = canonicalEnvironment(id);
    const own: EnvTag | undefined = tag === BASE ? (byName ? { environment: byName, name: id, evidence: 'value' } : undefined) : tag;
    if (own) rec.resource(own, identity, entry.value.span, { variable: `projects.${entry.key}` });
  }
  // Deploy targets name sites, buckets and databases inside a project (`targets.<project>.hosting.staging`): a target
  // named for staging in production's project deploys staging into production's project.
  for (const target of mapOf(get(root, 'targets'))?.entries ?? []) {
    const project = gcpProjectIdentity(target.key, true);
    if (!project) continue;
    for (const kind of mapOf(target.value)?.entries ?? []) {
      for (const name of mapOf(kind.value)?.entries ?? []) {
        const tag = namedTag(name.key, 'key');
        if (tag === BASE || tag.environment === 'production') continue;
        rec.resource(tag, project, name.keySpan, { variable: `targets.${target.key}.${kind.key}.${name.key}` });
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Supabase

/** `supabase/config.toml` `[remotes.<name>] project_id = "<ref>"`: persistent branches and linked projects by name. */
export function scanSupabaseConfig(rec: Recorder, _cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  const remotes = mapOf(get(root, 'remotes'));
  for (const entry of remotes ? effectiveEntries(remotes) : []) {
    const node = get(entry.value, 'project_id');
    const ref = literalString(node);
    const identity = ref ? supabaseProjectIdentity(ref) : undefined;
    if (identity && node) rec.resource(namedTag(entry.key, 'key'), identity, node.span, { variable: `remotes.${entry.key}.project_id` });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Expo EAS

/**
 * `eas.json` build profiles: each profile's `env` is what its builds are made with, and `"extends": "production"`
 * starts a profile from production's (through a chain: development extends preview extends production). A preview
 * build that never overrides production's API or database URL ships pointing at production.
 */
export function scanEasJson(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const profiles = mapOf(get(document.roots[0], 'build'));
  if (!profiles) return;
  const family = `eas:${rec.file.path}`;
  const byName = new Map(profiles.entries.map((entry) => [entry.key, entry]));
  for (const profile of profiles.entries) {
    const tag = cls.tag.environment !== 'base' ? cls.tag : namedTag(profile.key, 'key');
    const env = get(profile.value, 'env');
    // The first profile up the `extends` chain that is production's is inherited with every value not set here.
    let inherits: { tag: EnvTag; span: Span } | undefined;
    const seen = new Set([profile.key]);
    // What the profile or a profile between it and production sets is not production's value.
    const keys = new Set(envKeys(profile.value));
    for (let current = profile.value; ; ) {
      const parentNode = get(current, 'extends');
      const parent = literalString(parentNode);
      const next = parent !== undefined && !seen.has(parent) ? byName.get(parent) : undefined;
      if (!next || !parentNode) break;
      seen.add(parent!);
      const parentTag = namedTag(parent!, 'value');
      if (parentTag.environment === 'production') {
        inherits = { tag: parentTag, span: parentNode.span };
        break;
      }
      current = next.value;
      for (const key of envKeys(current)) keys.add(key);
    }
    if (env) walkSection(rec, section(env, ['build', profile.key, 'env'], tag, 'layer', family, profile.keySpan), { ...walkOptions(cls), envMaps: false });
    if (inherits && tag.environment !== 'production') rec.layer(family, tag, profile.keySpan, keys, false, inherits);
  }
}

function envKeys(profile: DataNode): string[] {
  return mapOf(get(profile, 'env'))?.entries.map((entry) => entry.key) ?? [];
}

// ---------------------------------------------------------------------------------------------------------------
// AWS Copilot

/**
 * A Copilot service or job manifest: the top level is every environment's, and `environments.<name>` overrides it for
 * the environment `copilot svc deploy --env <name>` deploys to (its `variables`, `secrets`, `count`...).
 */
export function scanCopilotManifest(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const environments = mapOf(get(root, 'environments'));
  const layered = environments !== undefined && environments.entries.length > 0 && cls.tag.environment === 'base';
  const family = `copilot:${rec.file.path}`;
  const options = { ...walkOptions(cls), rootEnvironmentMaps: false };
  const rest: MapNode = { ...root, entries: root.entries.filter((entry) => entry.key !== 'environments') };
  walkSection(rec, { ...topSection(cls, rest), tag: cls.tag, family: layered ? family : undefined, role: layered ? 'base' : 'plain' }, options);
  if (!layered) return;
  for (const entry of environments.entries) {
    const tag = namedTag(entry.key, 'key');
    if (tag === BASE) continue;
    walkSection(rec, section(entry.value, ['environments', entry.key], tag, 'layer', family, entry.keySpan), { ...options, envMaps: false });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Serverless Framework

/**
 * `params: {default: {...}, prod: {...}, dev: {...}}` (v3) or `stages: {default: {params}, prod: {params}}` (v4): each
 * stage is a layer; the rest of the file (provider.environment, custom) is the base every stage inherits.
 */
export function scanServerless(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const params = mapOf(get(root, 'params'));
  const stages = mapOf(get(root, 'stages'));
  if ((get(root, 'params') && !params) || (get(root, 'stages') && !stages)) {
    rec.notify('environment-config-unreadable', `${rec.file.path}: "params"/"stages" is not a map of stages; Serverless stages were not read.`);
  }
  const family = `serverless:${rec.file.path}`;
  const options = { ...walkOptions(cls), rootEnvironmentMaps: false, dynamoTables: true };
  // A table a stage names by its bare name is looked up in the account and region the stage deploys to: one and the
  // same for every stage of the service unless the file gives stages their own (a profile, account or region per
  // stage). A table the service's own `resources` create under a fixed name says the opposite: a second stage in one
  // account could not create it again, so the stages deploy to accounts of their own.
  if (oneAccountForAllStages(root)) {
    const created = tablesCreatedUnderFixedNames(root);
    rec.scopeOf = (identity, variable) => (identity.startsWith('dynamodb:') && !variable?.startsWith('resources.') && !created.has(identity.slice('dynamodb:'.length).toLowerCase()) ? `serverless:${rec.file.path}` : undefined);
  }
  // Resources created only for one stage (`Condition: IsProduction`, `Fn::Equals: [${sls:stage}, production]`) are
  // that stage's, not a base every stage inherits.
  const staged = stageConditionedResources(root);
  const resources = mapOf(get(root, 'resources'));
  const withoutStaged = (entry: MapEntry): MapEntry => {
    if (entry.key !== 'resources' || !resources || staged.size === 0) return entry;
    const declared = mapOf(get(resources, 'Resources'));
    const kept = declared ? { ...declared, entries: declared.entries.filter((resource) => !staged.has(resource.key)) } : undefined;
    return { ...entry, value: { ...resources, entries: resources.entries.map((inner) => (inner.key === 'Resources' && kept ? { ...inner, value: kept } : inner)) } };
  };
  const rest: MapNode = { ...root, entries: root.entries.filter((entry) => entry.key !== 'params' && entry.key !== 'stages').map(withoutStaged) };
  for (const [name, { stage, node, span }] of staged) {
    walkSection(rec, section(node, ['resources', 'Resources', name], namedTag(stage, 'value'), 'plain', undefined, span), options);
  }
  const stageMaps: Array<{ map: MapNode; path: string[]; inner: string[] }> = [];
  if (params) stageMaps.push({ map: params, path: ['params'], inner: [] });
  if (stages) stageMaps.push({ map: stages, path: ['stages'], inner: ['params'] });
  // The stage a bare `serverless deploy` picks (`stage: ${opt:stage, 'dev'}`) inherits the whole base, unless params
  // or stages name it: a production SSM path written into provider.environment reaches it.
  const fallback = defaultStage(root);
  const listed = (name: string) => stageMaps.some(({ map }) => map.entries.some((entry) => entry.key === name));
  const fallbackLayer = fallback && !listed(fallback.name) && namedTag(fallback.name, 'value').environment !== 'production' ? fallback : undefined;
  const hasStages = stageMaps.length > 0 || fallbackLayer !== undefined;
  walkSection(rec, { ...topSection(cls, rest), tag: cls.tag, family: hasStages && cls.tag.environment === 'base' ? family : undefined, role: hasStages && cls.tag.environment === 'base' ? 'base' : 'plain' }, options);
  if (fallbackLayer && cls.tag.environment === 'base') rec.layer(family, namedTag(fallbackLayer.name, 'value'), fallbackLayer.span, []);
  for (const { map, path, inner } of stageMaps) {
    for (const entry of effectiveEntries(map)) {
      const tag = namedTag(entry.key, 'key');
      const node = inner.length > 0 ? getPath(entry.value, inner) : entry.value;
      if (!node) {
        if (tag !== BASE) rec.layer(family, tag, entry.keySpan, []);
        continue;
      }
      walkSection(rec, section(node, [...path, entry.key, ...inner], tag, tag === BASE ? 'base' : 'layer', family, entry.keySpan), { ...options, envMaps: false });
    }
  }
}

/**
 * Whether every stage of a Serverless service deploys with the same credentials into the same region, as far as the
 * file shows: the provider's profile and region are literal or unset, no stage gets an account, profile, region or
 * deployment role of its own (in `params`, `stages` or `custom`), and no stage depends on a Serverless Dashboard
 * provider (`org` with `app`), which binds credentials per stage outside the file.
 */
function oneAccountForAllStages(root: MapNode): boolean {
  const provider = get(root, 'provider');
  for (const key of ['profile', 'region', 'deploymentRole', 'iam.deploymentRole']) {
    const node = getPath(provider, key.split('.'));
    if (node && (literalString(node) === undefined || /\$\{/.test(literalString(node)!))) return false;
  }
  if (get(root, 'org') && get(root, 'app')) return false;
  const perStage = (map: DataNode | undefined): boolean => {
    for (const stage of mapOf(map)?.entries ?? []) {
      const values = mapOf(get(stage.value, 'params')) ?? mapOf(stage.value);
      if (values?.entries.some((entry) => /profile|account|region|role/i.test(entry.key))) return true;
    }
    return false;
  };
  if (perStage(get(root, 'params')) || perStage(get(root, 'stages'))) return false;
  // `custom.profiles: { prod: …, staging: … }`, `custom.accounts`, `custom.regions`.
  return !(mapOf(get(root, 'custom'))?.entries.some((entry) => /profile|account|region/i.test(entry.key) && mapOf(entry.value) !== undefined) ?? false);
}

/** DynamoDB tables the service's own `resources` create under a name no stage changes (`TableName: payments`). */
function tablesCreatedUnderFixedNames(root: MapNode): ReadonlySet<string> {
  const names = new Set<string>();
  for (const resource of mapOf(getPath(root, ['resources', 'Resources']))?.entries ?? []) {
    if (literalString(get(resource.value, 'Type')) !== 'AWS::DynamoDB::Table') continue;
    const name = literalString(getPath(resource.value, ['Properties', 'TableName']));
    if (name && !name.includes('${')) names.add(name.toLowerCase());
  }
  return names;
}

/** The default of a variable stage, `provider.stage: ${opt:stage, 'dev'}`, when it names an environment. */
function defaultStage(root: MapNode): { name: string; span: Span } | undefined {
  const node = get(get(root, 'provider'), 'stage');
  const value = node ? literalString(node) : undefined;
  const name = value ? /^\$\{opt:stage,\s*(['"])([\w-]+)\1\s*\}$/.exec(value)?.[2] : undefined;
  if (!name || !node || canonicalEnvironment(name) === undefined) return undefined;
  return { name, span: node.span };
}

function directoryOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}

/**
 * CloudFormation resources of a Serverless file gated by a condition that compares the stage with a name:
 * `Conditions: { IsProduction: { Fn::Equals: ["${sls:stage}", "production"] } }` (or `!Equals`), by resource name.
 */
function stageConditionedResources(root: MapNode): Map<string, { stage: string; node: DataNode; span: Span }> {
  const found = new Map<string, { stage: string; node: DataNode; span: Span }>();
  const resources = get(root, 'resources');
  const conditions = mapOf(get(resources, 'Conditions'));
  const declared = mapOf(get(resources, 'Resources'));
  if (!conditions || !declared) return found;
  const stageOf = new Map<string, string>();
  for (const condition of conditions.entries) {
    // `Fn::Equals: [a, b]`, or `!Equals [a, b]` (the tag is not kept: a bare pair of strings reads the same).
    const equals = get(condition.value, 'Fn::Equals') ?? (condition.value.kind === 'seq' ? condition.value : undefined);
    if (equals?.kind !== 'seq' || equals.items.length !== 2) continue;
    const [left, right] = equals.items.map((item) => literalString(item) ?? '');
    const stageSide = /\$\{(?:sls:stage|opt:stage|self:provider\.stage)\b/;
    const stage = stageSide.test(left!) ? right : stageSide.test(right!) ? left : undefined;
    if (stage && canonicalEnvironment(stage) !== undefined) stageOf.set(condition.key, stage);
  }
  for (const resource of declared.entries) {
    const condition = literalString(get(resource.value, 'Condition'));
    const stage = condition ? stageOf.get(condition) : undefined;
    if (stage) found.set(resource.key, { stage, node: resource.value, span: resource.keySpan });
  }
  return found;
}

/**
 * Nomad job files: each `job` runs in the environment its `namespace` names (`namespace = "production"`), else the
 * one its tasks' `APP_ENV`/`ENVIRONMENT` or the job's name says, else the file's path; the job is walked in it, so a
 * staging job handed production's database URL is seen, whatever the file is called.
 */
export function scanNomadJobs(rec: Recorder, cls: FileClass, document: DataDocument): void {
  for (const root of document.roots) {
    if (root.kind !== 'map') continue;
    for (const entry of root.entries) {
      if (entry.key !== 'job' || entry.value.kind !== 'map') continue;
      const job = entry.value;
      const jobName = job.block?.labels[0] ?? 'job';
      const named = [literalString(get(job, 'namespace')), ...taskEnvironmentValues(job), jobName].find((value) => value !== undefined && canonicalEnvironment(value) !== undefined);
      const tag: EnvTag = cls.tag.environment !== 'base' ? cls.tag : named ? { environment: canonicalEnvironment(named)!, name: named, evidence: 'value' } : cls.tag;
      walkSection(rec, { ...topSection(cls, job), path: ['job', jobName], tag }, walkOptions(cls));
      scanNomadVolumes(rec, cls, job, tag);
    }
  }
}

/**
 * The volumes a job's groups claim (`volume "data" { type = "host", source = "pgdata" }`): a job of another environment
 * naming the same source writes the same files. Host volumes are directories a client exposes by name, so they are
 * compared within the jobs of one directory that run in the same datacenters; CSI volumes are registered per
 * namespace, so they are compared within one namespace too. A development or test job runs elsewhere and shares none.
 */
function scanNomadVolumes(rec: Recorder, cls: FileClass, job: MapNode, tag: EnvTag): void {
  if (tag.environment !== 'production' && tag.environment !== 'staging' && tag.environment !== 'preview') return;
  const path = rec.file.path;
  const directory = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '.';
  const datacenters = get(job, 'datacenters');
  const placed = datacenters?.kind === 'seq' ? datacenters.items.map((item) => literalString(item)) : [];
  if (placed.some((name) => name === undefined)) return;
  const cluster = `${directory}@${(placed as string[]).sort().join(',') || '*'}`;
  const namespace = literalString(get(job, 'namespace')) ?? 'default';
  for (const group of job.entries) {
    if (group.key !== 'group' || group.value.kind !== 'map') continue;
    for (const volume of group.value.entries) {
      if (volume.key !== 'volume' || volume.value.kind !== 'map') continue;
      const sourceNode = get(volume.value, 'source');
      const source = literalString(sourceNode);
      const readOnly = get(volume.value, 'read_only');
      if (!source || !sourceNode || (readOnly?.kind === 'scalar' && (readOnly.value === true || readOnly.value === 'true'))) continue;
      const csi = literalString(get(volume.value, 'type')) === 'csi';
      const identity = volumeIdentity(source, csi ? 'nomad-csi' : 'nomad-host', csi ? `${cluster}/${namespace}` : cluster);
      if (identity) rec.resource(tag, identity, sourceNode.span, { variable: `group.${group.value.block?.labels[0] ?? ''}.volume.${volume.value.block?.labels[0] ?? ''}.source`, family: cls.family });
    }
  }
}

/** `APP_ENV`/`ENVIRONMENT`/`RAILS_ENV`/`NODE_ENV` values of a job's tasks' `env` blocks. */
function taskEnvironmentValues(job: MapNode): string[] {
  const values: string[] = [];
  const visit = (node: DataNode): void => {
    if (node.kind !== 'map') return;
    for (const entry of node.entries) {
      if (entry.key === 'env' && entry.value.kind === 'map') {
        for (const variable of entry.value.entries) {
          const value = literalString(variable.value);
          if (value && /^(?:APP_ENV|ENVIRONMENT|RAILS_ENV|DEPLOY_ENV)$/i.test(variable.key)) values.push(value);
        }
      } else if (entry.value.kind === 'map' && (entry.key === 'group' || entry.key === 'task')) visit(entry.value);
    }
  };
  visit(job);
  return values;
}
