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
};

/**
 * Tools that take the login from the project's `.env` on their own, with no argument the agent writes: Prisma's CLI
 * loads `.env` before reading `env("DATABASE_URL")` from its schema, so `prisma migrate reset --force` drops whatever
 * database that file names.
 */
const DOTENV_TOOLS = new Set(['prisma migrate reset', 'prisma db push --force-reset']);

/** Does the tool load the login in this file on its own (the agent need not read the file)? */
export function loadsLoginItself(tool: string, path: string): boolean {
  return DOTENV_TOOLS.has(tool) && (path === '.env' || path.endsWith('/.env'));
}

/**
 * Does a client (a grant's `reaches`) open a database of this engine family with a login found at `path`: given on its
 * command line, or, for a tool that loads the project's `.env`, read from there?
 */
export function clientOpens(tool: string, engine: string, path: string): boolean {
  if (DOTENV_TOOLS.has(tool)) return loadsLoginItself(tool, path);
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
