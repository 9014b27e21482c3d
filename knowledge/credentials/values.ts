// What a candidate value is: a placeholder, a reference, random enough to be a secret, a decodable token.
// Shared by every credential kind so that "not a credential" means the same thing everywhere.
import { lookupTable } from '../../src/lookup-table.js';

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  if (value.length === 0) return 0;
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** A variable interpolated into a string (`$name`, `${name}`), read whole so that no split of its name is retried. */
const INTERPOLATED = String.raw`\$(?:\{[A-Za-z_]\w*\}|[A-Za-z_]\w*(?!\w))`;

/** Values that point at a secret instead of holding one: templates, env lookups, secret-manager references. */
const REFERENCE = new RegExp(
  [
    String.raw`\$\{[^}]*\}`, // ${VAR}, ${{ secrets.X }}
    String.raw`^\$\{\{?\s*[A-Za-z_]`, // ${VAR or ${{ secrets.X cut short by a bare-value boundary
    String.raw`^\$\$?[A-Za-z_]\w*$`, // $VAR; compose's escaped $$VAR, CapRover's $$cap_pg_pass template variables
    String.raw`\{\{[^}]*\}\}`, // {{ .Values.x }}, Jinja, Mustache
    String.raw`<%=?[^%]*%>`, // ERB
    String.raw`^%[A-Za-z_]\w*%$`, // %VAR%
    String.raw`^@[A-Za-z_]\w*@(?:$|\/)`, // @VAR@, autoconf's substitutions (`@SBINDDIR@/shutdown`)
    String.raw`\$\([^)]*\)`, // $(VAR), $(command)
    String.raw`#\{[^}]*\}`, // Ruby interpolation: "#{SecureRandom.hex(64)}"
    String.raw`^#\{\s*[A-Za-z_@$]`, // the same cut short by a quote inside it: "--password=#{config["password"]}"
    String.raw`^\{[A-Za-z_][\w.]*\[$`, // a Python f-string's subscript cut short by its quote: f"--passwd-entry {params['passwd_entry']}"
    String.raw`^\{\$.*\$\}$`, // AngularJS with Horizon's and Django-friendly delimiters: "{$::form.match$}"
    // Only variables, escapes and separators (Perl's "$errno\0$err_key", shell's "$user:$pass"): nothing literal.
    // Perl's chained `$opt_password= $opt_help= …` leaves the next name and its `=`.
    // NSIS writes its escapes with a dollar (`"encryption_password = $ConfigEncPass$\r$\n"`).
    String.raw`^(?:${INTERPOLATED}|\$?\\[0nrt]|[:/@.,_ -])*${INTERPOLATED}(?:${INTERPOLATED}|\$?\\[0nrt]|[:/@.,_ -])*\$?=?$`,
    String.raw`^["']?\$(?:\d+|[A-Za-z_]\w*)["']?$`, // "$4", '$NEW_PASS': shell positionals and variables, quoted
    String.raw`^\$[A-Za-z_]\w*\/`, // $MYSQL_TEST_DIR/std_data/key.pem
    String.raw`^\$(?:::)?[a-z_]\w*(?:::[a-z_]\w*)+`, // Puppet: $::redis::params::sentinel_auth_pass
    String.raw`\{\$[A-Z0-9_.]+\}`, // Zabbix user macros: {$JENKINS.API.TOKEN}
    String.raw`\{#[A-Z0-9_.]+\}`, // Zabbix discovery macros in item keys: haproxy.backend.rate[{#PXNAME}]
    String.raw`^[a-z][\w.-]*\[.*\]$`, // Zabbix item keys: jmx["kafka.network:type=RequestMetrics",...], vfs.fs.size[/,free]
    String.raw`^_DBC_[A-Z0-9_]+_$`, // dbconfig-common's install-time placeholders: _DBC_DBPASS_
    String.raw`^[A-Za-z_]\w*(?:::[A-Za-z_]\w*){2,}$`, // Perl packages: SOAP::WSDL::XSD::Typelib::Builtin::string
    String.raw`^\\[%@$&][A-Za-z_]\w*(?:::[A-Za-z_]\w*)*$`, // Perl references: \%X__509Token_of, \&Test2::Util::ExternalMeta::META_KEY
    String.raw`%\{[^}]*\}`, // FreeRADIUS, Fluentd and Ruby formats: %{string:Tmp-String-0}
    String.raw`^(?:op|vault|awssm|gcpsm|azkv|doppler|infisical|sops|ref\+[a-z]+)://`, // secret-manager URIs
    String.raw`^(?:arn:aws:secretsmanager|arn:aws:ssm|projects/[^/]+/secrets/)`,
    String.raw`(?:process\.env|os\.environ|os\.getenv|ENV\[|env\(|getenv\(|System\.getenv|Environment\.GetEnvironmentVariable)`,
    String.raw`^\{env:[^}]+\}$`,
    String.raw`^\{file:[^}]+\}$`,
    String.raw`^@{1,2}[a-z_]\w*(?:\.[a-z_]\w*)*[,;]?$`, // Ruby instance and class variables: @config.http_proxy_pass
    String.raw`^~[a-z_][\w]*(?:\.[A-Za-z_]\w*)+$`, // Sphinx types in docstrings: ~azure.synapse.models.SecretBase
    String.raw`^[\w.-]+\/[\w.-]+@v?\d+(?:\.\d+)*$`, // a GitHub Action or package at a version: actions/create-github-app-token@v2.2.0
    String.raw`^#[a-z][a-z0-9]*(?:[_-][a-z0-9]+)+$`, // a CSS id selector: '#snmp_priv_passphrase'
    String.raw`^&[a-z][\w-]*:[A-Za-z][\w-]*$`, // FreeRADIUS attribute references: &session-state:Tmp-Integer-0
  ].join('|'),
);

export function isReference(value: string): boolean {
  return REFERENCE.test(value);
}

/** Words that, alone or joined (`my-secret-password`, `test123`), make a value a placeholder rather than a secret. */
const PLACEHOLDER_WORDS = new Set(
  (
    'changeme change me changeit password passwd pass pwd secret secrets mysecret token apikey api key test tests testing ' +
    'dummy fake placeholder redacted todo tbd fixme null none nil undefined empty example examples sample samples demo ' +
    'your yours my mine here insert replace with value default local localhost dev development staging prod production ' +
    'admin administrator root user username postgres postgresql mysql mariadb mongo mongodb redis rabbitmq guest minio ' +
    'minioadmin ci app db database foo bar baz qux xyz abc abcd abcdef letmein welcome hello world super some thing ' +
    'keep set put fill enter add generate generated random string sekret s3cret secure strong new old the a an of for ' +
    'to be is it this that goes here private public access auth credential credentials client id key1 key2 hunter ' +
    'qwerty asdf asdfgh zxcv pa ss word docker compose service services server backend frontend api1 web worker ' +
    'geheim parole passwort kennwort motdepasse contrasena senha ' +
    // DevStack's and OpenStack's documented service password, `nomoresecret`.
    'no more ' +
    // Redis's documented sample password (`requirepass foobared`), Oracle's scott/tiger, a passphrase field's name.
    'foobared tiger passphrase ' +
    // FreeRADIUS's test certificates' passphrase, copied into every RADIUS and TLS how-to.
    'whatever ' +
    // xkcd 936's example passphrase, quoted in tests and docs everywhere.
    'correct horse battery staple ' +
    // Secrecy said as a placeholder (`my-top-secret`, `verysecret`, a master user's `master-secret`), as client
    // libraries' READMEs and mail servers' manuals write it.
    'top very master ' +
    // Anonymous FTP's conventional password (`anonymous@`, Net::FTP's `-anonymous@`, an FTP client's `anon@ftp.com`):
    // public by design.
    'anonymous anon ftp com ' +
    // Secrecy said as a sentence run together (`thisisreallysecretandhardtoguess`, `ssshverysecret`), a word cut short
    // (`someadminpas`), a possessive's or a leetspeak dollar's `s` (`My^$pAsswIrD%@`), a REST API's default
    // (`restpass`), a crypt placeholder (`cryptpass`), a spelt-out super (`s00pers3cret`), a cloud's admin.
    'really hard guess and shh ssh sssh pas s rest crypt sooper cloud ' +
    // A field the integration leaves unused, filled so a form validates (`password: 'not-needed'`, `unused`).
    // PostgreSQL's replication and pg_rewind roles named in their own password (Patroni's `rep-pass`, `rewind-pass`).
    'rep repl replication replicator rewind ' +
    'not needed unused required ' +
    // What a value is, said instead of it (`addStringData('password', 'some-encrypted-data')`).
    'encrypted data ' +
    // The flag named in prose after it (`provide the file path in the --password argument`).
    'argument arguments option options parameter parameters flag ' +
    // Secrecy denied in words (`redis://shared:some_password_everyone_knows@…`, a shared staging login in a comment).
    'everyone knows'
  ).split(' '),
);

const PLACEHOLDER_PATTERNS = [
  /^<[^<>]+>$/, // <your-token>
  /^\[[^\]]+\]$/, // [REDACTED]
  /^\*+$/,
  /^(.)\1+$/, // xxxx, 0000
  /^(?:x+|X+|0+|\*+|\.+|-+|_+|#+)$/,
  /(?:x{5,}|X{5,}|\*{4,}|0{8,}|a{6,}|\.{3,}|\u2026)/, // trufflehog-style fill substrings
  // A letter held down (`c0d3b4ssssss!`): six in a row, which a random key holds about once in a billion. Only a
  // lowercase letter past hex's: base64 of binary runs its zero bytes into `AAAAAAAA`, hex its masks into `ffffff`.
  /([g-z])\1{5,}/,
  /example|sample|placeholder|dummy|changeme|change_me|change-me|replace[_-]?me|replace[_-]with|generate[_-]with|openssl[_-]rand|your[_-]|_here\b|redacted|not[_-]?a[_-]?real|notreal|fake[_.-]|[_.-]fake|^mock|[_-]mock/i,
  // Values that say they are no secret (`insecure-key-do-not-use-this-key`), and redaction marks (`auth=05f3<deleted>`).
  /do[_-]?not[_-]?use|insecure[_-]|<deleted>|<redacted>|<snip>|not[_-]?production/i,
  // A name between template delimiters (`##MS365_CLIENT_SECRET##`, `@@DB_PASSWORD@@`, `__API_KEY__`).
  /^(?:##|@@|__|%%)[A-Za-z][\w.-]*(?:##|@@|__|%%)$/,
  /1a2b3c|a1b2c3|abc123|123abc/i,
  // express-session's documented secret, dressed up (`extremely-secure-keyboard-cat`).
  /keyboard[-_ ]?cat/i,
  // A stand-in written inside a longer value (`endpoint=https://<resource-name>.azure.com/;accessKey=<Base64-Encoded-Key>`):
  // an angle-bracketed name no generated key holds.
  /<[A-Za-z][\w.]*(?:[- ][\w.]+)*>/,
  // A value that states its own size (`rcmail-!24ByteDESkey*Str`, `32-byte-secret`, `your-256-bit-key`): a
  // description of what goes there, not a key.
  /\d{1,4}[-_ ]?(?:bytes?|chars?|characters?|bits?)(?:[-_ ]?long)?[-_ ]?(?:des|aes|hmac|random|hex)?[-_ ]?(?:key|secret|str|string|pass|password|token|value)/i,
  // Format strings (`flow_{0}`, `{name}`, `%(user)s`); a bare `%s` is not one, generated keys hold `%` and letters.
  /\{\d*\}|\{[A-Za-z_]\w*\}|%\([\w.]+\)[sdr]/,
  // A printf conversion standing alone (`Auth-Token:%s`, `%s`), or Dovecot's user variables (`passdb/%u`, `%n`):
  // generated keys hold `%` only beside letters or digits.
  /(?:^|[^A-Za-z0-9%])%[sdun](?![A-Za-z0-9])/,
  /^(?:abc|123|1234|12345|123456|1234567|12345678|123456789|0123456789|abcdef|abcdefgh|qwerty)[a-z0-9]{0,4}$/i,
  /^(?:true|false|yes|no|on|off|null|nil|none|undefined|required|optional|string|number|secret|password|token)$/i,
  // A switch's state (autoconf's cached `py_cv_module_pwd=disabled`: Python's `pwd` module, not a password).
  /^(?:enabled|disabled|missing|unavailable|n\/a)$/i,
  // A terminal colour escape (`const PASS = '\x1b[32mPASS\x1b[0m'`, a test runner's verdict): text to print, which no
  // generated secret or chosen password is written with.
  /(?:\\x1[bB]|\\u001[bB]|\\033|\\e|\x1b)\[[0-9;]*m/,
];

/** Keyboard rows, longest first: what a person types to fill a field. */
const KEYBOARD_ROWS = /qwertyuiop|asdfghjkl|zxcvbnm|qwertz|azerty|qwerty|asdfgh|zxcvbn/gi;

/**
 * A long value made largely of stretches typed along the alphabet or the keyboard (`akab-1234567890qwerty-asdfghjkl`,
 * `abcdefghijklmnopqrstuvwxyz1234567890ABCDEFG=`): a template's filler. Only long values (generated tokens are; the
 * passwords people choose, `Qwerty2024x`, are not) and only when the runs are a third of it: a random key holds a
 * four-character run about once in 200,000 positions.
 */
function isMostlyTyped(value: string): boolean {
  if (value.length < 20) return false;
  let covered = 0;
  let run = 1;
  for (let i = 1; i <= value.length; i++) {
    if (i < value.length && value.charCodeAt(i) - value.charCodeAt(i - 1) === 1) {
      run++;
      continue;
    }
    if (run >= 4) covered += run;
    run = 1;
  }
  for (const row of value.matchAll(KEYBOARD_ROWS)) covered += row[0].length;
  return covered * 3 >= value.length;
}

/**
 * Fingers run along the keyboard's home row (`sdlfkjsdlkfsjdfLDKFTERLKFDFKLjsdfks…`): four in five of twenty letters
 * or more from `asdfghjkl`, where a random key has about one in three, and twenty such letters about once in a million.
 * Not hex, whose letters are half `a`, `d` and `f`.
 */
function isHomeRowMash(value: string): boolean {
  if (value.length < 20 || /^[0-9a-fA-F]+$/.test(value)) return false;
  let letters = 0;
  let home = 0;
  for (const char of value) {
    const lower = char.toLowerCase();
    if (lower < 'a' || lower > 'z') continue;
    letters++;
    if ('asdfghjkl'.includes(lower)) home++;
  }
  return letters >= 20 && home >= letters * 0.8;
}

/** Sequential runs (`abcdefgh`, `12345678`) are typed by people, not generated. */
function isSequential(value: string): boolean {
  if (value.length < 6) return false;
  let runs = 0;
  for (let i = 1; i < value.length; i++) {
    if (value.charCodeAt(i) - value.charCodeAt(i - 1) === 1) runs++;
  }
  // Mostly ascending runs (`1234567890abcdef...`, `0123456789abcdef0123456789abcdef`): a random value has one such
  // step in sixty.
  return runs >= (value.length - 1) * 0.8;
}

/**
 * The alphabet's or the digits' run typed out of order (`abcedfgh`, `13245768`): every character once, and together
 * they make an unbroken run. Eight random characters do so about once in a hundred billion.
 */
function isShuffledRun(value: string): boolean {
  if (value.length < 6 || value.length > 26 || !/^(?:[a-z]+|[A-Z]+|[0-9]+)$/.test(value)) return false;
  const codes = [...value].map((char) => char.charCodeAt(0)).sort((a, b) => a - b);
  return codes.every((code, index) => index === 0 || code === codes[index - 1]! + 1);
}

const LEET: Readonly<Record<string, string>> = lookupTable({ '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' });

/** True when the value is made only of placeholder words (after digits and separators are dropped). */
function isWordSalad(value: string): boolean {
  const lower = value.toLowerCase();
  // Runs of digits (`123`, `2024`) and digits at either end (`password1`) are padding; single digits inside
  // words are leetspeak (`s3cret`).
  if (segmentsAll(lower.replace(/\d{2,}|^\d+|\d+$/g, ' '))) return true;
  // A run of leetspeak digits between letters spells letters too (`s00pers3cret`).
  return /[a-z][013457]{2,}[a-z]/.test(lower) && segmentsAll(lower.replace(/^\d+|\d+$/g, ' '));
}

/** Every chunk of the text, leetspeak read as letters, segments into placeholder words. */
function segmentsAll(text: string): boolean {
  const normalised = text
    .replace(/[013457@$]/g, (char) => LEET[char] ?? char)
    // "password" misspelt on purpose (`pAsswIrD`, `passwrd`): the word all the same.
    .replace(/passw[a-z]{0,2}d/g, 'password')
    .replace(/[^a-z]+/g, ' ')
    .trim();
  if (normalised === '') return true;
  return normalised.split(' ').every((chunk) => segmentsInto(chunk));
}

/** Can `text` be split into placeholder words? (`mysecretpassword` -> my + secret + password.) */
function segmentsInto(text: string): boolean {
  const reachable = new Array<boolean>(text.length + 1).fill(false);
  reachable[0] = true;
  for (let end = 1; end <= text.length; end++) {
    for (let start = Math.max(0, end - 14); start < end; start++) {
      if (reachable[start] && PLACEHOLDER_WORDS.has(text.slice(start, end))) {
        reachable[end] = true;
        break;
      }
    }
  }
  return reachable[text.length]!;
}

/** Documented example values that look real: vendors' docs keys, jwt.io, Supabase CLI demo secrets. */
const KNOWN_EXAMPLES = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'AKIAI44QH8DHBEXAMPLE',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_TYooMQauvdEDq54NiTphI7jx',
  'your-256-bit-secret',
  'super-secret-jwt-token-with-at-least-32-characters-long',
  'dev-only-token',
  'minioadmin',
  'notasecret',
  // OAuth RFC examples (5849, 6749, 7009), quoted in library docs and docstrings everywhere.
  'dpf43f3p2l4k3l03',
  'kd94hf93k423kf44',
  'hh5s93j4hdidpola',
  'hdk48Djdsa',
  'nnch734d00sl2jdk',
  'pfkkdhi9sl3r4s00',
  '0685bd9184jfhq22',
  'ad180jjd733klru7',
  'kllo9940pd9333jh',
  '2YotnFZFEjr1zCsicMWpAA',
  'tGzv3JOkF0XG5Qx2TlKWIA',
  'SplxlOBeZQQYbYS6WxSbIA',
  'czZCaGRSa3F0MzpnWDFmQmF0M2JW',
  's6BhdRkqt3',
  'gX1fBat3bV',
  '7Fjfp0ZBr1KtDRbnfVdmIw',
  '45ghiukldjahdnhzdauz',
  // MinIO's public playground (play.min.io) keys, in the MinIO SDKs' READMEs and every tool's S3 docs, and the
  // example pair of rclone's MinIO guide.
  'Q3AM3UQ867SPQQA43P2F',
  'zuf+tfteSlswRu7BJ86wekitnifILbZam1KYY3TG',
  'USWUXHGYZQYFYFFIT3RE',
  'MOJRH0mkL1IPauahWITSVvyDrQbEEIwljvmxdq03',
  // The personal access token Databricks' documentation prints.
  'dapi1234567890ab1cde2f3ab456c7d89efa',
  // The secret key Flask's documentation prints as `secrets.token_hex()`'s output (its tutorial's config.py, its
  // configuration chapter), copied into tutorials and starter apps; and its older `os.urandom` example.
  '192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf',
  '_5#y2L"F4Q8z\\n\\xec]/',
  // The OAuth application secret Square's API reference shows for ObtainToken, in every Square SDK's docs.
  'sq0csp-30a-4C_tVOnTh14Piza2BfTPBXyLafLPWSzY1qAjeBfM',
  // Vendors' published lab and factory passwords, in their sandboxes' guides and every example playbook written
  // against them: Cisco's DevNet sandboxes, DNA Center's lab login, CyberArk's and Conjur's demo administrator,
  // Infoblox NIOS's factory admin password.
  'C1sco12345',
  'Maglev123',
  'Cyberark1',
  'infoblox',
  // Pulumi's wire protocol's signature keys (`specialSigKey`, `specialSecretSig`): the same constants in every Pulumi
  // SDK and program that marks a value secret, not secrets themselves.
  '4dabf18193072939515e22adb298388d',
  '1b47061264138c4ac30d75fd1eb44270',
]);

/**
 * A value written to be replaced: template words, fill characters, sequences, documented examples, or a body
 * that is only a provider prefix plus filler (`ghp_xxxxxxxx`).
 */
export function isPlaceholder(value: string): boolean {
  // Documentation rendered to HTML or SGML escapes its angle brackets: `&lt;postgres user's password&gt;`.
  const unescaped = value.includes('&') ? unescapeMarkup(value) : value;
  const trimmed = (unescaped.includes('\\') ? unescapeRoff(unescaped) : unescaped).trim();
  if (trimmed.length === 0) return true;
  if (KNOWN_EXAMPLES.has(trimmed)) return true;
  if (/EXAMPLE(?:KEY)?$/.test(trimmed)) return true;
  if (PLACEHOLDER_PATTERNS.some((pattern) => pattern.test(trimmed))) return true;
  if (isSequential(trimmed) || isMostlyTyped(trimmed) || isShuffledRun(trimmed) || isHomeRowMash(trimmed)) return true;
  const body = trimmed.replace(/^[a-z]{2,8}[_-](?:[a-z0-9]{1,8}[_-])?/i, '');
  if (body.length >= 8 && /^(.)\1+$/.test(body)) return true;
  // A UUID of a few digits repeated (`11111111-1111-…`, `aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee`): a generated one holds
  // a dozen or more of the sixteen.
  if (UUID.test(trimmed) && new Set(trimmed.replace(/-/g, '').toLowerCase()).size < 7) return true;
  return false;
}

/**
 * What a login checks a password against, or what a key service decrypts: stored password hashes (modular crypt
 * `$2y$…`, `$argon2id$…`, `$6$…`, Junos `$9$…`; Django's `pbkdf2_sha256$…`; LDAP's `{SSHA}…`; MySQL's `*<40 hex>`;
 * PostgreSQL's `SCRAM-SHA-256$…` and `md5<32 hex>`), OpenSSL `enc` output (`U2FsdGVkX1…`, "Salted__") and AWS KMS
 * ciphertext blobs (`AQICAH…`), Jenkins' `{AQAAAB…}` secrets, Jasypt's `ENC(…)`, SOPS's `ENC[AES256_GCM,data:…]` and
 * DigitalOcean App Platform's encrypted `EV[1:…]` values (what `doctl apps spec get` writes). Committed by design
 * in user fixtures and encrypted configs; not the secret.
 */
const HASH_OR_CIPHERTEXT =
  /^(?:\$(?:2[abxy]?|argon2(?:id|i|d)|[13569]|7|y|gy|sha1|md5|apr1|scrypt|pbkdf2(?:-sha\d+)?)\$[^\s]{8,}|\*[0-9A-Fa-f]{40}|SCRAM-SHA-(?:1|256)\$[^\s]{8,}|md5[0-9a-f]{32}|U2FsdGVkX1[A-Za-z0-9+/]{10,}={0,2}|(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|bcrypt|scrypt|sha1|md5|unsalted_md5|unsalted_sha1|crypt)\$[^\s]{8,}|\{(?:SSHA|SHA|SSHA256|SSHA512|CRYPT|PBKDF2(?:-SHA\d+)?|ARGON2|MD5|SMD5)\}[^\s]{8,}|AQI[BCD]AH[A-Za-z0-9+/]{40,}={0,2}|\{AQAAAB[A-Za-z0-9+/]{10,}={0,2}\}|ENC\([^)\s]{8,}\)|ENC\[[A-Z0-9_]+,data:[^\]]*\]|EV\[\d+:[A-Za-z0-9+/=:]{16,}\])$/;

export function isHashOrCiphertext(value: string): boolean {
  // A hash written inside a double-quoted shell string escapes its dollars: `'\$5\$6fc35c…'`.
  return HASH_OR_CIPHERTEXT.test((value.includes('\\$') ? value.replace(/\\\$/g, '$') : value).trim());
}

/**
 * A manual page's quotes, dashes and font changes written as roff escapes (`\*(Aqsecret\*(Aq`, `\(dq`, `\-`,
 * `username\fP`), back to what they print; quotes around the value are dropped with them.
 */
function unescapeRoff(value: string): string {
  if (!/\\(?:\*\(|\(|-|&|f[BIRP])/.test(value)) return value;
  return value
    .replace(/\\\*\((?:Aq|aq|C'|C`|lq|rq|L"|R")|\\\((?:aq|dq|oq|cq|lq|rq)|\\f[BIRP]/g, '')
    .replace(/\\-/g, '-')
    .replace(/\\&/g, '');
}

/** `&lt;` `&gt;` `&quot;` `&amp;` and numeric references, back to the characters they stand for. */
function unescapeMarkup(value: string): string {
  return value.replace(/&(?:lt|gt|quot|amp|apos|#(\d{2,3}));/g, (entity, code?: string) => {
    if (code !== undefined) return String.fromCharCode(Number(code));
    return entity === '&lt;' ? '<' : entity === '&gt;' ? '>' : entity === '&quot;' ? '"' : entity === '&apos;' ? "'" : '&';
  });
}

/** A prefixed token's plausibility: the part after the prefix is no placeholder and not a few characters repeated. */
export function randomAfter(prefix: number, distinct = 8): (value: string) => boolean {
  return (value) => !isPlaceholder(value.slice(prefix)) && new Set(value.slice(prefix)).size >= distinct;
}

/** Placeholder or a word salad of them: for values that have no provider format to vouch for them (passwords). */
export function isHumanPlaceholder(value: string): boolean {
  return isPlaceholder(value) || isWordSalad(value.includes('\\') ? unescapeRoff(value) : value);
}

/** Looks generated: long enough, varied enough, and mixing character classes the way random tokens do. */
export function looksRandom(value: string, minLength = 16, minEntropy = 3.0): boolean {
  if (value.length < minLength) return false;
  if (/\s/.test(value)) return false;
  if (entropy(value) < minEntropy) return false;
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((pattern) => pattern.test(value)).length;
  return classes >= 2;
}

export const UUID_SOURCE = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}';
export const UUID = new RegExp(`^${UUID_SOURCE}$`);

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(text: string): number {
  let crc = 0xffffffff;
  for (let i = 0; i < text.length; i++) crc = (crc >>> 8) ^ CRC_TABLE[(crc ^ text.charCodeAt(i)) & 0xff]!;
  return (crc ^ 0xffffffff) >>> 0;
}

export function base62(value: number, width: number): string {
  let out = '';
  let rest = value;
  while (rest > 0) {
    out = BASE62[rest % 62] + out;
    rest = Math.floor(rest / 62);
  }
  return out.padStart(width, '0');
}

/**
 * GitHub (`ghp_`, `gho_`, `ghu_`, `ghs_`, `ghr_`) and npm (`npm_`) tokens end in a base62 CRC32 of their random
 * part: a failing checksum means the value was made up (docs, tests), not issued.
 */
export function hasValidBase62Checksum(token: string, prefixLength: number): boolean {
  const body = token.slice(prefixLength, -6);
  return base62(crc32(body), 6) === token.slice(-6);
}

/** Escapes a literal for use inside a RegExp source. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Standard or URL-safe base64 (padding and line breaks optional, `\\n` escapes included) decoded to text; undefined
 * when it is not base64 or not text.
 */
export function decodeBase64Text(value: string): string | undefined {
  const clean = value.replace(/\\n|\s/g, '');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(clean)) return undefined;
  const text = Buffer.from(clean.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8');
  return text.includes('\uFFFD') ? undefined : text;
}

export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
}

/** Decodes a JWT's header and payload; undefined when either part is not base64url JSON (a malformed token). */
export function decodeJwt(token: string): DecodedJwt | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const header = JSON.parse(Buffer.from(parts[0]!, 'base64url').toString('utf8')) as unknown;
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as unknown;
    if (!isObject(header) || !isObject(payload)) return undefined;
    return { header, payload };
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Splits an identifier into lower-case words: `stripeSecretKey`, `STRIPE_SECRET_KEY`, `stripe-secret-key`. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}
