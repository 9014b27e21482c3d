// Hosted databases the repo shows only by use: a Supabase project (`supabase/config.toml`), connection strings and
// hosts in env and config files (RDS, Supabase, Neon, PlanetScale, Railway, Render, Fly, Atlas...), Railway reference
// variables (`${{Postgres.DATABASE_URL}}`), and client packages (`@neondatabase/serverless`, `@planetscale/database`).
import { get, leaves } from '../../../src/parse/data-tree.js';
import { withDecodedSecretData } from '../../../knowledge/credentials/kubernetes-secret-data.js';
import { environmentNamed, environmentOf, fileNameOf, isTestOnlyPath, literalOf, mapOf, textOf, type Inventory } from '../shared.js';
import { RAILWAY_BUILT_IN } from './railway.js';
import { lookupTable } from '../../../src/lookup-table.js';
import { FLY_HOST, goMysqlDsnAsUrl, isPlaceholderName } from '../../../knowledge/environments/identities.js';
import { environmentsNamedIn } from '../../../knowledge/environments/names.js';

export function isSupabaseConfig(path: string): boolean {
  return /(^|\/)supabase\/config\.toml$/.test(path);
}

/** A hosted Supabase project's ref: 20 lowercase letters. */
const SUPABASE_REF = /^[a-z]{20}$/;
/** The identity of a `supabase/config.toml` that names no hosted project, only its local stack. */
export const SUPABASE_LOCAL = 'supabase:local:';

const SUPABASE_BUILT_IN = {
  protection: 'provider-managed' as const,
  description: 'Supabase keeps daily backups (and point-in-time recovery when bought) inside the project, and deletes them with the project',
};

export function scanSupabaseConfig(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  const projectEntry = root.entries.find((entry) => entry.key === 'project_id');
  // `project_id` names the local stack (`supabase init` writes the directory's name); only a 20-letter ref names a
  // hosted project. The backup stage names the store by production's ref where the repo uses one.
  const local = literalOf(projectEntry?.value);
  const ref = local && SUPABASE_REF.test(local) ? local : undefined;
  // Named for the file, not the local id: words in it (`acme-dev`) would read as the store's environment.
  const name = ref ?? `the project ${inventory.path} links`;
  const identities = ref ? [`supabase:project:${ref}`] : [`${SUPABASE_LOCAL}${local ?? inventory.path}`];
  inventory.store({
    platform: 'supabase',
    provider: 'supabase',
    engine: 'postgres',
    name,
    environment: undefined,
    location: inventory.line(projectEntry?.keySpan.line ?? 1),
    identities,
    declaredBy: 'platform',
    builtInBackup: SUPABASE_BUILT_IN,
  });
  // Persistent branches and linked remotes name hosted projects by ref.
  const remotes = mapOf(root.entries.find((entry) => entry.key === 'remotes')?.value);
  for (const remote of remotes?.entries ?? []) {
    const ref = literalOf(get(remote.value, 'project_id'));
    if (ref && SUPABASE_REF.test(ref)) inventory.context({ kind: 'supabase-hosted', name: ref, value: remote.key, location: inventory.line(remote.keySpan.line) });
  }
}

interface HostedProvider {
  provider: string;
  engine: string;
  /** Built-in backup of the provider. */
  builtIn: { protection: 'provider-managed' | 'same-volume' | 'none'; description: string };
}

const PROVIDER_MANAGED = (what: string) => ({ protection: 'provider-managed' as const, description: what });

const HOSTS: Array<[RegExp, HostedProvider]> = [
  [/\.rds\.amazonaws\.com$/, { provider: 'aws', engine: 'database', builtIn: PROVIDER_MANAGED('RDS automated backups and snapshots stay in the same AWS account') }],
  [/(^|\.)supabase\.co$|\.pooler\.supabase\.com$/, { provider: 'supabase', engine: 'postgres', builtIn: SUPABASE_BUILT_IN }],
  [/\.neon\.tech$/, { provider: 'neon', engine: 'postgres', builtIn: PROVIDER_MANAGED("Neon's restore window is history kept in the same Neon project") }],
  [/\.psdb\.cloud$|\.connect\.psdb\.cloud$/, { provider: 'planetscale', engine: 'mysql', builtIn: PROVIDER_MANAGED('PlanetScale backups are kept by PlanetScale, in the same organization') }],
  [/\.railway\.internal$|\.rlwy\.net$|(^|\.)containers-[\w-]+\.railway\.app$/, { provider: 'railway', engine: 'database', builtIn: RAILWAY_BUILT_IN }],
  [/^dpg-[a-z0-9]+-a(\.[\w-]+-postgres\.render\.com)?$/, { provider: 'render', engine: 'postgres', builtIn: PROVIDER_MANAGED('Render keeps point-in-time recovery and exports inside the same Render workspace') }],
  [FLY_HOST, { provider: 'fly', engine: 'database', builtIn: PROVIDER_MANAGED('Fly keeps volume snapshots in the same Fly organization') }],
  [/\.mongodb\.net$/, { provider: 'mongodb-atlas', engine: 'mongo', builtIn: PROVIDER_MANAGED('Atlas cloud backups stay in the same Atlas project') }],
  [/\.db\.ondigitalocean\.com$/, { provider: 'digitalocean', engine: 'database', builtIn: PROVIDER_MANAGED('DigitalOcean managed database backups stay in the same DigitalOcean account') }],
  [/\.(postgres|mysql)\.database\.azure\.com$|\.database\.windows\.net$/, { provider: 'azure', engine: 'database', builtIn: PROVIDER_MANAGED('Azure database backups stay in the same subscription') }],
  [/\.cockroachlabs\.cloud$/, { provider: 'cockroach', engine: 'postgres', builtIn: PROVIDER_MANAGED('CockroachDB Cloud managed backups stay with Cockroach Labs') }],
  [/\.aivencloud\.com$/, { provider: 'aiven', engine: 'database', builtIn: PROVIDER_MANAGED('Aiven backups stay in the same Aiven project') }],
  [/\.tsdb\.cloud\.timescale\.com$|\.timescaledb\.io$/, { provider: 'timescale', engine: 'postgres', builtIn: PROVIDER_MANAGED('Timescale Cloud backups stay with Timescale') }],
  [/\.turso\.io$/, { provider: 'turso', engine: 'sqlite', builtIn: PROVIDER_MANAGED('Turso point-in-time restore stays with Turso') }],
  [/\.xata\.sh$/, { provider: 'xata', engine: 'postgres', builtIn: PROVIDER_MANAGED('Xata backups stay with Xata') }],
];

const SCHEMES: Array<[RegExp, string]> = [
  [/^(postgres|postgresql|pgsql)(\+\w+)?:/i, 'postgres'],
  [/^(mysql|mysql2|mariadb)(\+\w+)?:/i, 'mysql'],
  [/^mongodb(\+srv)?:/i, 'mongo'],
  [/^(libsql|sqlite):/i, 'sqlite'],
  [/^sqlserver:/i, 'mssql'],
];

const CACHE_SCHEME = /^(redis|rediss|valkey|valkeys|memcached?):\/\//i;
const CACHE_KEY = /redis|valkey|memcache|(^|_)(cache|kv)(_|$)/i;

const KEY_HINT = /database|(^|_)db(_|$)|^pg|postgres|mysql|mongo|supabase|datasource|connection|dsn|_url$|host$/i;

/** A hosted database named by a value: provider, engine and identities. */
export function hostedDatabaseOf(value: string): { provider: HostedProvider; engine: string; host: string; name: string; identities: string[]; supabaseRef?: string } | undefined {
  // Go's MySQL driver writes `user:password@tcp(host:port)/db`.
  const text = goMysqlDsnAsUrl(value) ?? value.trim().replace(/^jdbc:/i, '');
  const scheme = SCHEMES.find(([pattern]) => pattern.test(text))?.[1];
  let host: string | undefined;
  let user: string | undefined;
  const url = /^[a-z][\w+.-]*:\/\/(?:([^:@/\s]*)(?::[^@/\s]*)?@)?([^/:?,\s]+)/i.exec(text);
  if (url) {
    user = url[1];
    host = url[2];
  } else if (/^https?:\/\//i.test(text) === false) {
    const bare = /^([a-z0-9][\w.-]+\.[a-z]{2,})(:\d+)?$/i.exec(text);
    host = bare?.[1];
  }
  if (!host && /^https?:\/\//i.test(text)) host = /^https?:\/\/([^/:?]+)/i.exec(text)?.[1];
  if (!host) return undefined;
  host = host.toLowerCase().replace(/\.$/, '');
  const provider = HOSTS.find(([pattern]) => pattern.test(host!))?.[1];
  if (!provider) return undefined;
  // A template's host (`your-db-your-org.turso.io`, `ep-your-endpoint-123456….neon.tech`) names no database.
  if (isPlaceholderName(host)) return undefined;
  // A bare https URL counts only for Supabase (its API URL names the project); other https URLs are web apps.
  if (!scheme && /^https?:/i.test(text) && provider.provider !== 'supabase') return undefined;
  if (!scheme && provider.provider === 'fly' && !/\.flycast$/.test(host)) return undefined;
  const identities = [`host:${host}`];
  let supabaseRef: string | undefined;
  if (provider.provider === 'supabase') {
    supabaseRef = /^(?:db\.)?([a-z]{20})\.supabase\.co$/.exec(host)?.[1] ?? /^postgres\.([a-z]{20})$/.exec(user ?? '')?.[1];
    if (supabaseRef) identities.push(`supabase:project:${supabaseRef}`, `host:db.${supabaseRef}.supabase.co`, `host:${supabaseRef}.supabase.co`);
  }
  if (provider.provider === 'aws') identities.push(`aws:rds:${host.split('.')[0]}`);
  if (provider.provider === 'neon') {
    const endpoint = /^(ep-[a-z0-9-]+?)(-pooler)?\./.exec(host)?.[1];
    if (endpoint) identities.push(`neon:endpoint:${endpoint}`);
  }
  if (provider.provider === 'railway') identities.push(`railway:service:${host.split('.')[0]}`);
  if (provider.provider === 'fly') identities.push(`fly:app:${host.split('.').slice(-2, -1)[0] ?? host.split('.')[0]}`);
  // The name people use for it: the Supabase ref, the Neon endpoint, the RDS identifier, else the host.
  const name = supabaseRef ?? identities.find((identity) => /^(neon:endpoint|aws:rds):/.test(identity))?.split(':')[2] ?? host;
  return { provider, engine: scheme ?? provider.engine, host, name, identities: [...new Set(identities)], supabaseRef };
}

/** A hosted database the repository uses, as a store: its provider is its platform and its backups are the provider's. */
export function storeHostedDatabase(inventory: Inventory, hosted: NonNullable<ReturnType<typeof hostedDatabaseOf>>, line: number, environment: string | undefined, template = false): void {
  inventory.store({
    platform: hosted.provider.provider,
    provider: hosted.provider.provider,
    engine: hosted.engine,
    name: hosted.name,
    location: inventory.line(line),
    identities: hosted.identities,
    declaredBy: 'usage',
    builtInBackup: hosted.provider.builtIn,
    ...(environment ? { environment } : {}),
    ...(template ? { template } : {}),
  });
}

/** Railway reference variables name the database service they resolve to. */
const RAILWAY_REFERENCE = /\$\{\{\s*([\w-]+)\.(DATABASE_URL|DATABASE_PUBLIC_URL|DATABASE_PRIVATE_URL|PGHOST|PGDATABASE|POSTGRES_\w+|MYSQL_URL|MYSQL\w*|MONGO_URL|MONGO\w*)\s*\}\}/;

function isExampleEnv(path: string): boolean {
  return /\.(example|sample|template|dist|defaults?)$/i.test(fileNameOf(path)) || /example|sample|template/i.test(fileNameOf(path));
}

/** Connection strings, hosts and Railway references in env and config files. */
export function scanConnections(inventory: Inventory): void {
  const parsed = inventory.file.data();
  if (!parsed) return;
  // Kubernetes Secrets hold their data base64-encoded: a DATABASE_URL there names the database once decoded.
  const document = { roots: parsed.roots.map(withDecodedSecretData) };
  const seen = new Set<string>();
  const mentions = new Map<string, { hosted: NonNullable<ReturnType<typeof hostedDatabaseOf>>; line: number; environment: string | undefined }>();
  for (const leaf of leaves(document)) {
    // A Terraform template keeps its quotes (`"postgres://app:${var.password}@host/db"`): the URL is inside them.
    const value = textOf(leaf.node)?.replace(/^"([^"]*)"$/, '$1');
    if (!value || value.length > 400) continue;
    const key = leaf.key ?? '';
    const reference = RAILWAY_REFERENCE.exec(value);
    if (reference) {
      const service = reference[1]!;
      const variable = reference[2]!;
      const engine = /MYSQL/.test(variable) ? 'mysql' : /MONGO/.test(variable) ? 'mongo' : 'postgres';
      if (/^(shared|RAILWAY)/i.test(service) || seen.has(`railway:${service}`)) continue;
      seen.add(`railway:${service}`);
      inventory.store({
        platform: 'railway',
        provider: 'railway',
        engine,
        name: service,
        location: inventory.line(leaf.node.span.line),
        identities: [`railway:service:${service}`, `host:${service.toLowerCase()}.railway.internal`],
        declaredBy: 'usage',
        builtInBackup: RAILWAY_BUILT_IN,
      });
      continue;
    }
    if (!SCHEMES.some(([pattern]) => pattern.test(value.replace(/^jdbc:/i, ''))) && !KEY_HINT.test(key)) continue;
    // A cache by its URL or its name: Redis is a cache unless the repo shows it persists what it holds (see
    // `engineOfContainer`), and a hosted one's persistence is not in the repo.
    if (CACHE_SCHEME.test(value) || (CACHE_KEY.test(key) && !SCHEMES.some(([pattern]) => pattern.test(value.replace(/^jdbc:/i, ''))))) continue;
    const hosted = hostedDatabaseOf(value);
    if (!hosted) continue;
    // Read replicas and reader endpoints copy a primary that is (or will be) a store of its own.
    if (/(^|[.-])(replica|replicas|read|reader|readonly|ro)([.-]|\d|$)|\.cluster-ro-/.test(hosted.host)) continue;
    // Multi-environment configs (database.yml, config.json, knexfile-like maps) name the environment as a key.
    const keyed = leaf.path.find((segment): segment is string => typeof segment === 'string' && environmentNamed(segment) !== undefined && segment.length > 2 && !/[^A-Za-z]/.test(segment));
    const environment = keyed ? environmentNamed(keyed) : undefined;
    if (hosted.supabaseRef && !isTestOnlyPath(inventory.path) && !isExampleEnv(inventory.path)) {
      inventory.context({ kind: 'supabase-hosted', name: hosted.supabaseRef, value: key, location: inventory.line(leaf.node.span.line) });
    }
    // One store per host, at production's mention when there is one: a database.yml whose `staging:` block comes
    // first and names production's host is staging reaching production, not a staging database.
    const dedupe = `${hosted.provider.provider}:${hosted.host}`;
    const earlier = mentions.get(dedupe);
    if (!earlier || (environment === 'production' && earlier.environment !== 'production')) mentions.set(dedupe, { hosted, line: leaf.node.span.line, environment });
  }
  // Supabase API URLs count as the project; the store is the project's Postgres.
  // Only a dotenv template: other files called templates (a SAM `template.yaml`) are what gets deployed.
  const template = isExampleEnv(inventory.path) && /^\.env\b|\.env\./i.test(fileNameOf(inventory.path));
  for (const { hosted, line, environment } of mentions.values()) storeHostedDatabase(inventory, hosted, line, environment, template);
}

const PACKAGES: Readonly<Record<string, { provider: string; engine: string; description: string }>> = lookupTable({
  '@neondatabase/serverless': { provider: 'neon', engine: 'postgres', description: "Neon's restore window is history kept in the same Neon project" },
  '@vercel/postgres': { provider: 'neon', engine: 'postgres', description: "Vercel Postgres is Neon: its restore window is history kept in the same project" },
  '@planetscale/database': { provider: 'planetscale', engine: 'mysql', description: 'PlanetScale backups are kept by PlanetScale, in the same organization' },
  '@supabase/supabase-js': { provider: 'supabase', engine: 'postgres', description: SUPABASE_BUILT_IN.description },
  '@libsql/client': { provider: 'turso', engine: 'sqlite', description: 'Turso point-in-time restore stays with Turso' },
  '@xata.io/client': { provider: 'xata', engine: 'postgres', description: 'Xata backups stay with Xata' },
});

/**
 * Database drivers: an app that depends on one at run time has a database, though the package says nothing of
 * where it runs. Weaker than an ORM schema (a library may list a driver it never deploys with): such a store counts
 * only where the deploy places it (Railway, below in the assessment).
 */
const DRIVERS: Readonly<Record<string, string>> = lookupTable({
  pg: 'postgres',
  postgres: 'postgres',
  'pg-promise': 'postgres',
  mysql: 'mysql',
  mysql2: 'mysql',
  mariadb: 'mysql',
  mongodb: 'mongo',
  mongoose: 'mongo',
});

/** Client packages of hosted databases, and database drivers, in package.json dependencies. */
export function scanPackages(inventory: Inventory): void {
  const root = mapOf(inventory.file.data()?.roots[0]);
  if (!root) return;
  for (const section of ['dependencies']) {
    for (const entry of mapOf(get(root, section))?.entries ?? []) {
      const driver = DRIVERS[entry.key];
      if (driver) {
        inventory.store({ platform: 'unknown', engine: driver, name: `${entry.key} client`, location: inventory.line(entry.keySpan.line), identities: [], declaredBy: 'usage', driverOnly: true });
        continue;
      }
      const hosted = PACKAGES[entry.key];
      if (!hosted) continue;
      inventory.store({
        platform: hosted.provider,
        provider: hosted.provider,
        engine: hosted.engine,
        name: hosted.provider,
        location: inventory.line(entry.keySpan.line),
        identities: [],
        declaredBy: 'usage',
        builtInBackup: { protection: 'provider-managed', description: hosted.description },
      });
    }
  }
}


/**
 * A Cloud SQL instance an app is connected to by its connection name (`project:region:instance`): Cloud Run's
 * `--add-cloudsql-instances` flag and `run.googleapis.com/cloudsql-instances` annotation, App Engine's
 * `cloud_sql_instances`, the Auth Proxy's `INSTANCE_CONNECTION_NAME`. Its backups, where the repo does not declare the
 * instance, are Cloud SQL's own, in the same project.
 */
const CLOUD_SQL_CONNECTION = /(?:--(?:add|set)-cloudsql-instances[=\s]+|cloudsql-instances["']?\s*:\s*|cloud_sql_instances["']?\s*[:=]\s*|INSTANCE_CONNECTION_NAME["']?\s*[:=]\s*)["']?([a-z][a-z0-9-]{4,28}[a-z0-9]):([a-z]+-[a-z]+\d):([a-z][a-z0-9-]{0,97})\b/gi;

/** Keywords admitting a file to `scanCloudSqlConnections`. */
export const CLOUD_SQL_KEYWORDS = ['cloudsql-instances', 'cloud_sql_instances', 'instance_connection_name'];

export function scanCloudSqlConnections(inventory: Inventory): void {
  if (isTestOnlyPath(inventory.path) || isExampleEnv(inventory.path)) return;
  const { file } = inventory;
  const mentions = new Map<string, RegExpMatchArray[]>();
  for (const match of file.text.matchAll(CLOUD_SQL_CONNECTION)) {
    const list = mentions.get(match[3]!);
    if (list) list.push(match);
    else mentions.set(match[3]!, [match]);
  }
  for (const [instance, matches] of mentions) {
    const [, project, region] = matches[0] as unknown as [string, string, string];
    const environment = environmentOf(inventory.path, [project, instance]);
    inventory.store({
      platform: 'gcp',
      provider: 'gcp',
      engine: 'database',
      name: instance,
      location: inventory.line(productionMention(file, matches)),
      identities: [`gcp:sql:${instance}`],
      account: project,
      region,
      declaredBy: 'usage',
      builtInBackup: PROVIDER_MANAGED('Cloud SQL automated backups stay in the same Google Cloud project'),
      ...(environment ? { environment } : {}),
    });
  }
}

/**
 * The line to report an instance at, among the lines that connect to it: production's deploy (the nearest environment
 * named above it is production), else one that no other environment's deploy holds, else the first. A staging job that
 * connects to the same instance may come first in the file, and is where the crossing is reported, not the store.
 */
function productionMention(file: Inventory['file'], matches: readonly RegExpMatchArray[]): number {
  const lines = matches.map((match) => file.positionAt(match.index!).line);
  if (lines.length === 1) return lines[0]!;
  const near = lines.map((line) => environmentAbove(file, line));
  const index = near.indexOf('production');
  if (index !== -1) return lines[index]!;
  const unplaced = near.indexOf(undefined);
  return lines[unplaced === -1 ? 0 : unplaced]!;
}

/** The environment the closest line above (within a job's length) names alone: `environment: staging`, `service: api-staging`. */
function environmentAbove(file: Inventory['file'], line: number): string | undefined {
  for (let above = line - 1; above >= Math.max(1, line - 30); above--) {
    const named = environmentsNamedIn(file.line(above));
    if (named.size === 1) return [...named][0];
  }
  return undefined;
}
