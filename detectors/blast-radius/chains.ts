// Lines up the links the other stages found into the incident's chain: a credential an agent can read (or an MCP
// server it calls) whose scope reaches a production data store (directly, or through a non-production environment
// that shares the store), that has no copy off its provider. Reads facts only; every link keeps the location its
// own stage reported.
import type { FactReader, RelatedLocation } from '../../src/model.js';
import type { AgentGrant, AgentTool, BackupEvidence, Credential, DataStore, EnvironmentCrossing, EnvironmentResource } from '../../src/facts/index.js';
import { actsOnDataStores, reachesEngine } from '../../knowledge/credentials/data-reach.js';
import { lookupTable } from '../../src/lookup-table.js';
import { FLY_HOST } from '../../knowledge/environments/identities.js';
import { commonNoun, withArticle } from '../../src/wording.js';
import { engineOfScheme } from '../../knowledge/agents/database-clients.js';

export interface Chain {
  credential: Credential;
  store: DataStore;
  /** The shared resource through which a non-production context reaches the store, when that is the path. */
  crossing?: EnvironmentCrossing;
  /** The credential's own scope reaches the store, shared environment or not (an account token beside both). */
  direct: boolean;
  /**
   * A credential whose scope the value does not show reaches the store because the command it is given on its line
   * names the store (`CLOUDFLARE_API_TOKEN=… wrangler d1 migrations apply shop-db --remote`).
   */
  namedOnLine?: boolean;
  /** Agent permissions that let an agent act on the credential without a human. */
  grants: AgentGrant[];
  /** What shows the credential's non-production environment inside production's account, when that is how it reaches. */
  sharedAccount?: EnvironmentCrossing;
  backups: BackupEvidence[];
}

/** Protection classes that survive losing the provider, the volume or the account. */
const SURVIVES = new Set(['off-provider', 'other-account']);

/** Which stores an account-wide credential of a provider reaches: the stores its control plane holds. */
const PROVIDER_PLATFORMS: Readonly<Record<string, readonly string[]>> = lookupTable({
  railway: ['railway'],
  aws: ['aws'],
  gcp: ['gcp'],
  azure: ['azure'],
  supabase: ['supabase'],
  neon: ['neon'],
  planetscale: ['planetscale'],
  'mongodb-atlas': ['mongodb-atlas'],
  heroku: ['heroku'],
  fly: ['fly'],
  render: ['render'],
  digitalocean: ['digitalocean'],
  kubernetes: ['kubernetes'],
  cloudflare: ['cloudflare'],
  hetzner: ['hetzner'],
  linode: ['linode'],
  vultr: ['vultr'],
});

/** Hostname suffixes that say which platform holds a database or volume. */
const HOST_PLATFORMS: ReadonlyArray<[RegExp, string]> = [
  [/\.(?:proxy\.rlwy\.net|railway\.internal|up\.railway\.app|railway\.app)$/, 'railway'],
  [/\.(?:supabase\.co|supabase\.com)$/, 'supabase'],
  [/\.neon\.tech$/, 'neon'],
  [/\.psdb\.cloud$/, 'planetscale'],
  [/\.mongodb\.net$/, 'mongodb-atlas'],
  [/\.(?:rds\.amazonaws\.com|amazonaws\.com)$/, 'aws'],
  [/\.(?:render\.com)$|^dpg-|^red-/, 'render'],
  [FLY_HOST, 'fly'],
  [/\.(?:database\.windows\.net|database\.azure\.com|documents\.azure\.com)$/, 'azure'],
  [/\.db\.ondigitalocean\.com$/, 'digitalocean'],
];

function platformOfHost(host: string): string | undefined {
  return HOST_PLATFORMS.find(([pattern]) => pattern.test(host))?.[1];
}

/** The platform and provider of each store, as a set, made once per store. */
class StorePlatforms {
  private readonly known = new Map<DataStore, ReadonlySet<string>>();

  of(store: DataStore): ReadonlySet<string> {
    let set = this.known.get(store);
    if (!set) {
      set = new Set([store.platform, store.provider].filter((value): value is string => Boolean(value)));
      this.known.set(store, set);
    }
    return set;
  }
}

export function isProductionStore(store: DataStore): boolean {
  if (store.sameAs) return false;
  if (store.production !== undefined) return store.production;
  return !store.testOnly && (store.environment === undefined || store.environment === 'production');
}

/**
 * A store the repository shows would not survive: no backup, or backups that stay with the provider. A backup whose
 * destination the repository does not show (a bucket from a variable set elsewhere) may well survive: a chain that
 * says "no copy survives" needs the repository to show it.
 */
export function isUnprotected(store: DataStore): boolean {
  return !store.externalBackup && !SURVIVES.has(store.protection ?? 'none') && store.protection !== 'destination-unknown';
}

/**
 * `host:` identities of the endpoints written beside a credential (the host of a connection string, an API URL). A
 * provider's key is not the login of a neighbouring endpoint on another platform (an AWS key beside a Fly or Neon
 * `DATABASE_URL` in one `.env`, a GitHub token beside an RDS URL): such hosts are left out. A password of no provider
 * (`DB_PASSWORD` beside `DB_HOST`) takes them all.
 */
function credentialHosts(credential: Credential): string[] {
  const own = new Set(ownHosts(credential));
  const hosts = new Set<string>();
  for (const { host } of endpointsIn(`${credential.line ?? ''}\n${credential.nearby ?? ''}`)) {
    if (own.has(host) || belongsWith(credential.provider, host)) hosts.add(host);
  }
  return [...hosts];
}

/** The endpoints written in a text (`postgres://u:p@db.example.com:5432/x`): each URL's scheme and host, lowercase. */
function* endpointsIn(text: string): Generator<{ scheme: string; host: string }> {
  for (const match of text.matchAll(/([a-z][a-z0-9+.-]*):\/\/(?:[^@\s/'"`]*@)?([a-z0-9.-]+\.[a-z]{2,})(?::\d+)?/gi)) {
    yield { scheme: match[1]!.toLowerCase(), host: match[2]!.toLowerCase() };
  }
}

/** Providers whose credentials are not tied to one platform: a neighbouring endpoint may well be what they log in to. */
const UNTIED_PROVIDERS = new Set(['generic', 'database']);

/** Could a credential of this provider be the login of this endpoint, written near it rather than on its line? */
function belongsWith(provider: string, host: string): boolean {
  if (UNTIED_PROVIDERS.has(provider)) return true;
  const platform = platformOfHost(host);
  const own = PROVIDER_PLATFORMS[provider];
  // A platform's own endpoint beside its key (a Supabase project URL beside its service key) is the key's.
  if (platform !== undefined) return own?.includes(platform) ?? false;
  // An endpoint of no known platform: a cloud account's key reaches its own platform's stores by its scope, not by
  // the hosts written near it; another provider's (a vault or a secret manager) may hold its login.
  return own === undefined;
}

/** The connection scheme each endpoint beside a credential is written with (`viaduct.proxy.rlwy.net` -> `redis`). */
function hostSchemes(credential: Credential): Map<string, string> {
  const schemes = new Map<string, string>();
  for (const { scheme, host } of endpointsIn(`${credential.line ?? ''}\n${credential.nearby ?? ''}`)) if (!schemes.has(host)) schemes.set(host, scheme);
  return schemes;
}

/** `host:` identities of the endpoints on the credential's own line (its connection string, its API URL). */
function ownHosts(credential: Credential): string[] {
  return [...new Set([...endpointsIn(credential.line ?? '')].map((endpoint) => endpoint.host))];
}

/**
 * A credential of a non-production environment whose own endpoint is another host than the shared one: staging's
 * own database URL in a `.env.staging` that shares only production's cache. It reaches staging's database, not the
 * production store the crossing lands on.
 */
function pointsElsewhere(hosts: readonly string[], crossing: EnvironmentCrossing, store: DataStore, formsOf: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (hosts.length === 0 || !crossing.identity) return false;
  const forms = [crossing.identity, ...(formsOf.get(crossing.identity) ?? []), ...store.identities];
  return !hosts.some((host) => forms.some((form) => form.includes(host)));
}

/**
 * The credential is part of what the crossing reports: in its value (the password in a staging class's connection
 * string to production) or beside it in one block (`password:` under the `host:` of database.yml's `staging:`). It is
 * then that environment's, whatever its file is called (`config.py`, `database.yml`).
 */
function writtenInCrossing(credential: Credential, crossing: EnvironmentCrossing, formsOf: ReadonlyMap<string, ReadonlySet<string>>): boolean {
  if (credential.environment !== undefined || credential.location.commit !== undefined || credential.location.path !== crossing.location.path) return false;
  if (credential.location.span.line === crossing.location.span.line) return true;
  if (!crossing.identity || crossing.inherited) return false;
  const forms = [crossing.identity, ...(formsOf.get(crossing.identity) ?? [])];
  // A sibling naming the crossing's server: a host or URL, not a port or a database name another block repeats.
  return Object.values(credential.siblingValues ?? {}).some((value) => value.includes('.') && value.length >= 8 && forms.some((form) => form.includes(value.toLowerCase())));
}

/**
 * Is the store named on the credential's own line, by its provider's command (`CLOUDFLARE_API_TOKEN=… wrangler d1
 * migrations apply shop-db --remote`, `NEON_API_KEY=… neonctl branches create --project-id …`)? The credential is
 * then given to a command that acts on that store, whatever its scope could otherwise be. Only names a person gave
 * the store (`shop-db`, `ledgerly_production`), not an engine's bare name, and only on the credential's platform.
 */
function namesStoreOnLine(credential: Credential, store: DataStore, platforms: StorePlatforms): boolean {
  const name = store.name.toLowerCase();
  if (!credential.line || name.length < 4 || !/[-_.0-9]/.test(name)) return false;
  const providers = PROVIDER_PLATFORMS[credential.provider] ?? [];
  if (!providers.some((platform) => platforms.of(store).has(platform))) return false;
  const line = credential.line.toLowerCase();
  for (let at = line.indexOf(name); at >= 0; at = line.indexOf(name, at + 1)) {
    const before = line[at - 1] ?? ' ';
    const after = line[at + name.length] ?? ' ';
    if (!/[a-z0-9_.-]/.test(before) && !/[a-z0-9_-]/.test(after)) return true;
  }
  return false;
}

/** Does this credential's scope reach the store directly? `hosts` are the endpoints written beside it. */
function reaches(credential: Credential, hosts: readonly string[], store: DataStore, platforms: StorePlatforms, storesOfPlatform: StoreCount, schemes: ReadonlyMap<string, string>): boolean {
  if (hosts.some((host) => store.identities.includes(`host:${host}`))) return true;
  if (credential.scope === 'root') {
    const providers = PROVIDER_PLATFORMS[credential.provider] ?? [];
    if (providers.some((platform) => platforms.of(store).has(platform))) return true;
  }
  if (credential.scope === 'root-resource') {
    // A whole-resource credential (a superuser connection string, a project's service key) reaches the store when
    // its endpoint is on the store's platform and the repository deploys only that one store there.
    for (const host of hosts) {
      const platform = platformOfHost(host);
      if (platform && platforms.of(store).has(platform) && onlyStoreFor(platform, databaseFamily(schemes.get(host)), store, storesOfPlatform)) return true;
    }
    const providers = PROVIDER_PLATFORMS[credential.provider] ?? [];
    if (providers.some((platform) => platforms.of(store).has(platform) && storesOfPlatform(platform) === 1)) return true;
  }
  return false;
}

/**
 * Does this crossing (a non-production environment using a production resource) land on the store? `formsOf` gives
 * the other identities production's resources list beside an identity.
 */
function crossingLandsOn(crossing: EnvironmentCrossing, store: DataStore, formsOf: ReadonlyMap<string, ReadonlySet<string>>, platforms: StorePlatforms, storesOfPlatform: StoreCount): boolean {
  if (!crossing.identity) return false;
  const forms = new Set([crossing.identity, ...(formsOf.get(crossing.identity) ?? [])]);
  if (store.identities.some((identity) => forms.has(identity))) return true;
  // Platform endpoints the store's own declaration does not name (a Railway TCP proxy host for the database that
  // `.railway/railway.ts` declares): the same platform and kind, when the repository deploys one such store.
  if (crossing.resourceKind !== 'database' && crossing.resourceKind !== 'volume' && crossing.resourceKind !== 'host') return false;
  // A shared Redis is not the Postgres database the platform holds: a scheme that names another engine does not land.
  const scheme = [...forms].map((form) => /^db:([a-z0-9+]+):\/\//.exec(form)?.[1]).find(Boolean);
  if (scheme && !enginesMatch(scheme, store.engine)) return false;
  for (const form of forms) {
    const host = /^(?:host:|db:[a-z]+:\/\/|railway-proxy:)([a-z0-9.-]+)/.exec(form)?.[1];
    const platform = host ? platformOfHost(host) : undefined;
    if (platform && platforms.of(store).has(platform) && onlyStoreFor(platform, scheme ? databaseFamily(scheme) : undefined, store, storesOfPlatform)) return true;
  }
  return false;
}

/**
 * How many production stores a platform holds; of one engine family when given, so that a volume beside a platform's
 * one Postgres database leaves a Postgres URL's landing certain.
 */
type StoreCount = (platform: string, engine?: string) => number;

/**
 * Is the store the one a platform endpoint of this engine family can mean? The platform's only store of that engine
 * (a volume beside a Railway Postgres database leaves a Postgres URL certain); else, with none of that engine declared,
 * its only store, if a volume or an untyped database could hold it (a Fly Postgres app on its volume). A Redis URL
 * never means the platform's Postgres database.
 */
function onlyStoreFor(platform: string, family: string | undefined, store: DataStore, storesOfPlatform: StoreCount): boolean {
  if (!family) return storesOfPlatform(platform) === 1;
  const same = storesOfPlatform(platform, family);
  if (same > 0) return same === 1 && enginesMatch(family, store.engine);
  return (store.engine === 'volume' || store.engine === 'database') && storesOfPlatform(platform) === 1;
}

/** The engine family a database URL's scheme names (`postgresql` -> `postgres`), or undefined for other schemes. */
function databaseFamily(scheme: string | undefined): string | undefined {
  return scheme ? engineOfScheme(scheme) : undefined;
}

/** Whether a connection scheme (`postgresql`, `rediss`, `mongodb+srv`) names the store's engine. */
function enginesMatch(scheme: string, engine: string): boolean {
  const family = databaseFamily(scheme) ?? scheme;
  return family === engine || engine === 'database';
}

/** Other identities listed beside each identity, over every resource (in publication order). */
function otherForms(resources: readonly EnvironmentResource[]): Map<string, Set<string>> {
  const forms = new Map<string, Set<string>>();
  for (const resource of resources) {
    if (!resource.otherIdentities?.length) continue;
    let set = forms.get(resource.identity);
    if (!set) forms.set(resource.identity, (set = new Set()));
    for (const other of resource.otherIdentities) set.add(other);
  }
  return forms;
}

const NON_PRODUCTION = new Set(['staging', 'preview', 'development', 'test']);
/**
 * Platforms whose environments live inside one account: a Railway project's staging and production environments,
 * one Heroku or Fly account's apps, one Supabase organisation's projects. An account-wide token found in staging
 * reaches production there. On AWS, GCP and Azure environments are usually accounts or projects of their own, so a
 * staging credential is taken to reach staging.
 */
const ACCOUNT_SPANS_ENVIRONMENTS = new Set(['railway', 'heroku', 'fly', 'render', 'supabase', 'neon', 'planetscale', 'mongodb-atlas', 'digitalocean', 'cloudflare']);
/**
 * Where the repository shows a non-production environment inside production's account on a cloud that usually
 * separates them: it names production's AWS account or GCP project, or reads production's Terraform state (whatever
 * runs its Terraform holds credentials that read production's bucket). Keys are `environment` and provider.
 */
function accountsSharedWithProduction(crossings: readonly EnvironmentCrossing[]): ReadonlyMap<string, EnvironmentCrossing> {
  const shared = new Map<string, EnvironmentCrossing>();
  for (const crossing of crossings) {
    const provider = crossing.identity ? SHARED_ACCOUNT_PROVIDER.find(([prefix]) => crossing.identity!.startsWith(prefix))?.[1] : undefined;
    const key = `${crossing.environment}\u0000${provider}`;
    if (provider && !shared.has(key)) shared.set(key, crossing);
  }
  return shared;
}
const SHARED_ACCOUNT_PROVIDER: ReadonlyArray<[string, string]> = [
  ['account:aws:', 'aws'],
  ['project:gcp:', 'gcp'],
  ['firebase:', 'gcp'],
  ['tfstate:s3:', 'aws'],
  ['tfstate:gcs:', 'gcp'],
  ['tfstate:azurerm:', 'azure'],
];
const UNATTENDED_GRANTS = new Set(['shell', 'bypass-mode', 'destructive-command', 'interpreter']);

/**
 * Every credential is paired with every unprotected production store, so what depends on one side only (a store's
 * platforms, backups and landing crossings; a credential's hosts) is worked out once per store or credential.
 */
export function findChains(facts: FactReader): Chain[] {
  const stores = facts.all('data-store').filter((store) => isProductionStore(store) && isUnprotected(store));
  if (stores.length === 0) return [];
  const platforms = new StorePlatforms();
  const allProduction = facts.all('data-store').filter(isProductionStore);
  const platformCounts = new Map<string, number>();
  const storesOfPlatform: StoreCount = (platform, engine) => {
    const key = `${platform}\u0000${engine ?? ''}`;
    let count = platformCounts.get(key);
    if (count === undefined) {
      count = allProduction.filter((store) => platforms.of(store).has(platform) && (!engine || enginesMatch(engine, store.engine))).length;
      platformCounts.set(key, count);
    }
    return count;
  };
  // An AWS key id beside its secret (and such pairs) is one credential, carried by the other half (the scope stage says which).
  const credentials = facts
    .all('credential')
    .filter((credential) => credential.agentReadable !== false && credential.scope !== 'public' && credential.scope !== 'test' && !credential.inDocumentation && !credential.throwaway && !credential.companionHalf);
  const crossings = facts.all('environment-crossing').filter((crossing) => NON_PRODUCTION.has(crossing.environment));
  const formsOf = otherForms(facts.all('environment-resource'));
  // Evidence of no protection (a snapshot taken once) is no backup of the store.
  const backups = facts.all('backup-evidence').filter((evidence) => evidence.protection !== 'none');
  // A sandboxed shell acts on a provider only when its network allowlist names a host beyond package registries.
  const grants = facts.all('agent-grant').filter((grant) => grant.effective && (UNATTENDED_GRANTS.has(grant.grant) || (grant.grant === 'sandboxed-shell' && grant.reaches !== undefined)));
  // Where the repository configures non-production environments, an agent's work happens there: a credential of
  // no stated environment reaches production data through what those environments share with it.
  const hasNonProduction = facts.all('environment-layer').some((layer) => NON_PRODUCTION.has(layer.environment) && !layer.testOnly && !layer.unplaced);
  const sharedAccounts = accountsSharedWithProduction(crossings);

  const perStore = new Map<DataStore, { backups: BackupEvidence[]; landing: EnvironmentCrossing[] }>();
  const storeSide = (store: DataStore) => {
    let side = perStore.get(store);
    if (!side) {
      side = {
        backups: backups.filter((evidence) => evidence.covers.some((covered) => covered === store.id || store.identities.includes(covered))),
        landing: crossings.filter((crossing) => crossingLandsOn(crossing, store, formsOf, platforms, storesOfPlatform)),
      };
      perStore.set(store, side);
    }
    return side;
  };

  const chains: Chain[] = [];
  for (const credential of credentials) {
    const broad = credential.scope === 'root' || credential.scope === 'root-resource';
    const schemes = broad ? hostSchemes(credential) : new Map<string, string>();
    const own = ownHosts(credential);
    // A connection string names its own server: the other URLs written beside it are other services'.
    const hosts = !broad ? [] : own.some((host) => databaseFamily(schemes.get(host))) ? own : credentialHosts(credential);
    // Beside a shared database, a payment key or a session secret still reaches only its own service.
    const touchesData = actsOnDataStores(credential);
    for (const store of stores) {
      const side = storeSide(store);
      // A storage account's key sits on the provider that holds the database, but it never acts on the database.
      const touchesStore = touchesData && reachesEngine(credential.kind, store.engine);
      const namedOnLine = !broad && touchesStore && namesStoreOnLine(credential, store, platforms);
      const reachesStore = (broad && touchesStore && reaches(credential, hosts, store, platforms, storesOfPlatform, schemes)) || namedOnLine;
      // Production's own credential reaches production directly, whatever else shares the store.
      const viaStaging =
        credential.environment === 'production'
          ? undefined
          : side.landing.find((crossing) => reachesStore || ((credential.environment === crossing.environment || writtenInCrossing(credential, crossing, formsOf)) && touchesStore && !pointsElsewhere(own, crossing, store, formsOf)));
      const sharedAccount = credential.scope === 'root' && credential.environment !== undefined ? sharedAccounts.get(`${credential.environment}\u0000${credential.provider}`) : undefined;
      const spansEnvironments = credential.scope === 'root' && (ACCOUNT_SPANS_ENVIRONMENTS.has(credential.provider) || sharedAccount !== undefined);
      // A credential nothing places in a non-production environment is taken at its word: an admin key in a Makefile
      // reaches what its scope reaches, staging configs beside it or not (they often share the account).
      const direct = reachesStore && (credential.environment === 'production' || credential.environment === undefined || !hasNonProduction || spansEnvironments);
      if (!viaStaging && !direct) continue;
      chains.push({ credential, store, crossing: viaStaging, direct, grants, backups: side.backups, ...(direct && sharedAccount ? { sharedAccount } : {}), ...(direct && namedOnLine ? { namedOnLine } : {}) });
    }
  }
  return chains;
}

/** The agent-tool kind of a CI job's environment holding a production database's connection string. */
export const CI_JOB_ENVIRONMENT = 'ci-job-environment';

/** Stores a `DATABASE_URL` can name: database servers, not volumes, buckets, caches, queues or serverless tables. */
const URL_DATABASE_ENGINES: ReadonlySet<string> = new Set(['postgres', 'mysql', 'mariadb', 'sqlserver', 'mssql', 'mongo', 'mongodb', 'database', 'libsql', 'cockroachdb', 'clickhouse']);

function isDatabaseEngine(engine: string): boolean {
  return URL_DATABASE_ENGINES.has(engine);
}

export interface ToolChain {
  tool: AgentTool;
  stores: DataStore[];
  /** The permission that lets the agent call the server's tools without a human, when one does. */
  grant?: AgentGrant;
  backups: BackupEvidence[];
}

/**
 * MCP servers with their write tools on that reach an unprotected production store: by the host or project they
 * are given, by the account they hold a credential for, or, for one that points at production without naming a
 * host (`${PROD_DATABASE_URL}`), the only production store of its engine. No credential needs reading here: the
 * server holds it, and the agent calls its tools.
 */
export function findToolChains(facts: FactReader): ToolChain[] {
  const tools = facts.all('agent-tool').filter((tool) => !tool.readOnly);
  if (tools.length === 0) return [];
  const stores = facts.all('data-store').filter((store) => isProductionStore(store) && isUnprotected(store));
  if (stores.length === 0) return [];
  const production = facts.all('data-store').filter(isProductionStore);
  const platforms = new StorePlatforms();
  const grants = facts.all('agent-grant').filter((grant) => grant.effective);
  // Evidence of no protection (a snapshot taken once) is no backup of the store.
  const backups = facts.all('backup-evidence').filter((evidence) => evidence.protection !== 'none');
  const chains: ToolChain[] = [];
  for (const tool of tools) {
    // A connection string whose engine its variable does not say (`DATABASE_URL`) is the one production database.
    const ofEngine = (store: DataStore): boolean => (tool.engine === 'database' ? isDatabaseEngine(store.engine) : enginesMatch(tool.engine!, store.engine));
    const onlyOfEngine = (store: DataStore): boolean => tool.engine !== undefined && ofEngine(store) && production.filter(ofEngine).length === 1;
    const reached = stores.filter(
      (store) =>
        tool.targets.some((target) => store.identities.includes(target)) ||
        (tool.accountPlatform !== undefined && platforms.of(store).has(tool.accountPlatform)) ||
        (tool.targets.length === 0 && tool.production !== undefined && onlyOfEngine(store)),
    );
    if (reached.length === 0) continue;
    // A CI job's agent acts unasked by the grant that starts it, on the tool's own line.
    const grant =
      tool.kind === CI_JOB_ENVIRONMENT
        ? grants.find((candidate) => candidate.location.path === tool.location.path && candidate.location.span.line === tool.location.span.line)
        : grants.find((candidate) => candidate.agent === tool.agent && ((candidate.grant === 'mcp-tool' && candidate.reaches === tool.server) || candidate.grant === 'bypass-mode'));
    const covering = backups.filter((evidence) => reached.some((store) => evidence.covers.some((covered) => covered === store.id || store.identities.includes(covered))));
    chains.push({ tool, stores: reached, grant, backups: covering });
  }
  return chains;
}

/** The walk for a tool chain: the permission, the server, the store, the backup that dies with it. */
export function toolFlowOf(chain: ToolChain): RelatedLocation[] {
  const steps: RelatedLocation[] = [];
  const ci = chain.tool.kind === CI_JOB_ENVIRONMENT;
  if (chain.grant) steps.push({ location: chain.grant.location, message: ci ? `The CI job "${chain.tool.server}" starts ${chain.grant.agent} without approvals (${chain.grant.setting}).` : `The ${chain.grant.agent} configuration lets the agent call the server's tools without a human (${chain.grant.setting}).` });
  steps.push({ location: chain.tool.location, message: `The ${chain.tool.title} "${chain.tool.server}" ${chain.tool.reach}.` });
  const store = chain.stores[0]!;
  steps.push({ location: store.location, message: `Production ${store.engine} ${store.name} on ${store.platform}.` });
  const backup = chain.backups[0];
  if (backup) steps.push({ location: backup.location, message: `Its backup (${backup.mechanism}) is ${describeProtection(backup.protection)}: it dies with the data.` });
  return steps;
}

/** The walk an agent would take, in order: its permission, the credential, the shared resource, the store, the backup. */
export function flowOf(chain: Chain): RelatedLocation[] {
  const steps: RelatedLocation[] = [];
  const grant = chain.grants[0];
  if (grant) steps.push({ location: grant.location, message: `The ${grant.agent} configuration lets the agent run ${grant.reaches ?? 'commands'} without a human (${grant.setting}).` });
  steps.push({ location: chain.credential.location, message: `The agent can read ${withArticle(commonNoun(chain.credential.kindTitle))}${chain.credential.variable ? ` in ${chain.credential.variable}` : ''} (scope: ${chain.credential.scope ?? 'unknown'}).` });
  if (chain.crossing) steps.push({ location: chain.crossing.location, message: `${capitalise(chain.crossing.environment)} uses production's ${withoutKind(chain.crossing.resource, chain.crossing.resourceKind)}.` });
  else if (chain.sharedAccount) steps.push({ location: chain.sharedAccount.location, message: `${capitalise(chain.sharedAccount.environment)} is in production's account: it uses production's ${chain.sharedAccount.resource}.` });
  steps.push({ location: chain.store.location, message: `Production ${chain.store.engine} ${chain.store.name} on ${chain.store.platform}.` });
  const backup = chain.backups[0];
  if (backup) steps.push({ location: backup.location, message: `Its backup (${backup.mechanism}) is ${describeProtection(backup.protection)}: it dies with the data.` });
  return steps;
}

export function describeProtection(protection: string | undefined): string {
  switch (protection) {
    case 'same-volume':
      return 'on the same volume or host';
    case 'provider-managed':
      return 'held by the same provider';
    case 'same-account-other-region':
      return 'in the same account (another region)';
    case 'destination-unknown':
      return 'going somewhere the repository does not show';
    case undefined:
    case 'none':
      return 'missing';
    default:
      return protection;
  }
}

/** `database postgres://...` for a resource whose display may already start with its kind. */
function withoutKind(resource: string, kind: string): string {
  return resource.toLowerCase().startsWith(`${kind} `) ? resource : `${kind} ${resource}`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
