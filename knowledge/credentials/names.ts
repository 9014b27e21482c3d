// What a variable, key or property name says about the value bound to it: a password, a secret token, or neither.
import { wordsOf } from './values.js';

export type SecretNameClass = 'password' | 'secret';

const PASSWORD_WORDS = new Set(['password', 'passwd', 'pwd', 'passphrase', 'pass']);
const SECRET_WORDS = new Set(['secret', 'token', 'apikey', 'credential', 'credentials', 'privatekey', 'accesskey', 'secretkey', 'authkey', 'authtoken', 'bearer']);
/** Word pairs that make a secret name when adjacent: `api key`, `private key`, `client secret`, `master key`. */
const SECRET_PAIRS = new Set(['api key', 'access key', 'private key', 'secret key', 'auth key', 'signing key', 'encryption key', 'master key', 'app key', 'account key', 'service key', 'admin key', 'license key', 'auth token', 'access token', 'refresh token', 'connection string', 'shared key', 'hmac key', 'webhook key']);
/**
 * Words that turn a secret-looking name into metadata about a secret (`token_url`, `secret_name`, `password_file`,
 * `max_tokens`) or a public value (`public_key`, `publishable_key`, `site_key`).
 */
/** Checksum words: after the secret word they name its checksum; before it, the algorithm it signs with (`HMAC_SHA256_KEY`). */
const CHECKSUM_WORDS = ['sha', 'sha1', 'sha256', 'sha512', 'md5', 'checksum', 'checksums', 'crc'];

const NOT_A_SECRET_WORDS = new Set(
  (
    'public publishable pub site id ids url uri urls path paths file files filename name names type types length size ' +
    'ttl expiry expires expiration expire expired lifetime header headers prefix field fields param params endpoint ' +
    'version count max min limit limits timeout regex pattern hash hashed salt policy rotation format env var vars ' +
    'enabled enable disabled required ref refs arn location dir directory provider manager mode label placeholder ' +
    'example description hint message error errors template input cookie csrf xsrf tokenizer tokens tokenize ' +
    'tokenized usage store storage selector schema algorithm algo encoding encodage kind reset forgot confirm confirmation ' +
    'changed change policy rule rules validator validation strength min length prompt dialog modal form field ' +
    'column col key_id keyid fingerprint thumbprint index lookup cache sort partition primary foreign composite ' +
    'count counter metric metrics mask masked visible show hide toggle icon class style widget button link route ' +
    'handler callback service generator length provider issuer audience scope scopes state nonce digest ' +
    'next continuation page pagination cursor marker request result results output lifecycle verifier data last ' +
    'used date time created updated modified age question answer ' +
    // Tokens and keys that identify rather than authenticate: AWS `ClientToken`, `IdempotencyToken` and `LockToken`,
    // Stripe's `Idempotency-Key`, S3 `ObjectKey`, RabbitMQ's routing key, .NET's `CancellationToken`, the AWS CLI's
    // `--starting-token` (a page).
    'idempotency lock object routing cancellation cancel starting ' +
    // A namespace names where secrets live, a factory makes them; a name joined by `and` or `etc` is a phrase (an
    // enum's member), not a variable.
    'namespace factory and etc ' +
    // Rails' authenticity_token is a form's CSRF token, issued per session.
    'authenticity ' +
    // What hashes or identifies a password, or when it expires (`passwordHasher`, `kpasswd_exe_guid`, `passwdValidTo`).
    'hasher hashers guid uuid valid validity until ' +
    // What stands in for a secret a page or an API must not show (`CREDENTIAL_BLANKING_VALUE`,
    // `CLIENT_SECRET_REDACTED_VALUE`, a `secretSentinel`): a marker the code compares against, not the secret.
    'blank blanking blanked redacted redaction sentinel ' +
    // Django's field lookups filter on a stored value (`password__startswith='bcrypt$'`, `token__isnull=True`).
    'startswith istartswith endswith iendswith iexact icontains isnull iregex ' +
    // A checksum of a token or key file is public (`api_token_sha256=…` beside a download).
    CHECKSUM_WORDS.join(' ')
  ).split(' '),
);

const PUBLIC_ANALYTICS: ReadonlyArray<readonly string[]> = [['mixpanel', 'token'], ['segment', 'write', 'key'], ['rudderstack', 'write', 'key'], ['rudder', 'write', 'key'], ['amplitude', 'key'], ['posthog', 'key']];

/**
 * After the secret word, what configures how a secret is checked or changed (roundcube's `password_ldap_host`,
 * `password_ldap_search_filter`, `password_driver`, `password_dovecotpw_method`, a `token_server`, a
 * `password_scheme` or `password_crypt` saying how it is hashed); before it, whose secret it is
 * (`SMTP_SERVER_PASSWORD`, `FILTER_API_TOKEN`, `CRYPT_PASSWORD`).
 */
const SETTING_OF_SECRET_WORDS = ['host', 'hostname', 'server', 'driver', 'method', 'filter', 'command', 'cmd', 'program', 'script', 'port', 'scheme', 'crypt'];

/**
 * Not-a-secret words that say so only after the secret word: a `token_store` or `secret_storage` holds secrets, a
 * `storePassword` (Android signing, Java keystores) or a `STORE_API_TOKEN` is one; a `TOKEN_SERVICE` issues tokens,
 * a `SERVICE_TOKEN` (PlanetScale, Doppler) is one.
 */
const AFTER_ONLY_WORDS = new Set(['store', 'storage', 'service', ...SETTING_OF_SECRET_WORDS, ...CHECKSUM_WORDS]);

function isSecretWord(word: string): boolean {
  return PASSWORD_WORDS.has(word) || SECRET_WORDS.has(word) || word === 'key' || /.(?:password|passwd)$/.test(word);
}

function saysNotASecret(words: readonly string[], index: number): boolean {
  const word = words[index]!;
  if (!NOT_A_SECRET_WORDS.has(word) && !AFTER_ONLY_WORDS.has(word)) return false;
  return !AFTER_ONLY_WORDS.has(word) || words.slice(0, index).some(isSecretWord);
}

/**
 * Classifies a name: `password` for password-like names (`DB_PASSWORD`, `mysqlRootPass`), `secret` for tokens and
 * keys (`STRIPE_SECRET_KEY`, `apiToken`, `client_secret`), undefined for everything else.
 */
export function secretNameClass(name: string): SecretNameClass | undefined {
  const own = name.replace(/^.*[.:/]/, '');
  // VS Code extension manifests' `aiKey`: the Application Insights key their telemetry is sent with, shipped in every build.
  if (own === 'aiKey') return undefined;
  const words = wordsOf(own);
  if (words.length === 0 || words.length > 8) return undefined;
  if (words.some((_, index) => saysNotASecret(words, index))) return undefined;
  // A client token is handed to clients: Datadog's browser token, Braintree's, AWS's idempotency `ClientToken`.
  if (words.length >= 2 && words[words.length - 2] === 'client' && words[words.length - 1] === 'token') return undefined;
  // Browser analytics keys ship in every page's snippet: Mixpanel's project token, Segment's and RudderStack's write
  // keys, Amplitude's API key, PostHog's project key (its personal API key reads every project's data: a secret).
  if (!words.includes('personal') && PUBLIC_ANALYTICS.some((pair) => pair.every((word) => words.includes(word)))) return undefined;
  if (words.some((word) => PASSWORD_WORDS.has(word) && word !== 'pass')) return 'password';
  // Names run together end in the word: libpq's `PGPASSWORD`, Railway's `MYSQLPASSWORD` and `REDISPASSWORD`, `dbpasswd`.
  if (words.some((word) => /.(?:password|passwd)$/.test(word))) return 'password';
  // `pass` alone is too common a word (`pass_through`); as the last word of a name it means a password.
  if (words[words.length - 1] === 'pass') return 'password';
  if (words.some((word) => SECRET_WORDS.has(word))) return 'secret';
  for (let i = 1; i < words.length; i++) {
    if (SECRET_PAIRS.has(`${words[i - 1]} ${words[i]}`)) return 'secret';
  }
  // `SECRET_KEY_BASE`, `sk`, `jwt` alone say nothing; a trailing `key` after a provider-ish word does (`STRIPE_KEY`).
  const last = words[words.length - 1];
  if (last === 'key' && words.length >= 2 && !/^\d+$/.test(words[words.length - 2]!) && !LOOKUP_KEY_WORDS.has(words[words.length - 2]!)) return 'secret';
  return undefined;
}

/**
 * Nouns a trailing `key` looks things up by (`operation_key`, `transition-key`, `sort_key`, `group_key`): a key of a
 * map or a record, not a credential. `GPG_KEY` (official Docker images' `ENV GPG_KEY A035C8C1…`) names the
 * fingerprint a download is verified with; a private one says so (`GPG_PRIVATE_KEY`). An `S3Key` (the AWS APIs'
 * field, `s3_key`) or a `blobKey` names an object in a bucket; S3's credentials say `access` or `secret`.
 */
const LOOKUP_KEY_WORDS = new Set(
  'operation transition resource node entry map dict row record item element attribute property group event queue job task action step sequence order category tag table registry config setting settings option options menu shortcut keyboard hot press translation i18n locale lang language dedup dedupe deduplication unique natural surrogate compound hash bucket shard join gpg pgp gnupg instrumentation s3 gcs blob'.split(' '),
);

/** Literal words every secret-looking name contains one of: the prefilter keywords of the name-based pass. */
export const SECRET_NAME_KEYWORDS = ['pass', 'pwd', 'secret', 'token', 'key', 'credential', 'bearer', 'authorization'] as const;

/**
 * A database user whose name says it only reads (`app_ro`, `readonly`, `reporting_reader`, `replica`). A bare
 * department (`analytics`, `reporting`) names whose database it is, not what it may do: a Render blueprint's
 * `user: analytics` owns its database.
 */
export const READ_ONLY_USER = /(?:^|[_.-])(?:ro|readonly|read_only|reader|read|viewer|replica)(?:$|[_.-])/i;
