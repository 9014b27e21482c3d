// Database clients an allow rule may let an agent run, and the engines each one opens given a connection string: with
// a login the agent can read (`psql "postgres://app:…@prod-db/app" -c "DROP TABLE orders"`), the application's own
// user is enough to empty or drop every table it owns, superuser or not.

/** Engine families (as connection schemes name them) each client speaks; `*` for a client of every engine. */
const CLIENT_ENGINES: Readonly<Record<string, readonly string[]>> = {
  psql: ['postgres'],
  pgcli: ['postgres'],
  dropdb: ['postgres'],
  cockroach: ['postgres'],
  mysql: ['mysql'],
  mariadb: ['mysql'],
  mycli: ['mysql'],
  mongosh: ['mongo'],
  'redis-cli': ['redis'],
  sqlcmd: ['mssql'],
  'clickhouse-client': ['clickhouse'],
  usql: ['*'],
  // Migration and schema tools given the login on their command line (`drizzle-kit push --url=…`, `flyway clean
  // -url=…`, `supabase db reset --db-url …`, `dbmate --url … drop`, `atlas schema clean -u …`).
  'drizzle-kit push': ['postgres', 'mysql', 'mssql'],
  'sequelize db:drop': ['postgres', 'mysql', 'mssql'],
  'flyway clean': ['*'],
  'liquibase drop-all': ['*'],
  'dbmate drop': ['*'],
  atlas: ['*'],
  supabase: ['postgres'],
};

const DOTENV = /(?:^|\/)\.env$/;

/**
 * Files each tool reads the login from on its own, with no argument the agent writes: Prisma's CLI loads `.env` before
 * reading `env("DATABASE_URL")` from its schema, so `prisma migrate reset --force` drops whatever database that file
 * names; Alembic connects with `alembic.ini`'s `sqlalchemy.url`, Flyway with `flyway.conf`, Django with its settings
 * module, Rails with `config/database.yml` (`RAILS_ENV=production` picks that block).
 */
const LOGIN_FILES: Readonly<Record<string, RegExp>> = {
  'prisma migrate reset': DOTENV,
  'prisma db push --force-reset': DOTENV,
  // drizzle.config.ts imports `dotenv/config` in Drizzle's own templates, or writes the URL itself.
  'drizzle-kit push': /(?:^|\/)(?:\.env|drizzle\.config\.[cm]?[jt]s)$/,
  // Both CLIs load `.env` themselves (dotenvy), as Laravel's artisan and dbmate do.
  'diesel database reset': DOTENV,
  'sqlx database drop': DOTENV,
  'artisan migrate:fresh': DOTENV,
  'dbmate drop': DOTENV,
  'alembic downgrade': /(?:^|\/)alembic\.ini$/,
  'flyway clean': /(?:^|\/)flyway(?:\.[\w-]+)?\.(?:conf|toml)$/,
  'liquibase drop-all': /(?:^|\/)liquibase(?:\.[\w-]+)?\.properties$/,
  atlas: /(?:^|\/)atlas\.hcl$/,
  'sequelize db:drop': /(?:^|\/)config\/(?:config|database)\.json$/,
  'knex migrate:rollback': /(?:^|\/)knexfile\.[cm]?[jt]s$/,
  'rails db:drop': /(?:^|\/)config\/database\.yml$/,
  'manage.py flush': /(?:^|\/)settings(?:_[\w-]+|\/[\w-]+)?\.py$/,
  'mix ecto.drop': /(?:^|\/)config\/(?:dev|prod|runtime)\.exs$/,
  'dotnet ef database drop': /(?:^|\/)appsettings(?:\.[\w-]+)?\.json$/,
};

/** Does the tool load the login in this file on its own (the agent need not read the file)? */
export function loadsLoginItself(tool: string, path: string): boolean {
  return Object.hasOwn(LOGIN_FILES, tool) && LOGIN_FILES[tool]!.test(path);
}

/**
 * Does a client (a grant's `reaches`) open a database of this engine family with a login found at `path`: given on its
 * command line, or read from a file the tool loads itself?
 */
export function clientOpens(tool: string, engine: string, path: string): boolean {
  if (loadsLoginItself(tool, path)) return true;
  const engines = Object.hasOwn(CLIENT_ENGINES, tool) ? CLIENT_ENGINES[tool]! : undefined;
  return engines !== undefined && (engines.includes('*') || engines.includes(engine));
}

/** The engine family a connection URL's scheme names (`postgresql`, `jdbc:postgresql` -> `postgres`). */
export function engineOfScheme(scheme: string): string | undefined {
  const bare = scheme.toLowerCase().replace(/^jdbc:/, '');
  if (/^(?:postgres|postgis|cockroachdb)/.test(bare)) return 'postgres';
  if (/^(?:mysql|mariadb|trilogy)/.test(bare)) return 'mysql';
  if (/^mongo/.test(bare)) return 'mongo';
  if (/^(?:mssql|sqlserver)/.test(bare)) return 'mssql';
  if (/^(?:rediss?|valkey)$/.test(bare)) return 'redis';
  if (/^clickhouse/.test(bare)) return 'clickhouse';
  return undefined;
}

/** The option of each database client that takes the statement to run (`psql -c`, `mysql -e`, `mongosh --eval`). */
const STATEMENT_OPTIONS: Readonly<Record<string, RegExp>> = {
  psql: /^(?:-c|--command)$/,
  usql: /^(?:-c|--command)$/,
  mysql: /^(?:-e|--execute)$/,
  mariadb: /^(?:-e|--execute)$/,
  mongosh: /^--eval$/,
  sqlcmd: /^-[Qq]$/,
  'clickhouse-client': /^(?:-q|--query)$/,
};

/**
 * The client a command prefix opens to any statement: `psql -h prod-db -U postgres -d app -c` followed by anything
 * runs whatever SQL comes next, as `psql` alone would (the prefix "don't ask again" saves for a query). The prefix may
 * start with variable assignments (`PGPASSWORD=…`). Undefined when the prefix does not end on the statement option.
 */
export function clientOpenToAnyStatement(prefix: string): string | undefined {
  const words = prefix.trim().split(/\s+/);
  while (words.length > 0 && /^[A-Za-z_]\w*=/.test(words[0]!)) words.shift();
  const client = words[0] ?? '';
  const option = Object.hasOwn(STATEMENT_OPTIONS, client) ? STATEMENT_OPTIONS[client]! : undefined;
  return option && words.length > 1 && option.test(words[words.length - 1]!) ? client : undefined;
}
