// Dotenv files (`.env`, `.env.staging`, `.env.production.local`, `deploy/staging.env`): the environment comes from the
// name, else from a value such as `APP_ENV=staging`; references to other variables of the same file are resolved.
import type { DataDocument, MapEntry } from '../../../../src/parse/data-tree.js';
import { tokensOf } from '../../../../knowledge/environments/names.js';
import type { FileClass } from '../files.js';
import { BASE, namedTag, type EnvTag, type Recorder } from '../recorder.js';
import { effectiveEntries } from '../tree.js';
import { identifyValue, referencesIn } from '../values.js';

/**
 * Variables whose value names the environment a file configures. `NODE_ENV`, `MIX_ENV` and `RACK_ENV` are left out:
 * staging builds set them to production too.
 */
const ENVIRONMENT_VARIABLES = new Set([
  'APP_ENV', 'APPLICATION_ENV', 'APP_ENVIRONMENT', 'ENVIRONMENT', 'ENVIRONMENT_NAME', 'ENV', 'ENV_NAME', 'DEPLOY_ENV', 'DEPLOYMENT_ENV',
  'DEPLOYMENT_ENVIRONMENT', 'TARGET_ENV', 'STAGE', 'RAILS_ENV', 'DJANGO_ENV', 'DJANGO_SETTINGS_MODULE', 'RAILWAY_ENVIRONMENT_NAME',
  'RAILWAY_ENVIRONMENT', 'VERCEL_ENV', 'ASPNETCORE_ENVIRONMENT', 'DOTNET_ENVIRONMENT', 'SPRING_PROFILES_ACTIVE', 'SENTRY_ENVIRONMENT',
  // App and namespace names with an environment suffix (`acme-api-staging`).
  'HEROKU_APP_NAME', 'FLY_APP_NAME', 'NAMESPACE', 'K8S_NAMESPACE', 'KUBE_NAMESPACE',
]);

/** The environment a flat set of variables says it configures (`APP_ENV=staging`), if any. */
export function valueTag(entries: readonly MapEntry[]): EnvTag | undefined {
  for (const entry of entries) {
    if (!ENVIRONMENT_VARIABLES.has(entry.key.toUpperCase())) continue;
    if (entry.value.kind !== 'scalar' || entry.value.expression !== undefined || typeof entry.value.value !== 'string') continue;
    let name = entry.value.value.trim();
    if (entry.key.toUpperCase() === 'DJANGO_SETTINGS_MODULE') name = name.split('.').pop() ?? '';
    if (entry.key.toUpperCase() === 'SPRING_PROFILES_ACTIVE') name = name.split(',')[0]!.trim();
    if (!/^[A-Za-z][A-Za-z0-9_-]{1,30}$/.test(name)) continue;
    const tag = namedTag(name, 'value');
    if (tag !== BASE && tag.environment) return tag;
  }
  return undefined;
}

export function scanDotenv(rec: Recorder, cls: FileClass, document: DataDocument): void {
  const root = document.roots[0];
  if (!root || root.kind !== 'map') return;
  const entries = effectiveEntries(root);
  let tag = cls.tag;
  let family = cls.family;
  let role = cls.role;
  if (tag.environment === 'base') {
    const byValue = valueTag(entries);
    if (byValue) {
      tag = byValue;
      family = undefined;
      role = 'plain';
    }
  }
  const literals = new Map<string, string>();
  for (const entry of entries) {
    if (entry.value.kind === 'scalar' && entry.value.expression === undefined && entry.value.value !== null) literals.set(entry.key, String(entry.value.value));
  }
  const keys: string[] = [];
  for (const entry of entries) {
    const node = entry.value;
    if (node.kind !== 'scalar') continue;
    keys.push(entry.key);
    const raw = node.expression ?? (node.value === null ? '' : String(node.value));
    // `DATABASE_URL=postgres://${DB_USER}@${DB_HOST}/app`: resolved from this file's own values where it can be.
    const resolved = resolveReferences(raw, literals);
    const identities = identifyValue(resolved, { variable: entry.key, path: [entry.key], siblings: literals });
    for (const identity of identities) rec.resource(tag, identity, node.span, { variable: entry.key, family: role === 'plain' ? undefined : family });
    if (identities.length > 0) continue;
    for (const reference of referencesIn(raw)) {
      const name = reference.identity.name ?? '';
      if (literals.has(name)) continue;
      if (!tokensOf(name).some((token) => SENSITIVE.has(token))) continue;
      rec.resource(tag, reference.identity, node.span, { variable: entry.key, family: role === 'plain' ? undefined : family });
    }
  }
  if (role === 'layer' && family) rec.layer(family, tag, { line: 1, column: 1, endLine: 1, endColumn: 1 }, keys);
}

const SENSITIVE = new Set(['db', 'database', 'dsn', 'url', 'uri', 'host', 'password', 'pass', 'pwd', 'secret', 'token', 'key', 'credentials', 'bucket', 'postgres', 'pg', 'mysql', 'mongo', 'mongodb', 'redis', 'supabase', 'stripe', 'conn', 'connection']);

function resolveReferences(value: string, literals: ReadonlyMap<string, string>): string {
  if (!value.includes('$')) return value;
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g, (whole, braced: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare ?? '';
    const found = literals.get(name);
    return found !== undefined && !found.includes('$') ? found : whole;
  });
}
