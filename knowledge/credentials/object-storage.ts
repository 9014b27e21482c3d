// S3-compatible object storage: DigitalOcean Spaces and Wasabi keys are written under AWS's names (`access_key_id`,
// `secret_access_key`, `AWS_SECRET_ACCESS_KEY`), and a Wasabi secret has an AWS secret's very shape. Whose a key pair
// is, the remote it is configured for says: rclone's `provider =` and `endpoint =` of the same remote (or its
// `RCLONE_CONFIG_<REMOTE>_*` variables), an SDK's `endpoint_url` beside it.
import { sample } from '../../src/model.js';
import { readOnlyRating } from './narrowing.js';
import type { CredentialContext, CredentialKind } from './types.js';
import { escapeRegExp, isPlaceholder, looksRandom } from './values.js';

/** S3-compatible services told apart: by rclone's provider name and by their endpoints' hosts. */
const S3_SERVICES = {
  aws: { provider: /^(?:aws|amazon)\b/i, endpoint: /\.amazonaws\.com(?:\.cn)?\b/i },
  digitalocean: { provider: /^digital[ _-]?ocean$/i, endpoint: /\.digitaloceanspaces\.com\b/i },
  wasabi: { provider: /^wasabi$/i, endpoint: /\bwasabisys\.com\b/i },
  cloudflare: { provider: /^cloudflare$/i, endpoint: /\.r2\.cloudflarestorage\.com\b/i },
  gcs: { provider: /^gcs$/i, endpoint: /\bstorage\.googleapis\.com\b/i },
  backblaze: { provider: /^b2$/i, endpoint: /\.backblazeb2\.com\b/i },
} as const;

type S3Service = keyof typeof S3_SERVICES | 'other';
const SERVICE_NAMES = Object.keys(S3_SERVICES) as (keyof typeof S3_SERVICES)[];

/** The option a secret key is bound to, after its remote's prefix: `RCLONE_CONFIG_SPACES_` + `SECRET_ACCESS_KEY`. */
const SECRET_OPTION = /(?:secret[_.-]?(?:access[_.-]?)?key|secret)$/i;

/**
 * Which S3-compatible service a secret key is configured for, from the settings of its own remote: `provider` (rclone
 * names every S3 provider; one it has no kind for, `Minio` or `Other` beside `type = s3`, is `other`) and `endpoint`.
 * Only when no such setting is beside it, an endpoint host on its line or the lines around it (boto3's
 * `endpoint_url=`). Undefined when nothing says.
 */
function s3ServiceOf(context: CredentialContext): S3Service | undefined {
  const prefix = escapeRegExp((context.variable ?? '').replace(SECRET_OPTION, ''));
  const setting = new RegExp(`^(?:${prefix})?(provider|type|(?:s3[_-]?)?endpoint(?:[_-]?url)?|host[_-]?base)$`, 'i');
  let provider: string | undefined;
  let type: string | undefined;
  const endpoints: string[] = [];
  for (const [name, value] of Object.entries(context.siblingValues)) {
    const option = setting.exec(name)?.[1]?.toLowerCase();
    if (option === 'provider') provider = value;
    else if (option === 'type') type = value;
    else if (option) endpoints.push(value);
  }
  const named = provider === undefined ? undefined : SERVICE_NAMES.find((service) => S3_SERVICES[service].provider.test(provider!.trim()));
  if (named) return named;
  const hosted = endpoints.length > 0 ? serviceOfHosts(endpoints.join('\n')) : undefined;
  if (hosted) return hosted;
  // rclone's `type = s3` remote of a provider that has no kind here (Minio, Ceph, IDrive, Linode, Other): not AWS's.
  if (provider !== undefined && type?.trim().toLowerCase() === 's3') return 'other';
  if (provider !== undefined || endpoints.length > 0) return undefined;
  return serviceOfHosts(`${context.line}\n${context.nearby}`);
}

function serviceOfHosts(text: string): keyof typeof S3_SERVICES | undefined {
  return SERVICE_NAMES.find((service) => S3_SERVICES[service].endpoint.test(text));
}

/** AWS's secret key kind claims a value unless its remote is configured for another service. */
export function configuredForAws(context: CredentialContext): boolean {
  const service = s3ServiceOf(context);
  return service === undefined || service === 'aws';
}

/** Names an SDK, a Terraform provider or a tool gives a secret key of an S3-compatible API. */
const S3_SECRET_NAME = /(?:^|[_.-])secret[_.-]?(?:access[_.-]?)?key$|^secret$|secretAccessKey$|secretKey$/i;

const SPACES_SECRET = 'pQ5yx8xm5MslfY5ubiheyEd7P4zDL/ak6J0kGODKdin';
const SPACES_KEY_ID = 'DO00ZGSYEBANND4YZ0EM';
const SPACES_RCLONE = `[spaces]\ntype = s3\nprovider = DigitalOcean\nenv_auth = false\naccess_key_id = ${SPACES_KEY_ID}\nsecret_access_key = ${SPACES_SECRET}\nendpoint = nyc3.digitaloceanspaces.com\nacl = private\n\n[wasabi]\ntype = s3\nprovider = Wasabi\nendpoint = s3.wasabisys.com\n`;

const SPACES_SECRET_NAME = /spaces[_.-]?(?:secret|access[_.-]?key$)/i;

export const digitaloceanSpacesKeyId: CredentialKind = {
  id: 'digitalocean-spaces-key-id',
  provider: 'digitalocean',
  title: 'DigitalOcean Spaces access key ID',
  // `DO00` and 16 upper-case letters and digits (keys made since 2023; older ids have no prefix and are not told apart).
  valuePatterns: [{ regex: /(?<![A-Za-z0-9])(DO00[A-Z0-9]{16})(?![A-Za-z0-9])/g, keywords: ['do00'] }],
  plausible: (value) => /[0-9]/.test(value.slice(4)) && /[A-Z]/.test(value.slice(4)) && new Set(value.slice(4)).size >= 8,
  rate: (context) => digitaloceanSpacesKey.rate(context),
  companionOf: 'digitalocean-spaces-key',
  reach: 'with its secret key, reads, overwrites and deletes the objects of every Spaces bucket the key may use',
  narrower: 'create a limited-access Spaces key for the one bucket the job uses, read-only where it only reads',
  reference: 'https://docs.digitalocean.com/products/spaces/how-to/manage-access/',
  samples: {
    positive: [
      sample('.s3cfg', `[default]\naccess_key = ${SPACES_KEY_ID}\nsecret_key = ${SPACES_SECRET}\nhost_base = fra1.digitaloceanspaces.com\nhost_bucket = %(bucket)s.fra1.digitaloceanspaces.com\n`, { expect: { line: 2 }, note: "s3cmd's configuration for Spaces" }),
    ],
    negative: [
      sample('docs/spaces.md', 'Spaces access keys look like `DO00XXXXXXXXXXXXXXXX`.\n'),
      sample('src/codes.ts', "export const MODEL = 'DO00ABCDEFGHIJKLMNOP';\n", { note: 'letters only: not a generated id' }),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/cdn.env', `SPACES_KEY=${SPACES_KEY_ID}\nSPACES_BUCKET=acme-assets\n`, { expect: { line: 1 }, note: 'its secret elsewhere: the id stands for the pair' })],
    negative: [sample('deploy/cdn.env', `SPACES_READONLY_KEY=${SPACES_KEY_ID}\n`, { note: 'named read-only' })],
  },
};

export const digitaloceanSpacesKey: CredentialKind = {
  id: 'digitalocean-spaces-key',
  provider: 'digitalocean',
  title: 'DigitalOcean Spaces secret key',
  // A Spaces key pair: an access key id (`DO00` + 16 in newer keys) and a 43-character base64 secret, used with S3 tools
  // and SDKs under their names, or under DigitalOcean's (`spaces_secret_key` of the Terraform provider, `SPACES_SECRET`).
  contextPatterns: [
    // Some write the secret as the `spaces_access_key` beside a `spaces_access_id`: the shape tells it from the id.
    { variable: SPACES_SECRET_NAME, value: /^[A-Za-z0-9/+]{43}$/, keywords: ['spaces_secret', 'spacessecret', 'spaces-secret', 'spaces.secret', 'spaces_access_key', 'spacesaccesskey'] },
    { variable: S3_SECRET_NAME, value: /^[A-Za-z0-9/+]{43}$/, keywords: ['secret'], requires: ['digitalocean'] },
  ],
  claims: (context) => SPACES_SECRET_NAME.test(context.variable ?? '') || s3ServiceOf(context) === 'digitalocean',
  plausible: (value) => !isPlaceholder(value) && looksRandom(value, 43, 3.5),
  rate: (context) =>
    readOnlyRating(context, 'Spaces key') ?? {
      scope: 'root-resource',
      because: 'a full-access Spaces key reads, writes and deletes every bucket of the team in every region; a key limited to some buckets says so only in the control panel',
    },
  reach: "reads, overwrites and deletes the objects of every Spaces bucket of the team, backups kept in Spaces included",
  narrower: 'create a limited-access Spaces key for the one bucket the job uses, read-only where it only reads',
  reference: 'https://docs.digitalocean.com/products/spaces/how-to/manage-access/',
  samples: {
    positive: [
      sample('rclone/rclone.conf', SPACES_RCLONE, { expect: { line: 6 }, note: "an rclone remote whose provider is DigitalOcean: the next remote's provider is not its own" }),
      sample('scripts/upload.py', `import boto3\n\nsession = boto3.session.Session()\nclient = session.client(\n    "s3",\n    region_name="nyc3",\n    endpoint_url="https://nyc3.digitaloceanspaces.com",\n    aws_access_key_id="${SPACES_KEY_ID}",\n    aws_secret_access_key="${SPACES_SECRET}",\n)\n`, { expect: { line: 9 }, note: 'boto3 pointed at Spaces' }),
      sample('.github/workflows/backup.yml', `jobs:\n  backup:\n    runs-on: ubuntu-latest\n    env:\n      RCLONE_CONFIG_SPACES_TYPE: s3\n      RCLONE_CONFIG_SPACES_PROVIDER: DigitalOcean\n      RCLONE_CONFIG_SPACES_ENDPOINT: ams3.digitaloceanspaces.com\n      RCLONE_CONFIG_SPACES_ACCESS_KEY_ID: ${SPACES_KEY_ID}\n      RCLONE_CONFIG_SPACES_SECRET_ACCESS_KEY: ${SPACES_SECRET}\n    steps:\n      - run: rclone sync ./dump spaces:acme-backups\n`, { expect: { line: 9 }, note: "a remote configured by rclone's environment variables" }),
      sample('.env.production', `S3_ENABLED=true\nS3_BUCKET=acme-media\nAWS_ACCESS_KEY_ID=${SPACES_KEY_ID}\nAWS_SECRET_ACCESS_KEY=${SPACES_SECRET}\nS3_ENDPOINT=https://ams3.digitaloceanspaces.com\n`, { expect: { line: 4 }, note: "Mastodon's S3 settings pointed at Spaces" }),
      sample('infra/terraform.tfvars', `spaces_access_id  = "${SPACES_KEY_ID}"\nspaces_access_key = "${SPACES_SECRET}"\nregion            = "nyc3"\n`, { expect: { line: 2 }, note: 'the secret named spaces_access_key beside its id' }),
      sample('infra/provider.tf', `provider "digitalocean" {\n  token             = var.do_token\n  spaces_access_id  = "${SPACES_KEY_ID}"\n  spaces_secret_key = "${SPACES_SECRET}"\n}\n`, { expect: { line: 4 }, note: "the Terraform provider's own name for it" }),
    ],
    negative: [
      sample('rclone/rclone.conf', '[spaces]\ntype = s3\nprovider = DigitalOcean\nenv_auth = true\nendpoint = nyc3.digitaloceanspaces.com\n', { note: 'the keys come from the environment' }),
      sample('docs/spaces.md', 'Spaces keys come in pairs: an access key such as `DO00ABCDEFGHIJK12345` and a secret of 43 characters, shown once.\n'),
      sample('rclone/rclone.conf', '[spaces]\ntype = s3\nprovider = DigitalOcean\naccess_key_id = DO00XXXXXXXXXXXXXXXX\nsecret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\nendpoint = nyc3.digitaloceanspaces.com\n', { note: 'placeholders' }),
    ],
  },
  scopeSamples: {
    positive: [sample('rclone/rclone.conf', SPACES_RCLONE, { expect: { line: 6 } })],
    negative: [sample('.env.cdn', `DO_SPACES_READONLY_SECRET=${SPACES_SECRET}\nDO_SPACES_ENDPOINT=https://fra1.digitaloceanspaces.com\n`, { note: 'named read-only' })],
  },
};

const WASABI_SECRET = 'XRrvftva9AW7hipTgadDZFlRJmCGmUXiAPyhzAna';
const WASABI_KEY_ID = 'RTBNLZGCJN2QAVSYEEFN';
const WASABI_RCLONE = `[wasabi]\ntype = s3\nprovider = Wasabi\naccess_key_id = ${WASABI_KEY_ID}\nsecret_access_key = ${WASABI_SECRET}\nregion = us-east-1\nendpoint = s3.wasabisys.com\n\n[aws]\ntype = s3\nprovider = AWS\nenv_auth = true\n`;

export const wasabiSecretKey: CredentialKind = {
  id: 'wasabi-secret-key',
  provider: 'wasabi',
  title: 'Wasabi secret access key',
  // Wasabi's keys have AWS's shape (20 upper-case characters, a 40-character secret): only its remote says whose.
  contextPatterns: [
    { variable: /wasabi[_.-]?(?:secret|access[_.-]?secret)/i, value: /^[A-Za-z0-9/+]{40}$/, keywords: ['wasabi'] },
    { variable: S3_SECRET_NAME, value: /^[A-Za-z0-9/+]{40}$/, keywords: ['secret'], requires: ['wasabi'] },
  ],
  claims: (context) => /wasabi/i.test(context.variable ?? '') || s3ServiceOf(context) === 'wasabi',
  plausible: (value) => !isPlaceholder(value) && looksRandom(value, 40, 3.5),
  rate: (context) =>
    readOnlyRating(context, 'Wasabi key') ?? {
      scope: 'root-resource',
      because: "a Wasabi key acts with its user's policies on the account's buckets; a root user's key reaches every bucket and user, and which it is the repository does not show",
    },
  reach: "reads, overwrites and deletes the objects of every bucket its user may reach, backups kept in Wasabi included",
  narrower: 'give the job a sub-user whose policy allows only its one bucket (no DeleteObject where it only uploads backups)',
  reference: 'https://docs.wasabi.com/docs/access-keys-1',
  samples: {
    positive: [
      sample('rclone.conf', WASABI_RCLONE, { expect: { line: 5 }, note: "Wasabi's keys under rclone's S3 names" }),
      sample('.github/workflows/offsite.yml', `jobs:\n  offsite:\n    runs-on: ubuntu-latest\n    env:\n      RCLONE_CONFIG_OFFSITE_TYPE: s3\n      RCLONE_CONFIG_OFFSITE_PROVIDER: Wasabi\n      RCLONE_CONFIG_OFFSITE_ACCESS_KEY_ID: ${WASABI_KEY_ID}\n      RCLONE_CONFIG_OFFSITE_SECRET_ACCESS_KEY: ${WASABI_SECRET}\n    steps:\n      - run: rclone copy ./dumps offsite:acme-dumps\n`, { expect: { line: 8 } }),
      sample('backup/.env', `WASABI_ACCESS_KEY=${WASABI_KEY_ID}\nWASABI_SECRET_KEY=${WASABI_SECRET}\nWASABI_BUCKET=acme-archive\n`, { expect: { line: 2 } }),
      sample('mysite/settings/production.py', `AWS_ACCESS_KEY_ID = "${WASABI_KEY_ID}"\nAWS_SECRET_ACCESS_KEY = "${WASABI_SECRET}"\nAWS_STORAGE_BUCKET_NAME = "acme-static"\nAWS_S3_ENDPOINT_URL = "https://s3.eu-central-2.wasabisys.com"\n`, { expect: { line: 2 }, note: "django-storages pointed at Wasabi: AWS's names, Wasabi's endpoint" }),
    ],
    negative: [
      sample('rclone.conf', `[wasabi]\ntype = s3\nprovider = Wasabi\nendpoint = s3.wasabisys.com\n\n[aws]\ntype = s3\nprovider = AWS\naccess_key_id = AKIAQX4KJ2MZ7HTLD5PW\nsecret_access_key = ${WASABI_SECRET}\n`, { note: "an AWS remote after a Wasabi one: the Wasabi remote's settings are not its" }),
      sample('backup/.env', 'WASABI_ACCESS_KEY=\nWASABI_SECRET_KEY=changeme\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('rclone.conf', WASABI_RCLONE, { expect: { line: 5 } })],
    negative: [sample('backup/.env', `WASABI_READONLY_SECRET_KEY=${WASABI_SECRET}\n`, { note: 'named read-only' })],
  },
};

/** Before AWS's kinds: their secrets are written under AWS's names, and Wasabi's has AWS's shape. */
export const S3_COMPATIBLE_KINDS: readonly CredentialKind[] = [digitaloceanSpacesKeyId, digitaloceanSpacesKey, wasabiSecretKey];
