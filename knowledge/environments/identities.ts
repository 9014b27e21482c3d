// Resource identities: one normalised string per database, volume, bucket, project, app, Terraform state or secret,
// so that a staging value and a production declaration written differently (a URL, a bare hostname, a Terraform
// attribute) compare equal. The grammar of the strings is documented on `EnvironmentResource` in
// src/facts/environment.ts; every detector that compares resources builds them here.
import type { ResourceKind } from '../../src/facts/environment.js';
import { tokensOf } from './names.js';
import { lookupTable } from '../../src/lookup-table.js';

export interface ResourceIdentity {
  kind: ResourceKind;
  /** The strongest identity (a provider id when the value names one). */
  identity: string;
  /** Weaker identities of the same resource: the server of a database, the bare bucket name, the GCP project. */
  otherIdentities: string[];
  /** What a user sees: never a password or key. */
  display: string;
  /** The part a human chose (`orders-prod`, `acme-production-uploads`); absent for generated ids, which say nothing. */
  name?: string;
  /** Substrings of the input that must never be shown (a URL's password). */
  secrets: string[];
  /** The account a connection logs in as, when the value names one (a database URL's user). */
  user?: string;
  /** The value names where a database's data is copied from (a snapshot, a clone's source), not a store in use. */
  copy?: CopyKind;
}

/** How a database is made from another's data: restored from a snapshot or a point in time, cloned, or replicated. */
export type CopyKind = 'snapshot' | 'restore' | 'clone' | 'replica';

/**
 * Identity schemes that name something inside a scope the repo does not show (a namespace, an app, a cluster): two
 * environments using the same name there usually mean two objects, so only the name itself is evidence.
 */
// A Fly volume's identity carries its app (`volume:fly:<app>/<source>`), and app names are global: two configs deploying
// one app mount the same volumes, so it is compared.
export const SCOPED_IDENTITY_PREFIXES: readonly string[] = ['cloudsql-instance:', 'db-name:', 'dynamodb:', 'aws:dynamodb:', 'k8s:pv:', 'fly:volume:', 'volume:pvc:', 'volume:pv:', 'volume:hostpath:', 'secret:k8s:', 'secret:file:', 'secret:aws-profile:', 'secret:kube-context:', 'project:k8s-namespace:'];

export function isComparableIdentity(identity: string): boolean {
  return !SCOPED_IDENTITY_PREFIXES.some((prefix) => identity.startsWith(prefix));
}

/**
 * A scoped identity inside the scope a configuration shows it in: the stages of one Serverless service deploying with
 * one set of credentials into one region (`serverless:<file>`), the namespace a Kustomize overlay or helmfile release
 * deploys into (`k8s-namespace:<name>`). Compared as one resource: both sides named it in the same scope.
 */
export function identityInScope(identity: string, scope: string): string {
  return `in-scope:${scope}|${identity}`;
}

/** The scope and the scoped identity of an `in-scope:` identity. */
export function scopedIdentityOf(identity: string): { scope: string; identity: string } | undefined {
  if (!identity.startsWith('in-scope:')) return undefined;
  const bar = identity.indexOf('|');
  return bar < 0 ? undefined : { scope: identity.slice('in-scope:'.length, bar), identity: identity.slice(bar + 1) };
}

// ---------------------------------------------------------------------------------------------------------------
// Hosts

const PLACEHOLDER_WORDS = new Set([
  'example', 'examples', 'your', 'yours', 'yourdomain', 'yourcompany', 'mydomain', 'mycompany', 'placeholder', 'changeme',
  'dummy', 'fake', 'sample', 'replace', 'redacted', 'todo', 'foo', 'foobar', 'hostname',
]);

/** Hosts no other environment can share: loopback, single-label (compose services), cluster-internal, private, placeholders. */
export function isLocalOrPlaceholderHost(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  if (h === '' || /[${}<>%()\s*]/.test(h)) return true;
  if (h === 'localhost' || h.endsWith('.localhost') || h === '::1' || h === '[::1]' || h === '0.0.0.0') return true;
  if (/^127\./.test(h) || /^10\./.test(h) || /^192\.168\./.test(h) || /^169\.254\./.test(h) || /^172\.(1[6-9]|2\d|3[01])\./.test(h)) return true;
  if (/^(host|gateway|kubernetes)\.docker\.internal$/.test(h)) return true;
  if (!h.includes('.')) return !RENDER_INTERNAL.test(h);
  if (/\.(svc|local|localdomain|internal\.local|test|example|invalid|lan|home\.arpa|cluster\.local)$/.test(h)) return true;
  if (/\.svc\.cluster\.local$|\.svc\.[a-z0-9-]+$/.test(h)) return true;
  if (h.endsWith('.railway.internal')) return true; // private networking resolves per environment
  if (/(^|\.)example\.(com|org|net)$/.test(h)) return true;
  return isPlaceholderName(h);
}

/**
 * Words that name what a store holds rather than whose it is. A bucket or volume named only with them (`uploads`,
 * `pgdata`, `my-bucket`) is a local MinIO bucket, a compose default or a placeholder: the same name in two
 * environments says nothing about sharing. Real S3 and GCS names are globally unique, so they carry an owner word.
 */
const GENERIC_WORDS = new Set([
  'my', 'the', 'bucket', 'buckets', 'name', 's', 'gcs', 'storage', 'store', 'data', 'db', 'database', 'pg', 'pgdata', 'postgres',
  'postgresql', 'mysql', 'mariadb', 'redis', 'mongo', 'mongodb', 'volume', 'volumes', 'vol', 'files', 'file', 'uploads', 'upload',
  'assets', 'static', 'media', 'public', 'private', 'images', 'backups', 'backup', 'logs', 'cache', 'tmp', 'temp', 'content',
  'documents', 'attachments', 'exports', 'imports', 'reports', 'app', 'web', 'api', 'default', 'local', 'minio', 'es',
]);

export function isGenericName(name: string): boolean {
  const tokens = tokensOf(name);
  return tokens.length > 0 && tokens.every((token) => GENERIC_WORDS.has(token));
}

/** Names made of placeholder words (`your-db`, `example`, `xxxx`): documentation, not a resource. */
export function isPlaceholderName(name: string): boolean {
  const tokens = tokensOf(name);
  return tokens.some((token) => PLACEHOLDER_WORDS.has(token) || /^x{3,}$/.test(token));
}

const RENDER_INTERNAL = /^(dpg|red)-[a-z0-9]{16,}(-a)?$/;
const RDS = /^([a-z][a-z0-9-]*)\.(?:(cluster-ro-|cluster-custom-|cluster-|proxy-)?[a-z0-9]+)\.([a-z]{2}-[a-z]+-\d)\.rds\.amazonaws\.com(\.cn)?$/;
const SUPABASE = /^(?:db\.)?([a-z]{20})\.supabase\.(?:co|in)$/;
const SUPABASE_POOLER = /\.pooler\.supabase\.com$/;
const NEON = /^(ep-[a-z0-9-]+?)(?:-pooler)?\.(?:[a-z0-9-]+\.)*neon\.tech$/;
const RAILWAY_PROXY = /(\.proxy\.rlwy\.net|\.railway\.app)$/;
/**
 * A Fly app's private address: `<app>.internal`, `<region>.<app>.internal`, `<app>.flycast`, `<app>.fly.dev`. Only one
 * label before `.internal`: EC2's `ip-10-0-1-5.ec2.internal`, GCP's `metadata.google.internal` and Docker's
 * `host.docker.internal` are not Fly's.
 */
export const FLY_HOST = /^(?:(?:top\d+\.nearest\.of|[a-z]{3}|\d+)\.)?([a-z0-9][a-z0-9-]*)\.(internal|flycast|fly\.dev)$/;
const HEROKU_APP = /^([a-z][a-z0-9-]{2,29})\.herokuapp\.com$/;
const RENDER_HOST = /^((?:dpg|red)-[a-z0-9]{16,})(?:-a)?(?:\.[a-z0-9-]+\.render\.com)?$/;
/** Multi-tenant front doors: the host says nothing, the user (or database) says which tenant. */
const SHARED_HOSTS = [SUPABASE_POOLER, /(^|\.)psdb\.cloud$/, /\.tidbcloud\.com$/, /\.cockroachlabs\.cloud$/];

export function isSharedHost(host: string): boolean {
  return SHARED_HOSTS.some((pattern) => pattern.test(host));
}

export function normaliseHost(host: string): string {
  return host.trim().toLowerCase().replace(/\.$/, '').replace(/^\[|\]$/g, '');
}

/**
 * A database server's address in a private network that two environments' URLs can name alike: VMs in one VPC
 * (Kamal, Ansible, Nomad) reach production's database at the same address. That is 10.0.0.0/8, AWS's default VPC
 * (172.31.0.0/16) and Linode's private network (192.168.128.0/17). Docker's other bridge networks, home networks
 * (192.168.0.x, 192.168.1.x) and VirtualBox's and emulators' NAT (10.0.2.x) are each machine's own, and stay out.
 */
function isVpcAddress(host: string): boolean {
  if (/^10\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host)) return !/^10\.0\.2\./.test(host);
  if (/^172\.31\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
  const linode = /^192\.168\.(\d{1,3})\.\d{1,3}$/.exec(host);
  return !!linode && Number(linode[1]) >= 128 && Number(linode[1]) <= 255;
}

/**
 * The identities a data server's hostname carries: a provider id (RDS identifier, Supabase ref, Neon endpoint, Fly
 * app, Render id) when the host shows one, and `host:<hostname>` for the server itself. Undefined for hosts no
 * two environments can share (see `isLocalOrPlaceholderHost`) and for shared front doors.
 */
export function hostIdentities(rawHost: string, port?: number): { primary: string; others: string[]; name?: string; provider?: string } | undefined {
  const host = normaliseHost(rawHost);
  // A Kubernetes Service named with its namespace (`orders-pg-rw.orders-prod.svc.cluster.local`) is reachable from
  // every namespace of the cluster: two environments naming the same one share it.
  const service = /^([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.([a-z0-9](?:[a-z0-9-]*[a-z0-9])?)\.svc(?:\.cluster\.local)?$/.exec(host);
  if (service) return { primary: `k8s-service:${service[1]}.${service[2]}`, others: [], name: `${service[1]} ${service[2]}`, provider: 'kubernetes' };
  if (isLocalOrPlaceholderHost(host) && !isVpcAddress(host)) return undefined;
  let match: RegExpExecArray | null;
  if ((match = RDS.exec(host))) return { primary: `rds:${match[1]}`, others: [`host:${host}`], name: match[1], provider: 'aws-rds' };
  if ((match = SUPABASE.exec(host))) return { primary: `supabase:${match[1]}`, others: [], provider: 'supabase' };
  if ((match = NEON.exec(host))) return { primary: `neon:${match[1]}`, others: [], provider: 'neon' };
  if ((match = RENDER_HOST.exec(host))) return { primary: `render:${match[1]}`, others: [], provider: 'render' };
  if ((match = FLY_HOST.exec(host))) return { primary: `fly-app:${match[1]}`, others: [`host:${host}`], name: match[1], provider: 'fly' };
  if ((match = HEROKU_APP.exec(host))) return { primary: `heroku-app:${match[1]}`, others: [`host:${host}`], name: match[1], provider: 'heroku' };
  if (RAILWAY_PROXY.test(host)) return port ? { primary: `railway-proxy:${host}:${port}`, others: [], provider: 'railway' } : undefined;
  if (isSharedHost(host)) return undefined;
  return { primary: `host:${host}`, others: [], name: hostName(host) };
}

/**
 * A Convex deployment: `CONVEX_DEPLOYMENT=prod:tidy-otter-482` (the CLI's `<type>:<name>`) or its URL
 * `https://tidy-otter-482.convex.cloud`. A deployment holds its own database: the name is the database.
 */
export function convexDeploymentIdentity(raw: string, variable: string | undefined): ResourceIdentity | undefined {
  const value = raw.trim();
  if (variable !== 'CONVEX_DEPLOYMENT' && !value.includes('.convex.')) return undefined;
  const name = (variable === 'CONVEX_DEPLOYMENT' ? /^(?:dev|prod|preview):([a-z]+-[a-z]+-\d+)$/.exec(value)?.[1] : undefined) ?? /^https:\/\/([a-z]+-[a-z]+-\d+)\.convex\.(?:cloud|site)\/?$/.exec(value)?.[1];
  return name ? { kind: 'database', identity: `convex:${name}`, otherIdentities: [], display: `Convex deployment ${name}`, secrets: [] } : undefined;
}

/**
 * A message broker or queue named by its endpoint: an MSK, Confluent, Amazon MQ or CloudAMQP bootstrap host (the
 * first of a `host:port,…` list), an Azure Service Bus or Event Hubs namespace, an SQS queue URL. Consumers share
 * what they read: an environment on production's broker takes (and acknowledges) production's messages.
 */
export function messageBrokerIdentity(raw: string): ResourceIdentity | undefined {
  const value = raw.trim();
  // Asked of every configuration value: most name no broker's domain.
  if (!BROKER_DOMAIN.test(value)) return undefined;
  const sqs = SQS_QUEUE_URL.exec(value);
  if (sqs) return { kind: 'database', identity: `sqs:${sqs[1]}/${sqs[2]!.toLowerCase()}`, otherIdentities: [], display: `SQS queue ${sqs[2]}`, name: sqs[2], secrets: [] };
  const first = value.replace(/^[a-z+]+:\/\//i, '').split(/[,;\s]/)[0]!.replace(/\/.*$/, '').replace(/:\d+$/, '').toLowerCase();
  const broker = BROKER_HOSTS.find(([pattern]) => pattern.test(first));
  if (!broker) return undefined;
  // MSK brokers (`b-1.<cluster>.<id>.c4.kafka…`) are one cluster: named by what follows the broker's number.
  const cluster = first.replace(/^b-\d+\./, '');
  return { kind: 'database', identity: `broker:${cluster}`, otherIdentities: [], display: `${broker[1]} ${cluster}`, name: cluster.split('.')[0], secrets: [] };
}

const BROKER_DOMAIN = /amazonaws\.com|confluent\.cloud|servicebus\.windows\.net|cloudamqp\.com/;
const SQS_QUEUE_URL = /^https:\/\/sqs\.[a-z0-9-]+\.amazonaws\.com\/(\d{12})\/([A-Za-z0-9_.-]+)\/?$/;
const BROKER_HOSTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\.kafka(?:-serverless)?\.[a-z0-9-]+\.amazonaws\.com$/, 'Kafka cluster'],
  [/\.confluent\.cloud$/, 'Confluent Kafka cluster'],
  [/\.mq\.[a-z0-9-]+\.amazonaws\.com$/, 'Amazon MQ broker'],
  [/\.servicebus\.windows\.net$/, 'Service Bus namespace'],
  [/\.cloudamqp\.com$/, 'CloudAMQP broker'],
];

/**
 * The server part of a database identity's name, for a database whose own name says another environment:
 * `db:postgres://psql-contoso-prod.postgres.database.azure.com:5432/contoso_staging` -> `psql-contoso-prod.postgres`.
 */
export function serverNameOf(identity: string): string | undefined {
  const hosts = /^db:[a-z0-9+]+:\/\/([^/]*)\//.exec(identity)?.[1];
  if (!hosts) return undefined;
  const named = hosts.split(',').map((host) => host.replace(/:\d+$/, '')).filter((host) => !isSharedHost(host));
  return named.length > 0 ? named.map((host) => hostName(host)).join(' ') : undefined;
}

/** The labels of a hostname a human chose: all but the public suffix and well-known provider zones. */
function hostName(host: string): string {
  if (/^\d+\.\d+\.\d+\.\d+$/.test(host)) return '';
  const labels = host.split('.');
  const provider = /\.(amazonaws\.com|azure\.com|windows\.net|mongodb\.net|upstash\.io|aivencloud\.com|googleapis\.com|digitalocean\.com|ondigitalocean\.app|elastic-cloud\.com|cloud\.es\.io)$/.exec(host);
  if (provider) return host.slice(0, host.length - provider[0].length);
  return labels.slice(0, Math.max(1, labels.length - 1)).join('.');
}

// ---------------------------------------------------------------------------------------------------------------
// Database URLs and connection strings

const ENGINES: Readonly<Record<string, { engine: string; port: number }>> = lookupTable({
  postgres: { engine: 'postgres', port: 5432 },
  postgresql: { engine: 'postgres', port: 5432 },
  postgis: { engine: 'postgres', port: 5432 },
  pgsql: { engine: 'postgres', port: 5432 },
  cockroachdb: { engine: 'postgres', port: 26257 },
  mysql: { engine: 'mysql', port: 3306 },
  mysql2: { engine: 'mysql', port: 3306 },
  mariadb: { engine: 'mysql', port: 3306 },
  mongodb: { engine: 'mongodb', port: 27017 },
  'mongodb+srv': { engine: 'mongodb', port: 27017 },
  redis: { engine: 'redis', port: 6379 },
  rediss: { engine: 'redis', port: 6379 },
  valkey: { engine: 'redis', port: 6379 },
  sqlserver: { engine: 'sqlserver', port: 1433 },
  mssql: { engine: 'sqlserver', port: 1433 },
  clickhouse: { engine: 'clickhouse', port: 9000 },
  amqp: { engine: 'amqp', port: 5672 },
  amqps: { engine: 'amqp', port: 5671 },
  // Turso and self-hosted sqld speak libSQL over HTTPS or WebSockets.
  libsql: { engine: 'libsql', port: 443 },
  // Ecto's URL names no engine; Phoenix apps are Postgres unless their Repo says otherwise.
  ecto: { engine: 'postgres', port: 5432 },
});

const URL_START = /^(?:jdbc:)?([a-z][a-z0-9+.-]*):\/\//i;

/** True when the value is a database URL (any engine above, with or without `jdbc:` and a `+driver` suffix). */
/** Go's MySQL driver DSN (`user:password@tcp(host:port)/db?tls=true`) as the URL it stands for, else undefined. */
export function goMysqlDsnAsUrl(value: string): string | undefined {
  const dsn = /^((?:[^:@/\s()]*(?::[^@\s]*)?@)?)tcp\(([^)\s]+)\)(\/.*)$/i.exec(value.trim());
  return dsn ? `mysql://${dsn[1]}${dsn[2]}${dsn[3]}` : undefined;
}

export function isDatabaseUrl(value: string): boolean {
  const match = URL_START.exec(value.trim());
  return !!match && engineOf(match[1]!) !== undefined;
}

function engineOf(scheme: string): { engine: string; port: number } | undefined {
  const lower = scheme.toLowerCase();
  if (ENGINES[lower]) return ENGINES[lower];
  const plus = lower.indexOf('+');
  return plus > 0 ? ENGINES[lower.slice(0, plus)] : undefined;
}

/**
 * A database URL's identities: `db:<engine>://<host>:<port>/<database>` (with `?user=` on shared front doors such as
 * the Supabase pooler or PlanetScale), the provider id the host carries, and the server's `host:` identity.
 * Undefined for local, placeholder or templated URLs.
 */
export function databaseUrlIdentity(raw: string): ResourceIdentity | undefined {
  const value = raw.trim();
  const start = URL_START.exec(value);
  if (!start) return undefined;
  const engine = engineOf(start[1]!);
  if (!engine) return undefined;
  const rest = value.slice(start[0].length);
  const beforeQuery = rest.split(/[?#]/)[0]!;
  const at = beforeQuery.lastIndexOf('@');
  const userinfo = at >= 0 ? beforeQuery.slice(0, at) : '';
  const afterUser = rest.slice(at + 1);
  const slash = afterUser.search(/[/?#;]/);
  const authority = slash >= 0 ? afterUser.slice(0, slash) : afterUser;
  const tail = slash >= 0 ? afterUser.slice(slash) : '';
  // A templated user or password is fine (`${DB_USER}`); a templated host or database is not a resource we can name.
  if (/[${}<%()]/.test(authority) || /^\/[^?#;]*[${}<%]/.test(tail)) return undefined;
  const colon = userinfo.indexOf(':');
  const user = decode(colon >= 0 ? userinfo.slice(0, colon) : userinfo);
  const password = colon >= 0 ? userinfo.slice(colon + 1) : '';
  let database = tail.startsWith('/') ? decode(tail.slice(1).split(/[?#;/]/)[0] ?? '') : '';
  // SQL Server JDBC names the database in a parameter: `jdbc:sqlserver://host:1433;databaseName=orders`.
  const named = /[;?&](?:databaseName|database)=([^;&]+)/i.exec(tail);
  if (!database && named) database = named[1]!;
  const query = /[?&]host=([^&]+)/i.exec(tail);
  const hosts = authority
    .split(',')
    .map((part) => splitHostPort(part))
    .filter((part) => part.host !== '');
  const cloudSql = query ? /\/cloudsql\/([a-z][a-z0-9-]*:[a-z0-9-]+:[a-z0-9-]+)/.exec(decode(query[1]!)) : null;
  if (hosts.length === 0 && !cloudSql) return undefined;
  const secrets = password ? [password, decode(password)].filter((secret) => secret.length > 0) : [];
  const first = hosts[0];
  const port = first?.port ?? engine.port;
  const hostList = hosts.map((part) => normaliseHost(part.host));
  if (!cloudSql && hostList.some((host) => isLocalOrPlaceholderHost(host) && !isVpcAddress(host))) return undefined;
  const db = database.toLowerCase();
  const shared = first ? isSharedHost(normaliseHost(first.host)) : false;
  const server = hosts.length > 1 ? [...hostList].sort().join(',') : `${hostList[0] ?? 'cloudsql'}:${port}`;
  const dbIdentity = `db:${engine.engine}://${server}/${db}${shared && user ? `?user=${user.toLowerCase()}` : ''}`;
  const display = `database ${engine.engine}://${hosts.length > 1 ? hostList.join(',') : `${hostList[0] ?? ''}${first?.port ? `:${first.port}` : ''}`}${db ? `/${db}` : ''}`;
  const others: string[] = [];
  let primary = dbIdentity;
  let name: string | undefined;
  if (cloudSql) {
    primary = `cloudsql:${cloudSql[1]}`;
    others.push(dbIdentity);
    name = cloudSql[1]!.split(':')[2];
  } else if (first) {
    const host = normaliseHost(first.host);
    const supabaseUser = SUPABASE_POOLER.test(host) ? /^postgres\.([a-z]{20})$/.exec(user) : null;
    const ids = supabaseUser ? { primary: `supabase:${supabaseUser[1]}`, others: [] as string[], name: undefined } : hostIdentities(host, port);
    if (ids && ids.primary !== `host:${host}`) {
      primary = ids.primary;
      others.push(dbIdentity, ...ids.others);
    } else {
      others.push(...(ids?.others ?? []));
      if (ids) others.push(ids.primary);
    }
    name = ids?.name;
    if (hosts.length > 1) name = hostList.map((h) => hostName(h)).join(' ');
    if (shared && db) name = [db, user].filter(Boolean).join(' ');
  }
  return { kind: 'database', identity: primary, otherIdentities: unique(others.filter((id) => id !== primary)), display, name, secrets, ...(user ? { user } : {}) };
}

/**
 * ADO.NET / Npgsql / ODBC connection strings: `Server=tcp:acme.database.windows.net,1433;Database=orders;...`,
 * `Host=db.acme.com;Port=5432;Database=orders;Username=app;Password=...`.
 */
export function connectionStringIdentity(raw: string): ResourceIdentity | undefined {
  if (!/[=;]/.test(raw) || !/;/.test(raw)) return undefined;
  const parts = new Map<string, string>();
  for (const piece of raw.split(';')) {
    const eq = piece.indexOf('=');
    if (eq <= 0) continue;
    parts.set(piece.slice(0, eq).trim().toLowerCase().replace(/\s+/g, ' '), piece.slice(eq + 1).trim());
  }
  const server = parts.get('server') ?? parts.get('data source') ?? parts.get('host') ?? parts.get('address') ?? parts.get('addr');
  if (!server) return undefined;
  const database = parts.get('database') ?? parts.get('initial catalog') ?? '';
  const password = parts.get('password') ?? parts.get('pwd');
  let host = server.replace(/^tcp:/i, '');
  let port: number | undefined;
  const comma = /^(.*?)[,:](\d+)$/.exec(host);
  if (comma) {
    host = comma[1]!;
    port = Number(comma[2]);
  }
  if (parts.get('port')) port = Number(parts.get('port'));
  host = host.split('\\')[0]!;
  if (/\$\{|\{\{|<%/.test(host) || host === '.' || host.toLowerCase() === '(local)' || /^\(localdb\)/i.test(host)) return undefined;
  const engine = parts.has('host') || parts.has('username') ? 'postgres' : 'sqlserver';
  const ids = hostIdentities(host, port);
  if (!ids) return undefined;
  const defaultPort = engine === 'postgres' ? 5432 : 1433;
  const dbIdentity = `db:${engine}://${normaliseHost(host)}:${port ?? defaultPort}/${database.toLowerCase()}`;
  const primary = ids.primary.startsWith('host:') ? dbIdentity : ids.primary;
  const others = unique([dbIdentity, ids.primary, ...ids.others].filter((id) => id !== primary));
  return {
    kind: 'database',
    identity: primary,
    otherIdentities: others,
    display: `database ${engine}://${normaliseHost(host)}${port ? `:${port}` : ''}${database ? `/${database.toLowerCase()}` : ''}`,
    name: ids.name,
    secrets: password ? [password] : [],
  };
}

/** A database server named by a bare host (`DB_HOST`, `PGHOST`, `host:` in database.yml), optionally with its database. */
/**
 * A database known only by its name, its server set at deploy time (`host: <%= ENV["DB_HOST"] %>` in Rails'
 * database.yml): scoped, as two servers may each hold one of that name, so only what the name says is evidence.
 */
export function databaseNameIdentity(name: string): ResourceIdentity {
  return { kind: 'database', identity: `db-name:${name.toLowerCase()}`, otherIdentities: [], display: `database ${name}`, name, secrets: [] };
}

export function databaseHostIdentity(rawHost: string, options: { port?: number; database?: string; engine?: string; user?: string } = {}): ResourceIdentity | undefined {
  const cloudSql = /^\/cloudsql\/([a-z][a-z0-9-]*:[a-z0-9-]+:[a-z0-9-]+)$/.exec(rawHost.trim());
  if (cloudSql) return { kind: 'database', identity: `cloudsql:${cloudSql[1]}`, otherIdentities: [], display: `Cloud SQL instance ${cloudSql[1]}`, name: cloudSql[1]!.split(':')[2], secrets: [] };
  const host = normaliseHost(rawHost.replace(/^[a-z]+:\/\//i, '').split('/')[0]!.replace(/:\d+$/, ''));
  if (!/^[a-z0-9.-]+$/.test(host)) return undefined;
  // On a multi-tenant front door the user says which tenant: the Supabase pooler's `postgres.<project ref>`.
  const user = options.user?.trim().toLowerCase();
  if (isSharedHost(host)) {
    const ref = SUPABASE_POOLER.test(host) && user ? /^postgres\.([a-z]{20})$/.exec(user) : null;
    if (ref) return { kind: 'database', identity: `supabase:${ref[1]}`, otherIdentities: [], display: `Supabase project ${ref[1]} (pooler ${host})`, secrets: [] };
    if (!user || !options.database) return undefined;
    const engine = options.engine ? (engineOf(options.engine)?.engine ?? options.engine.toLowerCase()) : 'db';
    const identity = `db:${engine}://${host}:${options.port ?? (options.engine ? engineOf(options.engine)?.port : undefined) ?? 0}/${options.database.toLowerCase()}?user=${user}`;
    return { kind: 'database', identity, otherIdentities: [], display: `database ${options.database} as ${user} on ${host}`, name: `${options.database} ${user}`, secrets: [] };
  }
  const ids = hostIdentities(host, options.port);
  if (!ids) return undefined;
  const others = [...ids.others];
  // The database on the server, when a sibling key names it: staging's `orders_staging` beside production's `orders`
  // on one server is the same instance but not the same data (judged by the database's name alone, as the engine
  // and port may be unknown on one side).
  if (options.database) {
    const engine = options.engine ? (engineOf(options.engine)?.engine ?? options.engine.toLowerCase()) : 'db';
    others.push(`db:${engine}://${host}:${options.port ?? (options.engine ? engineOf(options.engine)?.port : undefined) ?? 0}/${options.database.toLowerCase()}`);
  }
  return { kind: 'database', identity: ids.primary, otherIdentities: unique(others), display: `database server ${host}${options.database ? ` (database ${options.database})` : ''}`, name: ids.name, secrets: [] };
}

/** Cloud SQL connection names (`project:region:instance`). */
export function cloudSqlIdentity(value: string): ResourceIdentity | undefined {
  const match = /^([a-z][a-z0-9-]{4,29}):([a-z]+-[a-z]+\d):([a-z][a-z0-9-]*)$/.exec(value.trim());
  if (!match) return undefined;
  return { kind: 'database', identity: `cloudsql:${match[0]}`, otherIdentities: [`project:gcp:${match[1]}`], display: `Cloud SQL instance ${match[0]}`, name: `${match[1]} ${match[3]}`, secrets: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Buckets

const BUCKET_NAME = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;

/** Object-storage locations written as URLs or ARNs: `s3://b/x`, `gs://b`, `arn:aws:s3:::b/*`, virtual-host and path styles. */
export function bucketUrlIdentity(raw: string): ResourceIdentity | undefined {
  const value = raw.trim();
  if (/\$\{|\{\{|<%|\*\.|<[a-z]/i.test(value.replace(/\/\*$/, ''))) return undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(s3|s3a|s3n|gs|gcs):\/\/([^/\s?]+)/i.exec(value))) return bucketIdentity(match[2]!, match[1]!.toLowerCase().startsWith('g') ? 'gcs' : 's3');
  if ((match = /^arn:aws[a-z-]*:s3:::([^/\s*]+)/.exec(value))) return bucketIdentity(match[1]!, 's3');
  if ((match = /^https?:\/\/([a-z0-9.-]+)\.s3(?:[.-]([a-z0-9-]+))?\.amazonaws\.com(?:\.cn)?(?:\/|$)/i.exec(value))) return bucketIdentity(match[1]!, 's3');
  if ((match = /^https?:\/\/s3(?:[.-][a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?\/([^/\s?]+)/i.exec(value))) return bucketIdentity(match[1]!, 's3');
  if ((match = /^https?:\/\/storage\.(?:googleapis|cloud\.google)\.com\/([^/\s?]+)/i.exec(value))) return bucketIdentity(match[1]!, 'gcs');
  if ((match = /^https?:\/\/([a-z0-9.-]+)\.storage\.googleapis\.com(?:\/|$)/i.exec(value))) return bucketIdentity(match[1]!, 'gcs');
  if ((match = /^https?:\/\/([a-z0-9.-]+)\.([a-z0-9-]+)\.(?:cdn\.)?digitaloceanspaces\.com(?:\/|$)/i.exec(value))) return bucketIdentity(match[1]!, 'spaces');
  if ((match = /^https?:\/\/([a-z0-9]{3,24})\.blob\.core\.windows\.net\/([a-z0-9-]{3,63})/i.exec(value))) {
    const account = match[1]!.toLowerCase();
    const container = match[2]!.toLowerCase();
    return { kind: 'bucket', identity: `bucket:azure:${account}/${container}`, otherIdentities: [`azure-storage:${account}`], display: `Azure container ${account}/${container}`, name: `${account} ${container}`, secrets: [] };
  }
  if ((match = /^https?:\/\/([a-z0-9]{3,24})\.(?:blob|queue|table|file|dfs)\.core\.windows\.net\/?$/i.exec(value))) return azureStorageIdentity(match[1]!);
  if ((match = /^https?:\/\/([a-f0-9]{32})\.(?:[a-z]+\.)?r2\.cloudflarestorage\.com\/([a-z0-9-]{3,63})/i.exec(value))) {
    const bucket = match[2]!.toLowerCase();
    return { kind: 'bucket', identity: `bucket:r2:${match[1]!.toLowerCase()}/${bucket}`, otherIdentities: [`bucket:${bucket}`], display: `R2 bucket ${bucket}`, name: bucket, secrets: [] };
  }
  return undefined;
}

/**
 * An Azure storage account, by its globally unique name: what a connection string's `AccountName=` and a service
 * endpoint (`https://<account>.blob.core.windows.net/`) both name, containers and queues included.
 */
export function azureStorageIdentity(rawAccount: string): ResourceIdentity | undefined {
  const account = rawAccount.trim().toLowerCase();
  if (!/^[a-z0-9]{3,24}$/.test(account) || isPlaceholderName(account) || /^devstoreaccount1$/.test(account)) return undefined;
  return { kind: 'bucket', identity: `azure-storage:${account}`, otherIdentities: [], display: `Azure storage account ${account}`, name: account, secrets: [] };
}

/** A bucket by name: S3 and GCS names are global, so the bare name is the identity. */
export function bucketIdentity(rawName: string, provider?: string): ResourceIdentity | undefined {
  const name = rawName.trim().toLowerCase();
  if (!BUCKET_NAME.test(name) || /^\d+$/.test(name) || isPlaceholderName(name) || isGenericName(name)) return undefined;
  const label = provider === 'gcs' ? 'GCS bucket' : provider === 's3' ? 'S3 bucket' : 'bucket';
  return { kind: 'bucket', identity: `bucket:${name}`, otherIdentities: [], display: `${label} ${name}`, name, secrets: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Volumes, projects, accounts, apps

/**
 * The named volumes of a compose file's stack, as a whole: the stack that file starts, under whatever project name the
 * commands give it (`volume:compose-stack:deploy/docker-compose.yml`).
 */
export function composeStackIdentity(path: string): ResourceIdentity {
  return { kind: 'volume', identity: `volume:compose-stack:${path}`, otherIdentities: [], display: `Docker volumes of ${path}`, name: path, secrets: [] };
}

/**
 * The scope of a Kubernetes hostPath volume pinned to no node: the directory of whichever node the pod lands on, which on
 * the single-node clusters hostPath volumes are made for is the one node's.
 */
export const UNPINNED_NODE_SCOPE = 'node:*';

export function volumeIdentity(raw: string, scheme?: 'docker' | 'pvc' | 'pv' | 'fly' | 'hostpath' | 'nomad-host' | 'nomad-csi', scope?: string): ResourceIdentity | undefined {
  const value = raw.trim();
  if (value === '' || /\$\{|\{\{/.test(value)) return undefined;
  if (scheme) {
    const name = value.toLowerCase();
    // A generic docker name (`pgdata`, `app_db`) is one volume only on one daemon: kept only with the directory of the
    // compose files that name it (stacks started from one directory run on one host), and dropped without it.
    if (scheme === 'docker' && isGenericName(name) && scope === undefined) return undefined;
    // A Nomad volume's name is one volume only where the jobs run: host volumes on the clients of one cluster, CSI
    // volumes in one namespace of it. Without that scope it names nothing.
    if ((scheme === 'nomad-host' || scheme === 'nomad-csi') && scope === undefined) return undefined;
    const qualified = (scheme === 'fly' || (scheme === 'docker' && isGenericName(name)) || scheme === 'hostpath' || scheme === 'nomad-host' || scheme === 'nomad-csi') && scope !== undefined ? `${scope}/${name}` : name;
    const label = { docker: 'Docker volume', pvc: 'PersistentVolumeClaim', pv: 'PersistentVolume', fly: 'Fly volume', hostpath: 'host path', 'nomad-host': 'Nomad host volume', 'nomad-csi': 'Nomad CSI volume' }[scheme];
    // A host path alone names a directory on some host (`volume:hostpath:`, compared by name only); with the compose
    // files' directory it is one directory on the host those stacks run on (`volume:bind:`, compared as one resource).
    const kind = scheme === 'hostpath' && scope !== undefined ? 'bind' : scheme;
    return { kind: 'volume', identity: `volume:${kind}:${qualified}`, otherIdentities: [], display: `${label} ${name}`, name, secrets: [] };
  }
  const ebs = /\b(vol-[0-9a-f]{8}(?:[0-9a-f]{9})?)\b/.exec(value);
  if (ebs) return { kind: 'volume', identity: `volume:${ebs[1]}`, otherIdentities: [], display: `EBS volume ${ebs[1]}`, secrets: [] };
  // An EFS file system by its id (an ECS task's `efsVolumeConfiguration.fileSystemId`, Terraform's `file_system_id`).
  if (/^fs-[0-9a-f]{8}(?:[0-9a-f]{9})?$/.test(value)) return { kind: 'volume', identity: `volume:${value}`, otherIdentities: [], display: `EFS file system ${value}`, secrets: [] };
  // CSI volume handles and Railway volume ids: opaque, globally unique.
  const id = value.toLowerCase();
  if (/^[a-z0-9][a-z0-9/_.:-]{7,}$/.test(id)) {
    const gcpDisk = /disks\/([a-z0-9-]+)$/.exec(id);
    return { kind: 'volume', identity: `volume:${id}`, otherIdentities: [], display: `volume ${id}`, name: gcpDisk?.[1], secrets: [] };
  }
  return undefined;
}

const GCP_PROJECT = /^[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

export function gcpProjectIdentity(raw: string, firebase = false): ResourceIdentity | undefined {
  const id = raw.trim();
  if (!GCP_PROJECT.test(id) || isPlaceholderName(id)) return undefined;
  return firebase
    ? { kind: 'project', identity: `firebase:${id}`, otherIdentities: [`project:gcp:${id}`], display: `Firebase project ${id}`, name: id, secrets: [] }
    : { kind: 'project', identity: `project:gcp:${id}`, otherIdentities: [`firebase:${id}`], display: `GCP project ${id}`, name: id, secrets: [] };
}

/** A Kubernetes namespace: one name per cluster, and the cluster is not in the repo, so only its name is evidence. */
export function kubernetesNamespaceIdentity(raw: string): ResourceIdentity | undefined {
  const name = raw.trim();
  if (!/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(name)) return undefined;
  return { kind: 'project', identity: `project:k8s-namespace:${name}`, otherIdentities: [], display: `Kubernetes namespace ${name}`, name, secrets: [] };
}

export function awsAccountIdentity(raw: string): ResourceIdentity | undefined {
  const match = /^(?:arn:aws[a-z-]*:[a-z0-9-]*:[a-z0-9-]*:)?(\d{12})(?::|$)/.exec(raw.trim());
  if (!match || /^(\d)\1{11}$/.test(match[1]!) || match[1] === '123456789012') return undefined;
  return { kind: 'account', identity: `account:aws:${match[1]}`, otherIdentities: [], display: `AWS account ${match[1]}`, secrets: [] };
}

export function supabaseProjectIdentity(raw: string): ResourceIdentity | undefined {
  const ref = /^(?:https?:\/\/)?(?:db\.)?([a-z]{20})(?:\.supabase\.(?:co|in))?\/?$/.exec(raw.trim());
  if (!ref) return undefined;
  return { kind: 'database', identity: `supabase:${ref[1]}`, otherIdentities: [], display: `Supabase project ${ref[1]}`, secrets: [] };
}

export function appIdentity(raw: string, platform: 'fly' | 'heroku'): ResourceIdentity | undefined {
  const app = raw.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{1,62}$/.test(app) || isPlaceholderName(app)) return undefined;
  return { kind: 'app', identity: `${platform}-app:${app}`, otherIdentities: [], display: `${platform === 'fly' ? 'Fly' : 'Heroku'} app ${app}`, name: app, secrets: [] };
}

export function neonProjectIdentity(raw: string): ResourceIdentity | undefined {
  const id = raw.trim();
  if (!/^[a-z]+-[a-z]+-\d{6,}$/.test(id)) return undefined;
  return { kind: 'project', identity: `neon-project:${id}`, otherIdentities: [], display: `Neon project ${id}`, secrets: [] };
}

/** An RDS instance or cluster by its identifier (`db_instance_identifier = "orders-prod"`). */
export function rdsIdentity(value: string): ResourceIdentity | undefined {
  const id = value.trim().toLowerCase();
  if (!/^[a-z][a-z0-9-]{0,62}$/.test(id) || isPlaceholderName(id)) return undefined;
  return { kind: 'database', identity: `rds:${id}`, otherIdentities: [], display: `RDS database ${id}`, name: id, secrets: [] };
}

/** An RDS instance or cluster by identifier or ARN (`arn:aws:rds:eu-west-1:111122223333:db:orders-prod`). */
export function rdsSourceIdentity(value: string): ResourceIdentity | undefined {
  const arn = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(?:db|cluster):([A-Za-z][A-Za-z0-9-]*)$/.exec(value.trim());
  return rdsIdentity(arn ? arn[1]! : value);
}

/**
 * An RDS snapshot (of an instance or a cluster) by name or ARN. The instance it was taken of is another identity
 * where the name says it: an automated snapshot is `rds:<instance>-<yyyy-mm-dd-hh-mm>`, and manual ones are most
 * often the instance's identifier with a date or `final` after it (`orders-prod-2024-05-01`).
 */
export function rdsSnapshotIdentity(raw: string): ResourceIdentity | undefined {
  const value = raw.trim();
  const arn = /^arn:aws[a-z-]*:rds:[a-z0-9-]+:\d{12}:(cluster-snapshot|snapshot):(.+)$/.exec(value);
  const name = (arn ? arn[2]! : value).toLowerCase();
  const automated = /^rds:([a-z][a-z0-9-]*?)-\d{4}-\d{2}-\d{2}-\d{2}-\d{2}$/.exec(name);
  if (!automated && (!/^[a-z][a-z0-9-]{0,254}$/.test(name) || isPlaceholderName(name))) return undefined;
  const instance = automated?.[1] ?? SNAPSHOT_SUFFIX.exec(name)?.[1];
  const source = instance ? rdsIdentity(instance) : undefined;
  // The same key restores DocumentDB, Neptune and Redshift clusters: only an ARN or an automated name says RDS.
  const label = arn?.[1] === 'cluster-snapshot' ? 'RDS cluster snapshot' : arn || automated ? 'RDS snapshot' : 'database snapshot';
  return { kind: 'database', identity: `rds-snapshot:${name}`, otherIdentities: source ? [source.identity] : [], display: `${label} ${name}`, name, secrets: [] };
}

/** What follows an instance's identifier in a manual snapshot's name: a date or timestamp, `final`, `snapshot`, `latest`. */
const SNAPSHOT_SUFFIX = /^([a-z][a-z0-9-]*?)-(?:(?:final|manual|snap(?:shot)?|backup|latest)(?:-[a-z0-9-]*)?|\d{4}-?\d{2}-?\d{2}(?:-[a-z0-9-]*)?|\d{8,14})$/;

/**
 * An Azure database server named by its resource id (`/subscriptions/…/providers/Microsoft.DBforPostgreSQL/
 * flexibleServers/psql-orders-prod`, a SQL database's `…/servers/sql-orders-prod/databases/orders`).
 */
export function azureResourceServerIdentity(value: string): ResourceIdentity | undefined {
  const match = /\/providers\/Microsoft\.(?:DBforPostgreSQL|DBforMySQL|DBforMariaDB|Sql|DocumentDB)\/(?:flexibleServers|servers|databaseAccounts)\/([A-Za-z0-9-]+)(?:\/databases\/([A-Za-z0-9_-]+))?\/?$/i.exec(value.trim());
  if (!match) return undefined;
  const server = azureServerIdentity(match[1]!);
  return server && match[2] ? { ...server, display: `${server.display} (database ${match[2]})` } : server;
}

/**
 * A Cloud SQL instance by its name alone (a clone's `source_instance_name`, a replica's `master_instance_name`, which
 * may be written `project:instance`): names are per project, so only the name is evidence.
 */
export function cloudSqlInstanceIdentity(raw: string): ResourceIdentity | undefined {
  const parts = raw.trim().split(':');
  if (parts.length > 2) return cloudSqlIdentity(raw);
  const name = parts[parts.length - 1]!.toLowerCase();
  const project = parts.length === 2 ? parts[0]!.toLowerCase() : undefined;
  if (!/^[a-z][a-z0-9-]{0,97}$/.test(name) || isPlaceholderName(name)) return undefined;
  const id = project ? `${project}/${name}` : name;
  return { kind: 'database', identity: `cloudsql-instance:${id}`, otherIdentities: [], display: `Cloud SQL instance ${project ? `${name} (project ${project})` : name}`, name: project ? `${project} ${name}` : name, secrets: [] };
}

/** A DynamoDB table by name: tables are named per account and region, so only the name is evidence. */
export function dynamoTableIdentity(value: string): ResourceIdentity | undefined {
  const name = value.trim();
  if (!/^[A-Za-z0-9_.-]{3,255}$/.test(name) || isPlaceholderName(name) || isGenericName(name)) return undefined;
  return { kind: 'database', identity: `dynamodb:${name}`, otherIdentities: [], display: `DynamoDB table ${name}`, name, secrets: [] };
}

/**
 * A DynamoDB table by ARN (`arn:aws:dynamodb:eu-west-1:482915730216:table/orders`, or an index or stream under it):
 * the account and region make it one table, whichever stage names it. An example account id leaves only the name.
 */
export function dynamoTableArnIdentity(value: string): ResourceIdentity | undefined {
  const match = /^arn:aws[a-z-]*:dynamodb:([a-z0-9-]+):(\d{12}):table\/([A-Za-z0-9_.-]+)(?:\/.*)?$/.exec(value.trim());
  const table = match ? dynamoTableIdentity(match[3]!) : undefined;
  if (!match || !table) return undefined;
  const [, region, account, name] = match;
  if (!awsAccountIdentity(account!)) return table;
  return { ...table, identity: `dynamodb-arn:${account}:${region}:${name}`, otherIdentities: [table.identity], display: `DynamoDB table ${name} (account ${account}, ${region})` };
}

/**
 * An Azure database server by its name (`postgresServerName: psql-payroll-prod`, a Bicep or ARM parameter): the same
 * server as the `azurerm_*`, Bicep or ARM resource of that name, whichever type declares it.
 */
export function azureServerIdentity(name: string): ResourceIdentity | undefined {
  const value = name.trim().toLowerCase();
  if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(value)) return undefined;
  const types = ['postgresql_flexible_server', 'postgresql_server', 'mysql_flexible_server', 'mysql_server', 'mariadb_server', 'mssql_server', 'cosmosdb_account'];
  return { kind: 'database', identity: `azure-server:${value}`, otherIdentities: types.map((type) => `azure:${type}:${value}`), display: `Azure database server ${value}`, name: value, secrets: [] };
}

/**
 * A cloud block volume or disk by the name Terraform gives it (`digitalocean_volume`, `hcloud_volume`,
 * `google_compute_disk`...), in the form the backup detector's stores use (`digitalocean:volume:pgdata-prod`). Names
 * are unique within an account, so a configuration that looks production's volume up by name attaches that volume;
 * generic names (`pgdata`) and templates say nothing.
 */
export function blockVolumeIdentity(provider: string, kind: 'volume' | 'disk', raw: string, title: string): ResourceIdentity | undefined {
  const name = raw.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(name) || isGenericName(name) || isPlaceholderName(name)) return undefined;
  return { kind: 'volume', identity: `${provider}:${kind}:${name}`, otherIdentities: [], display: `${title} ${kind} ${name}`, name, secrets: [] };
}

/**
 * A DigitalOcean managed database cluster an App Platform spec attaches (`databases[].cluster_name`), with the
 * database on it when the spec names one (`db_name`): two apps on one cluster with their own databases share a server,
 * not a database.
 */
export function digitalOceanClusterIdentity(cluster: string, database?: string): ResourceIdentity | undefined {
  const value = cluster.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value)) return undefined;
  const db = database?.trim().toLowerCase();
  const otherIdentities = db && /^[a-z0-9_-]+$/.test(db) ? [`db:digitalocean://${value.toLowerCase()}/${db}`] : [];
  return { kind: 'database', identity: `digitalocean:database:${value.toLowerCase()}`, otherIdentities, display: `DigitalOcean database cluster ${value}`, name: value, secrets: [] };
}

export function renderDatabaseIdentity(name: string): ResourceIdentity | undefined {
  const value = name.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value)) return undefined;
  return { kind: 'database', identity: `render-db:${value.toLowerCase()}`, otherIdentities: [], display: `Render database ${value}`, name: value, secrets: [] };
}

/** A Laravel Vapor database or cache by the name `vapor.yml` attaches it with (unique in the team's account). */
export function vaporResourceIdentity(name: string, resource: 'database' | 'cache'): ResourceIdentity | undefined {
  const value = name.trim();
  if (!/^[A-Za-z0-9][A-Za-z0-9_-]*$/.test(value)) return undefined;
  const scheme = resource === 'database' ? 'vapor-db' : 'vapor-cache';
  return { kind: 'database', identity: `${scheme}:${value.toLowerCase()}`, otherIdentities: [], display: `Vapor ${resource === 'database' ? 'database' : 'Redis cluster'} ${value}`, name: value, secrets: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Terraform state, stacks, secrets

export function terraformStateIdentity(backend: string, config: Readonly<Record<string, string | undefined>>): ResourceIdentity | undefined {
  const workspace = config.workspace ? `@${config.workspace}` : '';
  let address: string | undefined;
  switch (backend) {
    case 's3':
      if (config.bucket && config.key) address = `s3:${config.bucket}/${config.key}`;
      break;
    case 'gcs':
      if (config.bucket) address = `gcs:${config.bucket}/${config.prefix ?? ''}`;
      break;
    case 'azurerm':
      if (config.storage_account_name && config.container_name && config.key) address = `azurerm:${config.storage_account_name}/${config.container_name}/${config.key}`;
      break;
    case 'remote':
    case 'cloud':
      if (config.organization && config.name) address = `tfc:${config.organization}/${config.name}`;
      break;
    case 'dir':
      if (config.path) address = `dir:${config.path}`;
      break;
  }
  if (!address) return undefined;
  const display = backend === 'dir' ? `Terraform state of ${config.path}` : `Terraform state ${address.slice(address.indexOf(':') + 1)}${workspace ? ` (workspace ${config.workspace})` : ''}`;
  return {
    kind: 'terraform-state',
    identity: `tfstate:${address}${workspace}`,
    otherIdentities: [],
    display,
    name: `${address.slice(address.indexOf(':') + 1)} ${config.workspace ?? ''}`.trim(),
    secrets: [],
  };
}

export function stackIdentity(tool: 'pulumi' | 'cf', name: string): ResourceIdentity | undefined {
  const value = name.trim();
  if (value === '' || /\$\{|\{\{/.test(value)) return undefined;
  return {
    kind: 'stack',
    identity: `stack:${tool}:${value.toLowerCase()}`,
    otherIdentities: [],
    display: tool === 'pulumi' ? `Pulumi stack ${value}` : `CloudFormation stack ${value}`,
    name: value,
    secrets: [],
  };
}

export type SecretStore = 'ssm' | 'k8s' | 'aws-secrets-manager' | 'gcp-secret-manager' | 'external' | 'file' | 'aws-profile' | 'kube-context' | 'aws-role' | 'vercel-environment' | 'doppler-config' | 'infisical-environment' | 'ci-group' | 'ci-secret' | 'env-file' | 'values-file' | 'config-file' | 'azure-key-vault';

const SECRET_STORES: Record<SecretStore, { scheme: string; label: string }> = {
  ssm: { scheme: 'ssm', label: 'SSM parameter' },
  k8s: { scheme: 'k8s', label: 'Kubernetes secret' },
  'aws-secrets-manager': { scheme: 'aws', label: 'AWS secret' },
  'gcp-secret-manager': { scheme: 'gcp', label: 'GCP secret' },
  external: { scheme: 'external', label: 'external secret' },
  file: { scheme: 'file', label: 'credential file' },
  'aws-profile': { scheme: 'aws-profile', label: 'AWS profile' },
  'kube-context': { scheme: 'kube-context', label: 'Kubernetes context' },
  'aws-role': { scheme: 'aws-role', label: 'AWS role' },
  'vercel-environment': { scheme: 'vercel-env', label: 'Vercel environment' },
  'doppler-config': { scheme: 'doppler', label: 'Doppler config' },
  'infisical-environment': { scheme: 'infisical', label: 'Infisical environment' },
  'ci-group': { scheme: 'ci-group', label: 'CI secret group' },
  // A secret a CI server keeps by id (a Jenkins credential, a Drone secret): every name there is a secret.
  'ci-secret': { scheme: 'ci', label: 'CI secret' },
  'env-file': { scheme: 'env-file', label: 'environment file' },
  'values-file': { scheme: 'values-file', label: 'Helm values file' },
  // A Kustomize overlay a deploy command applies: what it configures is the environment's it names.
  'config-file': { scheme: 'config-file', label: 'Kustomize overlay' },
  // A whole vault: every secret in it is the environment's whose vault it is.
  'azure-key-vault': { scheme: 'azure-key-vault', label: 'Azure Key Vault' },
};

const STORE_SCHEMES: ReadonlySet<string> = new Set(Object.values(SECRET_STORES).map((store) => store.scheme));

/** The scheme of the store a secret identity names (`secret:ssm:/acme/prod/db` is in `ssm`), or undefined for a plain name. */
export function storeOfSecret(identity: string): string | undefined {
  const scheme = /^secret:([a-z-]+):/.exec(identity)?.[1];
  return scheme && STORE_SCHEMES.has(scheme) ? scheme : undefined;
}

/** The prefix of a reusable workflow's output as an identity (`workflow-output:<path>#<output>`), resolved across files. */
export const WORKFLOW_OUTPUT = 'workflow-output:';

/**
 * A secret or credential referred to by name: a CI secret or environment variable (`secrets.PROD_DB_URL`,
 * `${PROD_DATABASE_URL}`), or an entry of a store (`${ssm:/acme/prod/db}`, a Kubernetes secret, a credential file,
 * an AWS profile or kube context).
 */
export function secretIdentity(name: string, store?: SecretStore): ResourceIdentity {
  const trimmed = name.trim();
  if (store) {
    const { scheme, label } = SECRET_STORES[store];
    return { kind: 'secret', identity: `secret:${scheme}:${trimmed}`, otherIdentities: [], display: `${label} ${trimmed}`, name: trimmed, secrets: [] };
  }
  const upper = trimmed.toUpperCase();
  return { kind: 'secret', identity: `secret:${upper}`, otherIdentities: [], display: upper, name: upper, secrets: [] };
}

/**
 * An environment file loaded by path (compose `env_file:`, `docker run --env-file`, `dotenv -e`): what it holds
 * belongs to the environment its name says. Only dotenv-shaped names count (`.env.production`, `prod.env`).
 */
export function envFileIdentity(path: string): ResourceIdentity | undefined {
  const normalised = path.trim().replace(/^["']|["']$/g, '').replace(/^(?:\.\/)+/, '');
  if (normalised === '' || /[$%{}]/.test(normalised)) return undefined;
  const base = normalised.slice(normalised.lastIndexOf('/') + 1);
  if (!/^\.env(?:[.-][\w.-]+)?$|^[\w.-]+\.env$/.test(base)) return undefined;
  // A template (`.env.production.example`) holds names, not production's values.
  if (/[.-](?:example|sample|template|dist|defaults?)$/i.test(base)) return undefined;
  return secretIdentity(normalised, 'env-file');
}

/** Secrets named by ARN: Secrets Manager (the random 6-character suffix dropped) and SSM parameters. */
export function secretArnIdentity(value: string): ResourceIdentity | undefined {
  const manager = /^arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\d{12}:secret:(.+?)(?:-[A-Za-z0-9]{6})?$/.exec(value.trim());
  if (manager) return secretIdentity(manager[1]!, 'aws-secrets-manager');
  const parameter = /^arn:aws[a-z-]*:ssm:[a-z0-9-]+:\d{12}:parameter(\/.+)$/.exec(value.trim());
  if (parameter) return secretIdentity(parameter[1]!, 'ssm');
  return undefined;
}

// ---------------------------------------------------------------------------------------------------------------

function splitHostPort(part: string): { host: string; port?: number } {
  const trimmed = part.trim();
  const bracket = /^\[([^\]]+)\](?::(\d+))?$/.exec(trimmed);
  if (bracket) return { host: bracket[1]!, port: bracket[2] ? Number(bracket[2]) : undefined };
  const colon = trimmed.lastIndexOf(':');
  if (colon > 0 && /^\d+$/.test(trimmed.slice(colon + 1))) return { host: trimmed.slice(0, colon), port: Number(trimmed.slice(colon + 1)) };
  return { host: trimmed };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}

/**
 * The human-chosen name inside an identity, whose words may say which environment owns the resource
 * (`rds:orders-prod` -> `orders-prod`, `db:postgres://db.acme.com:5432/acme_production` -> `db.acme acme_production`).
 * Undefined for generated ids (Supabase refs, Neon endpoints, volume ids, account numbers), which say nothing.
 */
export function identityName(identity: string): string | undefined {
  const colon = identity.indexOf(':');
  if (colon < 0) return undefined;
  const scheme = identity.slice(0, colon);
  const rest = identity.slice(colon + 1);
  switch (scheme) {
    case 'host':
      return hostName(rest);
    case 'db': {
      const match = /^[a-z]+:\/\/([^/]*)\/([^?]*)(?:\?user=(.*))?$/.exec(rest);
      if (!match) return undefined;
      const hosts = match[1]!.split(',').map((host) => host.replace(/:\d+$/, ''));
      const shared = hosts.some((host) => isSharedHost(host));
      return [shared ? '' : hosts.map((host) => hostName(host)).join(' '), match[2], match[3]].filter(Boolean).join(' ');
    }
    case 'db-name':
    case 'dokku-service':
    case 'rds':
    case 'dynamodb':
    case 'fly-app':
    case 'heroku-app':
    case 'render-db':
    case 'vapor-db':
    case 'vapor-cache':
    case 'firebase':
    case 'railway-environment':
    case 'azure-server':
    case 'rds-snapshot':
      return rest;
    case 'cloudsql-instance':
      return rest.replace('/', ' ');
    case 'dynamodb-arn':
      return rest.split(':')[2];
    case 'tf-ref': {
      // `tf-ref:<directory>:<expression>`: the name the reference gives the block (`prod` in `module.prod.db_id`).
      const expression = rest.slice(rest.indexOf(':') + 1);
      return /^(?:data\.)?[a-z][a-z0-9_]*\.([A-Za-z_][\w-]*)/.exec(expression)?.[1];
    }
    case 'cloudsql':
      return rest.split(':').filter((_, index) => index !== 1).join(' ');
    case 'bucket':
      return rest.replace(/^(azure|r2):/, '').replace(/^[a-f0-9]{32}\//, '');
    case 'volume':
      return /^(docker|pvc|pv|fly|render|nfs|hostpath|bind):/.test(rest) ? rest.slice(rest.indexOf(':') + 1) : undefined;
    case 'project':
      return rest.startsWith('gcp:') ? rest.slice(4) : rest.startsWith('k8s-namespace:') ? rest.slice(14) : undefined;
    case 'tfstate':
      return rest.slice(rest.indexOf(':') + 1);
    case 'in-scope': {
      const scoped = scopedIdentityOf(identity);
      return scoped ? identityName(scoped.identity) : undefined;
    }
    case 'stack':
      return rest.slice(rest.indexOf(':') + 1);
    case 'secret':
      return storeOfSecret(identity) ? rest.slice(rest.indexOf(':') + 1) : rest;
    default:
      return undefined;
  }
}

/**
 * The same resource in the forms data-store facts use (`aws:rds:<id>`, `aws:s3:<bucket>`, `fly:app:<app>`...), so
 * that a fact holding `[identity, ...otherIdentities]` meets a `DataStore.identities` list without translation.
 */
export function dataStoreForms(identity: string): string[] {
  const colon = identity.indexOf(':');
  const scheme = identity.slice(0, colon);
  const rest = identity.slice(colon + 1);
  switch (scheme) {
    case 'rds':
      return [`aws:rds:${rest}`];
    case 'cloudsql-instance':
      return [`gcp:sql:${rest.slice(rest.indexOf('/') + 1)}`];
    case 'dynamodb':
      return [`aws:dynamodb:${rest}`];
    case 'dynamodb-arn':
      return [`aws:dynamodb:${rest.split(':')[2]}`];
    case 'bucket':
      if (rest.startsWith('azure:')) return [`azure:storage:${rest.slice(6).split('/')[0]}`];
      if (rest.startsWith('r2:')) return [];
      return [`aws:s3:${rest}`, `gcp:gcs:${rest}`];
    case 'render-db':
      return [`render:database:${rest}`];
    case 'fly-app':
      return [`fly:app:${rest}`];
    case 'supabase':
      return [`supabase:project:${rest}`];
    case 'neon-project':
      return [`neon:project:${rest}`];
    case 'cloudsql':
      return [`gcp:sql:${rest.split(':')[2] ?? rest}`];
    case 'volume':
      if (rest.startsWith('fly:')) return [`fly:volume:${rest.slice(4)}`];
      if (rest.startsWith('render:')) return [`render:disk:${rest.slice(7)}`];
      if (rest.startsWith('pv:')) return [`k8s:pv:${rest.slice(3)}`];
      return [];
    default:
      return [];
  }
}
