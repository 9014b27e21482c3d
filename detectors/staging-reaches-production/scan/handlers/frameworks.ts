// Framework configuration with environments inside one file: Spring profile documents (`spring.config.activate.on-profile`),
// Quarkus `%profile.` settings and Rails environment files (the Active Storage service each picks, data-store URLs written into them).
import type { DataNode, MapEntry, MapNode } from '../../../../src/parse/data-tree.js';
import { get, getPath, leaves, literalString } from '../../../../src/parse/data-tree.js';
import type { FileClass } from '../files.js';
import { BASE, namedTag, pathTag, type EnvTag, type Recorder } from '../recorder.js';
import type { Span } from '../../../../src/model.js';
import { canonicalEnvironment, tokensOf } from '../../../../knowledge/environments/names.js';
import { activeStorageServiceOf } from '../../../../knowledge/environments/rails.js';
import { walkSection } from '../tree.js';
import { valueTag } from './dotenv.js';
import { topSection, walkOptions } from '../sections.js';
import { identifyValue } from '../values.js';
import { databaseHostIdentity } from '../../../../knowledge/environments/identities.js';

/**
 * One document of `application.yml`/`.properties`: the base, or the profile its `on-profile` names (a layer of the
 * same family); Quarkus profiles inside it are layers too.
 */
export function scanSpringDocument(rec: import('../recorder.js').Recorder, cls: FileClass, root: DataNode): void {
  const profile =
    literalString(getPath(root, ['spring', 'config', 'activate', 'on-profile'])) ??
    literalString(get(root, 'spring.config.activate.on-profile')) ??
    literalString(getPath(root, ['spring', 'profiles'])) ??
    literalString(get(root, 'spring.profiles'));
  const section = topSection(cls, root);
  if (profile && /^[A-Za-z0-9_-]+$/.test(profile)) {
    const tag = namedTag(profile, 'key');
    if (tag !== BASE) {
      section.tag = tag;
      section.role = cls.role === 'base' ? 'layer' : 'plain';
      section.family = cls.role === 'base' ? cls.family : undefined;
      section.span = root.span;
    }
  }
  const { shared, profiles } = quarkusProfiles(root);
  walkSection(rec, { ...section, node: shared }, { ...walkOptions(cls), envMaps: false });
  if (section.family) scanSpringProfileInheritance(rec, section.family, section.tag, root);
  for (const [name, entries] of profiles) {
    const tag = namedTag(name, 'key');
    if (tag === BASE) continue;
    const node: MapNode = { kind: 'map', span: entries[0]!.keySpan, entries };
    walkSection(rec, { node, path: [], tag, role: cls.role === 'base' ? 'layer' : 'plain', family: cls.role === 'base' ? cls.family : undefined, span: entries[0]!.keySpan }, { ...walkOptions(cls), envMaps: false });
  }
}

/**
 * Profiles that bring production's in: `spring.profiles.group.staging: staging,prod-db` in the base document (Spring
 * Boot 2.4+), or `spring.profiles.include: prod` in a profile's own (before 2.4). The environment then runs with every
 * setting of the production profile it does not set itself: a layer of the family that starts from that profile.
 */
function scanSpringProfileInheritance(rec: Recorder, family: string, own: EnvTag, root: DataNode): void {
  if (root.kind !== 'map') return;
  const spring: MapNode = { ...root, entries: root.entries.filter((entry) => entry.key === 'spring' || entry.key.startsWith('spring.')) };
  if (spring.entries.length === 0) return;
  for (const leaf of leaves({ roots: [spring] })) {
    const setting = leaf.path.filter((step): step is string => typeof step === 'string').join('.').replace(/\[\d+\]/g, '');
    const group = /^spring\.profiles\.group\.([A-Za-z0-9_-]+)$/.exec(setting)?.[1];
    const environment = group !== undefined ? (own.environment === 'base' ? namedTag(group, 'key') : undefined) : setting === 'spring.profiles.include' ? own : undefined;
    const value = literalString(leaf.node);
    if (!environment?.environment || environment.environment === 'production' || environment.environment === 'base' || value === undefined) continue;
    for (const profile of value.split(',').map((name) => name.trim())) {
      const tag = /^[A-Za-z0-9_-]+$/.test(profile) ? namedTag(profile, 'value') : BASE;
      if (tag.environment !== 'production') continue;
      rec.layer(family, environment, leaf.keySpan ?? leaf.node.span, [], false, { tag, span: leaf.node.span });
    }
  }
}

/**
 * Quarkus writes a profile's settings into the same file under a `%<profile>.` prefix (`%staging.quarkus.datasource.jdbc.url`,
 * `%dev,test.x` for several), or in YAML under a `"%staging":` key: each profile is a layer over the unprefixed settings.
 */
function quarkusProfiles(root: DataNode): { shared: DataNode; profiles: Map<string, MapEntry[]> } {
  const profiles = new Map<string, MapEntry[]>();
  if (root.kind !== 'map' || !root.entries.some((entry) => entry.key.startsWith('%'))) return { shared: root, profiles };
  const add = (names: string, entries: MapEntry[]) => {
    for (const name of names.split(',')) profiles.set(name, [...(profiles.get(name) ?? []), ...entries]);
  };
  const shared: MapEntry[] = [];
  for (const entry of root.entries) {
    const prefixed = /^%([\w,-]+)\.(.+)$/.exec(entry.key);
    const keyed = /^%([\w,-]+)$/.exec(entry.key);
    if (prefixed) add(prefixed[1]!, [{ ...entry, key: prefixed[2]! }]);
    else if (keyed && entry.value.kind === 'map') add(keyed[1]!, entry.value.entries);
    else shared.push(entry);
  }
  return { shared: { ...root, entries: shared }, profiles };
}

/**
 * Rails Active Storage services (`config/storage.yml`): each environment picks one by name in
 * `config/environments/<env>.rb`, and services are named for the environment they serve (`amazon_staging`,
 * `s3_production`): a service's name places its bucket; a name without an environment word is everyone's.
 */
export function scanRailsStorage(rec: Recorder, cls: FileClass, root: DataNode): void {
  if (root.kind !== 'map') return;
  // Services are alternatives, not layers: `test` and `local` do not inherit the `amazon` service's bucket.
  for (const entry of root.entries) {
    const word = tokensOf(entry.key).find((token) => canonicalEnvironment(token) !== undefined);
    const tag = word && cls.tag.environment === 'base' ? namedTag(word, 'key') : cls.tag;
    walkSection(rec, { node: entry.value, path: [entry.key], tag, family: undefined, role: 'plain', span: entry.keySpan }, walkOptions(cls));
  }
}

/** A bucket (Azure: a container) named when the app runs: for its environment (`app-<%= Rails.env %>`) or from one (`ENV[…]`). */
const RESOLVED_AT_RUN_TIME = /Rails\.env\b|\bENV\b|<%/;

/**
 * storage.yml's services whose bucket the environment running the app names, recorded unplaced: they say how the
 * environment files' service of that name resolves, and are compared with nothing. Read from the text, since ERB
 * output tags (`<%= Rails.env.production? ? "a" : "b" %>`) make the file YAML only once Rails has rendered it.
 */
export function scanRailsStorageBuckets(rec: Recorder): void {
  const text = rec.file.text;
  if (!RESOLVED_AT_RUN_TIME.test(text)) return;
  const app = rec.file.path.replace(/\/?config\/storage\.ya?ml$/i, '');
  let service: { name: string; line: number } | undefined;
  text.split('\n').forEach((line, index) => {
    const top = /^([A-Za-z_][\w-]*):[ \t]*(?:#.*)?\r?$/.exec(line);
    if (top) service = { name: top[1]!, line: index + 1 };
    else if (/^\S/.test(line)) service = undefined;
    else if (service && /^[ \t]+(?:bucket|container)[ \t]*:/.test(line) && RESOLVED_AT_RUN_TIME.test(line)) {
      const span = { line: service.line, column: 1, endLine: service.line, endColumn: service.name.length + 1 };
      rec.resource(UNPLACED, { kind: 'bucket', identity: railsStorageIdentity(app, service.name), otherIdentities: [], display: `Active Storage service ${service.name}`, name: service.name, secrets: [] }, span, { perEnvironment: true });
    }
  });
}

const UNPLACED: EnvTag = { environment: undefined, name: '', evidence: 'base' };

function railsStorageIdentity(app: string, service: string): string {
  return `rails-storage:${app}:${service.toLowerCase()}`;
}

/** Services that keep files on the machine that runs the app: two environments naming one share nothing. */
const LOCAL_SERVICE = /(?:^|_)(?:local|disk|test|tmp|temp)(?:_|$)/i;

/**
 * `config/environments/<env>.rb`: the Active Storage service the environment uses, by name. Two environments that
 * name the same cloud service (staging.rb copied from production.rb: `:amazon`) store files in one bucket.
 */
export function scanRailsEnvironment(rec: Recorder, cls: FileClass): void {
  if (cls.tag.environment === 'base') return;
  const family = cls.family;
  scanRailsServiceUrls(rec, cls);
  // An environment file that loads another (`require_relative "production"` at the top of staging.rb) starts from
  // its settings and runs with every one it does not set again.
  if (cls.role === 'layer' && family) rec.layer(family, cls.tag, { line: 1, column: 1, endLine: 1, endColumn: 1 }, railsSettings(rec.file.text), false, railsRequired(rec, cls.tag));
  const service = activeStorageServiceOf(rec.file.text);
  if (!service || LOCAL_SERVICE.test(service.name)) return;
  const root = rec.file.path.replace(/\/?config\/environments\/[^/]+$/i, '');
  const { name, offset } = service;
  const span = rec.file.spanOf(offset, offset + name.length);
  rec.resource(cls.tag, { kind: 'bucket', identity: railsStorageIdentity(root, name), otherIdentities: [], display: `Active Storage service ${name}`, name, secrets: [] }, span, { variable: 'config.active_storage.service', family });
}

/** The settings an environment file assigns (`config.active_storage.service = …`), as the variables it records. */
function railsSettings(text: string): string[] {
  return [...text.matchAll(/^[ \t]*(config(?:\.\w+)+)[ \t]*=/gm)].map((match) => match[1]!);
}

/** `require_relative "production"` (or `require File.expand_path("production", __dir__)`, `load`): the file it starts from. */
const RAILS_REQUIRE = /^[ \t]*(?:require_relative[ \t(]+["'](?:\.\/)?(\w+)(?:\.rb)?["']|(?:require|load)[ \t(]+File\.(?:expand_path|join)\([ \t]*["'](\w+)(?:\.rb)?["'])/m;

function railsRequired(rec: Recorder, own: EnvTag): { tag: EnvTag; span: Span } | undefined {
  const match = RAILS_REQUIRE.exec(rec.file.text);
  if (!match) return undefined;
  const required = match[1] ?? match[2]!;
  const environment = canonicalEnvironment(required);
  if (!environment || environment === 'base' || environment === own.environment) return undefined;
  const { line } = rec.file.positionAt(match.index);
  // Named as the required file's own environment is, so its settings are the ones inherited.
  const name = pathTag(`${rec.file.path.slice(0, rec.file.path.lastIndexOf('/') + 1)}${required}.rb`)?.name ?? required;
  return { tag: { environment, name, evidence: 'file-name' }, span: { line, column: 1, endLine: line, endColumn: rec.file.line(line).length + 1 } };
}

/**
 * Kamal: `config/deploy.yml` is the base every destination (`deploy.staging.yml`) is merged over, and what a bare
 * `kamal deploy` ships. When its own env says production, its accessories (the database and its host) are also
 * production's: a destination that puts its accessory on the same host shares it.
 */
export function scanKamal(rec: Recorder, cls: FileClass, root: DataNode): void {
  walkSection(rec, topSection(cls, root), walkOptions(cls));
  if (cls.role !== 'base' || root.kind !== 'map') return;
  const env = get(root, 'env');
  const clear = get(env, 'clear') ?? env;
  // Said by the app's environment (`RAILS_ENV: production`), or by its database accessory's (`POSTGRES_DB:
  // app_production`, what Rails names production's database).
  // Else a base that deploys on its own (servers and a database accessory, no environment named) is what a plain
  // `kamal deploy` ships: production's, unless another environment's name is in it.
  const named = clear?.kind === 'map' ? valueTag(clear.entries)?.environment : undefined;
  const production = named === 'production' || accessoriesNameProduction(get(root, 'accessories')) || (named === undefined && deploysDatabaseAlone(root));
  if (!production) return;
  const tag = { environment: 'production' as const, name: 'deploy.yml', evidence: 'value' as const };
  // The base file is what `kamal deploy` ships when it says production: its accessories, and the environment its
  // containers get (a destination file such as deploy.staging.yml naming the same database shares it). Keyed from
  // the root as the destinations' keys are: what deploy.production.yml sets again is not production's.
  const entries = root.entries.filter((entry) => entry.key === 'accessories' || entry.key === 'env');
  const node: MapNode = { kind: 'map', span: root.span, entries };
  walkSection(rec, { node, path: [], tag, family: cls.family, fromBase: true, role: 'plain', span: root.span }, walkOptions(cls));
}
/**
 * Litestream: `litestream.yml` is what the image copies to `/etc/litestream.yml` (the default path) and what a plain
 * `litestream replicate` reads; `litestream.staging.yml` is another environment's. Litestream does not merge them,
 * so the base file is production's replica target as a whole, and a staging file that replicates into the same
 * bucket writes its generations beside production's (a restore may pick staging's) or removes them on retention.
 */
export function scanLitestream(rec: Recorder, cls: FileClass, root: DataNode): void {
  const image = litestreamImageFamily(rec.file.path);
  if (cls.role !== 'base') {
    // An environment with a Litestream file of its own replicates with it, not with the image's.
    if (cls.tag.environment) rec.layer(image, cls.tag, { line: 1, column: 1, endLine: 1, endColumn: 1 }, ['dbs']);
    return walkSection(rec, topSection(cls, root), walkOptions(cls));
  }
  const tag: EnvTag = { environment: 'production', name: rec.file.path.slice(rec.file.path.lastIndexOf('/') + 1), evidence: 'base' };
  walkSection(rec, { node: root, path: [], tag, role: 'plain', span: root.span }, walkOptions(cls));
  // The same file is the base of every app built from the directory: a staging Fly app beside production's runs the
  // image with it and replicates into production's replica, unless the path names each app (`${FLY_APP_NAME}`).
  walkSection(rec, { node: root, path: [], tag: BASE, family: image, role: 'base', span: root.span }, walkOptions(cls));
}

/** Directories that hold an app's deploy files rather than being the app: `etc/litestream.yml` is the app's above. */
const DEPLOY_DIRECTORY = /(?:^|\/)(?:etc|config|deploy|docker|\.fly|litestream|ops)$/;

/**
 * The family of the apps one Litestream configuration serves: the directory of the app it sits in, shared with the
 * Fly configurations (`fly.toml`, `fly.staging.toml`) deployed from there.
 */
export function litestreamImageFamily(path: string): string {
  let directory = path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
  directory = directory.replace(DEPLOY_DIRECTORY, '');
  return `litestream-image:${directory}`;
}

/** A base deploy.yml with its own servers and a database accessory on a host of its own. */
function deploysDatabaseAlone(root: DataNode): boolean {
  const accessories = get(root, 'accessories');
  if (get(root, 'servers') === undefined || accessories?.kind !== 'map') return false;
  return accessories.entries.some((accessory) => /postgres|mysql|mariadb|mongo|redis|valkey/i.test(literalString(get(accessory.value, 'image')) ?? '') && literalString(get(accessory.value, 'host')) !== undefined);
}

function accessoriesNameProduction(accessories: DataNode | undefined): boolean {
  if (accessories?.kind !== 'map') return false;
  return accessories.entries.some((accessory) => {
    const env = get(accessory.value, 'env');
    const clear = get(env, 'clear') ?? env;
    return clear?.kind === 'map' && clear.entries.some((entry) => /(?:^|_)(?:DB|DATABASE)$/i.test(entry.key) && /[_-](?:production|prod)$/i.test(literalString(entry.value) ?? ''));
  });
}

/** A data store's URL written into the environment's file: `config.cache_store = :redis_cache_store, { url: "redis://…" }`. */
const SERVICE_URL = /(["'])((?:redis|rediss|postgres|postgresql|mysql2?|mongodb(?:\+srv)?|amqps?|memcached):\/\/[^"'\s]+)\1/g;
const CONFIG_SETTING = /^[ \t]*(config(?:\.\w+)+)/;

function scanRailsServiceUrls(rec: Recorder, cls: FileClass): void {
  const text = rec.file.text;
  if (!text.includes('://')) return;
  for (const match of text.matchAll(SERVICE_URL)) {
    const position = rec.file.positionAt(match.index);
    const line = rec.file.line(position.line);
    if (/^\s*#/.test(line)) continue;
    const variable = CONFIG_SETTING.exec(line)?.[1] ?? 'url';
    const start = match.index + 1;
    for (const identity of identifyValue(match[2]!, { variable, path: [] })) rec.resource(cls.tag, identity, rec.file.spanOf(start, start + match[2]!.length), { variable, family: cls.family });
  }
}

/**
 * Bicep parameter files (`staging.bicepparam`): `param <name> = '<literal>'` lines, the values one environment's
 * deployment gives the template. Read as a map of those literals, placed in the file's environment, so a staging
 * file naming production's server (`param postgresServerName = 'psql-payroll-prod'`) is seen.
 */
export function scanBicepParams(rec: Recorder, cls: FileClass): void {
  const file = rec.file;
  const entries: MapEntry[] = [];
  for (const match of file.text.matchAll(/^param[ \t]+(\w+)[ \t]*=[ \t]*'([^'\n]*)'[ \t]*(?:\/\/[^\n]*)?$/gm)) {
    const keyAt = match.index + match[0].indexOf(match[1]!, 'param'.length);
    const valueAt = match.index + match[0].lastIndexOf(`'${match[2]!}'`) + 1;
    entries.push({
      key: match[1]!,
      keySpan: file.spanOf(keyAt, keyAt + match[1]!.length),
      value: { kind: 'scalar', value: match[2]!, span: file.spanOf(valueAt, valueAt + match[2]!.length) },
    });
  }
  if (entries.length === 0) return;
  const node: MapNode = { kind: 'map', span: file.spanOf(0, file.text.length), entries };
  walkSection(rec, topSection(cls, node), walkOptions(cls));
}

// ---------------------------------------------------------------------------------------------------------------
// Capistrano

/** `server "db1.example.com", user: "deploy", roles: %w{db}` (the roles may be symbols, strings or a `%w` list). */
const CAPISTRANO_SERVER = /^[ \t]*server[ \t(]+["']([^"'\s]+)["'](.*)$/;
/** `role :db, %w{deploy@db1.example.com}` or `role :db, ["db1.example.com"]`. */
const CAPISTRANO_DB_ROLE = /^[ \t]*role[ \t(]+:db\b[ \t]*,(.*)$/;
const DB_ROLE = /(?::db\b|["']db["']|%[wi][{[(][^}\])]*\bdb\b)/;

/**
 * A Capistrano stage (`config/deploy/staging.rb`): the servers of its `db` role are where `cap <stage> deploy` runs
 * the migrations, with the stage's settings. A staging stage naming production's database server migrates production.
 */
export function scanCapistranoStage(rec: Recorder, cls: FileClass): void {
  if (cls.tag.environment === 'base') return;
  const file = rec.file;
  for (let number = 1; number <= file.lineStarts.length; number++) {
    const line = file.line(number);
    const server = CAPISTRANO_SERVER.exec(line);
    const hosts = server ? (DB_ROLE.test(server[2]!) ? [server[1]!] : []) : capistranoRoleHosts(CAPISTRANO_DB_ROLE.exec(line)?.[1]);
    for (const raw of hosts) {
      const host = raw.replace(/^[^@]*@/, '');
      const identity = databaseHostIdentity(host);
      const at = line.indexOf(host);
      const start = (file.lineStart(number) ?? 0) + Math.max(0, at);
      if (identity) rec.resource(cls.tag, identity, file.spanOf(start, start + host.length), { variable: 'role db' });
    }
  }
}

function capistranoRoleHosts(list: string | undefined): string[] {
  if (!list) return [];
  const words = /%w[{[(]([^}\])]*)/.exec(list)?.[1]?.split(/\s+/) ?? [...list.matchAll(/["']([^"'\s]+)["']/g)].map((match) => match[1]!);
  return words.filter((word) => /[a-z0-9]\.[a-z]/i.test(word));
}
