// Whether a value written in an agent configuration is a literal secret, a reference the agent resolves at run time
// (`${VAR}`, `${env:VAR}`, `${input:id}`, `{env:VAR}`), or a placeholder from documentation. Shared/research/token-scopes.md.
import { secretNameClass } from '../credentials/names.js';

/**
 * A key, header or variable that names a secret: the credential detector's own reading of names (so that
 * `AUTH_TYPE`, `TOKEN_AUDIENCE`, `DB_SECRET_ARN` or `OAUTH_CLIENT_ID` are no more secrets here than there), plus the
 * connection-string names an MCP server is given.
 */
export function isSecretName(name: string): boolean {
  return secretNameClass(name) !== undefined || /(?:^|[_-])(?:pat|dsn)(?:$|[_-])|connection[_-]?string|database[_-]?url|db[_-]?url/i.test(name);
}

/** Prefixes of credentials that mean "secret" whatever they are bound to. */
const SECRET_PREFIX = /^(?:ghp_|gho_|ghs_|ghu_|github_pat_|glpat-|sk_live_|rk_live_|sk-ant-|sk-proj-|sk-|sbp_|napi_|xox[abpr]-|AKIA[0-9A-Z]{16}$|ASIA[0-9A-Z]{16}$|AIza|ya29\.|npm_|pypi-|dop_v1_|shpat_|lin_api_|cfut_|cfat_|hf_)/;

/**
 * A reference the agent or its host resolves at run time; never a secret in the file. A shell default
 * (`${GITHUB_TOKEN:-ghp_…}`) is not one: the literal after `:-` is what runs when the variable is unset.
 */
export function isReference(value: string): boolean {
  const trimmed = value.trim();
  if (/^\$\{[A-Za-z_]\w*:?[-=][^}]+\}$/.test(trimmed)) return false;
  return (
    /\$\{[^}]+\}/.test(trimmed) ||
    /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(trimmed) ||
    /\{env:[^}]+\}|\{file:[^}]+\}/.test(trimmed) ||
    /%[A-Za-z_][A-Za-z0-9_]*%/.test(trimmed) ||
    /\{\{[^}]+\}\}/.test(trimmed) ||
    /^op:\/\//.test(trimmed) ||
    /^(?:process\.env|os\.environ)/.test(trimmed)
  );
}

// A word starts the value or follows a separator: inside a random secret a digit before `my` or `enter` is chance.
const PLACEHOLDER_WORDS = /(?:^|[^a-z0-9])(?:your|my|example|sample|placeholder|changeme|change[_-]?me|changeit|replace|redacted|dummy|fake|todo|xxx+|insert|enter|put[_-]?your|goes[_-]?here|here$|<[^>]*>|\.\.\.)/i;

/** A documented placeholder: `<token>`, `your-api-key`, `xxxx`, `sbp_xxxxxxxx`, `REPLACE_ME`. */
export function isPlaceholder(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 8) return true;
  if (PLACEHOLDER_WORDS.test(trimmed)) return true;
  if (/^(.)\1+$/.test(trimmed)) return true;
  // A real prefix followed only by fill characters: `ghp_xxxxxxxx`, `sk_live_000000`.
  if (/^[A-Za-z]+[_-]+(?:[A-Za-z]+[_-]+)?([xX0*.])\1{5,}$/.test(trimmed)) return true;
  if (/^(?:abcdef|123456|password|secret|test|none|null|undefined|true|false)/i.test(trimmed) && trimmed.length < 20) return true;
  return false;
}

/** The literal a shell default falls back to (`${GITHUB_TOKEN:-ghp_…}` -> `ghp_…`), else the value itself. */
export function withoutShellDefault(value: string): string {
  return (/^\$\{[A-Za-z_]\w*:?[-=]([^}]+)\}$/.exec(value.trim())?.[1] ?? value).trim();
}

/** A literal secret: not a reference, not a placeholder, long enough and not prose. */
export function isLiteralSecret(value: string): boolean {
  const trimmed = withoutShellDefault(value);
  if (isReference(trimmed) || isPlaceholder(trimmed)) return false;
  if (/\s/.test(trimmed)) return false;
  // Paths, hosts and booleans are configuration, not secrets.
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(trimmed) || /^https?:\/\/[^@]*$/.test(trimmed)) return false;
  if (!SECRET_PREFIX.test(trimmed) && isConfigurationValue(trimmed)) return false;
  return /[0-9]/.test(trimmed) || SECRET_PREFIX.test(trimmed) || trimmed.length >= 24;
}

/**
 * Values that configure rather than authenticate, whatever their key says: ARNs (a secret's address, not the
 * secret), relative paths (`keys/reader-sa.json`, `deploy/keys/id_ed25519`), host names (`acme.us.auth0.com`, an
 * OAuth client id's `….apps.googleusercontent.com`) and identifiers made of words (`oauth2_client_credentials`,
 * `hmac-sha256`, `api-gateway-v2-internal`). Random tokens are none of these: mixed case, no words, no dots.
 */
function isConfigurationValue(value: string): boolean {
  if (/^arn:aws[\w-]*:/.test(value)) return true;
  if (/^(?:[\w.-]+\/)+[\w.-]+$/.test(value) && (/\.[a-z]{2,5}$/.test(value) || /^[a-z0-9_./-]+$/.test(value))) return true;
  if (/^[a-z0-9-]+(?:\.[a-z0-9-]+)+\.[a-z]{2,}$/.test(value) && !/^\d+(?:\.\d+)+$/.test(value)) return true;
  const segments = value.split(/[_-]/);
  return segments.length >= 2 && segments.every((segment) => /^[a-z]{2,}\d{0,3}$|^v\d{1,3}$|^\d{1,4}$/i.test(segment)) && segments.filter((segment) => /^[a-z]{3,}/i.test(segment) && /[aeiou]/i.test(segment)).length * 2 >= segments.length;
}

/** A value that is a secret whatever its name says (a provider prefix). */
export function hasSecretPrefix(value: string): boolean {
  return SECRET_PREFIX.test(value.trim());
}

/** The password of a connection string (`postgres://user:pass@host/db`), when it holds a literal one. */
export function connectionStringPassword(value: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/[^:/@\s]+:([^@\s]+)@[^\s]+$/i.exec(value.trim());
  if (!match) return undefined;
  const password = decodeURIComponentSafe(match[1]!);
  if (isReference(password) || isPlaceholder(password)) return undefined;
  return password;
}

/** The host part of a URL or connection string, lower-cased. */
export function hostOf(value: string): string | undefined {
  const match = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/\s]*@)?([^/:?#\s]+)/i.exec(value.trim());
  return match?.[1]?.toLowerCase();
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
