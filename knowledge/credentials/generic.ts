// Credentials recognised by shape or by name rather than by a provider's prefix: secret-named values, passwords,
// connection strings with inline passwords, URLs with basic auth, private keys and JWTs.
import { sample } from '../../src/model.js';
import type { CredentialContext, CredentialKind, Rating, ValuePattern } from './types.js';
import { decodeJwt, isHashOrCiphertext, isHumanPlaceholder, looksRandom, wordsOf } from './values.js';
import { READ_ONLY_USER } from './names.js';

const ROOT_NAME_WORDS = new Set(['admin', 'root', 'master', 'superuser', 'super', 'owner', 'sudo', 'global', 'privileged', 'sa', 'elastic']);
const TEST_NAME_WORDS = new Set(['test', 'testing', 'sandbox', 'mock', 'fake', 'dummy', 'local', 'example', 'sample', 'demo']);

const USER_WORDS = new Set(['user', 'username', 'login', 'uid', 'usr']);

/** Words that put a user/password pair on a database (`POSTGRES_USER`, `DB_PASSWORD`, `spring.datasource.username`). */
const DATABASE_WORDS = new Set(['db', 'database', 'datasource', 'postgres', 'postgresql', 'pg', 'mysql', 'mariadb', 'mongo', 'mongodb', 'sql', 'mssql', 'oracle', 'redis', 'rds']);

/**
 * The superuser a sibling key names as the account (`POSTGRES_USER: postgres`, `define('DB_USER', 'root')`), when
 * the pair is a database's: `admin` beside a network appliance's or a web app's password is that system's login.
 */
function superuserBeside(context: CredentialContext): string | undefined {
  const passwordWords = wordsOf(context.variable ?? '');
  // Spring's `datasource: { url: jdbc:..., username: postgres, password: ... }` names the database by its URL.
  // The superuser of a database on the developer's own machine reaches that machine's data only.
  if (Object.entries(context.siblingValues).some(([name, value]) => /^(?:host|hostname|server|db_host)$/i.test(name) && LOOPBACK.test(value.trim()))) return undefined;
  // Rails' `adapter: postgresql` and Django's `ENGINE: django.db.backends.mysql` name the database beside the pair.
  // A MySQL option file (`.my.cnf`, `[client] user=root`) is a database client's by its name.
  const besideDatabaseUrl =
    MYSQL_OPTION_FILE.test(context.path) || Object.entries(context.siblingValues).some(([name, value]) => DATABASE_URL.test(value.trim()) || (DATABASE_ENGINE_KEY.test(name) && DATABASE_ENGINE_VALUE.test(value)));
  // The other words of the password's name say whose it is (`POSTGRES` of `POSTGRES_PASSWORD`): a user named for
  // another system (`MINIO_ROOT_USER` in the same compose file) is that system's account.
  const owner = passwordWords.filter((word) => !PASSWORD_NAME_WORDS.has(word));
  for (const [name, value] of Object.entries(context.siblingValues)) {
    const words = wordsOf(name);
    if (!words.some((word) => USER_WORDS.has(word)) || !SUPERUSERS.has(value.trim().toLowerCase())) continue;
    const userOwner = words.filter((word) => !USER_WORDS.has(word) && !ROOT_NAME_WORDS.has(word));
    if (owner.length > 0 && userOwner.length > 0 && !userOwner.some((word) => owner.includes(word) || DATABASE_WORDS.has(word))) continue;
    if (besideDatabaseUrl || [...words, ...passwordWords].some((word) => DATABASE_WORDS.has(word))) return `${name} ${value.trim()}`;
  }
  return undefined;
}

/** MySQL's option files, which its clients read their `[client]` user and password from. */
const MYSQL_OPTION_FILE = /(?:^|\/)\.?my\.cnf$/;

const PASSWORD_NAME_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret']);
const DATABASE_ENGINE_KEY = /^(?:adapter|engine|driver|dialect|client|db_connection)$/i;
const DATABASE_ENGINE_VALUE = /(?:^|[.:/_-])(?:postgres(?:ql)?|postgis|pg|mysql2?|mariadb|trilogy|sqlserver|mssql|oracle|oracle_enhanced)(?:$|[.:/_-])/i;

/**
 * The superuser a password's own line names as its account: a `.pgpass` line (`host:port:db:postgres:…`), a libpq
 * keyword string or a client call (`user=postgres`, `user="sa"`), a client's user flag (`mysql -u root`), a
 * `CREATE USER`/`ALTER ROLE` statement.
 */
function superuserOnLine(line: string): string | undefined {
  const account =
    /^[^:\s#]+:(?:\d+|\*):[^:\s]+:([^:\s]+):/.exec(line)?.[1] ??
    /\b(?:user|username|login)[ \t]*=[ \t]*["']?([\w.-]+)/i.exec(line)?.[1] ??
    // The account a statement creates is the password's, whoever runs the client (`mysql -u root -e "CREATE USER …"`).
    /\b(?:CREATE|ALTER)[ \t]+(?:USER|ROLE)[ \t]+["'`]?([\w.-]+)/i.exec(line)?.[1] ??
    // A client's flag: `mysql -u root -p…`, `mysql -uroot`, `psql -U postgres`, `--user root`.
    /(?:^|\s)(?:-u|-U|--user(?:name)?)(?:[ \t]+|=)?["']?([A-Za-z_][\w.-]*)/.exec(line)?.[1];
  const user = account?.toLowerCase();
  if (!user || !SUPERUSERS.has(user)) return undefined;
  // `admin` and `root` are every system's first account (a fence device's `login="admin"`): only a line that is a
  // database's says they are its superuser. `postgres`, `sa` and `rdsadmin` say so themselves.
  return GENERIC_ACCOUNTS.has(user) && !DATABASE_LINE.test(line) ? undefined : `user ${user}`;
}

const GENERIC_ACCOUNTS = new Set(['admin', 'administrator', 'root', 'system', 'master', 'superuser']);
/** A line that connects to a database: a client, a driver's keywords, a .pgpass entry, a SQL statement. */
const DATABASE_LINE = /\b(?:mysql|mysqldump|mariadb|psql|pg_dump|postgres(?:ql)?|mongo(?:sh|dump|restore)?|sqlcmd|dbname|database|jdbc|sqlserver|mssql|redis|create\s+(?:user|role)|alter\s+(?:user|role)|identified\s+by)\b|^[^:\s#]+:(?:\d+|\*):[^:\s]+:/i;

const DATABASE_URL = /^(?:jdbc:[a-z]+:|(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|sqlserver|mssql):\/\/)/i;

/**
 * Rating by what the variable's name says: admin/root names reach the whole service, test names reach a sandbox.
 * A password's account may be named beside it instead (`accountBeside`: passwords only).
 */
function rateByName(context: CredentialContext, fallback: Rating, accountBeside = false): Rating {
  const words = wordsOf(context.variable ?? '');
  const admin = words.find((word) => ROOT_NAME_WORDS.has(word));
  if (admin) return { scope: 'root-resource', because: `variable ${context.variable} names ${/^[aeiou]/.test(admin) ? 'an' : 'a'} ${admin} credential` };
  const superuser = accountBeside ? superuserBeside(context) : undefined;
  if (superuser) return { scope: 'root-resource', because: `it is the password of ${superuser}, the database's superuser` };
  const test = words.find((word) => TEST_NAME_WORDS.has(word));
  if (test) return { scope: 'test', because: `variable ${context.variable} names a ${test} credential` };
  return fallback;
}

export const genericSecret: CredentialKind = {
  id: 'generic-secret',
  provider: 'generic',
  title: 'Secret-named value',
  rate: (context) => rateByName(context, { scope: 'unknown', because: 'the value does not name its provider' }),
  reach: 'can do whatever the service that issued it allows; an admin-named secret reaches the whole service',
  narrower: 'move it to a secret manager or a git-ignored .env file and issue the narrowest key the service offers',
  exposedSeverity: 'medium',
  samples: {
    positive: [
      sample('deploy/partner.env', 'PARTNER_API_TOKEN=4fa9d2a7f3d8a1f6d0a5f2d9a3f7d1a8f4d6a2f0d5a9f3d7a1f8d2a6f4d0a3f9\n', { expect: { line: 1 }, note: "hex, whose letters are half the home row's: no keyboard mash" }),
      sample('deploy/webhooks.env.sh', 'export HMAC_SHA256_SECRET=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL\n', { note: 'a signing algorithm before the secret word names what it signs with, not a checksum' }),
      sample('scripts/report.sh', '#!/bin/sh\ncurl "https://api.partner.io/v1/export?api_key=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL&format=csv" -o report.csv\n', { expect: { line: 2 }, note: 'a query parameter holding a key, up to the next &' }),
      sample('.cursor/mcp.json', '{\n  "mcpServers": {\n    "planetscale": {\n      "command": "pscale",\n      "args": ["mcp", "server"],\n      "env": { "PLANETSCALE_SERVICE_TOKEN": "q8Vt2LmR9xKp4NwZ7bYc3HfJ6sDg1AeU5oTi" }\n    }\n  }\n}\n', { expect: { line: 6 }, note: 'a service token is a secret; a token service is not' }),
      sample('deploy/nginx/api.conf', 'location /upstream/ {\n  proxy_set_header Authorization "Bearer Xr7pQ2vLm9zKd4TwHn8sYb3FqPw2Lk";\n  proxy_pass https://partner.acme.io/;\n}\n', { expect: { line: 2 }, note: 'nginx sets a header without a colon' }),
      sample('config/settings.yml', 'payments:\n  provider: acme\n  api_key: "k7Qp2xV9mB4nR8sT1wY6zA3cF5hJ0lN2"\n', { expect: { line: 3 } }),
      sample('scripts/tunnel.sh', '#!/bin/sh\ncurl -x http://localhost:3128 "https://api.partner.io/v1/export?api_key=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL&format=csv"\n', { expect: { line: 2 }, note: 'through a local proxy, the key still goes to the remote host its URL names' }),
      sample('Dockerfile', 'FROM node:20-alpine\nWORKDIR /app\nENV PARTNER_API_TOKEN Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM\nCMD ["node", "server.js"]\n', { expect: { line: 3 }, note: "Dockerfile's legacy ENV form, name and value apart" }),
      sample('app.json', '{\n  "name": "acme-partner",\n  "env": {\n    "PARTNER_API_TOKEN": {\n      "description": "Partner API",\n      "value": "Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM"\n    }\n  }\n}\n', { expect: { line: 6 }, note: "Heroku's app.json: the name holds a map whose value is the secret" }),
      sample('src/client.ts', "export const client = createClient({\n  baseUrl: 'https://api.acme.dev',\n  apiToken: 'c8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b',\n});\n", { expect: { line: 3 } }),
      sample('scripts/sync.py', 'import requests\n\nSYNC_SECRET = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\nrequests.post(URL, headers={"X-Secret": SYNC_SECRET})\n', { expect: { line: 3 } }),
      sample('src/env.js', "const signingKey = process.env.WEBHOOK_SIGNING_KEY ?? 'b3JjYS1zaWduaW5nLWtleS0yMDI2LXF3ZXJ0eQ';\nmodule.exports = { signingKey };\n", { expect: { line: 1 } }),
      sample('deploy/values.yaml', 'env:\n  - name: PARTNER_API_TOKEN\n    value: "T9xK2mQ7vB4nW8pR1sY5zA0cF3hJ6lD"\n', { expect: { line: 3 } }),
      sample('src/partners.ts', "export const partner = {\n  name: 'fleetco',\n  partnerApiToken:\n    'Pq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2e',\n};\n", { expect: { line: 4 }, note: 'wrapped by the formatter onto the next line: read through the AST' }),
      sample('app/config.py', 'import os\n\nPAYMENTS_TOKEN = os.getenv("PAYMENTS_API_TOKEN", "Rk3vQ8mW2nL7tX5zB9yC4fH1jD6gS0aP")\n', { expect: { line: 3 }, note: 'the default runs wherever the variable is unset' }),
      sample('config/initializers/partner.rb', 'PARTNER_TOKEN = ENV.fetch("PARTNER_API_TOKEN", "Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM")\n', { expect: { line: 1 } }),
      sample('tests/conftest.py', 'import os\n\nos.environ["PAYMENTS_API_TOKEN"] = "Rk3vQ8mW2nL7tX5zB9yC4fH1jD6gS0aP"\n', { expect: { line: 3 } }),
      sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./scripts/publish --release --api-token 8kQ2vX7mRt4LpZ9wN3cY6bHd\n', { expect: { line: 5 }, note: 'a value given to a secret-named command-line flag' }),
      sample('src/config.rs', 'pub const PARTNER_API_KEY: &str = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL";\n', { expect: { line: 1 }, note: 'a type between the name and the value' }),
      sample('app/Config/partner.php', "<?php\n$config['partner_api_token'] = 'c8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b';\n", { expect: { line: 2 } }),
      sample('Web.config', '<?xml version="1.0"?>\n<configuration>\n  <appSettings>\n    <add key="PartnerApiToken" value="Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL" />\n  </appSettings>\n</configuration>\n', { expect: { line: 4 }, note: 'a .NET appSetting: name and value as attributes' }),
      sample('docs/partner.html', '<table>\n  <tr><td>Endpoint</td><td>https://api.partner.io/v2</td></tr>\n  <tr><td>API key</td><td>Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL</td></tr>\n</table>\n', { expect: { line: 3 }, note: 'a two-column HTML table with no header: a name and its value a row' }),
      sample('ios/App/Secrets.plist', '<?xml version="1.0" encoding="UTF-8"?>\n<plist version="1.0">\n<dict>\n\t<key>PartnerApiSecret</key>\n\t<string>Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM</string>\n</dict>\n</plist>\n', { expect: { line: 5 }, note: 'a property list: the value on the line after its key' }),
      sample('app/settings.py', 'from pydantic_settings import BaseSettings\n\nclass Settings(BaseSettings):\n    partner_api_token: str = "Rk3vQ8mW2nL7tX5zB9yC4fH1jD6gS0aP"\n', { expect: { line: 4 }, note: 'an annotated field with a default' }),
      sample('internal/client/client.go', 'func newRequest() *http.Request {\n\treq, _ := http.NewRequest("GET", base, nil)\n\treq.Header.Set("X-Api-Key", "Nw6kP1vR8qL3tY5zB2xC9fH4jD7gS0aM")\n\treturn req\n}\n', { expect: { line: 3 }, note: 'a header set by a call' }),
      sample('config/settings.yaml', 'monitoring:\n  provider: datadog\n\nsearch:\n  engine:\n    app_id: K7QX2M9PLA\n    api_key: 4f1c9e27b3a86d05c2e7f91b48a3d6e0\n', { expect: { line: 7 }, note: "a bare name a provider's pattern takes only with its context (Datadog's api_key): the context disowns it, the name still holds a secret" }),
    ],
    negative: [
      sample('src/audit/policies.ts', 'export const auditPolicy = {\n  state: "Enabled",\n  storageAccountAccessKey: "sdlfkjabc+sdlfkjsdlkfsjdfLDKFTERLKFDFKLjsdfksjdflsdkfD2342309432849328476458/3RSD==",\n};\n', { note: "fingers run along the keyboard's home row" }),
      sample('src/config/diagnostics.config.ts', "export class DiagnosticsConfig {\n  enabled = true;\n  apiKey = 'phc_kMstNfAgBcBkWSh6KdsgN09heqqNe5VNmalHP1Ni9Q4';\n}\n", { note: "PostHog's project key, whatever the name holding it: it only sends events" }),
      sample('acme_cli.egg-info/entry_points.txt', '[acme.cli]\nsecret_create = acme_cli.compute.v2.secrets:CreateSecret\napi_key_rotate = acme_cli.identity.v3.keys:RotateEC2Key\n', { note: 'entry points: a module and the class it holds, an acronym among its words' }),
      sample('src/geo/fields.ts', "export const geoidField = { valueKey: 'geoidSeparation', unitKey: 'heightAboveWGS84Ellipsoid' };\n", { note: "an identifier with an acronym and its number among the words" }),
      sample('config/custom.js', "module.exports.custom = {\n  // sendgridSecret: 'SG.fake.3e0Bn0qSQVnwb1E4qNPz9JZP5vLZYqjh7sn8S93oSHU',\n};\n", { note: 'a key that says it is fake between its dots' }),
      sample('kubernetes/client/models/v1_volume_projection.py', "class V1VolumeProjection(object):\n    openapi_types = {\n        'config_map': 'V1ConfigMapProjection',\n        'secret': 'V1SecretProjection',\n        'service_account_token': 'V1ServiceAccountTokenProjection'\n    }\n", { note: "a generated client's model types, named after their API version" }),
      sample('src/constants.ts', "export const CREDENTIAL_BLANKING_VALUE = '__acme_BLANK_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';\nexport const OIDC_CLIENT_SECRET_REDACTED_VALUE = '__acme_CLIENT_SECRET_VALUE_e5362baf-c777-4d57-a609-6eaf1f9e87f6';\n", { note: 'the marker a form shows instead of a stored secret' }),
      sample('events/cos-object-created.json', '{\n  "requestParameters": {\n    "requestHeaders": {\n      "Authorization": "q-sign-algorithm=sha1&q-ak=AKIDQm6iUh2NJ6jL41tVUis9KpY5Rgv49zyC&q-sign-time=1545205709;1545215769&q-key-time=1545205709;1545215769&q-header-list=host&q-url-param-list=&q-signature=098ac7dfe9cf21116f946c4b4c29001c2b449b14"\n    }\n  }\n}\n', { note: "a signed request's one-time signature, not the key that signed it" }),
      sample('tests/fixtures/s3-put.json', '{\n  "headers": {\n    "Authorization": "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024"\n  }\n}\n', { note: 'an AWS Signature V4 header' }),
      sample('check_hp_bladechassis.8', '.TH CHECK_HP_BLADECHASSIS 8\n.SH OPTIONS\n.IP "\\-\\-authpassword \\fI\\s-1PASSWORD\\s0\\fR, \\-\\-authkey \\fI\\s-1KEY\\s0\\fR" 4\n', { note: "a manual page's typesetting around an option's argument" }),
      sample('docs/tutorial/deploy.rst.txt', "Create the config.py file:\n\n.. code-block:: python\n\n    SECRET_KEY = '192b9bdd22ab9ed4d12e236c78afcb9a393ec15f71bbf5dc987d54727823bcbf'\n", { note: "Flask's documented secret key, printed as `secrets.token_hex()`'s output and copied into tutorials" }),
      sample('reference.md', '```typescript\nawait client.oAuth.obtainToken({\n    clientId: "sq0idp-uaPHILoPzWZk3tlJqlML0g",\n    clientSecret: "sq0csp-30a-4C_tVOnTh14Piza2BfTPBXyLafLPWSzY1qAjeBfM",\n});\n```\n', { note: "the application secret Square's API reference shows, in every Square SDK" }),
      sample('runtime/rpc.js', 'exports.specialSigKey = "4dabf18193072939515e22adb298388d";\nexports.specialSecretSig = "1b47061264138c4ac30d75fd1eb44270";\n', { note: "Pulumi's wire-protocol signatures for secret values: constants of every Pulumi SDK" }),
      sample('config/defaults.inc.php', "<?php\n$config['des_key'] = 'rcmail-!24ByteDESkey*Str';\n", { note: 'a value that states its own size: a description of what goes there' }),
      sample('azure_communication_email.egg-info/PKG-INFO', 'connection_string = "endpoint=https://<resource-name>.communication.azure.com/;accessKey=<Base64-Encoded-Key>"\n', { note: 'stand-ins in angle brackets inside a longer value' }),
      sample('playbooks/idrac/storage_controller.yml', '- name: Change the controller key\n  dellemc.openmanage.idrac_redfish_storage_controller:\n    command: ReKey\n    key: "NewPassPhrase@123"\n    old_key: "OldPassPhrase@123"\n', { note: 'placeholder words run together' }),
      sample('doc/testing/serial-console.rst', 'Connect to it::\n\n  # python client.py ws://127.0.0.1:6083/?token=5f7854b7-bf3a-41eb-857a-43fc33f0b1ec\n  # jupyter: http://localhost:8888/lab?token=c8f3a91e7b2d4f6a0e5b9c1d7a3f8e2b4d6c8a0f\n', { note: "a query parameter of a URL to this machine: a local server's session" }),
      sample('docs/api.html', '<table>\n  <tr><td>api_key</td><td>string</td></tr>\n  <tr><td>api_secret</td><td>required</td></tr>\n  <tr><td>token</td><td>optional</td></tr>\n</table>\n', { note: "an API reference's parameter table: names and their types" }),
      sample('scripts/checksums.sh', 'api_token_sha256=9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n', { note: "a checksum named for what it sums" }),
      sample('lib/Test2/Event/Fail.pm', "package Test2::Event::Fail;\nBEGIN {\n    *META_KEY = \\&Test2::Util::ExternalMeta::META_KEY;\n}\n", { note: 'a Perl reference to a named sub' }),
      sample('docs/export-task.rst', 'Output::\n\n    {\n        "ExportToS3Task": {\n            "S3Bucket": "myexportbucket",\n            "S3Key": "RHEL5export-i-fh8sjjsq.ova"\n        }\n    }\n', { note: "the AWS APIs' S3Key names an object in a bucket" }),
      sample('lib/Mail/SpamAssassin/BayesStore/DBM.pm', 'our $NTOKENS_MAGIC_TOKEN = "\\015\\001\\007\\011\\003NTOKENS";\n', { note: 'a magic number written as octal escapes' }),
      sample('extensions/git/package.json', '{\n  "name": "git",\n  "publisher": "vscode",\n  "aiKey": "0c6ae279ed8443289764825290e4f9e2-1a736e7c-1324-4338-be46-fc2a58ae4d14-7255"\n}\n', { note: "a VS Code extension manifest's telemetry key, shipped in every build" }),
      sample('vs/basic-languages/ruby/ruby.js', 'define("ruby",[],function(){return{tokenizer:{dstring:[[/\\$/,{token:"string.$S2.delim",next:"@pop"}]]}}});\n', { note: "a Monarch grammar's token class" }),
      sample('lib/context/defaults.js', "export const defaults = {\n  clientSecret: '##MS365_CLIENT_SECRET##',\n};\n", { note: 'a name between template delimiters' }),
      sample('.claude/agents/payments.md', '```javascript\nmcp__payments__sign_mandate({\n  mandate_id: "mandate_abc123",\n  private_key_hex: "ed25519_private_key"\n})\n```\n', { note: "words naming the kind of key, a curve's name among them" }),
      sample('CHANGELOG.md', '## v3.4.0\n\n### Bugfixes\n\n- Set container registry client for token: ([#2023](https://github.com/ansible-collections/azure/pull/2023))\n', { note: 'a changelog entry ending in its link' }),
      sample('plugins/module_utils/idrac_utils/info/idrac.py', 'MACADDRESS_KEY = "NIC.1.MACAddress"\nMODEL_KEY = "Model"\n', { note: 'a dotted attribute name, an acronym before a word among its parts' }),
      sample('docs/guide_alicloud.rst', 'Set your credentials::\n\n    export ALICLOUD_ACCESS_KEY=\'Alicloud123\'\n    export ALICLOUD_SECRET_KEY=\'AlicloudSecret123\'\n', { note: "its provider's name, a filler word and digits" }),
      sample('scripts/backup.sh', '#!/bin/sh\nexport SIGN_KEY="839E6A2856538CCF"\nduplicity --encrypt-key=453005CE9B736B2A --sign-key=$SIGN_KEY /srv sftp://backup@vault.internal//backups\n', { note: 'GnuPG key IDs pick keys from the keyring' }),
      sample('cts/cli/crm_mon.xml', '<lrm_rsc_op id="dummy1_last_0" operation_key="dummy1_start_0" operation="start" transition-key="11:7:0:173a0661-aaa2-4c3d-8aaf-2c6a7e8e4b2d" call-id="12"/>\n', { note: 'keys a record is looked up by' }),
      sample('docs/inspect.md', '```json\n"Env": [\n    "PATH=/usr/local/bin:/usr/bin",\n    "GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D",\n    "PYTHON_VERSION=3.11.9"\n]\n```\n', { note: 'the fingerprint an official image verifies its download with' }),
      sample('templates/research-agent/README.md', 'Sign up [here](https://cloud.example.io/registration?onboarding_token=search&cta=cloud-registration&utm_id=2024q3x7).\n', { note: "a link's query parameter, cut at the next &" }),
      sample('.env.staging', 'APP_ENV=staging\nSTRIPE_KEY=pk_test_51kaFqxBZEh1bQ1sWH3ZmvHyvHPKqx3t9y96gtUnOa\n', { note: "a Stripe publishable key under Laravel Cashier's name: public by design" }),
      sample('.github/workflows/go.yml', 'jobs:\n  test:\n    runs-on: ubuntu-latest\n    env:\n      MINIO_KMS_MASTER_KEY: my-minio-key:6368616e676520746869732070617373776f726420746f206120736563726574\n    steps:\n      - run: go test ./...\n', { note: "MinIO's documented test key: hex of \"change this password to a secret\"" }),
      sample('scripts/dns.sh', '#!/bin/sh\nDYNU_API_KEY=1234567890abcdefghijklmnopqrstuvwxyz\nNETBOX_TOKEN=0123456789abcdef0123456789abcdef01234567\nEDGEDNS_ACCESS_TOKEN=akab-1234567890qwerty-asdfghjklzxcvtnu\n', { note: 'ascending runs and keyboard rows are typed, not generated' }),
      sample('auth/oauth.py', "headers = {'Authorization': 'Basic b3BlbnNoaWZ0LWNoYWxsZW5naW5nLWNsaWVudDo='}\n", { note: 'Basic credentials of a public client: user `openshift-challenging-client`, empty password' }),
      sample('lib/github/actions.const.js', 'exports.ACTIONS_CREATE_GITHUB_APP_TOKEN = "actions/create-github-app-token@v2.2.0";\n', { note: 'an Action at a version, named for what it makes' }),
      sample('.do/app.yaml', 'name: fieldnote\nservices:\n  - name: web\n    envs:\n      - key: APP_KEY\n        scope: RUN_TIME\n        type: SECRET\n        value: EV[1:kx5rW0pZ8qG0rS9Jw1oN7q0mY2d4d3Yh:Hb0mY5q3qk7JrP3iZ3kS4vW9Q==]\n', { note: "App Platform's encrypted form, as doctl writes the spec back" }),
      sample('templates/app/kafka_jmx.yaml', "graph_items:\n  - color: 1A7C11\n    item:\n      host: 'Apache Kafka by JMX'\n      key: 'jmx[\"kafka.network:type=RequestMetrics,name=TotalTimeMs,request=UpdateMetadata\",\"95thPercentile\"]'\n", { note: 'a Zabbix item key' }),
      sample('.github/workflows/dns.yml', 'jobs:\n  dns:\n    runs-on: ubuntu-latest\n    env:\n      OVH_ENDPOINT: ovh-eu\n      OVH_APPLICATION_KEY: Hq7vR2xLpK9mWz3T\n      OVH_APPLICATION_SECRET: ${{ secrets.OVH_APPLICATION_SECRET }}\n      OVH_CONSUMER_KEY: ${{ secrets.OVH_CONSUMER_KEY }}\n', { note: "an OVHcloud application key is the application's login, not its secret" }),
      sample('ovh.conf', '[default]\nendpoint=ovh-eu\n\n[ovh-eu]\napplication_key=Hq7vR2xLpK9mWz3T\n; application_secret and consumer_key come from the environment\n', { note: "python-ovh's configuration file with only the application key" }),
      sample('docs/notifications.md', 'Confirm the subscription from the link in the email, or:\n\n```sh\naws sns confirm-subscription --topic-arn arn:aws:sns:eu-west-1:123456789012:alerts --token 2336412f37fb687f5d51e6e241d09c805a5a57b30d712f794cc5f6a988666d92768dd60a747ba6f3beb71854e285d6ad02428b09ceece29417f1f02d609c582afbacc99c583a916b9981dd2728f4ae6fdb82efd087cc3b7849e05798d2d2785c03b0879594eeac82c01f235d0e717736\n```\n', { note: "a document's command example: a flag's name alone does not make its value a secret" }),
      sample('src/analytics.ts', 'export const MIXPANEL_TOKEN = "736a82f3dad01d194e6f3391fa920a5d";\nexport const SEGMENT_WRITE_KEY = "xjNZfg6UzfjYx1sVwGpz1aHTE2z7Qmje";\n', { note: 'browser analytics keys ship in every page' }),
      sample('web/.env.production', 'VITE_POSTHOG_KEY=phc_Kq7vX2mL9kR4tW8zB3nY6cF1hJ5dG0sA2eN4pT7wQ1\nVITE_POSTHOG_HOST=https://eu.i.posthog.com\n', { note: "PostHog's project key is in every page's snippet" }),
      sample('solver/pb/ops.pb.go', 'type Meta struct {\n\tAttrs map[string]string `protobuf:"bytes,2,rep,name=attrs,proto3" json:"attrs,omitempty" protobuf_key:"bytes,1,opt,name=key,proto3" protobuf_val:"bytes,2,opt,name=value,proto3"`\n}\n', { note: 'a Go struct tag' }),
      sample('plugins/modules/gcp_compute_disk.py', "EXAMPLES = '''\n- name: create a disk\n  gcp_compute_disk:\n    disk_encryption_key:\n      raw_key: SGVsbG8gZnJvbSBHb29nbGUgQ2xvdWQgUGxhdGZvcm0=\n'''\n", { note: 'base64 of a sentence' }),
      sample('config/settings.yml', 'payments:\n  api_key: ${PAYMENTS_API_KEY}\n  token_url: https://auth.acme.dev/oauth/token\n  secret_name: payments-api\n'),
      sample('src/client.ts', "const apiToken = process.env.API_TOKEN ?? '';\nconst tokenType = 'Bearer';\nconst maxTokens = 4096;\n"),
      sample('src/i18n.ts', "export const keys = { passwordResetKey: 'auth.password.reset.title', cacheKey: 'user-profile-v2' };\n"),
      sample('k8s/db-credentials.yaml', 'apiVersion: bitnami.com/v1alpha1\nkind: SealedSecret\nmetadata:\n  name: db-credentials\nspec:\n  encryptedData:\n    api_token: AgCtr8KfQ2v9Lm3Xz7Wq1Yp5Rn4Ts6Uv8Bd0Fg2Hj4Kl6Mn8Pq0Rs2Tu4Vw6Xy8Za0Bc2De4Fg6Hi8Jk0Lm2No4Pq6Rs8Tu0Vw2Xy4Za6Bc8De0Fg2\n', { note: "a SealedSecret's encryptedData is ciphertext only the cluster can open" }),
      sample('types/acm.d.ts', 'export type PrivateKeyBlob = Buffer|Uint8Array|Blob|string;\n', { note: 'a union type' }),
      sample('README.md', '## Configuration\n\nSet `API_KEY=<your-api-key>` and `SECRET_TOKEN=changeme` in your `.env`.\n'),
      sample('deploy/values.yaml', 'env:\n  - name: PARTNER_API_TOKEN\n    valueFrom:\n      secretKeyRef:\n        name: partner\n        key: token\n'),
      sample('docs/api/create-mirror.md', 'Output:\n\n```json\n{\n  "ClientToken": "5236b7c2-8a4e-4f0b-9c1d-7e2a6f3b9d96",\n  "IdempotencyToken": "527c60d8e4b94f1a8c2dff42",\n  "LockToken": "447e55ac-0b1e-4c1d-8f4e-2a3b9c1df8b5"\n}\n```\n', { note: 'idempotency and concurrency tokens identify a request, they authenticate nothing' }),
      sample('app/config.py', 'import os\n\nPAYMENTS_TOKEN = os.getenv("PAYMENTS_API_TOKEN", "")\nos.environ.setdefault("DJANGO_SETTINGS_MODULE", "acme.settings.production")\nSECRET = ENV.fetch("SECRET_KEY_BASE", "changeme")\n'),
      sample('docs/deploy.md', 'Deploy from your machine:\n\n```bash\nnpx vercel deploy --prod --token 8kQ2vX7mRt4LpZ9wN3cY6bHd\n```\n', { note: 'documentation shows commands as examples; scripts and CI files run them' }),
      sample('docs/config.rst', 'Example::\n\n    [profile ci]\n    role_arn = arn:aws:iam::123456789012:role/ci\n    credential_source = Ec2InstanceMetadata\n', { note: 'an identifier spelled in CamelCase' }),
      sample('src/lib.rs', 'pub fn client() -> Client {\n    let api_key: String = env::var("PARTNER_API_KEY").expect("set PARTNER_API_KEY");\n    Client::new(&api_key)\n}\n', { note: 'a typed binding read from the environment' }),
      sample('oauth2client/flask_util.py', "_SECRET_NAMESPACE = 'oauth2client:secrets#ns'\n_FLOW_KEY = 'google_oauth2_flow_{0}'\nheaders = {'X-Amz-Credential': '%s/%s' % (access_key, scope)}\n", { note: 'a namespace and format strings' }),
      sample('connectors/messages.py', 'class AuthConfig(_messages.Message):\n  r"""Fields:\n    authType: The type of authentication configured.\n    oauth2ClientCredentials: Oauth2ClientCredentials.\n    oauth2JwtBearer: Oauth2JwtBearer.\n  """\n', { note: 'a docstring lists fields and their types' }),
      sample('proto/descriptor_pb2.py', "DESCRIPTOR = _pool.AddSerializedFile(b'\\x32\\x1f.proto2.MethodOptions.TokenUnit:\\tBYTES_COUNTED\\x1b')\n", { note: 'escaped bytes of a serialized descriptor' }),
      sample('include/ruby/id.h', 'enum ruby_id_types {\n    tTOKEN_LOCAL_END,\n    tTOKEN_INSTANCE_BEGIN = tTOKEN_LOCAL_END-1,\n    tTOKEN_INSTANCE_END,\n};\n', { note: 'an enumerator counted from another' }),
      sample('perl/Git/SVN/Ra.pm', 'sub skip_unknown_revs {\n\tmy ($err) = @_;\n\tmy $err_key = $err->expanded_message;\n\t$err_key = "$errno\\0$err_key";\n}\n', { note: 'a string of interpolated variables' }),
      sample('sapi/apache2handler/sapi_apache2.c', 'static int php_apache_server_startup(apr_pool_t *pconf)\n{\n\tconst char *userdata_key = "apache2hook_post_config";\n\treturn OK;\n}\n', { note: 'a key naming a hook: words, one with a digit inside' }),
      sample('java/org/apache/tomcat/util/net/SSLSupport.java', 'public interface SSLSupport {\n    String CERTIFICATE_KEY = "jakarta.servlet.request.X509Certificate";\n}\n', { note: "a request attribute's dotted name" }),
      sample('deploy/totp.sh', 'USER_ID=b7793000f8d84c79af4e215e9da78654\nSECRET=GEZDGNBVGY3TQOJQGEZDGNBVGY\n', { note: "base32 of RFC 6238's test secret, 1234567890…" }),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/admin.py', 'ADMIN_API_TOKEN = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n', { expect: { line: 1 } })],
    negative: [sample('ops/partner.py', 'PARTNER_API_TOKEN = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n')],
  },
};

/** What a password on a command line runs up to: blanks, quotes, shell operators and references end it. */
const ARGUMENT = /["']?([^\s"'$`;|&()<>]{6,})/;
const afterFlag = (command: RegExp): RegExp => new RegExp(command.source + ARGUMENT.source, 'g');

/**
 * Passwords given on the command lines of well-known clients, by the short flags only these tools give that meaning
 * (a long `--password` flag is a binding like any other): `mysql -pSECRET` (glued: `-p SECRET` would prompt, then
 * name a database), `docker login -p`, `sshpass -p`, `redis-cli -a`, `curl -u user:SECRET`.
 */
const COMMAND_LINE_PASSWORDS: readonly ValuePattern[] = [
  { regex: afterFlag(/\b(?:mysql|mysqldump|mysqladmin|mysqlimport|mariadb|mariadb-dump)\b[^\n]*?[ \t]-p(?![ \t])/), keywords: ['mysql', 'mariadb'] },
  { regex: afterFlag(/\bdocker[ \t]+login\b[^\n]*?[ \t]-p[ \t]+/), keywords: ['docker login'] },
  { regex: afterFlag(/\bsshpass[ \t]+-p[ \t]*/), keywords: ['sshpass'] },
  { regex: afterFlag(/\bredis-cli\b[^\n]*?[ \t]-a[ \t]+/), keywords: ['redis-cli'] },
  { regex: /\bcurl\b[^\n]*?[ \t](?:-u|--user)[ \t=]+["']?[^\s:"'$`]+:([^\s"'$`@;|&()<>]{6,})/g, keywords: ['curl'] },
  { regex: afterFlag(/\baz[ \t]+login\b[^\n]*?[ \t](?:-p|--password)[ \t=]+/), keywords: ['az login'] },
  { regex: afterFlag(/\bredis-server\b[^\n]*?[ \t]--requirepass[ \t]+/), keywords: ['requirepass'] },
];

/**
 * Passwords in the files and statements that keep one beside its account: SQL that creates or alters a user
 * (`CREATE USER app WITH PASSWORD '…'`, MySQL's `IDENTIFIED BY '…'`), `.pgpass` lines (`host:port:db:user:password`)
 * and `.netrc` entries (`machine host login user password …`).
 */
const STATEMENT_PASSWORDS: readonly ValuePattern[] = [
  { regex: /\b(?:CREATE|ALTER)[ \t]+(?:USER|ROLE)\b[^;\n]*?\bPASSWORD[ \t]+'([^'\n]{6,200})'/gi, keywords: ['create user', 'alter user', 'create role', 'alter role'] },
  // Only in a statement about an account: "a copy operation identified by 'x-ms-copy-id'" is prose.
  { regex: /\b(?:USER|ROLE|GRANT|LOGIN)\b[^;\n]*?\bIDENTIFIED[ \t]+BY[ \t]+'([^'\n]{6,200})'/gi, keywords: ['identified by'] },
  // A host holds no blank and no `=` (`export DEBUG=azure:*:(error|warning),rhea:…` is a log filter, not a .pgpass line).
  { regex: /^(?![#\s])[^:\s=]+:(?:\d+|\*):[^:\n]+:[^:\n]+:([^\n]{6,200})$/gm, keywords: [':5432:', ':*:', ':3306:'] },
  { regex: /\bmachine[ \t]+\S+\s+login[ \t]+\S+\s+password[ \t]+([^\s]{6,200})/g, keywords: ['machine'] },
  // Prose in docs and runbooks: "The admin password is `…`", "password: `…`".
  { regex: /\bpassword(?:[ \t]+is|[ \t]*[:=])[ \t]*`([^`\s]{8,200})`/gi, keywords: ['password'] },
];

/** The account a SQL statement creates or grants to: `USER icingaweb2`, `USER 'app'@'%'`. */
const STATEMENT_ACCOUNT = /\b(?:USER|ROLE|TO)[ \t]+[`'"]?([\w.-]+)/i;

/**
 * A client's user or database flag on a command line (`psql -U icingaweb2 -d icingaweb2`, `--user=rt`, `--dbname rt`),
 * or an LDIF entry's name (`cn: freeradius`, `uid: isdn`).
 */
const COMMAND_ACCOUNT = /(?:^|[ \t])(?:-[Uud]|--user(?:name)?|--db(?:name)?|--database|(?:cn|uid|sn):)(?:[ \t]+|=)?["']?([\w.-]+)/gm;

/**
 * The password is the user or the database a command beside it names (`export PGPASSWORD=icingaweb2` above `psql -U
 * icingaweb2 -d icingaweb2`): a setup guide's local default, as a password equal to its sibling user is.
 */
function namedAccountNearby(nearby: string, value: string): boolean {
  if (!nearby.includes('-') && !nearby.includes(':')) return false;
  const lower = value.toLowerCase();
  for (const match of nearby.matchAll(COMMAND_ACCOUNT)) if (match[1]!.toLowerCase() === lower) return true;
  return false;
}

/** An argument before the password: a string literal, or an expression without commas or parentheses. */
const ARGUMENT_BEFORE = String.raw`\s*(?:"[^"\n]*"|'[^'\n]*'|[^,()'"\n]+)\s*,`;
const passwordArgument = (call: string, before: number): RegExp => new RegExp(String.raw`${call}\(${ARGUMENT_BEFORE.repeat(before)}\s*["']([^"'\s]{6,200})["']`, 'g');

/**
 * Passwords given by position to the database clients that take one there: PHP's `new PDO($dsn, 'user', 'pw')` and
 * `mysqli_connect('host', 'user', 'pw')`, JDBC's `DriverManager.getConnection(url, "user", "pw")`, Sequelize's
 * `new Sequelize('db', 'user', 'pw')`, Python's `pymysql.connect('host', 'user', 'pw')`.
 */
const CLIENT_CALL_PASSWORDS: readonly ValuePattern[] = [
  { regex: passwordArgument(String.raw`\bnew\s+PDO\s*`, 2), keywords: ['pdo'] },
  { regex: passwordArgument(String.raw`\b(?:mysqli_connect|new\s+mysqli|mysql_connect)\s*`, 2), keywords: ['mysql'] },
  { regex: passwordArgument(String.raw`\bDriverManager\.getConnection\s*`, 2), keywords: ['getconnection'] },
  { regex: passwordArgument(String.raw`\bnew\s+Sequelize\s*`, 2), keywords: ['sequelize'] },
  { regex: passwordArgument(String.raw`\b(?:pymysql|MySQLdb|mysql\.connector)\.connect\s*`, 2), keywords: ['pymysql', 'mysqldb', 'mysql.connector'] },
];

/** Files whose values are literals, never code (a template's are stand-ins: `.env.example`). */
const LITERAL_SETTINGS_FILE = /\.properties$|(?:^|\/)\.env(?:\.(?!.*\b(?:example|sample|template|dist|defaults?|tmpl|tpl)\b)[\w.-]+)?$/;

/** A password-named key (`signing.password`, `ossrhPassword`, `DB_PASSWD`) of a file that holds only literals. */
function literalPasswordSetting(context: CredentialContext): boolean {
  return LITERAL_SETTINGS_FILE.test(context.path) && /pass(?:word|wd)$/i.test(context.variable ?? '');
}

/** The client variables libpq and MySQL's clients read their password from (`export PGPASSWORD=…` then `psql -U …`). */
const CLIENT_PASSWORD_VARIABLES = new Set(['PGPASSWORD', 'MYSQL_PWD']);

/** The superuser a client command beside an exported PGPASSWORD or MYSQL_PWD logs in as: the password is that user's. */
function clientUserBelow(context: CredentialContext): string | undefined {
  if (!CLIENT_PASSWORD_VARIABLES.has(context.variable ?? '')) return undefined;
  for (const line of context.nearby.split('\n')) {
    if (!/\b(?:psql|pg_dump|pg_restore|mysql|mysqldump|mariadb)\b/.test(line)) continue;
    const account = superuserOnLine(line);
    if (account) return account;
  }
  return undefined;
}

/**
 * Settings that are a superuser's password whatever the user beside them: the official postgres image creates
 * POSTGRES_USER (postgres by default) as a superuser with POSTGRES_PASSWORD, and Bitnami's PostgreSQL chart names the
 * postgres user's password `auth.postgresPassword`.
 */
const SUPERUSER_PASSWORD_SETTINGS: ReadonlyMap<string, string> = new Map([
  ['POSTGRES_PASSWORD', "the postgres image gives POSTGRES_USER (postgres by default) superuser rights with POSTGRES_PASSWORD"],
  ['postgresPassword', 'it is the password of the postgres superuser in the PostgreSQL chart'],
]);

export const hardcodedPassword: CredentialKind = {
  id: 'hardcoded-password',
  provider: 'generic',
  title: 'Hard-coded password',
  valuePatterns: [...COMMAND_LINE_PASSWORDS, ...CLIENT_CALL_PASSWORDS, ...STATEMENT_PASSWORDS],
  plausible: (value, context) =>
    value.length >= 8 &&
    !isHumanPlaceholder(value) &&
    !isHashOrCiphertext(value) &&
    !/^(?:\/|\.\/|~\/|https?:\/\/|arn:)/.test(value) &&
    // A value that says "password" is a label or a field name (`challengePassword`, `Passphrase`), not a password.
    !/pass(?:word|wd|phrase)/i.test(value) &&
    // `pass` is an English word too: a comment's `First pass: convert/validate`, libtool's `# $pass = dlpreopen`.
    // Bound to it, a lowercase word or a path of words is prose; a password mixes in capitals, digits or symbols.
    !(/^\$?pass$/i.test(context.variable ?? '') && /^[a-z]+(?:[/-][a-z]+)*[.,;:]?$/.test(value)) &&
    // A C dereference or address (`char *password = *passptr;`) is an expression.
    !/^[*&][A-Za-z_]\w*;?$/.test(value) &&
    // Identifiers name code, not passwords: camelCase (`allPass: 'overEvery'`), PascalCase (`V1SecretVolumeSource`),
    // constants (`SINGLE_PASS`, `VALUE_SPECIFIED_IN_NO_LOG_PARAMETER`) and snake_case words (`credit_card`).
    // A properties or .env file holds no code, though: there a password-named key's words (`ossrhPassword=
    // MarbleTigerCascadeLunar`, a passphrase of capitalised words) are the password.
    !(/^[a-z]+(?:[A-Z][a-z]+)+$|^(?:[A-Z][a-z]+){2,}\d*$|^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[a-z]+(?:_[a-z]+)+$/.test(value) && !literalPasswordSetting(context)) &&
    // A flag value (`ADS_UF_PASSWD_NOTREQD = 0x00000020,`), an OID (`passwordModifyOID = "1.3.6.1.4.1.4203.1.11.1"`),
    // a type (`password: "_models.SecretBase"`), an entry point (`module.path:CreateEC2Creds`), a hash algorithm.
    // The rest of a passwd(5)-style line read as `pass: …` (`user:{plain}pass:1000:1000::/home/user`): uid, gid, home.
    !/^\d+:\d+:[^:\s]*:\/|^0x[0-9a-f]+,?$|^\d+(?:\.\d+){3,}$|^_?[a-z]\w*(?:\.[a-z_]\w*)*\.[A-Z]\w*$|^[a-z_][\w.]*:[A-Za-z_]\w*$|^(?:scram-sha-256|md5|sha-?(?:1|256|512)|bcrypt|argon2(?:id|i|d)?|pbkdf2)$/i.test(value) &&
    !/\s/.test(value) &&
    // A password equal to the user or database name beside it (`ledgerly`/`ledgerly`) is a local default, in a
    // statement too (`CREATE USER icingaweb2 ... IDENTIFIED BY 'icingaweb2'`).
    !Object.values(context.siblingValues).some((sibling) => sibling.toLowerCase() === value.toLowerCase()) &&
    // The anonymous account's password, an email address by FTP's convention (`username="anonymous", password=
    // "guest@example.org"`): public by design.
    !(/^[^\s@]*@[\w.-]*$/.test(value) && Object.values(context.siblingValues).some((sibling) => /^(?:anonymous|anon|ftp)$/i.test(sibling))) &&
    STATEMENT_ACCOUNT.exec(context.line)?.[1]?.toLowerCase() !== value.toLowerCase() &&
    !namedAccountNearby(context.nearby, value),
  rate: (context) => {
    const account = superuserOnLine(context.line) ?? clientUserBelow(context);
    if (account) return { scope: 'root-resource', because: `it is the password of ${account}, the database's superuser` };
    const superuserSetting = SUPERUSER_PASSWORD_SETTINGS.get(context.variable ?? '');
    // Beside a remote POSTGRES_HOST the same names are an application's login to a server it did not create.
    const remoteHost = /\.[a-z]{2,}$/i.test(context.siblingValues.POSTGRES_HOST ?? '') && !LOOPBACK.test(context.siblingValues.POSTGRES_HOST ?? '');
    if (superuserSetting && !remoteHost) return rateByName(context, { scope: 'root-resource', because: superuserSetting }, true);
    return rateByName(context, { scope: 'unknown', because: 'the password does not say which account it opens' }, true);
  },
  reach: 'opens the account it belongs to; a root or admin password opens every database or tenant on the server',
  narrower: 'read it from a secret store at run time and give the application a user limited to its own database',
  exposedSeverity: 'medium',
  samples: {
    positive: [
      sample('config/mailer.yml', 'smtp:\n  host: smtp.acme.io\n  user: notifications@acme.io\n  pass: Kq7vX2mL9kR4tW8z\n', { expect: { line: 4 }, note: "nodemailer's `pass`" }),
      sample('group_vars/production.yml', 'rentwheels_db_user: rentwheels\nrentwheels_db_password: RentwheelsProd2024!\n', { expect: { line: 2 }, note: "its own name's word with an environment's: a weak password a team set, not filler" }),
      sample('docs/runbook.md', '## Break glass\n\nThe admin password is `pQ7vK2mX9sLr4TzW` (rotate after use).\n', { expect: { line: 3 }, note: 'prose in a runbook' }),
      sample('src/db.go', 'package db\n\nvar dsn = "host=db.acme.internal user=acme password=pQ7vK2mX9sLr4TzW dbname=acme sslmode=disable"\n', { expect: { line: 3 }, note: "a libpq keyword connection string" }),
      sample('internal/store/open.go', 'package store\n\nimport "database/sql"\n\nfunc Open() (*sql.DB, error) {\n\treturn sql.Open("postgres", "host=orders-db.acme.io user=orders password=pQ7vK2mX9sLr4TzW dbname=orders")\n}\n', { expect: { line: 6 }, note: 'a keyword connection string given to a call' }),
      sample('.github/workflows/migrate.yml', 'jobs:\n  migrate:\n    runs-on: ubuntu-latest\n    steps:\n      - run: PGPASSWORD=pQ7vK2mX9sLr4TzW psql -h db.prod.acme.io -U admin -f migrate.sql\n', { expect: { line: 5 }, note: 'a variable set in front of a one-line command' }),
      sample('api/requests.http', '@host = https://api.acme.io\n@password = pQ7vK2mX9sLr4TzW\n\nPOST {{host}}/login\n', { expect: { line: 2 }, note: 'an HTTP client file variable' }),
      sample('db/migrations/001_users.sql', "CREATE USER app_rw WITH PASSWORD 'pQ7vK2mX9sLr4TzW';\nGRANT ALL ON DATABASE acme TO app_rw;\n", { expect: { line: 1 }, note: 'SQL that creates a user' }),
      sample('db/init/users.sql', "CREATE USER 'report'@'%' IDENTIFIED BY 'Hn4rT8wQz2LpX6vB';\n", { expect: { line: 1 } }),
      sample('.pgpass', 'db.prod.internal:5432:billing:billing_app:pQ7vK2mX9sLr4TzW\n', { expect: { line: 1 } }),
      sample('deploy/.netrc', 'machine ftp.acme-partner.com\n  login acmeupload\n  password pQ7vK2mX9sLr4TzW\n', { expect: { line: 3 } }),
      sample('azure-pipelines.yml', 'steps:\n  - script: az login --service-principal -u 4f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c -p Xr7pQ2vLm9zKd4TwHn8sYb3FqPw2Lk --tenant acme.onmicrosoft.com\n', { expect: { line: 2 } }),
      sample('ecs/taskdef.json', '{\n  "family": "api",\n  "containerDefinitions": [\n    {\n      "name": "api",\n      "environment": [\n        { "name": "DB_PASSWORD", "value": "pQ7vK2mX9sLr4TzW" }\n      ]\n    }\n  ]\n}\n', { expect: { line: 7 }, note: 'an ECS task definition: name and value side by side' }),
      sample('postman/prod.postman_environment.json', '{\n  "name": "prod",\n  "values": [\n    { "key": "db_password", "value": "pQ7vK2mX9sLr4TzW", "enabled": true }\n  ]\n}\n', { expect: { line: 4 }, note: 'a Postman environment' }),
      sample('infra/azuredeploy.parameters.json', '{\n  "parameters": {\n    "adminPassword": {\n      "value": "pQ7vK2mX9sLr4TzW"\n    }\n  }\n}\n', { expect: { line: 4 }, note: 'an ARM parameter file: the value is named by its parameter' }),
      sample('cloudformation/params-prod.json', '[\n  { "ParameterKey": "DBPassword", "ParameterValue": "pQ7vK2mX9sLr4TzW" }\n]\n', { expect: { line: 2 } }),
      sample('cloudformation/stack.yaml', 'Parameters:\n  DBPassword:\n    Type: String\n    NoEcho: true\n    Default: pQ7vK2mX9sLr4TzW\n', { expect: { line: 5 }, note: "a parameter's default" }),
      sample('docker-compose.prod.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: acme\n      POSTGRES_PASSWORD: "Vt7#qL2w!Rb9zX4e"\n', { expect: { line: 6 } }),
      sample('src/main/resources/application.properties', 'spring.datasource.url=jdbc:postgresql://db.internal.acme.io:5432/orders\nspring.datasource.username=orders\nspring.datasource.password=Gq83!vPz2mLw\n', { expect: { line: 3 } }),
      sample('config/mail.toml', '[smtp]\nhost = "smtp.acme.io"\nuser = "alerts"\npassword = "nW4$kf93Lp2q"\n', { expect: { line: 4 } }),
      sample('scripts/backup.sh', "#!/bin/sh\nexport PGPASSWORD='q7Vd2LmX9wRt4KpZ'\npg_dump -h orders-db.internal -U orders orders > /backups/orders.sql\n", { expect: { line: 2 } }),
      sample('scripts/restore.sh', '#!/bin/sh\nmysql -h orders-db.internal -u orders -pq7Vd2LmX9wRt4KpZ orders < /backups/orders.sql\n', { expect: { line: 2 }, note: 'mysql takes the password glued to -p' }),
      sample('.github/workflows/publish.yml', 'jobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker login -u acme -p Xk9mQ2vL7pRt4wZb registry.acme.io\n', { expect: { line: 5 } }),
      sample('ops/trigger.sh', 'curl -X POST -u deploy:Vt7qL2wRb9zX4eKp https://ci.acme.io/job/release/build\n', { expect: { line: 1 } }),
      sample('wp-config.php', "<?php\ndefine( 'DB_NAME', 'shop' );\ndefine( 'DB_PASSWORD', 'Qm7vX2pL9kRt4wZb' );\n", { expect: { line: 3 }, note: 'a PHP constant defined by a call' }),
      sample('cmd/worker/main.go', 'package main\n\nvar smtpPassword string = "Vt7qL2wRb9zX4eKp"\n', { expect: { line: 3 } }),
      sample('web/db.php', "<?php\n$db = new PDO('mysql:host=shop-db.acme.io;dbname=shop', 'shop', 'S7vkQ2mXp9LwR4zT');\n", { expect: { line: 2 }, note: 'the password is the third argument' }),
      sample('src/models/index.js', "const { Sequelize } = require('sequelize');\n\nconst sequelize = new Sequelize('orders', 'orders_app', 'Nq4vL8mXr2KpZ7wT', {\n  host: 'orders-db.acme.io',\n  dialect: 'postgres',\n});\n", { expect: { line: 3 } }),
      sample('src/main/java/com/acme/Db.java', 'Connection c = DriverManager.getConnection(JDBC_URL, "orders", "Rb6vQ3mXk9LwT2zP");\n', { expect: { line: 1 } }),
      sample('android/gradle.properties', 'android.useAndroidX=true\nRELEASE_STORE_FILE=release.jks\nRELEASE_STORE_PASSWORD=Kp9vQ2mXr7LwT4zB\n', { expect: { line: 3 }, note: 'an Android keystore password' }),
      sample('gradle.properties', 'org.gradle.jvmargs=-Xmx2048m\nsigning.keyId=24875D73\nsigning.secretKeyRingFile=/home/ci/.gnupg/secring.gpg\nossrhUsername=acme-release\nossrhPassword=MarbleTigerCascadeLunar\n', { expect: { line: 5 }, note: 'a passphrase of capitalised words: a properties file holds no code identifiers' }),
      sample('app/build.gradle', 'android {\n    signingConfigs {\n        release {\n            storeFile file("release.jks")\n            storePassword "Kp9vQ2mXr7LwT4zB"\n            keyAlias "upload"\n        }\n    }\n}\n', { expect: { line: 5 }, note: "Gradle's Groovy DSL: a name given a string without an operator" }),
      sample('src/mailer.ts', "import nodemailer from 'nodemailer';\n\nconst smtpPassword: string = 'Vt7qL2wRb9zX4eKp';\n", { expect: { line: 3 }, note: 'a type annotation before the value' }),
    ],
    negative: [
      sample('README.md', "## Authentication\n\n```ruby\nclient = Acme::Client.new(:login => 'octocat', :password => 'c0d3b4ssssss!')\n```\n", { note: 'a letter held down' }),
      sample('README.md', "## Logging\n\n```bash\nexport DEBUG=azure:*:(error|warning),rhea-promise:error,rhea:events,rhea:frames,rhea:io,rhea:flow\n```\n", { note: "a log filter's `name:*:` is no .pgpass line" }),
      sample('cli/role/custom.py', "logger.warning(\n    \"Please copy %s to a safe place. When you run 'az login', provide the file path in the --password argument\",\n    cert_file)\n", { note: 'the flag named in prose' }),
      sample('public/assets/auth-form.js', 'e.createElement("label",{htmlFor:"auth_password"},"Password:"),B?e.createElement("code",null," ****** "):e.createElement(x,null,e.createElement(w,{id:"auth_password",type:"password"}))\n', { note: "a label's text and its colon: the quote after them closes the string, and code follows" }),
      sample('lib/ftp/client.py', 'class FTPClient:\n    def __init__(self, username="anonymous", password="guest@acme.io", passive=True):\n        self.username = username\n', { note: "anonymous FTP's password: an email address, by convention" }),
      sample('docs/guides/secrets.md', "```ts\nconst secret = new kplus.Secret(this, 'Secret');\nsecret.addStringData('password', 'some-encrypted-data');\n```\n", { note: 'words saying what the value is' }),
      sample('src/models/PasswordPolicyEnum.d.ts', "export type PasswordCredentialStatusEnum = 'UNVERIFIED' | 'VERIFIED';\n", { note: "a TypeScript type alias: a generated client's enum" }),
      sample('app/assets/ca-ES-CpM3riV6.js', "var e={resolve_continue:`Continua`,resolve_show_n_more:`Mostra {count} més`,resolve_section_flows:`Fluxes`,resolve_sso_admin_password:`Contrasenya`};export{e as default};\n", { note: "a bundler's chunk of one locale's messages, named by the locale" }),
      sample('app/assets/erlang-DVpZmYHv.js', "function P(n,r){return n.in_string||n.in_atom?e.Pass:c?s.token==`when`?s.column+a:o}\n", { note: "a ternary's branches in minified code" }),
      sample('etc/patroni/config.yml', 'postgresql:\n  authentication:\n    superuser:\n      username: postgres\n      password: zalando\n    replication:\n      username: replicator\n      password: rep-pass\n    rewind:\n      username: rewind_user\n      password: rewind-pass\n', { note: "the replication and pg_rewind roles' names with `pass`: Patroni's sample values" }),
      sample('src/benchmarks/extract.smoke.js', "const PASS = '\\x1b[32mPASS\\x1b[0m';\nconst FAIL = '\\x1b[31mFAIL\\x1b[0m';\nconsole.log(ok ? PASS : FAIL);\n", { note: "a test runner's verdict in terminal colours" }),
      sample('credentials/WufooApi.credentials.ts', "export class WufooApi {\n  authenticate = {\n    type: 'generic',\n    properties: {\n      auth: { username: '={{$credentials.apiKey}}', password: 'not-needed' },\n    },\n  };\n}\n", { note: 'a field the API ignores, filled so the form validates' }),
      sample('generators/kubernetes/templates/db/couchbase.yml.ejs', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: <%= baseName.toLowerCase() %>-couchbase\ntype: Opaque\ndata:\n  database-admin-password: "cGFzc3dvcmQK"\n', { note: 'base64 of `echo password`, newline included' }),
      sample('.env.example', 'DB_PASSWORD=ChangeMe\nKEY_PASSWORD=AndroidDebugKey\n', { note: "a template's stand-in values" }),
      sample('src/main/java/com/acme/Auth.java', 'String password = PasswordHolder;\nString adminPassword = DefaultAdminCredential;\n', { note: 'code: a capitalised name is an identifier' }),
      sample('lib/Net/FTP.pm', "sub login {\n  my ($ftp, $user, $pass) = @_;\n  $pass = '-anonymous@'\n    if (!defined $pass && $user =~ /^anonymous/o);\n}\n", { note: "anonymous FTP's conventional password" }),
      sample('htdocs/css/style.css', '#password:disabled {\n  color: #aaa;\n}\n', { note: 'a stylesheet selector' }),
      sample('playbooks/credentials.yml', '---\ndnac_host: sandboxdnac.cisco.com\ndnac_username: devnetuser\ndnac_password: Maglev123\nnxos_password: C1sco12345\nnios_provider:\n  host: 192.168.10.1\n  username: admin\n  password: infoblox\n', { note: "vendors' published lab and factory passwords" }),
      sample('doc/modules/ldap_howto.rst', 'Add the administrators::\n\n    dn: cn=freeradius,ou=admins,ou=radius,dc=mydomain,dc=com\n    objectclass: person\n    sn: freeradius\n    cn: freeradius\n    userPassword: freeradius\n\n    dn: cn=billing,ou=admins,ou=radius,dc=mydomain,dc=com\n    objectclass: person\n    sn: billing\n    cn: billing\n    userPassword: billing\n', { note: "LDIF entries whose passwords are their own names" }),
      sample('lib/request.js', "const config = {\n  auth: {\n    username: 'janedoe',\n    password: 's00pers3cret'\n  },\n};\n", { note: 'a run of leetspeak digits spelling letters' }),
      sample('doc/management-notes.txt', "  Example 4: The --auth-user-pass username/password failed:\n\n    >PASSWORD:Verification Failed: 'Auth'\n", { note: 'a word with more words after it: a message' }),
      sample('man/openvpn.8', '.TH OPENVPN 8\n.TP\n.B \\fI\\-\\-auth\\-user\\-pass username\\fP\n', { note: "a manual page's font change after an option's argument" }),
      sample('etc/burp/burp.conf', "# Set an encryption password if you do not trust the server with your data.\n# encryption_password = My^$pAsswIrD%@\n", { note: 'a password misspelt on purpose, the dollar read as an s' }),
      sample('etc/freeradius/mods-available/redis', "redis {\n\t#  The password used to authenticate to the server.\n#\tpassword = thisisreallysecretandhardtoguess\n}\nclient localhost {\n#\tlogin\t   = !root\n#\tpassword\t= someadminpas\n}\n", { note: 'secrecy said as a sentence run together; a word cut short' }),
      sample('docs/add-remove.txt', 'Example client config:\npassword = abcedfgh\n', { note: 'the alphabet typed out of order' }),
      sample('scripts/inventory/vmware.ini', '[vmware]\nserver = vcenter.example.com\nusername = administrator@vsphere.local\npassword = ssshverysecret\n', { note: 'a hush before a secret' }),
      sample('mailman/config/schema.cfg', '[webservice]\nadmin_user: restadmin\nadmin_pass: restpass\n', { note: "a REST API's documented default" }),
      sample('wp-admin/includes/class-ftp.php', '<?php\nfunction __construct() {\n\t\t$this->_login="anonymous";\n\t\t$this->_password="anon@ftp.com";\n}\n', { note: "anonymous FTP's conventional password, an address" }),
      sample('plugins/password/drivers/ldap.php', "<?php\n$encodage = $rcmail->config->get('password_ldap_encodage', 'md5-crypt');\n$scheme = $rcmail->config->get('password_scheme', 'ssha512-crypt');\n", { note: 'how a password is hashed, named after it' }),
      sample('plugins/password/README', 'Example:\n\n        UPDATE users SET password=cryptpass WHERE username=user AND password=ENCRYPT(oldpass,currentsalt);\n', { note: "an SQL statement's stand-in words" }),
      sample('doc/80-Upgrading.md', 'Apply all database schema upgrade files incrementally.\n\n```\n# export PGPASSWORD=icingaweb2\n# psql -U icingaweb2 -d icingaweb2 < /usr/share/doc/icingaweb2/schema/pgsql-upgrades/2.5.0.sql\n```\n', { note: 'the password is the user and the database the command beside it names' }),
      sample('doc/README.Oracle.html', '<pre>Installation Notes\n------------------\n\n    ./configure \\\n        --with-db-type=Oracle \\\n        --with-db-rt-user=rtdb1 \\\n        --with-db-rt-pass=rtdb1secret \\\n</pre>\n', { note: 'an HTML page shows a command as a document does' }),
      sample('man/man8/rt-setup-fulltext-index.8', '.TH RT-SETUP-FULLTEXT-INDEX 8\n.Vb 1\n\\&    rt\\-setup\\-fulltext\\-index \\-\\-dba sysdba \\-\\-dba\\-password \\*(Aqsecret\\*(Aq\n.Ve\n', { note: "a manual page's quotes as roff escapes" }),
      sample('config/config.inc.php', "<?php\n$config['password_ldap_search_filter'] = '(uid=%name)';\n$config['password_ldap_host'] = 'ldapserver';\n$config['password_driver'] = 'ldap_simple';\n", { note: 'settings of how a password is changed, named after it (roundcube)' }),
      sample('internal/store/open.go', 'package store\n\nfunc dsn(host, user, pw string) string {\n\treturn fmt.Sprintf("host=%s user=%s password=%s dbname=orders", host, user, pw)\n}\n', { note: 'a keyword connection string filled in at run time' }),
      sample('misc/app-sudo.in', 'appuser ALL=NOPASSWD: @SBINDDIR@/shutdown\n', { note: "sudoers, with autoconf's substitution" }),
      sample('docs/notes.md', '```js\nconst totalPass = raw.tests?.passed || 0\n```\n', { note: 'an expression with a fallback' }),
      sample('lib/functions.php', "<?php\n$case = $attribute->getValue('password', 'lowercase');\n", { note: "a getter's option" }),
      sample('src/url.js', 'function u(A){if(A.username||A.password||A.pathname!=="/"||A.search)return A.href}\n', { note: 'logical operands in minified code' }),
      sample('rules/72_active.cf', 'meta __NOT_SPOOFED  SPF_PASS || __DKIM_EXISTS || __DKIM_SIGNED\n', { note: "a SpamAssassin rule's expression" }),
      sample('doc.ja/src/sgml/example-cluster.sgml', '<programlisting>\nserver1:5432:replication:repl:&lt;replユーザのパスワード&gt;\n</programlisting>\n', { note: 'a placeholder whose angle brackets are HTML entities' }),
      sample('build-aux/ltmain.sh', '      esac\n    fi # $pass = dlpreopen\n    done\n', { note: "libtool's comment: `pass` is a loop's word" }),
      sample('fakeredis/_commands.py', 'def _mget(keys):\n    # First pass: convert/validate non-keys, and short-circuit on missing keys\n    return keys\n', { note: 'the English word' }),
      sample('src/lib/kadm5/srv/svr_principal.c', 'static void\nclear(char **passptr)\n{\n    char *password = *passptr;\n    zap(password, strlen(password));\n}\n', { note: 'a C dereference' }),
      sample('one-click-apps/v4/apps/app-postgres.yml', "captainVersion: 4\nservices:\n  $$cap_appname:\n    image: postgres:$$cap_postgres_version\n    environment:\n      POSTGRES_PASSWORD: $$cap_pg_pass\n", { note: "CapRover's one-click template variable" }),
      sample('Controller/Component/Auth/BlowfishAuthenticate.php', "<?php\n$this->settings['passwordHasher'] = 'Blowfish';\n", { note: 'what hashes passwords' }),
      sample('installer/wix/platform.wxi', '<?define cmf_kpasswd_exe_guid="669A2965-6A0C-4A5A-9B1E-1E5C9E4E3B1A"?>\n', { note: "an installer component's GUID" }),
      sample('manifests/certificates.pp', "class octavia::certificates (\n  $server_certs_key_passphrase = 'insecure-key-do-not-use-this-key',\n) {}\n", { note: 'a default that says it is no secret' }),
      sample('build-aux/ltmain.sh', 'for pass in conv scan dlopen dlpreopen link; do\n  if test "$pass" = dlpreopen; then\n    continue\n  fi\ndone\n', { note: 'a shell test compares a quoted variable; an assignment has no quotes and no `$`' }),
      sample('docs/examples.md', "```js\nif (mod.type !== 'userpassword' || !mod.vals || !mod.vals.length)\n  return next(new ldap.UnwillingToPerformError());\n```\n", { note: 'a string literal on the left of `||`' }),
      sample('src/openvpn/manage.c', 'msg(M_CLIENT, ">PASSWORD:Auth-Token:%s", token);\n', { note: 'a printf format: the value is filled in' }),
      sample('conf.d/auth-dict.conf.ext', 'dict {\n  password_key = passdb/%u\n}\n', { note: "Dovecot's per-user key template" }),
      sample('raddb/mods-available/eap', 'tls-config tls-common {\n\tprivate_key_password = whatever\n\tprivate_key_file = ${certdir}/server.pem\n}\n', { note: "FreeRADIUS's test certificates' documented passphrase" }),
      sample('turndb/setup.sh', "mongo coturn --eval \"db.admin_user.insert({ name: 'skarling', password: '\\$5\\$6fc35c3b0c7d4633\\$27fca7574f9b79d3dc93ae0f0b62e2be6a2a1d4c1c4b2e5b6a8b9c0d1e2f54f2' })\"\n", { note: 'a SHA-256 crypt hash, its dollars escaped inside a double-quoted shell string' }),
      sample('raddb/sites-available/challenge', 'update control {\n\tCleartext-Password := &session-state:Tmp-Integer-0\n}\n', { note: 'a FreeRADIUS attribute reference' }),
      sample('charts/api/templates/secret.yaml', 'apiVersion: v1\nkind: {{ .Values.secretKind }}\nmetadata:\n  name: api\ndata:\n  DB_PASSWORD: Y2hhbmdlbWU=\n', { note: "a placeholder written base64-encoded (changeme), where the manifest's kind is a template" }),
      sample('roles/os9_users/templates/os9_users.j2', '{% for item in os9_users %}\n{% set passwd = item.pass_key|string+" "+item.password %}\nusername {{ item.username }} password {{ passwd }}\n{% endfor %}\n', { note: 'a Jinja expression' }),
      sample('plugins/modules/netapp_e_auth.py', "def update(ssid):\n    update_pwd = 'storage-systems/%s' % ssid\n    return request(update_pwd)\n", { note: 'a format string filled on the same line' }),
      sample('validation/check-publish.sh', '#!/bin/sh\nnpm view agentic-flow@1.10.0 version >/dev/null && echo "  PASS: agentic-flow@1.10.0 exists on npm"\n', { note: "a test report's status" }),
      sample('modules/win_chocolatey_source.ps1', "$params = @{ 'certificate_password' = 'certificate' }\n", { note: 'a word of its own name: a key of a parameter map' }),
      sample('lib/Backup/Common/Ini.pm', "use constant INI_SECTION_CIPHER => 'cipher';\nuse constant INI_KEY_CIPHER_PASS => 'cipher-pass';\n", { note: "the last words of its own name: the key of the option it reads" }),
      sample('plugins/module_utils/podman/quadlet.py', 'def args(params):\n    params["podman_args"].append(f"--passwd-entry {params[\'passwd_entry\']}")\n', { note: "an f-string's subscript, cut short by its quote" }),
      sample('static/framework/widgets/form/fields/password-confirm.html', '<input type="password" name="confirm"\n       hz-password-match="{$::form.match$}">\n', { note: "AngularJS interpolation with Horizon's delimiters" }),
      sample('src/win32/installer/winburp.nsi', '\t${If} $ConfigEncPass != ""\n\t\tFileWrite $R1 "encryption_password = $ConfigEncPass$\\r$\\n"\n\t${EndIf}\n', { note: "an NSIS variable and NSIS's escapes" }),
      sample('doc/wiki/AuthDatabase.PasswdFile.txt', 'user:{plain}pass:1000:1000::/home/user::userdb_mail=maildir:~/Maildir\n', { note: "a passwd-file line: its uid, gid and home are no password" }),
      sample('doc/wiki/Migration.Dsync.txt', 'imapc_user = %u\nimapc_master_user = masteruser\nimapc_password = masteruser-secret\n', { note: 'secrecy said as a placeholder' }),
      sample('README.md', '```javascript\nnew Redis({\n  port: 6379,\n  host: "127.0.0.1",\n  username: "default",\n  password: "my-top-secret",\n});\n```\n', { note: 'secrecy said as a placeholder' }),
      sample('doc/source/contributor/devstack.rst', 'Your ``local.conf`` then reads::\n\n    [[local|localrc]]\n    RABBIT_PASSWORD="secretrabbit"\n', { note: 'its own name\'s word and a filler word' }),
      sample('docs/testing.md', '```yaml\nesxi1_password: myEsxiSuperSecretPassw0rd!\n```\n', { note: 'its own name\'s word among filler words' }),
      sample('src/components/Modal.tsx', 'export function A({ isMetaPass, identifier }) {\n  return <Button disabled={!isMetaPass || !identifier} />;\n}\n', { note: 'a negated identifier is an expression' }),
      sample('src/cli.js', '// If there is a --pwd directive, switch directories.\nconst x = 1;\n', { note: 'a word of a sentence after a flag named in a comment' }),
      sample('Makefile', 'login:\n\taws ecr get-login-password --region $(REGION) | docker login --username AWS --password-stdin $(ACCOUNT).dkr.ecr.$(REGION).amazonaws.com\n', { note: 'the registry after --password-stdin is not a password' }),
      sample('doc/20-Advanced-Topics.md', "```sql\nCREATE USER 'icingaweb2'@'localhost' IDENTIFIED BY 'icingaweb2';\nGRANT ALL ON icingaweb2.* TO 'icingaweb2'@'localhost';\n```\n", { note: 'the password is the account\'s own name: a documented default' }),
      sample('site/include/layout.js', "var pass = '#snmp_priv_passphrase';\n$(pass).val('');\n", { note: "a form field's CSS selector" }),
      sample('sql/mysqld.cc', 'static int init_common_variables()\n{\n  report_user= report_password = report_host= 0;\t/* TO BE DELETED */\n  return 0;\n}\n', { note: 'a chained assignment spaced out' }),
      sample('activerecord/Rakefile', 'connection_arguments = lambda do |connection_name|\n  ["--user=#{config["username"]}", "--password=#{config["password"]}"].join(" ")\nend\n', { note: 'Ruby interpolation, cut short by the quotes inside it' }),
      sample('configure', 'if test "x$py_cv_module_pwd" = xmissing; then :\n  py_cv_module_pwd=disabled\nfi\n', { note: "autoconf's cached state of Python's `pwd` module" }),
      sample('app/auth/checks.py', "def legacy_hashes():\n    return User.objects.filter(password__startswith='bcrypt$$')\n", { note: 'a Django field lookup filters on the stored hash' }),
      sample('scripts/mysql_setpermission.sh', '#!/usr/bin/perl\n$dbh=$host=$opt_user= $opt_password= $opt_help= $opt_host= $opt_socket= "";\n', { note: "Perl's chained assignment: the next variable and its `=`" }),
      sample('.zuul.yaml', '- job:\n    name: keystone-dsvm-functional-ldap\n    vars:\n      devstack_localrc:\n        LDAP_PASSWORD: \'nomoresecret\'\n', { note: "DevStack's documented service password" }),
      sample('languages/da.lang', "<?php\n$PALANG['pPassword_admin'] = 'Adgangskode';\n$PALANG['pLogin_password'] = 'Adgangskode';\n", { note: 'a translation table' }),
      sample('perl5/ONVIF/Types/User.pm', "my %TYPES = (\n  'Username' => 'SOAP::WSDL::XSD::Typelib::Builtin::string',\n  'Password' => 'SOAP::WSDL::XSD::Typelib::Builtin::string',\n);\n", { note: 'Perl type names' }),
      sample('templates/database-pgsql.yml.template', 'production:\n  adapter: postgresql\n  username: _DBC_DBUSER_\n  password: _DBC_DBPASS_\n', { note: "dbconfig-common's placeholders" }),
      sample('types/BlobQueryResponse.common.d.ts', "  /** String identifier for the last attempted Copy Blob operation, identified by 'x-ms-copy-id'. */\n  copyId?: string;\n", { note: 'prose, not SQL' }),
      sample('plugins/provisioners/chef/provisioner/base.rb', 'def setup_config\n  config = { http_proxy_pass: @config.http_proxy_pass, https_proxy_pass: @config.https_proxy_pass }\nend\n', { note: 'Ruby instance variables' }),
      sample('azure/synapse/artifacts/models/_models.py', 'class LinkedService:\n    """\n    :param password: The password.\n    :type password: ~azure.synapse.artifacts.models.SecretBase\n    """\n', { note: 'a docstring type' }),
      sample('includes/installer/i18n/af.json', '{\n  "config-admin-name": "Gebruikersnaam:",\n  "config-admin-password": "Wagwoord:",\n  "config-admin-password-confirm": "Herhaal wagwoord:"\n}\n', { note: 'a translation catalog: the values are labels' }),
      sample('program/localization/nl_NL/labels.inc', "<?php\n$labels['username'] = 'Gebruikersnaam';\n$labels['password'] = 'Wachtwoord';\n"),
      sample('docs/MANUAL.html', '<p>If the config is encrypted, pass <code>--ask-password=false</code> to rclone. This will make rclone fail</p>\n', { note: "a manual's markup around a flag" }),
      sample('web/messages.json', '{\n  "login": { "user": "Nom d\'utilisateur :", "password": "Mot-de-passe:" }\n}\n', { note: 'a form label' }),
      sample('docs/setup.md', 'The default password is `changeme`; the admin password is `<set during install>`.\n', { note: 'placeholders in prose' }),
      sample('ldap/passwdmodify.go', 'const passwordModifyOID = "1.3.6.1.4.1.4203.1.11.1"\n', { note: 'an OID' }),
      sample('src/main/resources/application.yml', 'spring:\n  datasource:\n    password: ENC(G6N718UuyPE5bHyWKyuLQSm02auQPUtm)\n  mail:\n    password: REPLACE_ME\n', { note: 'Jasypt ciphertext' }),
      sample('jenkins/credentials.xml', '<com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n  <username>deploy</username>\n  <password>{AQAAABAAAAAQ1lC3JkX7bH8vM2pQ9rT4wY6zA0sD5fG8hJ1kL3nB7cV=}</password>\n</com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl>\n', { note: "Jenkins' encrypted secret" }),
      sample('templates/app/jenkins/template_app_jenkins.yaml', "macros:\n  - macro: '{$JENKINS.API.TOKEN}'\n    value: ''\nitems:\n  - name: 'Jenkins: ping'\n    password: '{$JENKINS.API.TOKEN}'\n", { note: 'a Zabbix user macro' }),
      sample('lib/states/pass.js', '"use strict";Object.defineProperty(exports,"__esModule",{value:!0});exports.Pass=exports.Result=void 0;\n', { note: 'a chained assignment in minified code' }),
      sample('lib/devise/rails/routes.rb', "config.secret_key = '#{SecureRandom.hex(64)}'\nconfig.password_length = 6..128\n", { note: 'Ruby interpolation' }),
      sample('plugins/modules/win_unzip.ps1', '$expand_params.Password = ConvertTo-SecureString -String $password -AsPlainText -Force\n', { note: 'a PowerShell cmdlet' }),
      sample('service/mediaconvert/api.go', 'const (\n\t// AvcIntraUhdQualityTuningLevelSinglePass is a AvcIntraUhdQualityTuningLevel enum value\n\tAvcIntraUhdQualityTuningLevelSinglePass = "SINGLE_PASS"\n)\n', { note: 'an enum constant' }),
      sample('sonic/bgp.yml', "neighbors:\n  - neighbor: 10.0.0.1\n    auth_pwd:\n      pwd: 'U2FsdGVkX1/4sRsZ624wbAJfDmagPLq2LsGDOcW/47M='\n      encrypted: true\n", { note: 'OpenSSL enc output (Salted__)' }),
      sample('plugins/modules/mysql_user.py', "EXAMPLES = r'''\n- name: Create a user with a password hash\n  mysql_user:\n    name: bob\n    password: '*EE0D72C1085C46C5278932678FBE2C6A782821B4'\n    encrypted: true\n'''\n", { note: "MySQL's stored hash" }),
      sample('docker-compose.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: postgres\n      MYSQL_ROOT_PASSWORD: example\n'),
      sample('.github/workflows/ci.yml', 'jobs:\n  test:\n    services:\n      postgres:\n        image: postgres\n        env:\n          POSTGRES_PASSWORD: testpass123\n'),
      sample('src/main/resources/application.properties', 'spring.datasource.password=${DB_PASSWORD}\nspring.security.password-policy.min-length=12\n'),
      sample('config/users_database.yml', 'users:\n  john:\n    password: "$argon2id$v=19$m=65536,t=3,p=4$BpLnfgDsc2WD8F2q$o/vzA4myCqZZ36bUGsDY//8mKUYNZZaR0t4MFFSs+iM"\n  harry:\n    password: "$2y$10$KIXQJvM3ohdZ5.Z2hLk5tOfKpoQm8DkBzVt3tF2v4rQw3bK1hZ6Ka"\n', { note: 'password hashes (Authelia users file): what a login checks against' }),
      sample('app/fixtures/users.json', '[{"model": "auth.user", "pk": 1, "fields": {"username": "admin", "password": "pbkdf2_sha256$600000$Wq3kY8nVbZ2xP4rT$eH2Yx6b1jQm3nK9pL0sR5tU7vW8xZ1aB2cD3eF4gH5i="}}]\n', { note: "Django's stored hash format" }),
      sample('compose.yml', 'services:\n  api:\n    environment:\n      ENCRYPTED_DB_PASSWORD: AQICAHhN3v9kQ2xLmP7bR4tY8wZ1aC5dE6fG0hJ2kL3mN4oP5qR6sAGl3kT9vX2yZ8wB4cD1eF7gH0jK5mN2pQ6rS9tU3vW==\n', { note: 'AWS KMS ciphertext, decrypted at run time' }),
      sample('lib/constants/client.js', 'exports.LONG_PASSWORD = 0x00000001;\nexports.FOUND_ROWS = 0x00000002;\n', { note: 'a flag constant' }),
      sample('fp/_mapping.js', "exports.aliasToReal = { 'allPass': 'overEvery', 'anyPass': 'overSome' };\n", { note: 'a table of function names' }),
      sample('clients/cognito.d.ts', '  /**\n   * The authentication flow. For example:\n   *    ADMIN_USER_PASSWORD_AUTH: Admin-based user password authentication.\n   */\n', { note: 'documentation prose' }),
      sample('src/forms.ts', "const labels = { password: 'Password', confirmPassword: 'Confirm password', passwordHint: 'At least 12 characters' };\n"),
      sample('scripts/restore.sh', '#!/bin/sh\nmysql -h orders-db.internal -u orders -p orders < /backups/orders.sql\ndocker login -u "$REGISTRY_USER" -p "$REGISTRY_TOKEN" registry.acme.io\ncurl -u "$CI_USER:$CI_TOKEN" https://ci.acme.io/job/release/build\n', { note: 'a prompt (-p then a database name) and references' }),
      sample('docs/registry.md', 'Sign in with `docker login -u AWS -p <password> https://<account>.dkr.ecr.eu-west-1.amazonaws.com`.\n'),
      sample('include/llvm/IR/PassManagers.h', 'struct ExternalAAWrapperPass : ImmutablePass {\n  using ModulePass::doInitialization;\n  /// Return true if -debug-pass=Executions or more.\n};\n', { note: 'compiler passes, a scope operator and a mode flag in C++' }),
      sample('apis/oracledatabase_messages.py', 'class Encryption(_messages.Message):\n  r"""Fields:\n    password: Required. The password used to encrypt the keys inside the wallet.\n    adminPassword: Deprecated: For improved security, specify the password in a secret.\n  """\n', { note: 'a docstring describes the field' }),
      sample('tests/auth.test.ts', "const user = { email: 'alice@example.com', password: 'correct-horse-battery-staple' };\n", { note: 'the xkcd example passphrase' }),
      sample('Web.config', '<configuration>\n  <appSettings>\n    <add key="ClientValidationEnabled" value="true" />\n    <add key="TokenLifetimeMinutes" value="60" />\n  </appSettings>\n</configuration>\n'),
      sample('ios/App/Info.plist', '<plist version="1.0">\n<dict>\n\t<key>CFBundleIdentifier</key>\n\t<string>com.acme.app</string>\n\t<key>NSFaceIDUsageDescription</key>\n\t<string>Unlock your secrets</string>\n</dict>\n</plist>\n'),
      sample('app/build.gradle', 'android {\n    signingConfigs {\n        release {\n            storePassword System.getenv("STORE_PASSWORD")\n            keyPassword project.findProperty("keyPassword")\n        }\n    }\n}\n', { note: 'read from the environment and from Gradle properties' }),
      sample('public/login.html', '<form method="post"><input type="hidden" name="authenticity_token" value="Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"></form>\n', { note: "a Rails form's CSRF token" }),
      sample('src/vault.py', 'PASSWORD_STORE_DIR = "Xk9mQ2vL7pRt4wZb"\nSECRET_STORAGE = "Vt7qL2wRb9zX4eKp"\n', { note: 'where passwords and secrets are kept, not one' }),
      sample('tests/db/test_password.py', 'log.debug("\\npassword=%s\\nexpected=%s" % (obj.password, expected))\n'),
      sample('src/main/java/com/acme/Keytool.java', 'if (keyPass == null) {\n    keyPass = storePass;\n}\nchar[] newPass = promptForPassword();\n', { note: 'in code, a bare right-hand side is a variable' }),
      sample('web/db.php', "<?php\n$db = new PDO($dsn, $user, getenv('DB_PASSWORD'));\n$link = mysqli_connect('localhost', 'root', '');\n", { note: 'the password read from the environment, and an empty one' }),
      sample('apis/securitycenter_messages.py', '  Values:\n    OS_CREDENTIAL_DUMPING_ETC_PASSWORD_AND_ETC_SHADOW: T1003.008\n'),
    ],
  },
  scopeSamples: {
    positive: [
      sample('deploy/mysql.env.yaml', 'MYSQL_ROOT_PASSWORD: "Vt7#qL2w!Rb9zX4e"\n', { expect: { line: 1 } }),
      sample('docker-compose.prod.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: postgres\n      POSTGRES_PASSWORD: "Vt7qL2wRb9zX4eKpWm3nQ8"\n', { expect: { line: 6 }, note: 'the account is named beside the password' }),
      sample('docker-compose.prod.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_USER: orders_app\n      POSTGRES_PASSWORD: "Vt7qL2wRb9zX4eKpWm3nQ8"\n', { expect: { line: 6 }, note: 'the postgres image creates POSTGRES_USER, whatever its name, as a superuser' }),
      sample('charts/api/values.yaml', 'postgresql:\n  auth:\n    username: orders_app\n    password: Hq7vT2mLx9Rk4WzP\n    postgresPassword: Zt8kQ3vNw6Lp2XyR\n    database: orders\n', { expect: { line: 5 }, note: "the PostgreSQL chart's postgres user" }),
      sample('wp-config.php', "<?php\ndefine( 'DB_USER', 'root' );\ndefine( 'DB_PASSWORD', 'Qm7vX2pL9kRt4wZb' );\n", { expect: { line: 3 } }),
      sample('config/database.yml', 'production:\n  adapter: postgresql\n  host: db.acme.internal\n  username: postgres\n  password: Gq83vPz2mLwKt7\n', { expect: { line: 5 }, note: "Rails: the adapter names the database beside the superuser" }),
      sample('scripts/restore.sh', '#!/bin/sh\nmysql -h db-prod.acme.internal -u root -pGq83vPz2mLwKt7 acme < dump.sql\n', { expect: { line: 2 }, note: "the client's user flag names the superuser" }),
      sample('src/main/resources/application.properties', 'spring.datasource.username=postgres\nspring.datasource.password=Gq83vPz2mLwK\n', { expect: { line: 2 } }),
      sample('src/main/resources/application.yml', 'spring:\n  datasource:\n    url: jdbc:postgresql://acme-prod.c9akciq32.us-east-1.rds.amazonaws.com:5432/app\n    username: postgres\n    password: NKs0AD9d7v3AehVXzZ0IowQf\n', { expect: { line: 5 }, note: 'the database named by the URL beside it' }),
      sample('deploy/.pgpass', 'acme-prod.c9akciq32.us-east-1.rds.amazonaws.com:5432:*:postgres:7FC7zmwDuEQPoLYTR30hnKpI\n', { expect: { line: 1 } }),
      sample('src/etl/load.py', 'import psycopg2\nconn = psycopg2.connect(host="acme-prod.c9akciq32.us-east-1.rds.amazonaws.com", user="postgres", password="Fkw0ABwfCzecW8iLNSJNrpyC", dbname="app")\n', { expect: { line: 2 } }),
      sample('ops/.my.cnf', '[client]\nuser=root\npassword=Fkw0ABwfCzecW8iLNSJN\nhost=db-prod.acme.internal\n', { expect: { line: 3 }, note: "a MySQL option file's client login" }),
      sample('docs/runbooks/vacuum.md', '# Vacuum\n\n```bash\nexport PGPASSWORD=Fkw0ABwfCzecW8iLNSJN\npsql -h prod-db.c9akciq32.us-east-1.rds.amazonaws.com -U postgres -d app -c "vacuum analyze"\n```\n', { expect: { line: 4 }, note: 'the client below logs in as the superuser with the exported password' }),
    ],
    negative: [
      sample('scripts/restore.sh', '#!/bin/sh\nmysql -h db-prod.acme.internal -u ledger_app -pGq83vPz2mLwKt7 acme < dump.sql\n', { note: 'an application user' }),
      sample('devtools/prep-db.sh', '#!/bin/sh\nmysql -u root -e "CREATE USER \'rsyslog\'@\'%\' IDENTIFIED BY \'Gq83vPz2mLwKt7\';"\n', { note: 'the password is the created user\'s, not root\'s' }),
      sample('config/datastores.js', "module.exports.datastores = {\n  default: {\n    adapter: 'sails-mysql',\n    host: 'localhost',\n    user: 'root',\n    password: 'g3tInCr4zee8stUfF',\n  },\n};\n", { note: "the superuser of a database on the developer's machine" }),
      sample('cluster/fencing.xml', '<op id="fence-ipmi" login="admin" passwd="Gq83vPz2mLwKt7" ipaddr="10.0.0.5"/>\n', { note: "a fence device's admin login, not a database's superuser" }),
      sample('config/database.yml', 'production:\n  adapter: postgresql\n  host: db.acme.internal\n  username: ledger_app\n  password: Gq83vPz2mLwKt7\n', { note: 'an application user' }),
      sample('roles/personas_deployment/defaults/main.yml', 'ise_username: admin\nise_password: "Kp9vQ2mXr7LwT4zB"\n', { note: "an appliance's admin login, not a database superuser" }),
      sample('deploy/app.yaml', 'APP_DB_PASSWORD: "Vt7#qL2w!Rb9zX4e"\n'),
      sample('docker-compose.prod.yml', 'services:\n  api:\n    image: ghcr.io/acme/orders:2.3.1\n    environment:\n      DB_USER: orders_app\n      DB_PASSWORD: "Vt7qL2wRb9zX4eKpWm3nQ8"\n  minio:\n    image: minio/minio\n    environment:\n      MINIO_ROOT_USER: admin\n', { note: "MinIO's admin is not the database's account" }),
      sample('.envs/.production/.postgres', 'POSTGRES_HOST=orders.c9akciq32.us-east-1.rds.amazonaws.com\nPOSTGRES_PORT=5432\nPOSTGRES_USER=orders_app\nPOSTGRES_PASSWORD=Vt7qL2wRb9zX4eKpWm3nQ8\n', { note: "beside a managed server's host, the image's names are the application's login" }),
      sample('ops/.my.cnf', '[client]\nuser=reporting_ro\npassword=Fkw0ABwfCzecW8iLNSJN\nhost=db-prod.acme.internal\n', { note: "an option file's read-only user" }),
      sample('docs/runbooks/report.md', '# Report\n\n```bash\nexport PGPASSWORD=Fkw0ABwfCzecW8iLNSJN\npsql -h prod-db.c9akciq32.us-east-1.rds.amazonaws.com -U reporting_ro -d app -f report.sql\n```\n', { note: 'the client logs in as a read-only user' }),
    ],
  },
};

/** Users that own every database on the server (Postgres, MySQL, SQL Server, managed-service admins). */
const SUPERUSERS = new Set(['postgres', 'root', 'admin', 'administrator', 'sa', 'sys', 'system', 'rdsadmin', 'doadmin', 'avnadmin', 'supabase_admin', 'elastic', 'master', 'superuser', 'dbadmin', 'mongoadmin']);
const LOCAL_HOST = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|[a-z0-9_-]+)$/i;
const LOOPBACK = /^(?:localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal)$/i;

/** The connection URL around a password, read from the line the password sits on. */
export function connectionUrlAround(line: string, password: string): { scheme: string; user: string; host: string } | undefined {
  const at = line.indexOf(`:${password}@`);
  if (at === -1) return undefined;
  const before = line.slice(0, at);
  const schemeAt = before.lastIndexOf('://');
  if (schemeAt === -1) {
    // `user:password@tcp(host:port)/db`, Go's MySQL DSN.
    const go = line.startsWith('tcp(', at + password.length + 2) ? /([A-Za-z0-9_.-]{1,64})$/.exec(before)?.[1] : undefined;
    const goHost = go === undefined ? undefined : /^tcp\(([^:)\s]+)/.exec(line.slice(at + password.length + 2))?.[1]?.toLowerCase();
    return go === undefined || goHost === undefined ? undefined : { scheme: 'mysql', user: go, host: goHost };
  }
  const scheme = /([a-z][a-z0-9+.:-]*)$/i.exec(before.slice(0, schemeAt))?.[1]?.toLowerCase() ?? '';
  const user = decodeURIComponent(before.slice(schemeAt + 3));
  const host = /^([^/:?#\s'"`]+)/.exec(line.slice(at + password.length + 2))?.[1]?.toLowerCase() ?? '';
  return { scheme, user, host };
}

// `ecto://` is Elixir's Ecto URL (`url:` and DATABASE_URL of Phoenix apps), whatever the adapter; Rails names its adapter in
// the scheme (`mysql2://`, `trilogy://`, `postgis://` in database.yml and DATABASE_URL).
const DB_SCHEMES = 'postgres(?:ql)?|postgis|mysqlx?|mysql2|trilogy|mariadb|mongodb(?:\\+srv)?|rediss?|amqps?|mssql|sqlserver|cockroachdb|clickhouse|neo4j(?:\\+s)?|ecto|jdbc:[a-z]+';

export const databaseConnectionString: CredentialKind = {
  id: 'database-connection-string',
  provider: 'database',
  title: 'Database connection string with a password',
  valuePatterns: [
    {
      // Group 1 is the password inside `scheme://user:password@host`. Written forwards (no lookbehind) so the
      // engine can skip ahead to each scheme instead of testing a lookbehind at every position.
      // SQLAlchemy names its driver after a `+` (`postgresql+psycopg2://`, `mysql+pymysql://`).
      regex: new RegExp(`\\b(?:${DB_SCHEMES})(?:\\+[a-z0-9]+)?://[^\\s:@/'"\`]*:([^\\s@/'"\`]{3,200})@[^\\s/'"\`]+`, 'gi'),
      // The scheme names, not `://`: every URL has that, few files name a database scheme.
      keywords: ['postgres', 'postgis', 'mysql', 'trilogy', 'mariadb', 'mongodb', 'redis', 'amqp', 'mssql', 'sqlserver', 'cockroachdb', 'clickhouse', 'neo4j', 'ecto://', 'jdbc:'],
    },
    {
      // Go's MySQL driver DSN: `user:password@tcp(host:port)/db`.
      regex: /(?<![\w.-])[A-Za-z0-9_.-]{1,64}:([^\s@/'"`]{3,200})@tcp\([^)\s'"`]+\)\//g,
      keywords: ['@tcp('],
    },
    {
      // JDBC URLs carry the login as parameters: `jdbc:postgresql://host/db?user=app&password=...`,
      // `jdbc:sqlserver://host:1433;database=app;user=sa;password=...`.
      regex: /\bjdbc:[a-z]+:[^\s'"`]{0,300}?[?&;]password=([^&;\s'"`]{3,200})/gi,
      keywords: ['jdbc:'],
    },
    {
      // ADO.NET / ODBC: `Server=...;User Id=...;Password=...`.
      // Keys start the string or follow a `;` (`l.host=n.host,…;l.password=` in minified code is property access).
      regex: /(?<![\w.])(?:Server|Data Source|Host)=[^;'"\n]{1,200};[^'"\n]{0,300}?(?<![\w.])(?:Password|Pwd)=([^;'"\s]{3,200})/gi,
      keywords: ['password=', 'pwd='],
    },
  ],
  plausible: (value, context) => {
    if (isHumanPlaceholder(value) || /^[$%{<*]/.test(value)) return false;
    const url = connectionUrlAround(context.line, value);
    if (!url) return true;
    if (url.user === value || url.user === '') return url.user === '' && !LOCAL_HOST.test(url.host);
    // `.local` is mDNS on a developer's network; `.svc.cluster.local` is a Kubernetes Service, production's included.
    if (/(?:^|\.)(?:example|test|invalid|local)(?:\.|$)/.test(url.host) && !/\.svc\.cluster\.local$/.test(url.host)) return false;
    // Local and compose-internal hosts (`localhost`, `db`, `postgres`) hold development databases, with development
    // passwords; a generated password on a service name (`redis-master`, `db` in a production compose file) is real.
    return !LOCAL_HOST.test(url.host) || (!LOOPBACK.test(url.host) && looksRandom(value, 12, 3.0) && /\d/.test(value) && /[A-Za-z]/.test(value));
  },
  rate: (context) => {
    const url = connectionUrlAround(context.line, context.value);
    const user = url?.user ?? /\b(?:User Id|Uid|User)=([^;&'"`\s]+)/i.exec(context.line)?.[1]?.trim() ?? '';
    const base = user.split('.')[0]!.toLowerCase();
    if (SUPERUSERS.has(base) || base.endsWith('_owner') || base === 'neondb_owner') {
      return { scope: 'root-resource', because: `database user ${base} is the server's superuser` };
    }
    // An app's admin account (`ledgerly_admin`, `billing-admin`): the master user the instance was created with.
    if (/[_-](?:admin|dbadmin|root|master)$/.test(base)) return { scope: 'root-resource', because: `database user ${base} is named as the database's administrator` };
    if (url && (url.user === '' || url.user === 'default') && url.scheme.startsWith('redis')) return { scope: 'root-resource', because: `a Redis URL with ${url.user === '' ? 'no user authenticates as' : 'the user default is'} the default user, which can run any command` };
    if (READ_ONLY_USER.test(user)) return { scope: 'scoped', because: `database user ${user} is read-only by name` };
    return { scope: 'scoped', because: user ? `database user ${user} is an application user` : 'the connection string names an application user' };
  },
  reach: 'opens the database; as a superuser (postgres, root, sa, doadmin) it can drop every database on the server',
  narrower: 'connect as an application user that owns only its own schema, with the password in a secret store',
  samples: {
    positive: [
      sample('cmd/server/main.go', 'package main\n\nconst dsn = "tracker:Gq83vPz2mLwKt7@tcp(tracker-prod.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:3306)/tracker?parseTime=true"\n', { expect: { line: 3 }, note: "Go's MySQL driver DSN" }),
      sample('deploy/production/values.yaml', 'api:\n  env:\n    DATABASE_URL: postgres://orders:Hq7vN2xL9pRtKw3z@orders-pg-rw.orders-prod.svc.cluster.local:5432/orders\n', { expect: { line: 3 }, note: "a Kubernetes Service's in-cluster name is production's database too" }),
      sample('deploy/.env.production', 'DATABASE_URL=postgres://shop:Qwerty2024x@shop-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/shop\nREDIS_URL=redis://default:Tq8vLm3kPz1234567Wx@cache-prod.acme.io:6379\n', { expect: { line: 1 }, note: 'a weak password a person chose is still a password' }),
      sample('docker-compose.prod.yml', 'services:\n  api:\n    environment:\n      - DATABASE_URL=postgresql://acme:pQ7vK2mX9sLr4TzW@db:5432/acme\n', { expect: { line: 4 }, note: 'a generated password on a compose service name' }),
      sample('scripts/migrate.sh', '#!/bin/sh\nexport DATABASE_URL="postgres://orders_app:N8vq2Lx7Rt4m@orders-db.c9xk2lq0abcd.eu-west-1.rds.amazonaws.com:5432/orders"\nnpx prisma migrate deploy\n', { expect: { line: 2 } }),
      sample('config/staging.exs', 'import Config\n\nconfig :shop, Shop.Repo,\n  url: "ecto://shop:p1GJx8Lm2Qv7Rt4W@shop-prod.c9akciq32.eu-west-1.rds.amazonaws.com/shop_prod",\n  pool_size: 10\n', { expect: { line: 4 }, note: "Ecto's URL form, in Phoenix config" }),
      sample('docs/runbook.md', '# Restoring\n\nConnect with `psql "postgresql://postgres:Hq7vN2xL9pRt@db.abcdefghijklmnopqrst.supabase.co:5432/postgres"`.\n', { expect: { line: 3 } }),
      sample('appsettings.json', '{\n  "ConnectionStrings": {\n    "Default": "Server=tcp:acme.database.windows.net,1433;Database=acme;User Id=acme_app;Password=Xr7!pQ2vLm9z;"\n  }\n}\n', { expect: { line: 3 } }),
      sample('src/main/resources/application-prod.properties', 'spring.datasource.url=jdbc:postgresql://acme-prod.c9akciq32.us-east-1.rds.amazonaws.com:5432/app?user=postgres&password=S6saRb1W3OIcxcPLlBl3AFby\n', { expect: { line: 1 }, note: 'a JDBC URL with its login as parameters' }),
      sample('config/db.properties', 'db.url=jdbc:sqlserver://acme-prod.database.windows.net:1433;database=app;user=sa;password=VxlGeL844p6TBL0eg9mY;encrypt=true\n', { expect: { line: 1 } }),
      sample('alembic.ini', '[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql+psycopg2://ledger:Wq83nVb2LpZs6Tk@ledger-prod.cluster-c8xk2mzq9a1b.eu-west-1.rds.amazonaws.com:5432/ledger\n', { expect: { line: 3 }, note: "SQLAlchemy's URL names its driver after the scheme" }),
      sample('config/database.yml', 'production:\n  adapter: mysql2\n  url: mysql2://shop:Vt7qL2wRb9zX4eKpQ2@shop-prod.c9akciq32xyz.eu-west-1.rds.amazonaws.com:3306/shop\n', { expect: { line: 3 }, note: "Rails names the adapter in the URL's scheme" }),
    ],
    negative: [
      sample('config/env/staging.js', "module.exports = {\n  session: {\n    // url: 'redis://shared:some_password_everyone_knows@bigsquid.redistogo.com:9562/staging-sessions',\n  },\n};\n", { note: 'a password that says everyone knows it' }),
      sample('cmd/server/main.go', 'package main\n\nconst dsn = "root:root@tcp(127.0.0.1:3306)/tracker_test"\n', { note: 'a local test database' }),
      sample('public/bundles/login.bundle.js', 'function f(l,n){l.host=n.host,l.port=n.port;l.user=n.user,l.password=n.password,l.host=n.host}\n', { note: 'property assignments in minified code, not a connection string' }),
      sample('templates/db/postgresql/template_db_postgresql.conf', 'UserParameter=pgsql.ping[*], psql -qtAX postgresql://"$3":"$4"@"$1":"$2"/"$5" -c "select 1"\n', { note: 'shell positionals' }),
      sample('docker-compose.yml', 'services:\n  api:\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n'),
      sample('.env.example', 'DATABASE_URL=postgresql://user:password@localhost:5432/mydb\n'),
      sample('README.md', 'Connect with `createClient({ url: "redis://alice:foobared@awesome.redis.server:6380" })`.\n', { note: "Redis's documented sample password" }),
      sample('src/db.ts', 'const url = `postgres://${user}:${password}@${host}:5432/${db}`;\n'),
      sample('README.md', 'Use `mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/test`.\n'),
    ],
  },
  scopeSamples: {
    positive: [
      sample('scripts/restore.sh', 'psql "postgres://postgres:Hq7vN2xL9pRt@db.abcdefghijklmnopqrst.supabase.co:5432/postgres" < dump.sql\n', { expect: { line: 1 } }),
      sample('config/db.properties', 'db.url=jdbc:sqlserver://acme-prod.database.windows.net:1433;database=app;user=sa;password=VxlGeL844p6TBL0eg9mY;encrypt=true\n', { expect: { line: 1 } }),
      sample('docs/ops/runbook.md', 'Connect with:\n\n    psql "postgresql://ledgerly_admin:9igqq8Pi1kVhRnVYubQkv5Wx@db1.prod.ledgerly.io:5432/ledgerly"\n', { expect: { line: 3 }, note: "an app's admin user is the instance's master user" }),
      sample('config/initializers/sidekiq.rb', 'Sidekiq.configure_server do |config|\n  config.redis = { url: "redis://default:Hq7vN2xL9pRtW4@redis-13022.c1.eu-west-1-2.ec2.cloud.redislabs.com:13022" }\nend\n', { expect: { line: 2 }, note: "Redis's default user, named" }),
      sample('k8s/worker-secret.yaml', 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: worker\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXNxbDovL3Bvc3RncmVzOlZxOHdYejJMbU40cFJ0NllAZGIucXdteGt6anJidHlocGxudmNlc2Quc3VwYWJhc2UuY286NTQzMi9wb3N0Z3Jlcw==\n', { expect: { line: 7 }, note: "a Secret's base64 value, rated from what it decodes to" }),
    ],
    negative: [sample('scripts/report.sh', 'psql "postgres://analytics_ro:Hq7vN2xL9pRt@reports.c9xk2lq0abcd.eu-west-1.rds.amazonaws.com:5432/app" -f report.sql\n')],
  },
};

export const basicAuthUrl: CredentialKind = {
  id: 'basic-auth-url',
  provider: 'generic',
  title: 'URL with a password in it',
  valuePatterns: [
    {
      regex: /\bhttps?:\/\/[A-Za-z0-9._~%!$&'()*+,;=-]{1,100}:([^\s@/'"`<>]{6,200})@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g,
      keywords: ['http://', 'https://'],
    },
  ],
  plausible: (value, context) => {
    if (isHumanPlaceholder(value) || /^[$%{<*]/.test(value)) return false;
    const url = connectionUrlAround(context.line, value);
    // A host name as the user (`http://www.cnn.com:Article@evil.example/`) is the deceptive-URL trick, not a login.
    if (url && /^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|io|co|gov|edu|info|biz|[a-z]{2})$/i.test(url.user)) return false;
    return !url || (!LOCAL_HOST.test(url.host) && !/(?:^|\.)(?:example|test|invalid|local)(?:\.|$)/.test(url.host) && url.user !== value);
  },
  rate: () => ({ scope: 'unknown', because: 'the URL does not say what the account may do' }),
  reach: 'signs in to the service as that user, wherever the URL is used',
  narrower: 'use a token with the narrowest scope the service offers, kept out of the URL and the repository',
  samples: {
    positive: [sample('scripts/publish.sh', 'curl -u deploy --upload-file pkg.tgz "https://deploy:Qm8vX2pL7nRt@artifacts.acme-internal.io/repository/npm/"\n', { expect: { line: 1 } })],
    negative: [
      sample('rules/20_uri_tests.cf', "# we don't want to hit http://www.cnn.com:USArticle1840@www.liquidshirts.com/\n", { note: 'a host name as the user: the deceptive-URL trick' }),
      sample('src/locale/messages.de.xlf', '<trans-unit id="telemetry-url">\n  <source>Example: https://ceph:telemetry@10.0.0.1:8080</source>\n  <target>Beispiel: https://ceph:telemetry@10.0.0.1:8080</target>\n</trans-unit>\n', { note: "a translation catalog's sentence, in every language it ships" }),
      sample('scripts/publish.sh', 'git clone "https://x-access-token:${GITHUB_TOKEN}@github.com/acme/app.git"\n'),
      sample('docs/setup.md', 'Point it at `https://user:password@registry.example.com`.\n'),
      sample('README.md', "Example: `url.parse('http://user:pass@host.com:8080/p/a/t/h?query=string#hash')`\n", { note: 'secretlint matches the whole URL; the password alone is judged' }),
    ],
  },
};

/**
 * A PKCS#1/PKCS#8/SEC1 key body whose DER does not hold together: the outer SEQUENCE says one length and the bytes
 * are another, as in documentation that shows two lines of a key. Bodies that are not plain base64 (an encrypted
 * PEM's headers, a key assembled from string pieces) cannot be judged and are not called truncated.
 */
function truncatedDer(body: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  if (body.startsWith(OPENSSH_MAGIC)) return truncatedOpenssh(Buffer.from(body, 'base64'));
  if (body.length % 4 !== 0) return false;
  const bytes = Buffer.from(body, 'base64');
  if (bytes[0] !== 0x30 || bytes.length < 2) return false;
  const first = bytes[1]!;
  let length = first;
  let header = 2;
  if (first & 0x80) {
    const count = first & 0x7f;
    if (count === 0 || count > 4) return false;
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + (bytes[2 + i] ?? 0);
    header = 2 + count;
  }
  return header + length !== bytes.length;
}

/**
 * A body that cannot be the key its header names: PKCS#1, PKCS#8 and SEC1 keys are DER (a SEQUENCE, `MI…`/`MH…` in
 * base64), an OpenSSH key starts with its magic. Prose with a made-up body (`private_key="-----BEGIN RSA PRIVATE
 * KEY-----\nf/Vt…"` in a doc comment) is neither. Encrypted PEM (with `Proc-Type` headers) is not read this way.
 */
function notItsFormat(value: string, body: string): boolean {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return false;
  if (/-----BEGIN OPENSSH PRIVATE KEY-----/.test(value)) return !body.startsWith(OPENSSH_MAGIC);
  if (!/-----BEGIN (?:RSA |EC |DSA |ENCRYPTED )?PRIVATE KEY-----/.test(value)) return false;
  return Buffer.from(body.slice(0, 4), 'base64')[0] !== 0x30;
}

/** `openssh-key-v1\0`, base64: the start of every OpenSSH private key body. */
const OPENSSH_MAGIC = 'b3BlbnNzaC1rZXktdjE';

/**
 * An OpenSSH key body cut short (help text and docs show its first line): the format is the magic, then
 * length-prefixed strings (cipher, KDF, KDF options), a key count, and length-prefixed public and private blocks.
 * A length that runs past the bytes, or no private block, is a fragment.
 */
function truncatedOpenssh(bytes: Buffer): boolean {
  let at = 15;
  const skipString = (): boolean => {
    if (at + 4 > bytes.length) return false;
    const length = bytes.readUInt32BE(at);
    if (at + 4 + length > bytes.length) return false;
    at += 4 + length;
    return true;
  };
  if (!skipString() || !skipString() || !skipString()) return true;
  if (at + 4 > bytes.length) return true;
  const keys = bytes.readUInt32BE(at);
  at += 4;
  for (let key = 0; key < Math.min(keys, 16); key++) if (!skipString()) return true;
  // The private block: checkints, keys and padding, at least a few dozen bytes.
  if (at + 4 > bytes.length) return true;
  const privateLength = bytes.readUInt32BE(at);
  return privateLength < 8 || at + 4 + privateLength > bytes.length;
}

/**
 * Private keys published on purpose, by the start of their body: Vagrant's insecure key, which every Vagrant box
 * trusts until it is replaced and which Vagrant ships in its own repository.
 */
const PUBLISHED_KEYS = ['MIIEogIBAAKCAQEA6NF8iallvQVp22WDkTkyrtvp9eWW6A8YVr+kz4TjGYe7gHzI'];

/** Group 1 is the whole block, BEGIN to END; JSON-escaped newlines (`\\n`) count as line breaks. */
// An armored PGP block may open with header lines (`Version: OpenPGP.js v4.10.10`, `Comment: https://…`).
const PEM = /(-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\\n|[\r\n\s])+(?:(?:Version|Comment|Hash|Charset|MessageID): [^\r\n\\]*(?:\\n|\r?\n))*[A-Za-z0-9+/=:,\-\s\\]{40,}?(?:\\n|[\r\n\s])*-----END \2-----)/g;
/** The private member of a JWK: `"d": "<base64url>"` inside an object that says its key type. */
const JWK_PRIVATE = /"d"\s*:\s*"([A-Za-z0-9_-]{40,})"/g;
/** A PuTTY key file (`.ppk`): its private part is the base64 after `Private-Lines: N`. */
const PPK = /(PuTTY-User-Key-File-[23]: [^\r\n]{1,100}\r?\n(?:[A-Za-z-]{1,40}: [^\r\n]{0,200}\r?\n(?:[A-Za-z0-9+/=]{1,100}\r?\n){0,40}){1,6}?Private-Lines: \d{1,3}\r?\n(?:[A-Za-z0-9+/=]{1,100}\r?\n?){1,60})/g;

export const privateKey: CredentialKind = {
  id: 'private-key',
  provider: 'private-key',
  title: 'Private key',
  valuePatterns: [
    { regex: PEM, keywords: ['private key'] },
    { regex: PPK, keywords: ['putty-user-key-file'] },
    // A JSON Web Key's private member (`"d"`, RFC 7518): an EC or OKP key's is 43 characters, an RSA key's hundreds.
    { regex: JWK_PRIVATE, keywords: ['"d"'], requires: ['"kty"'] },
  ],
  plausible: (value) => {
    if (/^[A-Za-z0-9_-]+$/.test(value)) return looksRandom(value, 40, 4) && !isHumanPlaceholder(value.slice(0, 32));
    const body = value.startsWith('PuTTY') ? value.slice(value.indexOf('Private-Lines:')).replace(/^Private-Lines: \d+|\s/g, '') : value.replace(/-----[A-Z ]+-----|\\n|\s|(?:Version|Comment|Hash|Charset|MessageID): [^\r\n\\]*/g, '');
    // An Ed25519 key's private part is short: 44 characters of base64 in a PuTTY file.
    return body.length >= (value.startsWith('PuTTY') ? 40 : 64) && !/\.\.\.|x{8,}|X{8,}/.test(body) && !isHumanPlaceholder(body.slice(0, 32)) && !truncatedDer(body) && !notItsFormat(value, body) && !PUBLISHED_KEYS.some((prefix) => body.startsWith(prefix));
  },
  rate: (context) => {
    const path = context.path.toLowerCase();
    const names = [context.variable ?? '', ...context.siblings].join(' ').toLowerCase();
    if (/(?:^|\/)(?:ca|ca-key|ca_key|root-ca|rootca|etcd\/ca|pki\/ca)[^/]*\.(?:key|pem)$/.test(path) || /\bca[_-]?key\b/.test(names)) return { scope: 'root', because: 'a certificate authority key signs any identity the CA is trusted for' };
    // GitHub names a downloaded App key `<app>.<yyyy-mm-dd>.private-key.pem`.
    if ((/github[_-]?app|app[_-]?id|private-key\.pem$/.test(`${names} ${path}`) && /github|app[_-]?id/.test(`${names} ${path}`)) || /\.\d{4}-\d{2}-\d{2}\.private-key\.pem$/.test(path)) return { scope: 'root', because: 'a GitHub App key mints installation tokens for every organisation that installed the app' };
    if (/ENCRYPTED|Proc-Type: 4,ENCRYPTED|^PuTTY[^]*\nEncryption: (?!none)/.test(context.value)) return { scope: 'scoped', because: 'the key is encrypted with a passphrase' };
    if (/OPENSSH PRIVATE KEY|^PuTTY-User-Key-File/.test(context.value) || /(?:^|\/)id_(?:rsa|ed25519|ecdsa|dsa)$/.test(path)) return { scope: 'root', because: 'an SSH key opens every host that trusts it' };
    if (/(?:^|\/)(?:ssl|tls|certs?|https)\/|(?:server|tls|privkey|cert)[^/]*\.(?:key|pem)$/.test(path) || /\b(?:tls|ssl)\b/.test(names)) return { scope: 'scoped', because: 'a TLS key serves one set of host names' };
    return { scope: 'root-resource', because: 'nothing in the repository says what the key signs, so it is treated as the broad kind' };
  },
  reach: 'signs as its owner: an SSH key opens every host that trusts it, a CA key mints any identity, an app key acts for every installation',
  narrower: 'keep keys in a secret store or the host keychain; use short-lived certificates or deploy keys scoped to one host or repository',
  samples: {
    positive: [
      sample('keys/release-signing.asc', '-----BEGIN PGP PRIVATE KEY BLOCK-----\nVersion: OpenPGP.js v4.10.10\nComment: https://openpgpjs.org\n\n5+7nYV7zXzDkm0guFcrnUAcgHhJhew/tp+Fkd5b/AivqjtAqgqF1kw8jN803lMUi\nCABtaxrwwMvWJWWKrCyfqgfRPER+MwUe7vlaYOVhQ9bEO8rXbACKmwprX8kzFUpt\n4oQEqJfFJSYuanwHvL7oQfdFxV1On3R/YVFkxvco1xg1NxOCesiD1/uWWSNAdPUl\nj2xoCCOJ0uR/HhdakLxDL7lG5qlHEQnzt58RCib2Ip+jRSUm57wWQq60K/In1Q//\nB8PCBiQpLjuD1anG6uHsKg+eLPYLdTn++IIFvJpJZ1av4v97p8+AZdxmbcRwomtF\nRP6zFCCNVjnm8Yxt08P8oeekJhCOFY+1nglFz+hhDIh5SBg75De8J2Vm84NbBfES\nW3OLsVHJcizSxkLm6GQDwK/tp2gyP218xyyepIYIsioT4a/XjPkObyDbEVirR/BM\n4fwsceCUVIOfw2qbSIv+ZtI6AsEOFs0++y9VIerTzol+8vxBrd7zojdi1g+FQgsS\n=Zk3q\n-----END PGP PRIVATE KEY BLOCK-----\n', { expect: { line: 1 }, note: 'an armored PGP key with header lines' }),
      sample('deploy/prod.ppk', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@prod\nPublic-Lines: 2\nY090BpGktX3/Nf8+gGXfC8DTUWhvbkV3sVyhoWNvYzFEekMthMYx3tdAZs4JMWa3\nuDuv\nPrivate-Lines: 1\nYCT2NgwT9kthXjpoWFCQMB9E7Ccxp8jv2rXca78GFGZc0Oi4\nPrivate-MAC: bc6530a2c6a8835c4abd5c652a9f30b1789a6c52cf63c03378ec16c03888ad3e\n', { expect: { line: 1 }, note: 'a PuTTY key file' }),
      sample('deploy/id_deploy', '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\nQyNTUxOQAAACCtvHbw3kpxq7Sy8EfE3I30+n2rIFuhgf1Psf8npgqQpQAAAJCIit8DiIrf\nAwAAAAtzc2gtZWQyNTUxOQAAACCtvHbw3kpxq7Sy8EfE3I30+n2rIFuhgf1Psf8npgqQpQ\nAAAEBDjhoXSY4T6haQMqwPdwwPhgzQ1TxPOf6F4WZq6LMz2q28dvDeSnGrtLLwR8TcjfT6\nfasgW6GB/U+x/yemCpClAAAAB3Jvb3RAdm0BAgMEBQY=\n-----END OPENSSH PRIVATE KEY-----\n', { expect: { line: 1 } }),
      sample('keys/signing.jwk.json', '{\n  "kty": "EC",\n  "crv": "P-256",\n  "x": "GpvZ8v2o0vD7wJp3kX9mL1qR4tZ6bN8cF0hJ2dS5aE4",\n  "y": "tK7nQ3wZ9vR1mL6pX2bC8fH4jD0sA5gE7uI3oY9kT1w",\n  "d": "Xq8vT2mLr9Kp4NwZ7bYc3HfJ6sDg1AeU5oTiQ2wE8rT",\n  "use": "sig",\n  "kid": "2024-05"\n}\n', { expect: { line: 6 }, note: "a JSON Web Key's private member" }),
      sample('config/jwt.json', '{\n  "issuer": "acme",\n  "privateKey": "-----BEGIN PRIVATE KEY-----\\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgWqrTRg8rLW//rKaf\\nbshx8w6vzlJ5hTG7NK7v+SsELKKhRANCAAQ18sOSg3udPOoN2LTv05d4g/85zprw\\nudrIE9ROtOsraWt6cYLACTbW0rzqqimo9NHkk/08fNVRfvAu4NFoa/+B\\n-----END PRIVATE KEY-----\\n"\n}\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('lib/models/key_pairs.rb', '# Example:\n#   <KeyPair name="test",\n#    private_key="-----BEGIN RSA PRIVATE KEY-----\\nf/VtfXJ/ekTSlRS2GSItBSzMrEGoZ+EXeMOuiA7HFkDcgKt6aBiOX9Bysiyfc1rIrgWdFKqXBRJA\\nrtvBPa3/32koMPV7Bsoy1t9vLtSrcEwQo7Ow\\n-----END RSA PRIVATE KEY-----">\n', { note: 'a made-up body: a PKCS#1 key is DER, and DER starts MI' }),
      sample('public/.well-known/jwks.json', '{\n  "keys": [\n    {\n      "kty": "EC",\n      "crv": "P-256",\n      "x": "GpvZ8v2o0vD7wJp3kX9mL1qR4tZ6bN8cF0hJ2dS5aE4",\n      "y": "tK7nQ3wZ9vR1mL6pX2bC8fH4jD0sA5gE7uI3oY9kT1w",\n      "use": "sig",\n      "kid": "2024-05"\n    }\n  ]\n}\n', { note: 'a published key set holds the public members only' }),
      sample('keys/vagrant', '-----BEGIN RSA PRIVATE KEY-----\nMIIEogIBAAKCAQEA6NF8iallvQVp22WDkTkyrtvp9eWW6A8YVr+kz4TjGYe7gHzI\nw+niNltGEFHzD8+v1I2YJ6oXevct1YeS0o9HZyN1Q9qgCgzUFtdOKLv6IedplqoP\nkcmF0aYet2PkEDo3MlTBckFXPITAMzF8dJSIFo9D8HfdOV0IAdx4O7PtixWKn5y2\nhMNG0zQPyUecp4pzC6kivAIhyfHilFR61RGL+GPXQ2MWZWFYbAGjyiYJnAmCP3NO\nTd0jMZEnDkbUvxhMmBYSdETk1rRgm+R4LOzFUGaHqHDLKLX+FIPKcF96hrucXzcW\nyLbIbEgE98OHlnVYCzRdK8jlqm8tehUc9c9WhQIBIwKCAQEA4iqWPJXtzZA68mKd\nELs4jJsdyky+ewdZeNds5tjcnHU5zUYE25K+ffJED9qUWICcLZDc81TGWjHyAqD1\nBw7XpgUwFgeUJwUlzQurAv+/ySnxiwuaGJfhFM1CaQHzfXphgVml+fZUvnJUTvzf\nTK2Lg6EdbUE9TarUlBf/xPfuEhMSlIE5keb/Zz3/LUlRg8yDqz5w+QWVJ4utnKnK\niqwZN0mwpwU7YSyJhlT4YV1F3n4YjLswM5wJs2oqm0jssQu/BT0tyEXNDYBLEF4A\nsClaWuSJ2kjq7KhrrYXzagqhnSei9ODYFShJu8UWVec3Ihb5ZXlzO6vdNQ1J9Xsf\n4m+2ywKBgQD6qFxx/Rv9CNN96l/4rb14HKirC2o/orApiHmHDsURs5rUKDx0f9iP\ncXN7S1uePXuJRK/5hsubaOCx3Owd2u9gD6Oq0CsMkE4CUSiJcYrMANtx54cGH7Rk\nEjFZxK8xAv1ldELEyxrFqkbE4BKd8QOt414qjvTGyAK+OLD3M2QdCQKBgQDtx8pN\nCAxR7yhHbIWT1AH66+XWN8bXq7l3RO/ukeaci98JfkbkxURZhtxV/HHuvUhnPLdX\n3TwygPBYZFNo4pzVEhzWoTtnEtrFueKxyc3+LjZpuo+mBlQ6ORtfgkr9gBVphXZG\nYEzkCD3lVdl8L4cw9BVpKrJCs1c5taGjDgdInQKBgHm/fVvv96bJxc9x1tffXAcj\n3OVdUN0UgXNCSaf/3A/phbeBQe9xS+3mpc4r6qvx+iy69mNBeNZ0xOitIjpjBo2+\ndBEjSBwLk5q5tJqHmy/jKMJL4n9ROlx93XS+njxgibTvU6Fp9w+NOFD/HvxB3Tcz\n6+jJF85D5BNAG3DBMKBjAoGBAOAxZvgsKN+JuENXsST7F89Tck2iTcQIT8g5rwWC\nP9Vt74yboe2kDT531w8+egz7nAmRBKNM751U/95P9t88EDacDI/Z2OwnuFQHCPDF\nllYOUI+SpLJ6/vURRbHSnnn8a/XG+nzedGH5JGqEJNQsz+xT2axM0/W/CRknmGaJ\nkda/AoGANWrLCz708y7VYgAtW2Uf1DPOIYMdvo6fxIB5i9ZfISgcJ/bbCUkFrhoH\n+vq/5CIWxCPp0f85R4qxxQ5ihxJ0YDQT9Jpx4TMss4PSavPaBH3RXow5Ohe+bYoQ\nNE5OgEXk2wVfZczCZpigBKbKZHNYcelXtTt/nP3rsCuGcM4h53s=\n-----END RSA PRIVATE KEY-----\n', { note: "Vagrant's published insecure key" }),
      sample('docs/tls.md', 'Your key file looks like this:\n\n```\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\nVTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n-----END RSA PRIVATE KEY-----\n```\n', { note: 'two lines of a key: the DER length says the rest is missing' }),
      sample('docs/tls.md', '```\n-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----\n```\n'),
      sample('src/cli/help.js', 'const set = () => `\n  $ dotenvx set KEY -- "-----BEGIN OPENSSH PRIVATE KEY-----\n  b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n  -----END OPENSSH PRIVATE KEY-----"\n`;\n', { note: "an OpenSSH key's first line: the header and no key" }),
      sample('src/keys.ts', "const header = '-----BEGIN PRIVATE KEY-----';\nconst footer = '-----END PRIVATE KEY-----';\n"),
    ],
  },
  scopeSamples: {
    positive: [
      sample('deploy/prod.ppk', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy@prod\nPublic-Lines: 2\nY090BpGktX3/Nf8+gGXfC8DTUWhvbkV3sVyhoWNvYzFEekMthMYx3tdAZs4JMWa3\nuDuv\nPrivate-Lines: 1\nYCT2NgwT9kthXjpoWFCQMB9E7Ccxp8jv2rXca78GFGZc0Oi4\nPrivate-MAC: bc6530a2c6a8835c4abd5c652a9f30b1789a6c52cf63c03378ec16c03888ad3e\n', { expect: { line: 1 }, note: 'an unencrypted PuTTY key opens every host that trusts it' }),
      sample('config/acme-deploy-bot.2024-05-01.private-key.pem', '-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDUKNZS0KR+493o8kPFAfrTzPlpt34rf4BSfchMHv2n+c0FJIHB\nfEPVRegVMHTetYl8HTyq/Gl23VjVVmLMICSYV69tOVr+wV3zeJhj++oaqPMc+sdv\nqLIIzpagYMr3wDCOh8Fhir0ACIxf3FL/uy0H65k2JwuDDHN/evUyrNNdaQIDAQAB\nAoGAUzDYKY0Kk38Cau9kR4HpOtfrDNsYrDHIvY/41HBqgk1faR7Rim8RojVRNc3U\nZefFS1ejjGCBckyFItJG10fbUPG73gC+YOdfwIr9UyFG1MZ1pJxNOz/IC1ymJMMb\ndq2y5dbuobjZsFRgl5YWaCbzMKQoSxdi8otfB4XMB5BKUokCQQD/LerkS7pxhfPe\nyIcbwz0eDmumQbQQDE2ylF3b8nMbsLYLq99tKIsfEVPV2ujp8gl26+5H9shoRj3d\ntTuHOEtbAkEA1NeApw/ZH+uvFObu66XwPPKRoc7glaVcYpVnBtNwkVtesVDGXAbY\n1DFjqbllj/JqeAPG8rmyv5N++JrIvcjJiwJBAICujipsSewfqdhp9UA516NFkGG5\n9my1V6U7jo1xGT0YguUl2jj43hdfrJBGoXgAV2eCGJpvx6ZV7bLVRtystcsCQF4s\nH7NLUtFJ0YSZDRtcp2gAF6mVRE9SBAdmfVhK02KtH7+qsqljKirw01z0N9ix9KO3\nYB5jRZB4LVTH/4vhPDMCQG85nAuOrXIL3XQP2yWQNvJSZQa+kiqys25/2XqdRarg\nQsVSIbzRVWtXoAB0qMMV0UILjFQrkVt7a5wpzEwbYBs=\n-----END RSA PRIVATE KEY-----\n', { expect: { line: 1 }, note: "GitHub's download name for an App key" }),
      sample('infra/pki/ca.key', '-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDI8+3ttC3u3GJN7A0GPN3KvbXOhBHg6/XcS0IMBczxlLk6Qtjk\n6aUpG0GOIoRCJp545vczrrDuI1r8z/SZjiOdxVqSCZsP+ON8v+eEqOlKZra3LehQ\nYRzOT2t15oKBqML0XoflgBavfr3zdviFnIqt7DkXcKIECcSydlnwhryAwwIDAQAB\nAoGAeZFQC/BnpUv/0IIP8wkZaBBSj0fIhRhaWVXR8/ICZNeDIuLT0dAjEXYit3jc\nKCSy1BNt0v9InBgZcD3iDI83raUCsaZ2/xGFpFOekDsKagcCHeCpuiXLGnWgqqRg\nCn2avIkf765ULZw98H7qd69DgGRb2stZVyZ7PBqjDX1FdqkCQQDmmjPbGQ6fRLds\nUCrwqZQavB/yQxWHB+9RxekYWkrJa4PLzgyDVizRe+Q4nzs+uCUTErDaeGDU9eF8\nJFNozawHAkEA3xXDgO1SxpcRj/vs5xpgnCKKdL9AtHsb+o82rOLknoS4vmXgNFqe\nof/+Ts0p470wo+rDVv48prM6clI68wbOZQJAKHmiZm90eJIIG9PKZaluHG8usEgE\nDEphQBoburGGdOoRHQGSgq7qeO5k9WdFb9HEeB+MuRvt6xMpO6/oj/mhmwJAVN/M\n3/Jq+c9kCSnJ+isY8o5Zqw1QqtnjzTJLlP9GB+FrAFV2NbT8gZoJwSVheJn0NYkO\nBLz5ilrKM9CBSREf2QJBAOJu8rT/0qGSdlyIAzKh9Jv7aWUwnZIqL94wyD0wzO7G\n7aCT8BYKHf5S1d8nmVvB+BHR6Dti3mhIDaFZVvtjf90=\n-----END RSA PRIVATE KEY-----\n', { expect: { line: 1 } })],
    negative: [
      sample('deploy/prod.ppk', 'PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: aes256-cbc\nKey-Derivation: Argon2id\nArgon2-Memory: 8192\nArgon2-Passes: 13\nArgon2-Parallelism: 1\nArgon2-Salt: 21c5cf5f1dfd9c9b9f89900715dc1ac1\nComment: deploy@prod\nPublic-Lines: 2\nY090BpGktX3/Nf8+gGXfC8DTUWhvbkV3sVyhoWNvYzFEekMthMYx3tdAZs4JMWa3\nuDuv\nPrivate-Lines: 1\nYCT2NgwT9kthXjpoWFCQMB9E7Ccxp8jv2rXca78GFGZc0Oi4\nPrivate-MAC: bc6530a2c6a8835c4abd5c652a9f30b1789a6c52cf63c03378ec16c03888ad3e\n', { note: 'a PuTTY key file encrypted with a passphrase' }),sample('infra/tls/server.key', '-----BEGIN RSA PRIVATE KEY-----\nMIICXAIBAAKBgQDI8+3ttC3u3GJN7A0GPN3KvbXOhBHg6/XcS0IMBczxlLk6Qtjk\n6aUpG0GOIoRCJp545vczrrDuI1r8z/SZjiOdxVqSCZsP+ON8v+eEqOlKZra3LehQ\nYRzOT2t15oKBqML0XoflgBavfr3zdviFnIqt7DkXcKIECcSydlnwhryAwwIDAQAB\nAoGAeZFQC/BnpUv/0IIP8wkZaBBSj0fIhRhaWVXR8/ICZNeDIuLT0dAjEXYit3jc\nKCSy1BNt0v9InBgZcD3iDI83raUCsaZ2/xGFpFOekDsKagcCHeCpuiXLGnWgqqRg\nCn2avIkf765ULZw98H7qd69DgGRb2stZVyZ7PBqjDX1FdqkCQQDmmjPbGQ6fRLds\nUCrwqZQavB/yQxWHB+9RxekYWkrJa4PLzgyDVizRe+Q4nzs+uCUTErDaeGDU9eF8\nJFNozawHAkEA3xXDgO1SxpcRj/vs5xpgnCKKdL9AtHsb+o82rOLknoS4vmXgNFqe\nof/+Ts0p470wo+rDVv48prM6clI68wbOZQJAKHmiZm90eJIIG9PKZaluHG8usEgE\nDEphQBoburGGdOoRHQGSgq7qeO5k9WdFb9HEeB+MuRvt6xMpO6/oj/mhmwJAVN/M\n3/Jq+c9kCSnJ+isY8o5Zqw1QqtnjzTJLlP9GB+FrAFV2NbT8gZoJwSVheJn0NYkO\nBLz5ilrKM9CBSREf2QJBAOJu8rT/0qGSdlyIAzKh9Jv7aWUwnZIqL94wyD0wzO7G\n7aCT8BYKHf5S1d8nmVvB+BHR6Dti3mhIDaFZVvtjf90=\n-----END RSA PRIVATE KEY-----\n')],
  },
};

/** Registered and common claims: a JWT that authorises anything carries at least one. */
const JWT_CLAIMS = new Set(['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'jti', 'role', 'roles', 'scope', 'scp', 'email', 'user_id', 'userId', 'uid', 'ref', 'azp', 'client_id', 'tid', 'oid', 'username', 'admin', 'permissions', 'https://hasura.io/jwt/claims']);

/** JWT claims that make a bearer token an administrator of the service that issued it. */
function jwtRating(context: CredentialContext): Rating {
  const decoded = decodeJwt(context.value);
  const claims = decoded?.payload ?? {};
  const role = String(claims.role ?? claims['https://hasura.io/jwt/claims'] ?? '').toLowerCase();
  if (/admin|service_role|superuser|root|owner/.test(role) || claims.admin === true || claims.is_admin === true) {
    return { scope: 'root-resource', because: `JWT role claim says ${role || 'admin'}` };
  }
  return { scope: 'scoped', because: 'JWT claims name an ordinary user or service' };
}

export const jsonWebToken: CredentialKind = {
  id: 'jwt',
  provider: 'generic',
  title: 'JSON Web Token',
  valuePatterns: [{ regex: /\b(eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{16,})(?![A-Za-z0-9_.-])/g, keywords: ['eyj'] }],
  plausible: (value) => {
    const decoded = decodeJwt(value);
    if (!decoded) return false;
    const claims = decoded.payload;
    // jwt.io's sample and Supabase's local demo keys are published; an expired token opens nothing.
    if (claims.sub === '1234567890' && claims.name === 'John Doe') return false;
    if (claims.iss === 'supabase-demo') return false;
    // A token that grants something names whom or what for: docs tokens carry `{"some": "payload"}`.
    if (!Object.keys(claims).some((claim) => JWT_CLAIMS.has(claim))) return false;
    if (typeof claims.exp === 'number' && claims.exp * 1000 < Date.now()) return false;
    return true;
  },
  rate: jwtRating,
  reach: 'acts as the subject of the token until it expires; an admin or service-role claim bypasses the service’s access rules',
  narrower: 'issue short-lived tokens at run time instead of committing one, and never commit a token without an expiry',
  exposedSeverity: 'medium',
  samples: {
    positive: [sample('tests/e2e/api.http', '### List orders\nGET https://api.acme.io/v1/orders\nAuthorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJyb2xlIjoic3RhZmYiLCJpYXQiOjE3NjQwMDAwMDB9.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n', { expect: { line: 3 } })],
    negative: [
      sample('docs/auth.md', 'Example: `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`\n'),
      sample('tests/fixtures/expired.txt', 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJleHAiOjE2MDAwMDAwMDB9.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/admin.http', 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJvcHMiLCJyb2xlIjoiYWRtaW4ifQ.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n', { expect: { line: 1 } })],
    negative: [sample('scripts/user.http', 'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfOGYzYTIiLCJyb2xlIjoic3RhZmYifQ.x7Qm2vN8pL4kR9sT1wY6zA3cF5hJ0lD2bG7eK5uI8oM\n')],
  },
};

export const GENERIC_KINDS: readonly CredentialKind[] = [genericSecret, hardcodedPassword, databaseConnectionString, basicAuthUrl, privateKey, jsonWebToken];
