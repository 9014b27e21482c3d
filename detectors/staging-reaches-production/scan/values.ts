// Which resource a configuration value names: by its own shape (a database URL, an `s3://` location, an RDS host,
// a live payment key) or, for bare names and hosts, by the variable that holds it (`DB_HOST`, `S3_BUCKET`,
// `GOOGLE_CLOUD_PROJECT`). Also the references a value makes by name (`${PROD_DATABASE_URL}`, `secrets.PROD_X`).
import {
  azureResourceServerIdentity,
  azureServerIdentity,
  azureStorageIdentity,
  appIdentity,
  awsAccountIdentity,
  bucketIdentity,
  bucketUrlIdentity,
  cloudSqlIdentity,
  cloudSqlInstanceIdentity,
  connectionStringIdentity,
  databaseHostIdentity,
  databaseNameIdentity,
  databaseUrlIdentity,
  dynamoTableIdentity,
  dynamoTableArnIdentity,
  rdsIdentity,
  rdsSnapshotIdentity,
  rdsSourceIdentity,
  gcpProjectIdentity,
  goMysqlDsnAsUrl,
  isDatabaseUrl,
  messageBrokerIdentity,
  convexDeploymentIdentity,
  neonProjectIdentity,
  secretArnIdentity,
  secretIdentity,
  stackIdentity,
  supabaseProjectIdentity,
  volumeIdentity,
  type CopyKind,
  type ResourceIdentity,
} from '../../../knowledge/environments/identities.js';
import { environmentsNamedIn, tokensOf } from '../../../knowledge/environments/names.js';
import { livePaymentOf } from '../../../knowledge/environments/payments.js';
import { lookupTable } from '../../../src/lookup-table.js';

/** What is known around a value: the variable that holds it, the key path, sibling keys. */
export interface ValueContext {
  /** The variable or key (`DATABASE_URL`, `host`, `spring.datasource.url`). */
  variable?: string;
  /** Every key on the way to the value, for context (`externalDatabase`, `DATABASES`). */
  path: ReadonlyArray<string | number>;
  /** Sibling literal values by key, for composing host + port + database. */
  siblings?: ReadonlyMap<string, string>;
  /** The file declares GCP projects by plain `project` keys (Terraform, workflows, Firebase configs). */
  projectKeys?: boolean;
  /** The whole file is a database configuration (`config/database.yml`, Sequelize `config/config.json`). */
  databaseFile?: boolean;
  /** Keys ending in `table` or `table name` name DynamoDB tables (Serverless: `ORDERS_TABLE`, `ordersTable`). */
  dynamoTables?: boolean;
}

const DATA_WORDS = new Set([
  'db', 'database', 'databases', 'datasource', 'datasources', 'pg', 'postgres', 'postgresql', 'psql', 'mysql', 'mariadb', 'mongo',
  'mongodb', 'redis', 'valkey', 'cache', 'memcache', 'memcached', 'elastic', 'elasticsearch', 'opensearch', 'clickhouse',
  'cassandra', 'mssql', 'sql', 'rds', 'aurora', 'cockroach', 'cockroachdb', 'supabase', 'neon', 'upstash', 'couchdb', 'influx',
  'influxdb', 'timescale', 'timescaledb', 'sqlalchemy', 'typeorm', 'prisma', 'sequelize', 'knex', 'dynamo', 'dynamodb',
]);
const COMPACT_DATA_HOSTS = new Set(['pghost', 'dbhost', 'dbserver', 'dburl', 'dburi', 'pgurl', 'mysqlhost', 'redishost', 'mongohost', 'mongourl', 'mongouri', 'redisurl', 'dbendpoint']);
const HOST_WORDS = new Set(['host', 'hostname', 'hosts', 'server', 'servers', 'endpoint', 'endpoints', 'address', 'addr', 'url', 'uri', 'urls', 'dsn', 'cluster', 'writer', 'reader', 'primary', 'replica', 'nodes']);
// Cosmos DB is addressed by its account's HTTPS endpoint (`https://acme-prod.documents.azure.com:443/`).
const MANAGED_DATABASE_HOST = /^(?:https:\/\/(?=[a-z0-9.-]+\.documents\.azure\.com))?[a-z0-9.-]+\.(rds\.amazonaws\.com|redshift(-serverless)?\.amazonaws\.com|database\.windows\.net|(postgres|mysql|mariadb)\.database\.azure\.com|documents\.azure\.com|mongodb\.net|cache\.amazonaws\.com|neon\.tech|upstash\.io|flycast)(:\d+)?\/?$/;
/** `acme-prod.redis.cache.windows.net:6380,password=…,ssl=True,abortConnect=False`: the first endpoint and its port. */
const REDIS_CONFIGURATION = /^([a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)+):(\d{2,5})(?:,[a-z0-9.-]+:\d{2,5})*,\s*(?:password|ssl|abortConnect|connectTimeout|syncTimeout|allowAdmin|defaultDatabase|user|name|connectRetry)\s*=/i;
/** An Azure Key Vault's URI names the vault: `https://kv-orders-prod.vault.azure.net/`. */
const KEY_VAULT_URI = /^https:\/\/([a-z0-9-]{3,24})\.vault\.azure\.net\/?$/i;

const CREDENTIAL_FILE_WORDS = new Set(['credentials', 'credential', 'creds', 'keyfile', 'kubeconfig', 'serviceaccount', 'cert', 'certificate']);

/** Buckets that hold infrastructure state: one per organisation, every environment under its own key. */
const STATE_WORDS = new Set(['state', 'tfstate', 'backend', 'terraform', 'pulumi', 'terragrunt']);
const DRIVER_KEYS = ['adapter', 'dialect', 'engine', 'ENGINE', 'driver', 'client', 'provider'];
/** Engines a `type` key names: dbt profiles' targets (`type: redshift`). Elsewhere `type` is anything (`ClusterIP`, `web`). */
const DATABASE_TYPES = new Set([
  'postgres', 'postgresql', 'redshift', 'snowflake', 'bigquery', 'databricks', 'spark', 'trino', 'presto', 'athena', 'mysql', 'mariadb',
  'sqlserver', 'synapse', 'fabric', 'clickhouse', 'oracle', 'vertica', 'teradata', 'greenplum', 'materialize', 'singlestore', 'exasol',
]);
/** The user beside a host: on a multi-tenant front door (the Supabase pooler) it names the tenant. */
const USER_KEYS = ['user', 'USER', 'username', 'USERNAME', 'User', 'Username'];

/** The variable names a data server (by its tokens, or by sitting in a database's own settings). */
export function isDatabaseHostVariable(context: ValueContext): boolean {
  const variable = context.variable;
  if (!variable) return false;
  const tokens = tokensOfVariable(variable);
  if (tokens.length === 1 && COMPACT_DATA_HOSTS.has(tokens[0]!)) return true;
  const last = tokens[tokens.length - 1];
  if (!last || !HOST_WORDS.has(last)) return false;
  if (tokens.some((token) => DATA_WORDS.has(token))) return true;
  if (context.databaseFile) return true;
  if (driverOf(context.siblings) !== undefined) return true;
  return context.path.some((step) => typeof step === 'string' && tokensOfVariable(step).some((token) => DATA_WORDS.has(token)));
}

/** The map holding the value is named for a data store (`database:`, `postgresql:`, `db:`). */
function parentNamesData(path: ValueContext['path']): boolean {
  const parent = path.length >= 2 ? path[path.length - 2] : undefined;
  return typeof parent === 'string' && tokensOfVariable(parent).some((token) => DATA_WORDS.has(token));
}

const TOKENS = new Map<string, string[]>();

/** Variable names repeat across a repository: tokenise each once. */
function tokensOfVariable(variable: string): string[] {
  let tokens = TOKENS.get(variable);
  if (!tokens) {
    if (TOKENS.size > 20_000) TOKENS.clear();
    TOKENS.set(variable, (tokens = tokensOf(variable)));
  }
  return tokens;
}

/** The resources a literal value names. Empty for values that name none or only a local/placeholder one. */
const AZURE_SERVER_WORDS = new Set(['postgres', 'postgresql', 'pg', 'psql', 'mysql', 'mariadb', 'sql', 'mssql', 'db', 'database', 'cosmos', 'cosmosdb']);

export function identifyValue(raw: string, context: ValueContext): ResourceIdentity[] {
  const value = goMysqlDsnAsUrl(raw) ?? raw.trim();
  if (value === '' || value.length > 1000) return [];
  const variable = context.variable;
  // A nested setting is named by its parent too (`paypal: { mode: live }` is `paypal.mode`).
  const parent = context.path.length >= 2 ? context.path[context.path.length - 2] : undefined;
  const payment = /live|prod|paypal|authorize/i.test(value) ? (livePaymentOf(value, variable) ?? (typeof parent === 'string' && variable ? livePaymentOf(value, `${parent}.${variable}`) : undefined)) : undefined;
  if (payment) return [{ kind: 'payment-key', identity: payment.identity, otherIdentities: [], display: payment.title, secrets: payment.secret ? [payment.secret] : [] }];
  const copy = variable ? copySource(variable, value, context.siblings) : undefined;
  if (copy) return [copy];
  // Sequelize names the variable that holds the URL: the name is the evidence.
  if (variable === 'use_env_variable' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return [secretIdentity(value)];
  const stackTokens = variable ? tokensOfVariable(variable) : [];
  if (stackTokens.includes('stack') && (/^[\w.-]+\/[\w.-]+\/[\w.-]+$/.test(value) || (stackTokens.join(' ') === 'stack name' && /^[\w./-]+$/.test(value)))) {
    const stack = stackIdentity('pulumi', value);
    return stack ? [stack] : [];
  }
  // Resource values are single tokens; prose (messages, descriptions, commands) names none, bar connection strings.
  if (/\s/.test(value) && !value.includes(';')) return [];
  if (isDatabaseUrl(value)) {
    const identity = databaseUrlIdentity(value);
    return identity ? [identity] : [];
  }
  const bucket = value.includes('://') || value.startsWith('arn:') ? bucketUrlIdentity(value) : undefined;
  if (bucket) return [bucket];
  if (/^https?:\/\/[a-z]{20}\.supabase\.(co|in)\/?$/.test(value)) {
    const supabase = supabaseProjectIdentity(value);
    return supabase ? [supabase] : [];
  }
  if (/^(vol|fs)-[0-9a-f]{8}([0-9a-f]{9})?$/.test(value)) {
    const volume = volumeIdentity(value);
    return volume ? [volume] : [];
  }
  if (value.startsWith('arn:aws')) {
    const secret = secretArnIdentity(value);
    if (secret) return [secret];
    const table = dynamoTableArnIdentity(value);
    if (table) return [table];
  }
  // The Cloud SQL connector's Unix socket (`INSTANCE_UNIX_SOCKET: /cloudsql/acme-prod:europe-west1:orders`, Google's
  // Cloud Run and App Engine samples) names the instance whatever the variable.
  const cloudSql = cloudSqlIdentity(value.startsWith('/cloudsql/') ? value.slice(10).replace(/\/\.s\.PGSQL\.\d+$/, '') : value);
  if (cloudSql) return [cloudSql];
  // Managed database endpoints say what they are, whatever the variable (`default = "orders-prod.….rds.amazonaws.com"`).
  // A host key's siblings (`database`, `port`, `user`) refine the identity; other names are judged by the value.
  if (MANAGED_DATABASE_HOST.test(value) && !(isDatabaseHostVariable(context) && /^[a-z0-9.-]+(:\d+)?$/i.test(value))) {
    const host = databaseHostIdentity(value);
    if (host) return [host];
  }
  const convex = convexDeploymentIdentity(value, variable);
  if (convex) return [convex];
  const broker = messageBrokerIdentity(value);
  if (broker) return [broker];
  const vault = KEY_VAULT_URI.exec(value)?.[1];
  if (vault) return [secretIdentity(vault.toLowerCase(), 'azure-key-vault')];
  // An Azure storage connection string (`DefaultEndpointsProtocol=https;AccountName=…;AccountKey=…`) names its account.
  const storageAccount = value.includes(';') ? /(?:^|;)\s*AccountName\s*=\s*([a-z0-9]{3,24})\s*(?:;|$)/i.exec(value)?.[1] : undefined;
  if (storageAccount) {
    const account = azureStorageIdentity(storageAccount);
    return account ? [account] : [];
  }
  // A StackExchange.Redis configuration string (.NET's usual form, Azure Cache for Redis' own): endpoints, then options.
  const redis = value.includes(',') ? REDIS_CONFIGURATION.exec(value) : null;
  if (redis) {
    const identity = databaseHostIdentity(redis[1]!, { port: Number(redis[2]), engine: 'redis' });
    return identity ? [identity] : [];
  }
  if (/;/.test(value) && /(^|;)\s*(server|data source|host|address)\s*=/i.test(value)) {
    const connection = connectionStringIdentity(value);
    return connection ? [connection] : [];
  }
  if (!variable) return [];
  const tokens = tokensOfVariable(variable);
  const has = (...words: string[]) => words.every((word) => tokens.includes(word));

  if ((tokens.includes('bucket') || tokens.includes('buckets')) && !tokens.some((token) => STATE_WORDS.has(token))) {
    const named = bucketIdentity(value.replace(/^(s3|gs):\/\//, '').split('/')[0]!, tokens.includes('gcs') ? 'gcs' : tokens.includes('s3') ? 's3' : undefined);
    return named ? [named] : [];
  }
  if (isDatabaseHostVariable(context) && /^(https?:\/\/)?[a-z0-9.-]+(:\d+)?\/?$/i.test(value)) {
    // Flat variables share the host's prefix: `DB_HOST` beside `DB_DATABASE`, `DB_PORT`, `DB_CONNECTION`, `DB_USERNAME`.
    const prefixed = (...suffixes: string[]) => siblingWithPrefix(context.siblings, variable, suffixes);
    const port = Number(context.siblings?.get('port') ?? context.siblings?.get('PORT') ?? prefixed('PORT') ?? NaN);
    // A `name` beside the host names the database only in a database's own map (Helm's `database: {host, name}`).
    const inDatabaseMap = parentNamesData(context.path);
    const database = context.siblings?.get('database') ?? context.siblings?.get('NAME') ?? context.siblings?.get('dbname') ?? (inDatabaseMap ? context.siblings?.get('name') : undefined) ?? prefixed('DATABASE', 'NAME', 'DB');
    const engine = driverOf(context.siblings) ?? prefixed('CONNECTION', 'ENGINE', 'DRIVER', 'ADAPTER');
    const user = USER_KEYS.map((key) => context.siblings?.get(key)).find((name) => name !== undefined) ?? prefixed('USERNAME', 'USER');
    // The schema a configuration writes in (a dbt target's `schema`): a developer's `dbt_alice` beside production's
    // `analytics` in one database is another dataset on production's server, not production's tables.
    const schema = database ? context.siblings?.get('schema') : undefined;
    const host = databaseHostIdentity(value, { port: Number.isFinite(port) ? port : undefined, database: schema ? `${database}.${schema}` : database, engine: engine ? engineName(engine) : undefined, user });
    return host ? [host] : [];
  }
  // A database file's database named for production, on a server chosen at deploy time (no literal host): its name
  // is all there is to go on.
  if (context.databaseFile && (variable === 'database' || variable === 'dbname') && !hasLiteralHost(context.siblings) && namesOnlyProduction(value)) {
    return [databaseNameIdentity(value)];
  }
  // The same in flat variables (`DB_DATABASE=shop_production` in `.env.staging`, the host given at deploy time). A
  // Docker image's own `POSTGRES_DB` names the database a container creates, not one it reaches: not read.
  const flatName = FLAT_DATABASE_NAME.exec(variable);
  if (flatName && /^[\w.-]+$/.test(value) && !hasLiteralSibling(context.siblings, `${flatName[1]}HOST`) && namesOnlyProduction(value)) {
    return [databaseNameIdentity(value)];
  }
  // Azure names a database server by its name alone (`postgresServerName`, `sql_server_name`), in Bicep and ARM
  // parameters and the tfvars that feed `azurerm_*` resources.
  if (has('server', 'name') && tokens.some((token) => AZURE_SERVER_WORDS.has(token)) && /^[a-z0-9][a-z0-9-]{1,62}$/i.test(value)) {
    const server = azureServerIdentity(value);
    return server ? [server] : [];
  }
  if (tokens.includes('identifier') && tokens.some((token) => ['db', 'rds', 'database', 'aurora', 'cluster', 'instance'].includes(token))) {
    const rds = rdsIdentity(value);
    return rds ? [rds] : [];
  }
  // A per-stage map of tables is named for all of them (`custom.tableNames: { prod: orders-prod, staging: … }`).
  const last = tokens.slice(-2).join(' ');
  const tableKey = tokens[tokens.length - 1] === 'table' || last === 'table name' || last === 'table names' || (context.dynamoTables === true && tokens[tokens.length - 1] === 'tables');
  if ((tokens.includes('table') || tableKey) && (tokens.includes('dynamo') || tokens.includes('dynamodb') || tokens.join(' ') === 'table name' || tokens.join(' ') === 'table' || (context.dynamoTables && tableKey))) {
    const table = dynamoTableIdentity(value);
    return table ? [table] : [];
  }
  if (has('supabase', 'project') || has('supabase', 'ref')) {
    const supabase = supabaseProjectIdentity(value);
    return supabase ? [supabase] : [];
  }
  if (has('neon', 'project')) {
    const neon = neonProjectIdentity(value);
    return neon ? [neon] : [];
  }
  if (tokens.includes('account') && (tokens.includes('aws') || tokens.includes('id') || tokens.includes('ids') || tokens.includes('cdk')) && /^\d{12}$/.test(value)) {
    const account = awsAccountIdentity(value);
    return account ? [account] : [];
  }
  if (isProjectVariable(variable, tokens, context)) {
    const project = gcpProjectIdentity(value, tokens.includes('firebase'));
    return project ? [project] : [];
  }
  if (tokens.includes('heroku') && tokens.includes('app')) {
    const app = appIdentity(value, 'heroku');
    return app ? [app] : [];
  }
  if (tokens.includes('fly') && tokens.includes('app')) {
    const app = appIdentity(value, 'fly');
    return app ? [app] : [];
  }
  // Credentials by location: `GOOGLE_APPLICATION_CREDENTIALS=./keys/prod-sa.json`, `KUBECONFIG=~/.kube/prod.yaml`.
  if (tokens.some((token) => CREDENTIAL_FILE_WORDS.has(token)) && /^[~.]?[\w./-]*\/[\w.-]+$|^[\w.-]+\.(json|pem|key|p12|pfx|crt|ya?ml|conf|config)$/.test(value) && !value.includes('://')) {
    return [secretIdentity(value, 'file')];
  }
  if (['aws_profile', 'aws_default_profile'].includes(variable.toLowerCase()) && /^[\w.-]+$/.test(value)) return [secretIdentity(value, 'aws-profile')];
  if (isExternalSecretKey(variable, context.path)) return [secretIdentity(value, 'external')];
  // Helm charts take a Secret by name (`auth.existingSecret`, Bitnami's convention): the workload reads that Secret.
  if (/^existing[_-]?secret(?:[_-]?name)?$/i.test(variable) && /^[a-z0-9][a-z0-9.-]*$/.test(value)) return [secretIdentity(value, 'k8s')];
  // Vault Agent's injector reads the path an annotation names (`agent-inject-secret-db: database/creds/api-production`).
  if (/^vault\.hashicorp\.com\/agent-inject-secret-/.test(variable) && /^[\w./-]+$/.test(value)) return [secretIdentity(value, 'external')];
  if ((variable === 'path' && context.path.includes('hostPath')) || (variable === 'source' && context.siblings?.get('type') === 'bind')) {
    const host = /^[/~]/.test(value) ? volumeIdentity(value, 'hostpath') : undefined;
    return host ? [host] : [];
  }
  if (variable === 'volumes') {
    const bind = /^([/~][^:]*):\//.exec(value);
    const host = bind ? volumeIdentity(bind[1]!, 'hostpath') : undefined;
    return host ? [host] : [];
  }
  if ((tokens.includes('existing') || tokens.includes('claim')) && tokens.includes('claim')) {
    const claim = /^[a-z0-9][a-z0-9.-]*$/.test(value) ? volumeIdentity(value, 'pvc') : undefined;
    return claim ? [claim] : [];
  }
  if (tokens.includes('volume') && (tokens.includes('id') || tokens.includes('handle'))) {
    const volume = volumeIdentity(value);
    return volume ? [volume] : [];
  }
  return [];
}

/**
 * Keys whose value names the database a new one is made from, by the key's compact spelling (Terraform's
 * `snapshot_identifier`, CloudFormation's `SnapshotIdentifier`, Pulumi's `snapshotIdentifier`): RDS, Aurora,
 * DocumentDB, Neptune and Redshift snapshots; RDS point-in-time restores and read replicas; Cloud SQL clones and
 * replicas; Azure restores, replicas and copies (by resource id); DynamoDB restores from another table.
 */
const COPY_SOURCES: Readonly<Record<string, { copy: CopyKind; identity: (value: string) => ResourceIdentity | undefined }>> = lookupTable({
  snapshotidentifier: { copy: 'snapshot', identity: rdsSnapshotIdentity },
  sourcedbsnapshotidentifier: { copy: 'snapshot', identity: rdsSnapshotIdentity },
  sourcedbclustersnapshotidentifier: { copy: 'snapshot', identity: rdsSnapshotIdentity },
  replicatesourcedb: { copy: 'replica', identity: rdsSourceIdentity },
  sourcedbinstanceidentifier: { copy: 'restore', identity: rdsSourceIdentity },
  sourceclusteridentifier: { copy: 'restore', identity: rdsSourceIdentity },
  sourcedbclusteridentifier: { copy: 'restore', identity: rdsSourceIdentity },
  sourceinstancename: { copy: 'clone', identity: cloudSqlInstanceIdentity },
  masterinstancename: { copy: 'replica', identity: cloudSqlInstanceIdentity },
  sourceserverid: { copy: 'restore', identity: azureResourceServerIdentity },
  sourceserverresourceid: { copy: 'restore', identity: azureResourceServerIdentity },
  creationsourcedatabaseid: { copy: 'clone', identity: azureResourceServerIdentity },
  sourcedatabaseid: { copy: 'clone', identity: azureResourceServerIdentity },
  restoresourcename: { copy: 'restore', identity: dynamoTableIdentity },
  restoresourcetablearn: { copy: 'restore', identity: (value) => { const table = /^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:\d{12}:table\/([A-Za-z0-9_.-]+)$/.exec(value)?.[1]; return table ? dynamoTableIdentity(table) : undefined; } },
});

/** The database a copy is made from, when the key names one (`snapshot_identifier = "orders-prod-2024-05-01"`). */
export function copySource(variable: string, value: string, siblings?: ReadonlyMap<string, string>): ResourceIdentity | undefined {
  const source = copySourceKey(variable);
  if (!source || /\$\{|\{\{|<%/.test(value)) return undefined;
  const identity = source.identity(value);
  return identity ? { ...identity, copy: copyKind(variable, siblings)! } : undefined;
}

function copySourceKey(variable: string): (typeof COPY_SOURCES)[string] | undefined {
  // CloudFormation's DBInstance restores from `DBSnapshotIdentifier`; Terraform's `db_snapshot_identifier` names a
  // snapshot being taken (aws_db_snapshot) or looked up, which the Terraform reader places itself.
  return COPY_SOURCES[copyKey(variable)] ?? (variable.endsWith('DBSnapshotIdentifier') ? COPY_SOURCES.snapshotidentifier : undefined);
}

/**
 * How a key makes its database from the source, given the other settings of its block: an Azure server made from
 * another with `create_mode = "Replica"` follows it; a restore or geo-restore copies it once.
 */
export function copyKind(variable: string, siblings?: ReadonlyMap<string, string>): CopyKind | undefined {
  const source = copySourceKey(variable);
  if (!source) return undefined;
  const mode = siblings?.get('create_mode') ?? siblings?.get('createMode');
  return copyKey(variable).startsWith('sourceserver') && mode && /replica/i.test(mode) ? 'replica' : source.copy;
}

/** How a key makes a database from another's data, when it is one of the keys that do. */
export function isCopyKey(variable: string): CopyKind | undefined {
  return COPY_SOURCES[copyKey(variable)]?.copy;
}

/** `snapshot_identifier`, `SnapshotIdentifier`, `acme:snapshotIdentifier` (a Pulumi config key) -> `snapshotidentifier`. */
function copyKey(variable: string): string {
  return variable.slice(variable.lastIndexOf(':') + 1).replace(/[_-]/g, '').toLowerCase();
}

/**
 * The provider's key an External Secrets `ExternalSecret` reads: `data[].remoteRef.key`, the whole secret
 * `dataFrom[].extract.key` unpacks, and what `dataFrom[].find` matches (its `path` prefix, its `name.regexp`).
 */
function isExternalSecretKey(variable: string, path: ReadonlyArray<string | number>): boolean {
  if (variable === 'key') return path.includes('remoteRef') || (path.includes('dataFrom') && path.includes('extract'));
  return (variable === 'path' || variable === 'regexp') && path.includes('dataFrom') && path.includes('find');
}

function isProjectVariable(variable: string, tokens: readonly string[], context: ValueContext): boolean {
  if (!tokens.includes('project') && !tokens.includes('projectid')) return false;
  const compact = variable.toLowerCase().replace(/[^a-z]/g, '');
  if (['googlecloudproject', 'gcloudproject', 'gcpproject', 'gcpprojectid', 'googleprojectid', 'googlecloudprojectid', 'firebaseprojectid', 'firebaseproject', 'cloudsdkcoreproject', 'gcloudprojectid'].includes(compact)) return true;
  if (variable === 'PROJECT_ID') return true;
  return context.projectKeys === true && ['project', 'projectid'].includes(compact);
}

/** The engine a database's settings name: a driver key, or a `type` that names an engine. */
function driverOf(siblings: ReadonlyMap<string, string> | undefined): string | undefined {
  if (!siblings) return undefined;
  for (const key of DRIVER_KEYS) {
    const driver = siblings.get(key);
    if (driver !== undefined) return driver;
  }
  const type = siblings.get('type');
  return type !== undefined && DATABASE_TYPES.has(type.toLowerCase()) ? type : undefined;
}

function engineName(driver: string): string {
  const lower = driver.toLowerCase();
  if (/postg|pg/.test(lower)) return 'postgres';
  if (/mysql|maria|trilogy/.test(lower)) return 'mysql';
  if (/mongo/.test(lower)) return 'mongodb';
  if (/mssql|sqlserver|tedious/.test(lower)) return 'sqlserver';
  return lower.replace(/[^a-z0-9]/g, '');
}

/** A reference a value makes by name, which is evidence when it cannot be resolved here. */
export interface NamedReference {
  identity: ResourceIdentity;
  /** Offset of the reference in the value, to place it on its own line in multi-line values. */
  offset: number;
  /** A CI secret store (GitHub `secrets.`), where every name is a secret. */
  ciSecret: boolean;
}

const REFERENCES: ReadonlyArray<{ regex: RegExp; build: (match: RegExpExecArray) => Omit<NamedReference, 'offset'> | undefined }> = [
  { regex: /\$\{\{[^}]*?\b(secrets|vars)\.([A-Za-z_][A-Za-z0-9_]*)/g, build: (m) => ({ identity: secretIdentity(m[2]!), ciSecret: m[1] === 'secrets' }) },
  { regex: /\$\{ssm(?:\([^)]*\))?:\s*([^},~]+)/g, build: (m) => ({ identity: secretIdentity(m[1]!.trim(), 'ssm'), ciSecret: true }) },
  { regex: /\{\{resolve:ssm(?:-secure)?:([^:}]+)/g, build: (m) => ({ identity: secretIdentity(m[1]!, 'ssm'), ciSecret: true }) },
  { regex: /\{\{resolve:secretsmanager:([^:}]+)/g, build: (m) => ({ identity: secretIdentity(m[1]!, 'aws-secrets-manager'), ciSecret: true }) },
  { regex: /\$\{cf(?:\([^)]*\))?:([A-Za-z0-9-]+)\.[A-Za-z0-9]+/g, build: (m) => { const id = stackIdentity('cf', m[1]!); return id ? { identity: id, ciSecret: false } : undefined; } },
  { regex: /\$\{(?!\{)(?:env:)?([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}/g, build: (m) => ({ identity: secretIdentity(m[1]!), ciSecret: false }) },
  { regex: /ENV(?:\.fetch\(\s*|\[\s*)["']([A-Za-z_][A-Za-z0-9_]*)["']/g, build: (m) => ({ identity: secretIdentity(m[1]!), ciSecret: false }) },
];

/** Named references inside a literal string value (CI expressions, `${VAR}`, ERB `ENV[...]`, `${ssm:...}`, `${cf:...}`). */
export function referencesIn(value: string): NamedReference[] {
  if (!/\$\{|\{\{|ENV/.test(value)) return [];
  const found: NamedReference[] = [];
  const seen = new Set<string>();
  for (const { regex, build } of REFERENCES) {
    regex.lastIndex = 0;
    for (let match = regex.exec(value); match; match = regex.exec(value)) {
      const built = build(match);
      if (!built || seen.has(`${match.index}:${built.identity.identity}`)) continue;
      // `${{ secrets.X }}` also matches the plain `${...}` pattern's prefix; keep the first, more specific, reading.
      if ([...seen].some((key) => key.startsWith(`${match!.index}:`))) continue;
      seen.add(`${match.index}:${built.identity.identity}`);
      found.push({ ...built, offset: match.index });
    }
  }
  return found;
}

/** A bare reference: the whole value is `$VAR` or `${VAR}` (dotenv expressions, compose interpolation). */
export function bareReference(value: string): string | undefined {
  const match = /^\$\{?([A-Za-z_][A-Za-z0-9_]*)(?::?-[^}]*)?\}?$/.exec(value.trim());
  return match ? match[1] : undefined;
}

/** True for a value that is only placeholder text for someone to fill in. */
export function isPlaceholderValue(value: string): boolean {
  return /^<[^>]*>$|^\[[^\]]*\]$|^(changeme|change-me|todo|tbd|xxx+|\*+|\.\.\.|none|null|nil|undefined|false|true)$/i.test(value.trim());
}

/** The sibling named `<prefix><suffix>` for a host variable `<prefix>HOST` (`DB_HOST` -> `DB_DATABASE`), case kept. */
function siblingWithPrefix(siblings: ReadonlyMap<string, string> | undefined, variable: string, suffixes: readonly string[]): string | undefined {
  const host = /^(.*?)(HOST(?:NAME)?)$/i.exec(variable);
  if (!siblings || !host || host[1] === '') return undefined;
  const upper = host[2] === host[2]!.toUpperCase();
  for (const suffix of suffixes) {
    const value = siblings.get(host[1] + (upper ? suffix : suffix.toLowerCase()));
    if (value !== undefined && value !== '' && !value.includes('${')) return value;
  }
  return undefined;
}

/** A sibling `host` holding a hostname rather than a template (`<%= ENV["DB_HOST"] %>`, `${DB_HOST}`) or nothing. */
function hasLiteralHost(siblings: ReadonlyMap<string, string> | undefined): boolean {
  const host = siblings?.get('host') ?? siblings?.get('hostname');
  return host !== undefined && /^[a-z0-9.-]+$/i.test(host.trim());
}

/** Client variables naming the database (`DB_DATABASE`, `DATABASE_NAME`, libpq's `PGDATABASE`); group 1 is the prefix. */
const FLAT_DATABASE_NAME = /^(DB_?|DATABASE_|PG)(?:DATABASE|NAME)$/i;

/** A sibling (`DB_HOST`, any case) holding a hostname, not a reference or nothing. */
function hasLiteralSibling(siblings: ReadonlyMap<string, string> | undefined, name: string): boolean {
  const value = siblings?.get(name) ?? siblings?.get(name.toLowerCase()) ?? siblings?.get(`${name}NAME`) ?? siblings?.get(`${name}name`.toLowerCase());
  return value !== undefined && /^[a-z0-9.-]+$/i.test(value.trim());
}

function namesOnlyProduction(name: string): boolean {
  const named = environmentsNamedIn(name);
  return named.size === 1 && named.has('production');
}
