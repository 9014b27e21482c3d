// MCP servers that can destroy cloud or database state, how a configuration entry names them, and the read-only
// brake each one offers. Shared/research/agents.md §3c.
import { READ_ONLY_USER } from '../credentials/names.js';

/** One MCP server entry as every agent's configuration writes it, flattened. */
export interface McpServerEntry {
  name: string;
  command?: string;
  args: readonly string[];
  env: Readonly<Record<string, string>>;
  headers: Readonly<Record<string, string>>;
  url?: string;
}

export interface McpServerKind {
  id: string;
  /** "Supabase MCP server". */
  title: string;
  matches(server: McpServerEntry): boolean;
  /** The entry turns on the server's read-only mode (or its write tools are off by default). */
  readOnly(server: McpServerEntry): boolean;
  /** The entry reaches a whole account whatever it points at: no project scoping, an account token. */
  accountWide(server: McpServerEntry): boolean;
  /** What its tools can do at full power. */
  reach: string;
  /** The stores it acts on: every store of `platform` when it is account-wide, stores of `engine` otherwise. */
  stores?: { platform?: string; engine?: string };
  /** How to brake it. */
  fix: string;
  reference: string;
}

const words = (server: McpServerEntry): string[] => [server.command ?? '', ...server.args, server.url ?? ''];
const mentions = (server: McpServerEntry, pattern: RegExp): boolean => words(server).some((word) => pattern.test(word));
const hasArg = (server: McpServerEntry, pattern: RegExp): boolean => server.args.some((arg) => pattern.test(arg));
const truthy = (value: string | undefined): boolean => value !== undefined && /^(?:true|1|yes|on)$/i.test(value.trim());
const envNamed = (server: McpServerEntry, name: string): boolean => Object.keys(server.env).some((key) => key.toUpperCase() === name);

/** Read-only switches common to many servers: `--read-only`, `READ_ONLY=true`, `X-...-Read-Only: true`, `?read_only=true`. */
export function genericReadOnly(server: McpServerEntry): boolean {
  if (hasArg(server, /^--?(?:read[-_]?only|readonly)(?:=true)?$/i)) return true;
  if (hasArg(server, /^--access-mode[= ]restricted$/i)) return true;
  for (const [key, value] of Object.entries(server.env)) if (/read[-_]?only/i.test(key) && truthy(value)) return true;
  for (const [key, value] of Object.entries(server.headers)) if (/read[-_]?only/i.test(key) && truthy(value)) return true;
  if (server.url && /[?&](?:read[-_]?only)=(?:true|1)\b|\/readonly(?:\/|$|\?)/i.test(server.url)) return true;
  return false;
}

/** Host labels of a read replica or a reader endpoint (`orders-replica.internal`, Aurora's `cluster-ro-…`), the TLD left out. */
const REPLICA_HOST = /(?:^|[.-])(?:replica|read-?replica|reader|ro)(?:[.-]|$)/i;

/**
 * The database itself refuses writes: every connection string the entry gives the server (argument or environment)
 * logs in as a read-only user (`reporting_ro`, `readonly`) or at a read replica, whatever the server allows.
 */
function readOnlyConnection(server: McpServerEntry, scheme: RegExp): boolean {
  const urls = [...server.args, ...Object.values(server.env)].map((value) => value.trim()).filter((value) => scheme.test(value));
  if (urls.length === 0) return false;
  return urls.every((value) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return false;
    }
    const host = url.hostname.split('.').slice(0, -1).join('.');
    return READ_ONLY_USER.test(decodeURIComponent(url.username)) || REPLICA_HOST.test(host);
  });
}

/** Supabase's feature groups whose tools only read: the docs, logs and advisors, project URLs and generated types. */
const SUPABASE_READ_FEATURES = new Set(['docs', 'debugging', 'development']);

function supabaseFeaturesReadOnly(server: McpServerEntry): boolean {
  const index = server.args.findIndex((arg) => /^--features(?:=|$)/.test(arg));
  const written =
    index === -1 ? /[?&]features=([^&#]+)/.exec(server.url ?? '')?.[1] : server.args[index]!.includes('=') ? server.args[index]!.slice(server.args[index]!.indexOf('=') + 1) : server.args[index + 1];
  if (!written) return false;
  const features = decodeURIComponent(written).split(',').map((feature) => feature.trim().toLowerCase()).filter(Boolean);
  return features.length > 0 && features.every((feature) => SUPABASE_READ_FEATURES.has(feature));
}

/** The tool categories and names a MongoDB entry disables: `--disabledTools create update delete`, or the variable. */
function mongoDisabled(server: McpServerEntry): Set<string> {
  const disabled = new Set<string>();
  const index = server.args.findIndex((arg) => /^--disabledTools(?:=|$)/.test(arg));
  if (index !== -1) {
    const inline = server.args[index]!.split('=')[1];
    const values = inline !== undefined ? [inline] : server.args.slice(index + 1).filter((_, at, rest) => !rest.slice(0, at + 1).some((arg) => arg.startsWith('-')));
    for (const value of values) for (const name of value.split(',')) disabled.add(name.trim().toLowerCase());
  }
  for (const name of (server.env['MDB_MCP_DISABLED_TOOLS'] ?? '').split(',')) if (name.trim()) disabled.add(name.trim().toLowerCase());
  return disabled;
}

export const MCP_SERVER_KINDS: readonly McpServerKind[] = [
  {
    id: 'supabase',
    stores: { platform: 'supabase', engine: 'postgres' },
    title: 'Supabase MCP server',
    matches: (server) => mentions(server, /@supabase\/mcp-server-supabase|(?:^|\/\/)mcp\.supabase\.com/i),
    // `--features=docs,debugging` (or `?features=` on the hosted URL) leaves out every group with a write tool.
    readOnly: (server) => genericReadOnly(server) || supabaseFeaturesReadOnly(server),
    accountWide: (server) =>
      !hasArg(server, /^--project-ref(?:=|$)/) && !/[?&]project_ref=/.test(server.url ?? '') && !envNamed(server, 'SUPABASE_PROJECT_REF'),
    reach: 'runs SQL, applies migrations and manages branches and edge functions in every project of the account',
    fix: 'add --read-only and --project-ref=<ref> (or ?read_only=true&project_ref=<ref> on the hosted URL)',
    reference: 'https://github.com/supabase-community/supabase-mcp',
  },
  {
    id: 'neon',
    stores: { platform: 'neon', engine: 'postgres' },
    title: 'Neon MCP server',
    matches: (server) => mentions(server, /@neondatabase\/mcp-server-neon|(?:^|\/\/)mcp\.neon\.tech/i),
    readOnly: genericReadOnly,
    // An API key (the local server's NEON_API_KEY, or a Bearer key sent to the hosted server) is the account's.
    // `?projectId=` on the hosted URL scopes the server to one project, whatever the key could reach.
    accountWide: (server) =>
      !/[?&]projectId=/.test(server.url ?? '') &&
      (envNamed(server, 'NEON_API_KEY') || hasArg(server, /^start$/) || Object.keys(server.headers).some((key) => key.toLowerCase() === 'authorization')),
    reach: 'deletes projects and branches and runs SQL across the Neon account',
    fix: 'send the X-READ-ONLY: true header to the remote server (or use a read-only OAuth grant)',
    reference: 'https://github.com/neondatabase/mcp-server-neon',
  },
  {
    id: 'railway-community',
    stores: { platform: 'railway' },
    title: 'community Railway MCP server',
    matches: (server) =>
      !mentions(server, /@railway\/mcp-server/i) && (mentions(server, /railway-mcp|mcp-server-railway|railway-mcp-server/i) || envNamed(server, 'RAILWAY_API_TOKEN')),
    readOnly: () => false,
    accountWide: (server) => envNamed(server, 'RAILWAY_API_TOKEN'),
    reach: 'deletes Railway projects, services, variables and volumes with the account token it holds',
    fix: 'use the official @railway/mcp-server (no destructive tools) or a project token bound to a non-production environment',
    reference: 'https://docs.railway.com/ai/mcp-server',
  },
  {
    id: 'postgres',
    stores: { engine: 'postgres' },
    title: 'PostgreSQL MCP server',
    matches: (server) =>
      mentions(server, /server-postgres|postgres-mcp|mcp-server-postgres|postgres-mcp-server|pg-mcp/i) ||
      [...server.args, ...Object.values(server.env)].some((value) => /^postgres(?:ql)?:\/\//i.test(value.trim())),
    // @modelcontextprotocol/server-postgres calls itself read-only, but `COMMIT; DROP ...` escapes its transaction.
    readOnly: (server) => readOnlyConnection(server, /^postgres(?:ql)?:\/\//i) || (!mentions(server, /@modelcontextprotocol\/server-postgres/) && genericReadOnly(server)),
    accountWide: () => false,
    reach: 'runs SQL, DROP and DELETE included',
    fix: 'point it at a read replica or a read-only role, and use a server with an enforced read-only mode (postgres-mcp --access-mode=restricted)',
    reference: 'https://github.com/crystaldba/postgres-mcp',
  },
  {
    id: 'mysql',
    stores: { engine: 'mysql' },
    title: 'MySQL MCP server',
    matches: (server) =>
      mentions(server, /mcp-server-mysql|mysql-mcp/i) || [...server.args, ...Object.values(server.env)].some((value) => /^mysql:\/\//i.test(value.trim())),
    readOnly: (server) =>
      genericReadOnly(server) ||
      readOnlyConnection(server, /^mysql:\/\//i) ||
      (mentions(server, /mcp-server-mysql/i) && !['ALLOW_INSERT_OPERATION', 'ALLOW_UPDATE_OPERATION', 'ALLOW_DELETE_OPERATION', 'ALLOW_DDL_OPERATION'].some((key) => truthy(server.env[key]))),
    accountWide: () => false,
    reach: 'runs SQL, DROP and DELETE included',
    fix: 'connect with a read-only user and leave the ALLOW_*_OPERATION switches off',
    reference: 'https://github.com/benborla/mcp-server-mysql',
  },
  {
    id: 'mongodb',
    stores: { platform: 'mongodb-atlas', engine: 'mongo' },
    title: 'MongoDB MCP server',
    matches: (server) => mentions(server, /mongodb-mcp-server/i),
    // `--disabledTools create update delete` (or MDB_MCP_DISABLED_TOOLS) turns off every category that writes.
    readOnly: (server) => genericReadOnly(server) || ['create', 'update', 'delete'].every((category) => mongoDisabled(server).has(category)),
    accountWide: (server) => envNamed(server, 'MDB_MCP_API_CLIENT_ID') || hasArg(server, /^--apiClientId/),
    reach: 'drops collections and databases and manages Atlas clusters (writes are on by default)',
    fix: 'add --readOnly (or MDB_MCP_READ_ONLY=true)',
    reference: 'https://www.mongodb.com/docs/mcp-server/security-best-practices/',
  },
  {
    id: 'planetscale',
    // Vitess (MySQL) or Postgres: the engine is not in the entry.
    stores: { platform: 'planetscale' },
    title: 'PlanetScale MCP server',
    // The hosted server; its `planetscale-insights-only` twin has no query tools at all.
    matches: (server) => mentions(server, /(?:^|\/\/)mcp\.pscale\.dev\/mcp\/planetscale\b/i),
    readOnly: (server) => genericReadOnly(server) || mentions(server, /mcp\.pscale\.dev\/mcp\/planetscale-insights-only/i),
    // A service token in the Authorization header (`<id>:<token>`) is the organization's, not one database's.
    accountWide: (server) => Object.keys(server.headers).some((key) => key.toLowerCase() === 'authorization'),
    reach: 'runs write SQL (planetscale_execute_write_query: INSERT, UPDATE, DELETE, DDL) on the databases and branches of the organization',
    fix: 'use https://mcp.pscale.dev/mcp/planetscale-insights-only, or a service token without connect_production_branch (read-only connect permissions only)',
    reference: 'https://planetscale.com/docs/connect/mcp',
  },
  {
    id: 'aws-api',
    stores: { platform: 'aws' },
    title: 'AWS API MCP server',
    matches: (server) => mentions(server, /awslabs\.aws-api-mcp-server/i),
    readOnly: (server) => truthy(server.env['READ_OPERATIONS_ONLY']) || truthy(server.env['REQUIRE_MUTATION_CONSENT']),
    accountWide: () => true,
    reach: 'calls any AWS API the profile allows, deletes included',
    fix: 'set READ_OPERATIONS_ONLY=true (or REQUIRE_MUTATION_CONSENT=true) and use a read-only profile',
    reference: 'https://pypi.org/project/awslabs.aws-api-mcp-server/',
  },
  {
    id: 'awslabs-write',
    stores: { platform: 'aws' },
    title: 'AWS Labs MCP server with writes on',
    matches: (server) => mentions(server, /awslabs\.[\w-]+-mcp-server/i) && !mentions(server, /awslabs\.aws-api-mcp-server/i),
    // The other awslabs servers are read-only until --allow-write (or ALLOW_WRITE) turns writes on.
    readOnly: (server) => !hasArg(server, /^--allow-write$/) && !truthy(server.env['ALLOW_WRITE']),
    accountWide: () => true,
    reach: 'creates, changes and deletes AWS resources with the profile it runs as',
    fix: 'drop --allow-write (and ALLOW_WRITE) and use a read-only profile',
    reference: 'https://awslabs.github.io/mcp/',
  },
  {
    id: 'heroku',
    stores: { platform: 'heroku', engine: 'postgres' },
    title: 'Heroku MCP server',
    // `npx -y @heroku/mcp-server` with HEROKU_API_KEY, or `heroku mcp:start` on the CLI's own login.
    matches: (server) =>
      mentions(server, /@heroku\/mcp-server|(?:^|\/)heroku-mcp-server\b|^heroku\s+mcp:start\b/i) || (/(?:^|\/)heroku$/.test(server.command ?? '') && server.args[0] === 'mcp:start'),
    // It has no read-only mode, and the token (or CLI session) it runs on reaches every app the user can.
    readOnly: () => false,
    accountWide: () => true,
    reach: "runs any SQL on every app's Postgres database (pg_psql), destroys add-ons, and deploys, scales and transfers apps across the Heroku account",
    fix: 'run it on a token created with `heroku authorizations:create --scope read` (no config vars, no writes), for a user who is not a collaborator on production apps',
    reference: 'https://github.com/heroku/heroku-mcp-server',
  },
  {
    id: 'github',
    title: 'GitHub MCP server',
    matches: (server) => mentions(server, /server-github|github-mcp-server|api\.githubcopilot\.com\/mcp/i),
    readOnly: genericReadOnly,
    accountWide: () => false,
    reach: 'pushes, merges and edits workflows with the token it holds',
    fix: 'add --read-only (GITHUB_READ_ONLY=1, or the /readonly URL) and narrow --toolsets',
    reference: 'https://github.com/github/github-mcp-server/blob/main/docs/server-configuration.md',
  },
  {
    id: 'cloudflare',
    stores: { platform: 'cloudflare' },
    title: 'Cloudflare MCP server',
    matches: (server) => mentions(server, /@cloudflare\/mcp-server-cloudflare|mcp\.cloudflare\.com/i),
    readOnly: genericReadOnly,
    accountWide: () => false,
    reach: 'changes DNS, Workers, R2 and D1 with whatever the token grants',
    fix: 'use a token scoped to read permissions on one zone or account',
    reference: 'https://github.com/cloudflare/mcp-server-cloudflare',
  },
  {
    id: 'kubernetes',
    stores: { platform: 'kubernetes' },
    title: 'Kubernetes MCP server',
    matches: (server) => mentions(server, /mcp-server-kubernetes|kubernetes-mcp-server|k8s-mcp/i),
    readOnly: (server) =>
      genericReadOnly(server) ||
      readOnlyConnection(server, /^mysql:\/\//i) || truthy(server.env['ALLOW_ONLY_NON_DESTRUCTIVE_TOOLS']) || hasArg(server, /^--disable-destructive$/) || /read-?only/i.test(server.env['K8S_MODE'] ?? ''),
    accountWide: () => false,
    reach: 'deletes and applies Kubernetes resources and execs into pods',
    fix: 'set ALLOW_ONLY_NON_DESTRUCTIVE_TOOLS=true (or --read-only) and use a read-only kubeconfig context',
    reference: 'https://github.com/Flux159/mcp-server-kubernetes',
  },
];

export function mcpServerKind(server: McpServerEntry): McpServerKind | undefined {
  return MCP_SERVER_KINDS.find((kind) => kind.matches(server));
}

/**
 * MCP tool names whose auto-approval lets the agent change or destroy state. Names that say they read first
 * (`read_query`, SQLite's SELECT-only tool; `get_`, `list_`, `search_`) or fetch documentation (Context7's
 * `query-docs`) do not. Tools that run any command or API call count too: the AWS API server's `call_aws` (any AWS
 * CLI command), Amazon Q's `use_aws`, a server's `run_command` or `shell`.
 */
export const WRITE_TOOL_NAME = /^(?!(?:read|get|list|search|describe|resolve|fetch|find|show|explain)[-_]|.*[-_]docs?$).*(?:delete|drop|destroy|remove|reset|truncate|purge|terminate|execute|exec|run_?sql|sql|query|apply|migrat|write|update|deploy|create|insert|push|merge|kill|restore|call_aws|use_aws|run_?command|shell|invoke)/i;
