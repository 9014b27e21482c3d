// Environment names as repositories write them (`prod`, `stg`, `uat`, `pr-123`...), mapped to the canonical
// environments every detector compares, and the environment a file's path implies.
import type { CanonicalEnvironment } from '../../src/facts/environment.js';

export type { CanonicalEnvironment };

/** Words that name an environment, by canonical environment. `main`/`master` are branches, not environments. */
const WORDS: Record<Exclude<CanonicalEnvironment, 'base'>, readonly string[]> = {
  production: ['production', 'prod', 'prd', 'live'],
  staging: ['staging', 'stage', 'stg', 'preprod', 'pre-prod', 'uat', 'qa', 'sit', 'acceptance', 'acc'],
  preview: ['preview', 'review', 'pr', 'ephemeral', 'deploy-preview', 'branch-deploy'],
  development: ['development', 'dev', 'develop', 'local', 'sandbox', 'demo'],
  test: ['test', 'testing', 'ci', 'e2e'],
};

const BY_WORD = new Map<string, CanonicalEnvironment>();
for (const [environment, words] of Object.entries(WORDS) as Array<[CanonicalEnvironment, readonly string[]]>) {
  for (const word of words) BY_WORD.set(word, environment);
}

/** A team alias for a name, from the config: own keys only (a name such as `constructor` is nobody's alias). */
export function aliasFor(aliases: Readonly<Record<string, string>>, name: string): string | undefined {
  return Object.hasOwn(aliases, name) ? aliases[name] : undefined;
}

/**
 * The canonical environment a name means, or undefined when it names none. Team aliases (from the config) win.
 * Accepts whole names (`production`, `Prod`, `pr-42`) and compound ones (`acme-staging`, `eu_prod`).
 */
export function canonicalEnvironment(name: string, aliases: Readonly<Record<string, string>> = {}): CanonicalEnvironment | undefined {
  // Directory and key names repeat across a repository; without team aliases the answer depends on the name alone.
  if (Object.keys(aliases).length > 0) return canonicalEnvironmentUncached(name, aliases);
  if (canonicalNames.has(name)) return canonicalNames.get(name);
  const found = canonicalEnvironmentUncached(name, aliases);
  if (canonicalNames.size >= 100_000) canonicalNames.clear();
  canonicalNames.set(name, found);
  return found;
}

const canonicalNames = new Map<string, CanonicalEnvironment | undefined>();

function canonicalEnvironmentUncached(name: string, aliases: Readonly<Record<string, string>>): CanonicalEnvironment | undefined {
  const lower = name.trim().toLowerCase();
  const alias = aliasFor(aliases, lower);
  if (alias) return alias as CanonicalEnvironment;
  const exact = BY_WORD.get(lower);
  if (exact) return exact;
  if (/^pr-?\d+$/.test(lower)) return 'preview';
  // Compound names: the last token that names an environment decides (`prod-db-staging` is staging's copy).
  const tokens = tokensOf(name);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const aliased = aliasFor(aliases, token);
    if (aliased) return aliased as CanonicalEnvironment;
    // Two-letter `pr`, `qa` and `ci` are too common inside compound names to count there.
    if (token.length <= 2 && tokens.length > 1) continue;
    const found = BY_WORD.get(token);
    if (found) return found;
  }
  return undefined;
}

/** Splits on separators, camelCase and digits: `appsettings.Production.json` -> [appsettings, production, json]. */
export function tokensOf(name: string): string[] {
  // A loop, not `replace` and `split`: every path of a scan is asked, and most names are asked once.
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i <= name.length; i++) {
    const code = i < name.length ? name.charCodeAt(i) : 0;
    const upper = code >= 65 && code <= 90;
    if (upper || (code >= 97 && code <= 122)) {
      if (start === -1) start = i;
      else if (upper && isLowerAscii(name.charCodeAt(i - 1))) {
        tokens.push(name.slice(start, i).toLowerCase());
        start = i;
      }
    } else if (start !== -1) {
      tokens.push(name.slice(start, i).toLowerCase());
      start = -1;
    }
  }
  return tokens;
}

function isLowerAscii(code: number): boolean {
  return code >= 97 && code <= 122;
}

const ENVIRONMENT_DIRECTORIES = new Set(['envs', 'env', 'environments', 'environment', 'overlays', 'live', 'deploy', 'deployments', 'stages', 'config', 'settings', 'clusters', 'k8s', 'helm', 'terraform', 'infra']);
const EXAMPLE_SUFFIXES = /\.(example|sample|template|dist|defaults?|tmpl|tpl)$/i;

export interface PathEnvironment {
  environment: CanonicalEnvironment;
  /** The name as the path spells it (`stg`, `Production`). */
  name: string;
  evidence: 'file-name' | 'directory';
}

/**
 * The environment a path implies: the file name first (`.env.staging`, `values-prod.yaml`, `Pulumi.prod.yaml`,
 * `appsettings.Production.json`), then the nearest directory under a known parent (`envs/<e>/`, `overlays/<e>/`)
 * or a directory named after an environment. Undefined for base files (`.env`, `values.yaml`) and example files.
 */
export function environmentOfPath(path: string, aliases: Readonly<Record<string, string>> = {}): PathEnvironment | undefined {
  // Every detector asks about the file in hand, one after another, and most repositories set no aliases: the last
  // answer is kept. (A map of every path would cost more than it saves: a scan meets most paths once.)
  const plain = !hasAny(aliases);
  if (plain && path === lastPath) return lastEnvironment;
  const found = environmentOfPathUncached(path, aliases, plain);
  if (plain) {
    lastPath = path;
    lastEnvironment = found;
  }
  return found;
}

let lastPath: string | undefined;
let lastEnvironment: PathEnvironment | undefined;

function hasAny(record: Readonly<Record<string, string>>): boolean {
  for (const _ in record) return true;
  return false;
}

function environmentOfPathUncached(path: string, aliases: Readonly<Record<string, string>>, plain: boolean): PathEnvironment | undefined {
  const slash = path.lastIndexOf('/');
  const fileName = path.slice(slash + 1);
  const byName = fileNameEnvironment(fileName, aliases);
  if (byName || slash === -1) return byName;
  // Files of one directory share its answer, and a walk lists them together: without aliases, the last directory's
  // answer is kept.
  if (!plain) return directoryEnvironment(path.split('/'), aliases);
  const directory = path.slice(0, slash);
  if (directory !== lastDirectory) {
    lastDirectoryEnvironment = directoryEnvironment(path.split('/'), aliases);
    lastDirectory = directory;
  }
  return lastDirectoryEnvironment;
}

let lastDirectory: string | undefined;
let lastDirectoryEnvironment: PathEnvironment | undefined;

const CONFIG_FILE_NAME = /^\.env\b|\.(?:ya?ml|json|jsonc|toml|properties|tfvars|env|ini|conf|cfg|config|hcl)$/i;

/** The environment a file's own name spells (`values-prod.yaml`), example files excepted. */
function fileNameEnvironment(fileName: string, aliases: Readonly<Record<string, string>>): PathEnvironment | undefined {
  if (EXAMPLE_SUFFIXES.test(fileName)) return undefined;
  const tokens = tokensOf(fileName.charCodeAt(0) === 46 ? fileName.slice(1) : fileName);
  // `qa` names an environment in a configuration file's name (`.env.qa`, `values-qa.yaml`, `application-qa.yml`);
  // in code it is as often a feature (`run_qa.py`, question answering).
  const configName = CONFIG_FILE_NAME.test(fileName);
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i]!;
    const aliased = aliasFor(aliases, token) as CanonicalEnvironment | undefined;
    if (token.length <= 2 && !aliased && token !== 'pr' && !(token === 'qa' && configName)) continue;
    const environment = aliased ?? BY_WORD.get(token);
    if (environment) return { environment, name: token, evidence: 'file-name' };
  }
  return undefined;
}

/** The environment of the nearest directory that names one (the last segment, the file's name, is not read). */
function directoryEnvironment(segments: readonly string[], aliases: Readonly<Record<string, string>>): PathEnvironment | undefined {
  for (let i = segments.length - 2; i >= 0; i--) {
    const directory = segments[i]!;
    const parent = segments[i - 1]?.toLowerCase();
    const environment = canonicalEnvironment(directory, aliases);
    // `ci/` holds the pipeline's scripts and config, deploys to every environment included: it names none.
    if (!environment || (directory === 'ci' && !aliasFor(aliases, directory))) continue;
    // A bare environment word as a directory counts anywhere; compound ones only under a known parent.
    if (BY_WORD.has(directory.toLowerCase()) || aliasFor(aliases, directory.toLowerCase()) || (parent && ENVIRONMENT_DIRECTORIES.has(parent))) {
      // `test/` and `tests/` hold test code, not a test environment's config; callers treat those as test-only.
      return { environment, name: directory, evidence: 'directory' };
    }
  }
  return undefined;
}


/**
 * Files that hold placeholders for others to copy (`.env.example`, `values.sample.yaml`, `database.yml.template`,
 * `example.env`): their values are not any environment's, so nothing in them is a resource of one.
 */
export function isExampleFile(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase();
  if (EXAMPLE_SUFFIXES.test(name)) return true;
  return /(^|[._-])(example|examples|sample|samples|template|templates|tmpl|dist)([._-]|$)/.test(name);
}

/**
 * The canonical environments the words of a resource or variable name point at (`orders-prod-db` -> production,
 * `PROD_DATABASE_URL` -> production, `acme-stg-from-prod` -> staging and production). Two-letter words count only
 * through a team alias; `live` counts only through an alias too, because it is an ordinary word in resource names
 * (`live-chat`, `livestream-uploads`). A word negated by `non`/`not` (`NON_PROD_URL`) does not count.
 */
export function environmentsNamedIn(name: string, aliases: Readonly<Record<string, string>> = {}): Set<CanonicalEnvironment> {
  const found = new Set<CanonicalEnvironment>();
  const tokens = tokensOf(name);
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    const aliased = aliasFor(aliases, token) as CanonicalEnvironment | undefined;
    if (aliased) {
      found.add(aliased);
      continue;
    }
    if (token.length <= 2 || token === 'live') continue;
    if (token === 'nonprod' || token === 'nonproduction' || token === 'notprod') continue;
    const environment = BY_WORD.get(token);
    if (!environment) continue;
    const previous = tokens[i - 1];
    if (previous === 'non' || previous === 'not' || previous === 'pre') continue;
    found.add(environment);
  }
  return found;
}

/** True when a name points at production and at no other environment (`acme-production`, `PROD_DB_URL`). */
export function isProductionName(name: string, aliases: Readonly<Record<string, string>> = {}): boolean {
  const named = environmentsNamedIn(name, aliases);
  return named.size === 1 && named.has('production');
}

/**
 * The environment a compose stack runs in by the environment files its services load (`env_file: .env.production`),
 * when every one that names an environment names the same one.
 */
export function environmentOfEnvFiles(paths: readonly string[], aliases: Readonly<Record<string, string>> = {}): CanonicalEnvironment | undefined {
  const named = new Set<CanonicalEnvironment>();
  for (const path of paths) {
    const environment = environmentOfPath(path.replace(/^\.\//, ''), aliases)?.environment;
    if (environment) named.add(environment);
  }
  return named.size === 1 ? [...named][0] : undefined;
}

/** Words of a name that hands over a data store: its connection string, host, name or endpoint. */
const DATA_STORE_WORDS = new Set(['db', 'database', 'databases', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mongo', 'mongodb', 'redis', 'elasticache', 'dynamo', 'dynamodb', 'table', 'bucket', 'efs', 'volume', 'dsn', 'rds', 'aurora', 'sql', 'datastore']);
/** Words of what stands around a data store without being it: its network, keys and permissions. */
const AROUND_DATA_STORE_WORDS = new Set(['subnet', 'subnets', 'vpc', 'security', 'sg', 'kms', 'role', 'policy', 'policies', 'parameter', 'group', 'alarm', 'alarms']);

/**
 * A stack output, or the argument given one, that hands over a data store (`db_address`, `databaseUrl`,
 * `uploads_bucket`), not the network or keys around one (`db_subnet_ids`, `rds_security_group_id`): read from
 * production's state, it wires the environment to production's data. One of the names must say a store; none may
 * say what stands around one.
 */
export function namesDataStoreOutput(...names: string[]): boolean {
  const tokens = names.map(tokensOf);
  return tokens.some((words) => words.some((word) => DATA_STORE_WORDS.has(word))) && !tokens.some((words) => words.some((word) => AROUND_DATA_STORE_WORDS.has(word)));
}

/** A Python class opening at the margin (`class StagingConfig(Config):`): Flask keeps one environment's settings per class. */
const PYTHON_CLASS_OPENING = /^class\s+([A-Za-z_]\w*)\s*[(:]/;

/** The environment a configuration class's opening line names (`ProductionConfig`), if the line opens one that does. */
export function environmentOfClassOpening(line: string): { environment: CanonicalEnvironment; name: string } | undefined {
  const opened = line.startsWith('class') ? PYTHON_CLASS_OPENING.exec(line) : null;
  const environment = opened ? canonicalEnvironment(opened[1]!) : undefined;
  return environment && environment !== 'base' ? { environment, name: opened![1]! } : undefined;
}
