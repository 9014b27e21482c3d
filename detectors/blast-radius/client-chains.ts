// Pairs a production database login an agent can read with a permission that lets the same agent run that database's
// client (or any command) without a human: `Bash(psql:*)` beside `DATABASE_URL=postgres://app:…@prod-db…` is one
// `DROP TABLE` from the incident. An application user owns the tables it serves, so no superuser is needed, and no
// store has to be declared: the login names the production server itself.
import type { FactReader } from '../../src/model.js';
import type { AgentGrant, Credential, DataStore } from '../../src/facts/index.js';
import { isTestOrExamplePath } from '../../src/paths.js';
import { clientOpens, engineOfScheme, loadsLoginItself } from '../../knowledge/agents/database-clients.js';
import { connectionUrlAround } from '../../knowledge/credentials/generic.js';
import { READ_ONLY_USER } from '../../knowledge/credentials/names.js';
import { environmentsNamedIn } from '../../knowledge/environments/names.js';
import { isProductionStore } from './chains.js';

export interface ClientChain {
  credential: Credential;
  grant: AgentGrant;
  engine: string;
  host: string;
  user: string;
  /** The production store the repository declares on that host, when it declares one. */
  store?: DataStore;
  /** The tool loads the login from its file itself (Prisma and `.env`): the agent need not read it. */
  loadedByTool: boolean;
}

const IN_CLUSTER = /\.svc(?:\.cluster\.local)?$/;

/** Grants that run every command, a database client included. */
const ANY_COMMAND = new Set(['shell', 'bypass-mode']);

/** The engine a password variable's name gives (`PGPASSWORD`, `POSTGRES_PASSWORD`, `MYSQL_PWD`), and its siblings' prefix. */
const PASSWORD_VARIABLE: ReadonlyArray<[RegExp, string]> = [
  [/^(PG|POSTGRES(?:QL)?_?)(?:PASSWORD|PASS)$/i, 'postgres'],
  [/^(MYSQL_?|MARIADB_?)(?:PASSWORD|PWD|PASS)$/i, 'mysql'],
  [/^(MONGO(?:DB)?_?)(?:PASSWORD|PASS)$/i, 'mongo'],
  // A framework's or migration tool's connection block, whose siblings name the engine: Django's `PASSWORD` beside
  // `ENGINE` and `HOST`, Sequelize's `password` beside `dialect`, `flyway.password` beside `flyway.url`.
  [/^((?:flyway|liquibase|spring\.datasource)\.)?password$/i, ''],
];

/** The engine a driver or adapter name gives (`django.db.backends.postgresql`, `mysql2`, `pg`, `mssql`). */
function engineOfDriver(name: string): string | undefined {
  const driver = name.toLowerCase().split('.').pop()!;
  if (/^(?:pg|postgres|postgresql|postgis|psycopg2?|cockroachdb)$/.test(driver)) return 'postgres';
  if (/^(?:mysql2?|mariadb|trilogy)$/.test(driver)) return 'mysql';
  if (/^(?:mssql|tedious|sql_server|sqlserver)$/.test(driver)) return 'mssql';
  return undefined;
}

/**
 * The login a database password's siblings spell out (`PGHOST`, `PGUSER` beside `PGPASSWORD`): a host, which the
 * agent's client connects to with the password given on its command line.
 */
function passwordLogin(credential: Credential): { engine: string; host: string; user: string } | undefined {
  if (credential.kind !== 'hardcoded-password' || !credential.variable) return undefined;
  for (const [pattern, named] of PASSWORD_VARIABLE) {
    const prefix = pattern.exec(credential.variable)?.[1] ?? (pattern.test(credential.variable) ? '' : undefined);
    if (prefix === undefined) continue;
    const values = credential.siblingValues ?? {};
    const sibling = (suffixes: readonly string[]): string =>
      suffixes.flatMap((suffix) => [`${prefix}${suffix}`, `${prefix}${suffix}`.toLowerCase(), `${prefix}${suffix.toLowerCase()}`]).map((key) => values[key]).find(Boolean) ?? '';
    // A JDBC or connection URL beside the password names the engine and the host (`flyway.url=jdbc:postgresql://…`).
    const url = /^(?:jdbc:)?([a-z][a-z0-9+]*):\/\/(?:[^@/\s]*@)?([^/:;?\s]+)/i.exec(sibling(['URL', 'JDBC_URL']));
    const engine = named || engineOfDriver(sibling(['ENGINE', 'DIALECT', 'ADAPTER', 'CLIENT'])) || (url ? engineOfScheme(url[1]!) : undefined);
    if (!engine) return undefined;
    const host = sibling(['HOST', 'HOSTNAME', 'SERVER']) || url?.[2] || '';
    return { engine, host: host.toLowerCase(), user: sibling(['USER', 'USERNAME']) };
  }
  return undefined;
}

/** The server a login opens, when it is a connection URL (or a password beside its host) to a remote production database. */
function productionLogin(credential: Credential): { engine: string; host: string; user: string } | undefined {
  if (!credential.line) return undefined;
  const login = passwordLogin(credential) ?? urlLogin(credential);
  // A compose service (`db`) or a Kubernetes Service name answers only inside its network: a client on the developer's
  // machine reaches it only through another command (a port-forward) the rule does not allow.
  if (!login || !login.host.includes('.') || IN_CLUSTER.test(login.host) || READ_ONLY_USER.test(login.user)) return undefined;
  // The file or variable says production, or, with neither saying otherwise, the server's own name does.
  const named = environmentsNamedIn(login.host.split('.').slice(0, 3).join('.'));
  const production = credential.environment === 'production' || (credential.environment === undefined && named.size === 1 && named.has('production'));
  return production ? login : undefined;
}

function urlLogin(credential: Credential): { engine: string; host: string; user: string } | undefined {
  const url = connectionUrlAround(credential.line!, credential.value);
  const engine = url && engineOfScheme(url.scheme);
  return url && engine ? { engine, host: url.host, user: url.user } : undefined;
}

/** Can this grant run the login's client for this agent, unasked? */
function runsClient(grant: AgentGrant, engine: string, path: string): boolean {
  return ANY_COMMAND.has(grant.grant) || (grant.grant === 'destructive-command' && grant.reaches !== undefined && clientOpens(grant.reaches, engine, path));
}

/** Credentials already in a chain of their own (`covered`) are left to it. */
export function findClientChains(facts: FactReader, covered: ReadonlySet<string>): ClientChain[] {
  const grants = facts.all('agent-grant').filter((grant) => grant.effective && (ANY_COMMAND.has(grant.grant) || grant.grant === 'destructive-command'));
  if (grants.length === 0) return [];
  const stores = facts.all('data-store').filter(isProductionStore);
  const chains: ClientChain[] = [];
  for (const credential of facts.all('credential')) {
    if (covered.has(credential.id) || credential.scope === 'test' || credential.scope === 'public') continue;
    if (credential.inDocumentation || credential.throwaway || credential.location.commit !== undefined || isTestOrExamplePath(credential.location.path)) continue;
    const login = productionLogin(credential);
    if (!login) continue;
    const path = credential.location.path;
    const loads = (candidate: AgentGrant): boolean => candidate.reaches !== undefined && candidate.grant === 'destructive-command' && loadsLoginItself(candidate.reaches, path);
    const grant = grants.find((candidate) => loads(candidate) || (credential.agentReadable !== false && (credential.readableBy?.includes(candidate.agent) ?? true) && runsClient(candidate, login.engine, path)));
    if (!grant) continue;
    const store = stores.find((candidate) => candidate.identities.includes(`host:${login.host}`));
    chains.push({ credential, grant, ...login, ...(store ? { store } : {}), loadedByTool: loads(grant) });
  }
  return chains;
}
