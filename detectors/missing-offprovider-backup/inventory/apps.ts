// What an application's own code and config say: the database its ORM or framework config expects (Prisma, Drizzle,
// TypeORM, Sequelize, Rails `database.yml`, Django settings), and the marks of a deployed app (platform config files,
// "Deploy to <platform>" buttons in the README). An ORM proves a store exists, never its host or its backups.
import type { DataNode } from '../../../src/parse/data-tree.js';
import { environmentNamed, environmentOf, fileNameOf, literalOf, mapOf, type Inventory } from '../shared.js';
import { hostedDatabaseOf, storeHostedDatabase } from './hosted.js';
import { lookupTable } from '../../../src/lookup-table.js';
import { environmentOfClassOpening } from '../../../knowledge/environments/names.js';

const ORM_ENGINES: Readonly<Record<string, string>> = lookupTable({
  postgresql: 'postgres',
  postgres: 'postgres',
  pg: 'postgres',
  postgis: 'postgres',
  cockroachdb: 'postgres',
  mysql: 'mysql',
  mysql2: 'mysql',
  mariadb: 'mysql',
  trilogy: 'mysql',
  singlestore: 'mysql',
  sqlserver: 'mssql',
  mssql: 'mssql',
  mongodb: 'mongo',
});

export function isOrmConfig(path: string): boolean {
  const name = fileNameOf(path).toLowerCase();
  return (
    name.endsWith('.prisma') ||
    /^drizzle\.config\.(ts|js|mjs|cjs|json)$/.test(name) ||
    /^ormconfig\.(json|ya?ml|js|ts)$/.test(name) ||
    /(^|\/)config\/database\.ya?ml$/.test(path) ||
    /(^|\/)config\/config\.json$/.test(path) ||
    /^knexfile\.(js|ts|cjs|mjs)$/.test(name) ||
    (/\.py$/.test(name) && (/^settings/.test(name) || /(^|\/)settings\//.test(path))) ||
    name === 'config.py'
  );
}

function ormStore(inventory: Inventory, engine: string, tool: string, line: number, environment?: string): void {
  inventory.store({
    platform: 'unknown',
    engine,
    name: tool,
    environment: environment ?? environmentOf(inventory.path, []),
    location: inventory.line(line),
    identities: [],
    declaredBy: 'usage',
  });
}

export function scanOrm(inventory: Inventory): void {
  const path = inventory.path;
  const name = fileNameOf(path).toLowerCase();
  const text = inventory.file.text;
  if (name.endsWith('.prisma')) {
    const match = /datasource\s+\w+\s*\{[^}]*?provider\s*=\s*"(\w+)"/.exec(text);
    const engine = match ? ORM_ENGINES[match[1]!] : undefined;
    if (match && engine) ormStore(inventory, engine, 'Prisma schema', inventory.file.positionAt(match.index).line);
    return;
  }
  if (/^drizzle\.config\./.test(name)) {
    const match = /\b(?:dialect|driver)\s*:\s*['"](\w+)['"]/.exec(text);
    const engine = match ? ORM_ENGINES[match[1]!] : undefined;
    if (match && engine && !storeHostedInScript(inventory, engine)) ormStore(inventory, engine, 'Drizzle config', inventory.file.positionAt(match.index).line);
    return;
  }
  if (/^ormconfig\./.test(name) || /^knexfile\./.test(name)) {
    const match = /\b(?:type|client)['"]?\s*:\s*['"](\w+)['"]/.exec(text);
    const engine = match ? ORM_ENGINES[match[1]!] : undefined;
    if (match && engine && !storeHostedInScript(inventory, engine)) ormStore(inventory, engine, name.startsWith('knex') ? 'Knex config' : 'TypeORM config', inventory.file.positionAt(match.index).line);
    return;
  }
  if (/(^|\/)config\/database\.ya?ml$/.test(path) || /(^|\/)config\/config\.json$/.test(path)) {
    // Rails and Sequelize: the production section names the adapter.
    const root = mapOf(inventory.file.data()?.roots[0]);
    const production = root?.entries.find((entry) => entry.key === 'production');
    if (!production) return;
    const adapter = literalOf(deepGet(production.value, 'adapter')) ?? literalOf(deepGet(production.value, 'dialect'));
    const engine = adapter ? ORM_ENGINES[adapter.toLowerCase()] : undefined;
    if (engine) ormStore(inventory, engine, path.endsWith('.json') ? 'Sequelize config' : 'Rails database.yml', production.keySpan.line, 'production');
    return;
  }
  if (name.endsWith('.py')) {
    const match = /['"]ENGINE['"]\s*:\s*['"]django\.db\.backends\.(postgresql(?:_psycopg2)?|mysql|oracle)['"]|(dj_database_url)\.(?:config|parse)\(/.exec(text);
    if (!match) {
      const flask = flaskProductionDatabase(text);
      const hosted = flask && hostedDatabaseOf(flask.url);
      if (hosted) storeHostedDatabase(inventory, hosted, inventory.file.positionAt(flask.index).line, 'production');
      return;
    }
    const engine = match[1] ? (match[1].startsWith('postgresql') ? 'postgres' : match[1] === 'mysql' ? 'mysql' : 'database') : 'database';
    const line = inventory.file.positionAt(match.index).line;
    const hosted = djangoHostedDatabase(text, engine);
    if (hosted) storeHostedDatabase(inventory, hosted, line, environmentOf(inventory.path, []));
    else ormStore(inventory, engine, 'Django settings', line);
  }
}

/**
 * The hosted database a Django settings module names: `dj_database_url.config(default="postgres://...")`, or the
 * `HOST` (with the `USER` that names the tenant on a shared pooler) of its `DATABASES` entry.
 */
function djangoHostedDatabase(text: string, engine: string): ReturnType<typeof hostedDatabaseOf> {
  const url = /\b(?:dj_database_url|db_url)\.(?:config|parse)\(\s*(?:default\s*=\s*)?['"]([^'"\n]+)['"]/.exec(text);
  if (url) return hostedDatabaseOf(url[1]!);
  const host = /['"]HOST['"]\s*:\s*['"]([^'"\n]+)['"]/.exec(text)?.[1];
  if (!host) return undefined;
  const user = /['"]USER['"]\s*:\s*['"]([^'"@:/\n]+)['"]/.exec(text)?.[1];
  const scheme = engine === 'mysql' ? 'mysql' : 'postgres';
  return hostedDatabaseOf(`${scheme}://${user ? `${user}@` : ''}${host}`);
}

/** A host or connection URL given literally in a JavaScript or TypeScript ORM config (`host: 'orders.….rds.amazonaws.com'`). */
const SCRIPT_CONNECTION = /\b(?:host|hostname|server|url|connection|connectionString)['"]?\s*:\s*['"]([^'"\s]+)['"]/g;
/** A key opening an object (`production: {`, `"staging": {`), the environment a knexfile's or ormconfig's block is for. */
const SCRIPT_BLOCK_KEY = /['"]?([A-Za-z][\w-]*)['"]?\s*:\s*\{/g;

/**
 * The hosted databases an ORM config names literally, each with the environment of the block it sits in (a knexfile
 * keeps `development`, `staging` and `production` side by side): true when it named one.
 */
function storeHostedInScript(inventory: Inventory, engine: string): boolean {
  const text = inventory.file.text;
  const scheme = engine === 'mysql' ? 'mysql' : engine === 'mssql' ? 'mssql' : 'postgres';
  const blocks = [...text.matchAll(SCRIPT_BLOCK_KEY)].flatMap((key) => {
    const environment = environmentNamed(key[1]);
    return environment ? [{ at: key.index, environment }] : [];
  });
  let stored = false;
  let block = -1;
  for (const match of text.matchAll(SCRIPT_CONNECTION)) {
    while (block + 1 < blocks.length && blocks[block + 1]!.at < match.index) block++;
    const value = match[1]!;
    const hosted = hostedDatabaseOf(/^[a-z][a-z0-9+]*:\/\//i.test(value) ? value : `${scheme}://${value}`);
    if (!hosted) continue;
    storeHostedDatabase(inventory, hosted, inventory.file.positionAt(match.index).line, blocks[block]?.environment ?? environmentOf(inventory.path, []));
    stored = true;
  }
  return stored;
}

/** Mix's production config: `config/prod.exs`, and `config/runtime.exs`, which Phoenix writes for releases. */
export function isMixProductionConfig(path: string): boolean {
  return /(^|\/)config\/(?:prod|runtime)\.exs$/.test(path);
}

/**
 * The Ecto repository a Mix production config sets up: `config :shop, Shop.Repo,` with its `url: "ecto://…"` or its
 * `hostname:` (and `username:`), a hosted database when the host says whose; else a database of unknown placement.
 */
export function scanEctoConfig(inventory: Inventory): void {
  const text = inventory.file.text;
  // The block runs to the next line at the margin (`config …`, `if …`, `end`).
  const block = /^[ \t]*config\s+:\w+\s*,\s*[\w.]*Repo\s*,([^]*?)(?=\n\S|$(?![^]))/m.exec(text);
  if (!block) return;
  const body = block[1]!;
  const line = inventory.file.positionAt(block.index + block[0].search(/\S/)).line;
  // Ecto's URL names no engine: Phoenix generates Postgres (Postgrex) unless the project chose MyXQL.
  const scheme = /\bMyXQL\b|:myxql\b/.test(text) ? 'mysql' : 'postgres';
  const url = /\burl:\s*"ecto:\/\/([^"\n]+)"/.exec(body)?.[1];
  const host = /\bhostname:\s*"([^"\n]+)"/.exec(body)?.[1];
  const user = /\busername:\s*"([^"@:/\n]+)"/.exec(body)?.[1];
  const hosted = url ? hostedDatabaseOf(`${scheme}://${url}`) : host ? hostedDatabaseOf(`${scheme}://${user ? `${user}@` : ''}${host}`) : undefined;
  if (hosted) storeHostedDatabase(inventory, hosted, line, 'production');
  else ormStore(inventory, scheme, 'Ecto config', line, 'production');
}

const PYTHON_CLASS = /^class\s.*$/gm;
const SQLALCHEMY_URL = /\b(?:SQLALCHEMY_DATABASE_URI|DATABASE_URL|DATABASE_URI)\s*=\s*(?:os\.(?:environ\.get|getenv)\(\s*['"]\w+['"]\s*,\s*)?['"]([a-z][a-z0-9+]*:\/\/[^'"\s]+)['"]/;

/** Flask's production configuration class (`class ProductionConfig(Config):`) and the database URL it sets or falls back to. */
function flaskProductionDatabase(text: string): { url: string; index: number } | undefined {
  if (!text.includes('class ')) return undefined;
  for (const opened of text.matchAll(PYTHON_CLASS)) {
    if (environmentOfClassOpening(opened[0])?.environment !== 'production') continue;
    const start = opened.index + opened[0].length;
    // The class body runs to the next line at the margin.
    const end = text.slice(start).search(/\n\S/);
    const body = end === -1 ? text.slice(start) : text.slice(start, start + end);
    const url = SQLALCHEMY_URL.exec(body);
    if (url) return { url: url[1]!, index: start + url.index };
  }
  return undefined;
}

/** TypeORM `new DataSource({ type: "postgres", ... })` in application source. */
export function scanTypeormSource(inventory: Inventory): void {
  const match = /new\s+DataSource\(\s*\{[^}]*?\btype\s*:\s*['"](\w+)['"]/s.exec(inventory.file.text);
  const engine = match ? ORM_ENGINES[match[1]!] : undefined;
  if (match && engine) ormStore(inventory, engine, 'TypeORM data source', inventory.file.positionAt(match.index).line);
}

function deepGet(node: DataNode | undefined, key: string): DataNode | undefined {
  const map = mapOf(node);
  if (!map) return undefined;
  // `production: { primary: { adapter: ... } }` (Rails multi-db) as well as the flat form.
  for (const entry of map.entries) {
    if (entry.key === key) return entry.value;
  }
  for (const entry of map.entries) {
    const found = mapOf(entry.value) ? deepGet(entry.value, key) : undefined;
    if (found) return found;
  }
  return undefined;
}

/** Files whose presence says the app is deployed somewhere, and by what. */
const DEPLOY_FILES: Array<[RegExp, string]> = [
  [/(^|\/)railway\.(json|toml)$/i, 'railway'],
  [/(^|\/)\.railway\/railway\.(ts|js|py)$/i, 'railway'],
  [/(^|\/)vercel\.json$|(^|\/)\.vercel\/project\.json$/i, 'vercel'],
  [/(^|\/)netlify\.toml$/i, 'netlify'],
  [/(^|\/)Procfile$/, 'heroku'],
  [/(^|\/)render\.ya?ml$/i, 'render'],
  [/(^|\/)\.do\/(app|deploy\.template)\.ya?ml$/i, 'digitalocean'],
  [/(^|\/)app\.ya?ml$/i, 'gcp'],
  [/(^|\/)apprunner\.ya?ml$|(^|\/)Dockerrun\.aws\.json$|(^|\/)appspec\.ya?ml$|(^|\/)\.elasticbeanstalk\//i, 'aws'],
  [/(^|\/)captain-definition$/i, 'caprover'],
  [/(^|\/)\.platform\.app\.ya?ml$|(^|\/)\.platform\/(applications|services)\.ya?ml$/i, 'platform.sh'],
  [/(^|\/)(zeabur\.json|koyeb\.ya?ml)$/i, 'paas'],
  [/(^|\/)wrangler\.(toml|jsonc?)$/i, 'cloudflare'],
  // Capistrano's (and Mina's) deploy recipe: the app is shipped to servers of its own.
  [/(^|\/)config\/deploy\.rb$/, 'servers'],
];

export function deployPlatformOfPath(path: string): string | undefined {
  return DEPLOY_FILES.find(([pattern]) => pattern.test(path))?.[1];
}

export function scanDeployFile(inventory: Inventory): void {
  const platform = deployPlatformOfPath(inventory.path);
  if (!platform) return;
  // GAE's app.yaml says `runtime:`; other app.yaml files are not deploy configs.
  if (platform === 'gcp' && !/^\s*runtime\s*:/m.test(inventory.file.text)) return;
  inventory.context({ kind: 'deploys', value: platform, location: inventory.line(1) });
}

const BUTTONS: Array<[RegExp, string]> = [
  [/render\.com\/deploy/i, 'render'],
  [/heroku\.com\/deploy|herokucdn\.com\/deploy/i, 'heroku'],
  [/railway\.(app|com)\/(new\/)?(template|deploy)/i, 'railway'],
  [/vercel\.com\/(new\/clone|button)|vercel\.com\/new\?/i, 'vercel'],
  [/app\.netlify\.com\/start\/deploy/i, 'netlify'],
  [/cloud\.digitalocean\.com\/apps\/new|deploytodo\.com/i, 'digitalocean'],
  [/app\.koyeb\.com\/deploy/i, 'paas'],
  [/zeabur\.com\/templates/i, 'paas'],
  [/deploy\.cloud\.run/i, 'gcp'],
];

/**
 * PocketBase started by the app (`pocketbase serve --dir=/pb_data`, a Dockerfile's exec-form CMD): its SQLite files
 * are the app's data. Where the volume is depends on the platform, so it is a sign of a store, placed by inference.
 */
export function scanPocketBase(inventory: Inventory): void {
  const match = /\bpocketbase["']?(?:\s*,\s*["']|\s+)serve\b(?:[^\n]*?--dir[=\s]+["']?([^\s"',\]]+))?/.exec(inventory.file.text);
  if (!match) return;
  const directory = match[1] ?? 'pb_data';
  inventory.store({
    platform: 'unknown',
    engine: 'sqlite',
    name: `PocketBase data (${directory})`,
    location: inventory.line(inventory.file.positionAt(match.index).line),
    identities: [`pocketbase:${directory}`],
    declaredBy: 'usage',
    driverOnly: true,
  });
}

/** "Deploy to <platform>" buttons in a README: that platform's config is a template offered to others. */
export function scanReadme(inventory: Inventory): void {
  for (const [pattern, platform] of BUTTONS) {
    const match = pattern.exec(inventory.file.text);
    if (match) inventory.context({ kind: 'deploy-button', value: platform, location: inventory.line(inventory.file.positionAt(match.index).line) });
  }
}
