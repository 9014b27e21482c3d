// What every inventory module needs: building store, evidence and context facts at a place in a file, the environment
// a path or name implies, which files are only for tests, and the engine a container image runs.
import type { BackupEvidence, DataStore, StoreContext } from '../../src/facts/datastore.js';
import type { FileEmitter, Location, SourceFile, Span } from '../../src/model.js';
import type { DataNode, MapNode } from '../../src/parse/data-tree.js';
import { canonicalEnvironment, environmentOfPath, tokensOf, type CanonicalEnvironment } from '../../knowledge/environments/names.js';
import { isTestExampleOrDocsPath } from '../../src/paths.js';
import { engineOfImage } from '../../knowledge/environments/database-images.js';

/** Collects one file's stores, backups and context, with the file at hand for locations. */
export class Inventory {
  constructor(
    readonly file: SourceFile,
    private readonly out: FileEmitter,
  ) {}

  get path(): string {
    return this.file.path;
  }

  store(store: Omit<DataStore, 'id' | 'testOnly'> & { testOnly?: boolean }): DataStore {
    const environment = store.environment ?? environmentOf(this.path, [store.name]);
    const fact: DataStore = {
      ...store,
      id: `${store.location.path}:${store.location.span.line}:${store.platform}:${store.name}`,
      environment,
      identities: [...new Set(store.identities.map((identity) => identity.toLowerCase()))],
      testOnly: store.testOnly ?? (isTestOnlyPath(this.path) || environment === 'test'),
    };
    this.out.publish('data-store', fact);
    return fact;
  }

  evidence(evidence: Omit<BackupEvidence, 'restoreTested'> & { restoreTested?: boolean }): void {
    if (isExamplePath(this.path)) return;
    this.out.publish('backup-evidence', { restoreTested: false, ...evidence });
  }

  context(context: StoreContext): void {
    this.out.publish('store-context', context);
  }

  notify(code: string, message: string, line?: number): void {
    this.out.notify({ level: 'warning', code, message, path: this.path, line });
  }

  /** The location of one whole line (trimmed), which is where findings and evidence point. */
  line(line: number): Location {
    return { path: this.path, span: lineSpan(this.file, line) };
  }

  at(span: Span): Location {
    return this.line(span.line);
  }

}

export function lineSpan(file: SourceFile, line: number): Span {
  const text = file.line(line);
  const start = text.length - text.trimStart().length;
  return { line, column: start + 1, endLine: line, endColumn: text.trimEnd().length + 1 };
}

/** Directory of a repo-relative path, `.` for the root. */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '.' : path.slice(0, slash);
}

export function fileNameOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The environment a store's file and names imply: the path (file name, then directory) wins over names
 * (`orders-prod`, `acme_staging_db`). Undefined when nothing says (a base config every environment shares).
 */
export function environmentOf(path: string, names: ReadonlyArray<string | undefined>, aliases: Readonly<Record<string, string>> = {}): string | undefined {
  const fromPath = environmentOfPath(path, aliases);
  if (fromPath) return fromPath.environment;
  if (/(^|\/)\.devcontainer\//.test(path)) return 'development';
  for (const raw of names) {
    // `orders-${sls:stage}`, `{{ .Values.env }}-db`: a placeholder says the name varies by environment, not which one.
    const name = raw?.replace(/\$\{[^}]*\}|\{\{[^}]*\}\}|%\{[^}]*\}|<%[^%]*%>/g, ' ').trim();
    if (!name) continue;
    const environment = canonicalEnvironment(name, aliases);
    if (environment) return environment;
  }
  return undefined;
}

/** Words of a job file's name that say it backs up, restores or checks data. */
const DATA_JOB_WORDS = new Set(['backup', 'backups', 'restore', 'restores', 'dump', 'dumps', 'drill', 'dr', 'recovery', 'snapshot', 'snapshots']);
/** Words that name an environment elsewhere but, beside one of those, say what the job does (`restore-test.yml`). */
const JOB_PURPOSE_WORDS = new Set(['test', 'tests', 'testing', 'local', 'verify', 'check']);

/**
 * The environment a job file (a workflow, a script, a crontab) runs in, by its path and names. A restore drill is
 * often named `restore-test.yml` and a backup `backup-local.sh`: there the word says what the job does, and only the
 * directory can name the environment.
 */
export function jobEnvironmentOf(path: string, names: ReadonlyArray<string | undefined>): string | undefined {
  const tokens = tokensOf(fileNameOf(path)).map((token) => token.toLowerCase());
  if (tokens.some((token) => DATA_JOB_WORDS.has(token)) && tokens.some((token) => JOB_PURPOSE_WORDS.has(token))) return environmentOf(`${directoryOf(path)}/job`, names);
  return environmentOf(path, names);
}

/** Canonical environment of an explicit name (a key such as `environments.production` or `namespace: prod`). */
export function environmentNamed(name: string | undefined): CanonicalEnvironment | undefined {
  return name ? canonicalEnvironment(name) : undefined;
}

/** Paths whose stores exist only for tests, CI, examples or docs. */
export function isTestOnlyPath(path: string): boolean {
  if (isTestExampleOrDocsPath(path)) return true;
  const tokens = tokensOf(fileNameOf(path));
  return tokens.some((token) => token === 'test' || token === 'tests' || token === 'testing' || token === 'ci' || token === 'e2e' || token === 'spec' || token === 'cypress' || token === 'playwright');
}

/** Examples, docs and fixtures: their backup jobs are not this repository's backups. */
export function isExamplePath(path: string): boolean {
  return /(^|\/)(examples?|samples?|docs?|fixtures?|testdata|__tests__|__mocks__)(\/|$)/i.test(path);
}

/** The text a node holds: a literal's value, or the source of an expression; undefined for maps and sequences. */
export function textOf(node: DataNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  if (node.expression !== undefined) return node.expression;
  return node.value === null ? undefined : String(node.value);
}

/** A literal string (not an expression). */
export function literalOf(node: DataNode | undefined): string | undefined {
  if (!node || node.kind !== 'scalar' || node.expression !== undefined || node.value === null) return undefined;
  return String(node.value);
}

export function mapOf(node: DataNode | undefined): MapNode | undefined {
  return node?.kind === 'map' ? node : undefined;
}

export function itemsOf(node: DataNode | undefined): DataNode[] {
  if (!node) return [];
  if (node.kind === 'seq') return node.items;
  return [node];
}


/** Case-insensitive lookup, for formats whose keys are written in any case (CloudFormation, INI). */
export function getInsensitive(node: DataNode | undefined, key: string): DataNode | undefined {
  if (node?.kind !== 'map') return undefined;
  const lower = key.toLowerCase();
  return node.entries.find((entry) => entry.key.toLowerCase() === lower)?.value;
}

export function isTruthy(node: DataNode | undefined): boolean | undefined {
  const text = literalOf(node);
  if (text === undefined) return undefined;
  if (/^(true|yes|on|1|enabled?)$/i.test(text)) return true;
  if (/^(false|no|off|0|disabled?)$/i.test(text)) return false;
  return undefined;
}

/** Engine families whose copy is what the issue protects; caches, queues and search indexes are rebuilt, not restored. */
export type Engine = 'postgres' | 'mysql' | 'mongo' | 'mssql' | 'sqlite' | 'clickhouse' | 'cassandra' | 'couchdb' | 'neo4j' | 'influxdb' | 'redis' | 'object-storage' | 'volume' | 'dynamodb' | 'cosmosdb' | 'firestore' | 'file-system' | 'database';



/** Words of a name that say it holds a database's data, as a whole word (`pg-primary-prod`, `db1`, `mysql`). */
export const DATABASE_WORDS = String.raw`db\d*|database|postgres(?:ql)?|pg|pgdata|mysql|mariadb|mongo(?:db)?|redis|data`;
/** A server or volume named for the database it holds: its disk is a store. */
export const DATABASE_SERVER_NAME = new RegExp(`(?:^|[^a-z])(?:${DATABASE_WORDS})(?:[^a-z]|$)`, 'i');
/** Engines a name can pin (`pgdata`, `mysql-prod`); a name saying only `db` or `data` pins none. */
const NAMED_ENGINES: ReadonlyArray<[Engine, RegExp]> = [
  ['postgres', /(?:^|[^a-z])(?:postgres(?:ql)?|pg|pgdata)(?:[^a-z]|$)/i],
  ['mysql', /(?:^|[^a-z])(?:mysql|mariadb)(?:[^a-z]|$)/i],
  ['mongo', /(?:^|[^a-z])mongo(?:db)?(?:[^a-z]|$)/i],
];

/**
 * Whether a dump of a database of this engine may be a copy of a self-managed server or volume with this name: its
 * name says it holds a database, and names no other engine (`pgdata-prod` is not a MySQL server's).
 */
export function nameHoldsDatabase(name: string, engine: string): boolean {
  if (!DATABASE_SERVER_NAME.test(name)) return false;
  const pinned = NAMED_ENGINES.filter(([, pattern]) => pattern.test(name)).map(([named]) => named);
  return pinned.length === 0 || pinned.includes(engine as Engine);
}

// The detector's inventories read images through this module, with the containers' commands and mounts below.
export { engineOfImage };

/**
 * The engine a container runs, given its command too: Redis is a cache unless the container turns on its append-only
 * file (`redis-server --appendonly yes`), which a team does to keep what it holds. An image of the team's own
 * (`ghcr.io/acme/postgres-walg:16`) is known by the data directory it mounts (`/var/lib/postgresql/data`).
 */
export function engineOfContainer(image: string | undefined, command: string, mountTargets: readonly string[] = []): Engine | undefined {
  const engine = engineOfImage(image);
  if (engine || !image) return engine;
  if (REDIS_IMAGE.test(image.trim()) && APPEND_ONLY.test(command)) return 'redis';
  for (const target of mountTargets) {
    const found = DATA_DIRECTORIES.find(([pattern]) => pattern.test(target.replace(/\/+$/, '')));
    if (found) return found[1];
  }
  return undefined;
}

/** Where the official and Bitnami images keep a database's files. */
const DATA_DIRECTORIES: ReadonlyArray<[RegExp, Engine]> = [
  [/^\/var\/lib\/postgresql(\/[\w.-]+)*$|^\/var\/lib\/pgsql(\/[\w.-]+)*$|^\/bitnami\/postgresql$/, 'postgres'],
  [/^\/var\/lib\/mysql$|^\/bitnami\/(mysql|mariadb)$/, 'mysql'],
  [/^\/data\/db$|^\/bitnami\/mongodb$/, 'mongo'],
];

const REDIS_IMAGE = /(^|\/)(redis|redis-stack-server|valkey|keydb)(:|@|$)/i;
const APPEND_ONLY = /--appendonly[ \t=]+["']?yes\b/i;

/** Human name of an engine for messages. */
export function engineTitle(engine: string): string {
  const titles: Record<string, string> = {
    postgres: 'Postgres database',
    mysql: 'MySQL database',
    mongo: 'MongoDB database',
    mssql: 'SQL Server database',
    sqlite: 'SQLite database',
    clickhouse: 'ClickHouse database',
    cassandra: 'Cassandra database',
    couchdb: 'CouchDB database',
    neo4j: 'Neo4j database',
    influxdb: 'InfluxDB database',
    redis: 'Redis store',
    'object-storage': 'bucket',
    volume: 'volume',
    server: 'server',
    dynamodb: 'DynamoDB table',
    cosmosdb: 'Cosmos DB account',
    firestore: 'Firestore database',
    'file-system': 'file system',
    database: 'database',
  };
  return titles[engine] ?? `${engine} store`;
}

/** Names of the platforms for messages. */
export function platformTitle(platform: string): string {
  const titles: Record<string, string> = {
    railway: 'Railway',
    render: 'Render',
    fly: 'Fly.io',
    heroku: 'Heroku',
    supabase: 'Supabase',
    neon: 'Neon',
    planetscale: 'PlanetScale',
    aws: 'AWS',
    gcp: 'Google Cloud',
    azure: 'Azure',
    digitalocean: 'DigitalOcean',
    'mongodb-atlas': 'MongoDB Atlas',
    kubernetes: 'Kubernetes',
    'docker-compose': 'docker compose',
    kamal: 'Kamal',
    host: 'the server',
    cloudflare: 'Cloudflare',
    backblaze: 'Backblaze B2',
    wasabi: 'Wasabi',
    tigris: 'Tigris',
    github: 'GitHub',
    local: 'the same disk',
    vercel: 'Vercel',
    upstash: 'Upstash',
    turso: 'Turso',
    cockroach: 'CockroachDB Cloud',
    aiven: 'Aiven',
    xata: 'Xata',
    timescale: 'Timescale Cloud',
    hetzner: 'Hetzner',
    linode: 'Linode',
    vultr: 'Vultr',
    scaleway: 'Scaleway',
    ovh: 'OVHcloud',
    oracle: 'Oracle Cloud',
    openstack: 'OpenStack Swift',
    idrive: 'IDrive e2',
    storj: 'Storj',
    'rsync.net': 'rsync.net',
    'google-drive': 'Google Drive',
    dropbox: 'Dropbox',
    onedrive: 'OneDrive',
    ssh: 'another host over SSH',
    'remote-host': 'another host',
    nomad: 'Nomad',
    dokku: 'Dokku',
  };
  return titles[platform] ?? platform;
}

