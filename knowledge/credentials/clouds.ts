// European clouds whose API credentials come in parts, none prefixed: Scaleway (an access key id and a secret UUID)
// and OVHcloud (an application key, its secret, and a consumer key a user validated). The scope lives in IAM
// policies or access rules the repository does not hold, so a key is rated the broad kind unless something narrows it.
import { sample } from '../../src/model.js';
import { readOnlyRating } from './narrowing.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { isPlaceholder, looksRandom, UUID } from './values.js';

const SCW_ACCESS_KEY = 'SCWI67LE6PKEBP94GIM8';
const SCW_SECRET_KEY = '04a5e46e-11e2-450e-9807-9ebf3543d916';
const SCALEWAY_REFERENCE = 'https://www.scaleway.com/en/docs/iam/concepts/#api-key';

/** Scaleway's permission sets, named as its IAM writes them (`InstancesFullAccess`, `ObjectStorageReadOnly`, `IAMManager`). */
const PERMISSION_SET = /\b(?:[A-Z][a-z0-9]*|IAM|SSH)+(?:FullAccess|ReadOnly|Manager|ReadWrite|Access)\b/g;
/** Sets that reach every product of a project, or the Organization itself (its IAM, so any other key). */
const BROAD_PERMISSION_SETS = new Set(['AllProductsFullAccess', 'OrganizationManager', 'IAMManager', 'ProjectManager']);

/**
 * The permission sets the text beside the key names (`# IAM application ci-backups, policy: ObjectStorageFullAccess
 * on project shop`), when there are some and none of them reaches beyond a product: what the key's bearer was given.
 */
function namedPermissionSets(context: CredentialContext): string[] | undefined {
  const sets = [...`${context.line}\n${context.nearby}`.matchAll(PERMISSION_SET)].map((match) => match[0]);
  return sets.length > 0 && !sets.some((set) => BROAD_PERMISSION_SETS.has(set)) ? sets : undefined;
}

function rateScalewayKey(context: CredentialContext): Rating {
  const sets = namedPermissionSets(context);
  if (sets) return { scope: 'scoped', because: `the text beside it says its policy grants only ${[...new Set(sets)].join(', ')}` };
  return (
    readOnlyRating(context, 'Scaleway API key') ?? {
      scope: 'root',
      because: "an API key carries the IAM policies of its user or application, which are not in the repository: the Organization owner's keys and a full-access application's reach every project, so it is rated the broad kind",
    }
  );
}

const SCALEWAY_REACH = "with its bearer's IAM policies, deletes every Instance, volume, snapshot, managed database and Object Storage bucket of the Organization's projects";
const SCALEWAY_NARROWER = 'give the job an IAM application of its own whose policy covers one project and only the permission sets it needs (read-only where it only reads), with an expiring API key';

export const scalewayAccessKey: CredentialKind = {
  id: 'scaleway-access-key',
  provider: 'scaleway',
  title: 'Scaleway API access key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(SCW[A-Z0-9]{17})(?![A-Za-z0-9_])/g, keywords: ['scw'] }],
  plausible: (value) => !isPlaceholder(value.slice(3)) && new Set(value.slice(3)).size >= 8 && /[0-9]/.test(value.slice(3)),
  rate: rateScalewayKey,
  companionOf: 'scaleway-secret-key',
  reach: `with its secret key, ${SCALEWAY_REACH}`,
  narrower: SCALEWAY_NARROWER,
  reference: SCALEWAY_REFERENCE,
  samples: {
    positive: [
      sample('scripts/provision.sh', `#!/bin/sh\nexport SCW_ACCESS_KEY=${SCW_ACCESS_KEY}\nexport SCW_SECRET_KEY=${SCW_SECRET_KEY}\nscw instance server create type=DEV1-S image=ubuntu_jammy\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('docs/scaleway.md', 'Access keys look like `SCWXXXXXXXXXXXXXXXXX`; export it as `SCW_ACCESS_KEY`.\n'),
      sample('scripts/provision.sh', '#!/bin/sh\nexport SCW_ACCESS_KEY="$(pass show scaleway/access-key)"\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/scw.env', `SCW_ACCESS_KEY=${SCW_ACCESS_KEY}\n`, { expect: { line: 1 } })],
    negative: [
      sample('ops/scw.env', `SCW_READONLY_ACCESS_KEY=${SCW_ACCESS_KEY}\n`, { note: 'named for a read-only application' }),
      sample('ops/backup.env', `# IAM application "ci-backups", policy: ObjectStorageFullAccess on project shop-prod\nSCW_ACCESS_KEY=${SCW_ACCESS_KEY}\n`, { note: "an application whose policy names one product's permission set" }),
    ],
  },
};

/** A generated UUID: not a placeholder, not the all-zero or sequential ones documentation prints. */
function plausibleUuid(value: string): boolean {
  return UUID.test(value) && !isPlaceholder(value) && !/^0{8}-|-0{12}$|^12345678-/.test(value);
}

export const scalewaySecretKey: CredentialKind = {
  id: 'scaleway-secret-key',
  provider: 'scaleway',
  title: 'Scaleway API secret key',
  // A UUID known by the name the CLI, the SDKs and Terraform give it, or by the header the API reads it from.
  contextPatterns: [
    { variable: /^(?:SCW|SCALEWAY)_SECRET_KEY$|^(?:scw|scaleway)[_.-]?secret[_.-]?key$/i, value: UUID, keywords: ['scw', 'scaleway'] },
    // ~/.config/scw/config.yaml and Terraform's `provider "scaleway"` call it plainly `secret_key`.
    { variable: /^secret[_-]?key$/i, value: UUID, keywords: ['secret'], requires: ['scaleway'] },
    { variable: /^secret[_-]?key$/i, value: UUID, keywords: ['secret'], requires: ['scw'] },
    { header: /^x-auth-token$/i, value: UUID, keywords: ['x-auth-token'], requires: ['api.scaleway.com'] },
  ],
  plausible: plausibleUuid,
  rate: rateScalewayKey,
  reach: SCALEWAY_REACH,
  narrower: SCALEWAY_NARROWER,
  reference: SCALEWAY_REFERENCE,
  samples: {
    positive: [
      sample('.config/scw/config.yaml', `access_key: ${SCW_ACCESS_KEY}\nsecret_key: ${SCW_SECRET_KEY}\ndefault_organization_id: 3f1c2a9e-5b7d-4c8e-9a12-d4e5f6a7b8c9\ndefault_region: fr-par\n`, { expect: { line: 2 }, note: "the CLI's own config file" }),
      sample('infra/providers.tf', `provider "scaleway" {\n  access_key = "${SCW_ACCESS_KEY}"\n  secret_key = "${SCW_SECRET_KEY}"\n  zone       = "fr-par-1"\n}\n`, { expect: { line: 3 } }),
      sample('scripts/list-servers.sh', `#!/bin/sh\ncurl -s -H "X-Auth-Token: ${SCW_SECRET_KEY}" https://api.scaleway.com/instance/v1/zones/fr-par-1/servers\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('infra/providers.tf', 'provider "scaleway" {\n  access_key = var.scw_access_key\n  secret_key = var.scw_secret_key\n}\n'),
      sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    env:\n      SCW_SECRET_KEY: ${{ secrets.SCW_SECRET_KEY }}\n      SCW_DEFAULT_PROJECT_ID: 3f1c2a9e-5b7d-4c8e-9a12-d4e5f6a7b8c9\n', { note: 'a project id is no secret' }),
      sample('docs/scaleway.md', '```sh\nexport SCW_SECRET_KEY=00000000-0000-0000-0000-000000000000\n```\n'),
      sample('tests/test_config.py', "def test_reads_keys(monkeypatch):\n    monkeypatch.setenv('SCW_ACCESS_KEY', 'SCWXXXXXXXXXXXXXXXXX')\n    monkeypatch.setenv('SCW_SECRET_KEY', '11111111-1111-1111-1111-111111111111')\n", { note: 'a fixture of one digit repeated' }),
    ],
  },
  scopeSamples: {
    positive: [
      sample('infra/providers.tf', `provider "scaleway" {\n  secret_key = "${SCW_SECRET_KEY}"\n}\n`, { expect: { line: 2 } }),
      sample('ops/deploy.env', `# IAM application "deployer", policies: InstancesFullAccess + AllProductsFullAccess\nSCW_ACCESS_KEY=${SCW_ACCESS_KEY}\nSCW_SECRET_KEY=${SCW_SECRET_KEY}\n`, { expect: { line: 3 }, note: 'a policy that reaches every product' }),
    ],
    negative: [
      sample('monitoring/.env', `SCW_READONLY_SECRET_KEY=${SCW_SECRET_KEY}\n`, { note: 'named for a read-only application' }),
      sample('ops/backup.env', `# IAM application "ci-backups", policy: ObjectStorageFullAccess on project shop-prod\nSCW_ACCESS_KEY=${SCW_ACCESS_KEY}\nSCW_SECRET_KEY=${SCW_SECRET_KEY}\n`, { note: "an application whose policy names one product's permission set" }),
    ],
  },
};

const OVH_APPLICATION_KEY = 'IawVd2CTryiAMMoh';
const OVH_APPLICATION_SECRET = 'f1AHZZI4JRU7Vx4HefyIwf22XW7V3Y41';
const OVH_CONSUMER_KEY = 'xCZug1YmhjqHv4S7J6PxiAdj3Xrmu6Ak';
const OVH_REFERENCE = 'https://help.ovhcloud.com/csm/en-gb-api-getting-started-ovhcloud-api?id=kb_article_view&sysparm_article=KB0042784';
/** Generated alphanumerics: long enough, with letters and digits, not a placeholder. */
const generatedAlphanumeric = (value: string): boolean => !isPlaceholder(value) && looksRandom(value, 32, 3.5) && /[0-9]/.test(value);

export const ovhConsumerKey: CredentialKind = {
  id: 'ovh-consumer-key',
  provider: 'ovh',
  title: 'OVHcloud API consumer key',
  // 32 alphanumerics known by the name python-ovh, go-ovh, ovh.conf and Terraform's `provider "ovh"` give it.
  contextPatterns: [
    { variable: /^OVH_CONSUMER_KEY$|^ovh[_.-]?consumer[_.-]?key$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['ovh'] },
    { variable: /^consumer[_-]?key$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['consumer'], requires: ['ovh'] },
    // Every signed request carries it in this header (beside X-Ovh-Application and X-Ovh-Signature).
    { header: /^x-ovh-consumer$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['x-ovh-consumer'] },
  ],
  plausible: generatedAlphanumeric,
  rate: (context) =>
    readOnlyRating(context, 'OVHcloud consumer key') ?? {
      scope: 'root',
      because: 'a consumer key carries the access rules it was validated with, which are not in the repository, and the usual `GET/POST/PUT/DELETE /*` reaches the whole account',
    },
  reach: 'with its application secret, calls the OVHcloud API as the account that validated it: with the usual `/*` rules it terminates servers and deletes databases, storage, backups and DNS zones',
  narrower: 'validate a consumer key whose access rules list only the methods and paths the job needs (GET on the one service it reads), or use an OAuth2 service account bound to an IAM policy',
  reference: OVH_REFERENCE,
  samples: {
    positive: [
      sample('ovh.conf', `[default]\nendpoint=ovh-eu\n\n[ovh-eu]\napplication_key=${OVH_APPLICATION_KEY}\napplication_secret=${OVH_APPLICATION_SECRET}\nconsumer_key=${OVH_CONSUMER_KEY}\n`, { expect: { line: 7 }, note: "python-ovh's configuration file" }),
      sample('infra/providers.tf', `provider "ovh" {\n  endpoint           = "ovh-eu"\n  application_key    = "${OVH_APPLICATION_KEY}"\n  application_secret = "${OVH_APPLICATION_SECRET}"\n  consumer_key       = "${OVH_CONSUMER_KEY}"\n}\n`, { expect: { line: 5 } }),
      sample('scripts/reboot.py', `import ovh\n\nclient = ovh.Client(endpoint="ovh-eu", application_key="${OVH_APPLICATION_KEY}", application_secret="${OVH_APPLICATION_SECRET}", consumer_key="${OVH_CONSUMER_KEY}")\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('infra/providers.tf', 'provider "ovh" {\n  endpoint           = "ovh-eu"\n  application_key    = var.ovh_application_key\n  application_secret = var.ovh_application_secret\n  consumer_key       = var.ovh_consumer_key\n}\n'),
      sample('src/twitter.py', `consumer_key = "${OVH_CONSUMER_KEY}"\n`, { note: 'a consumer key in a file that names no OVHcloud' }),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/ovh.env', `OVH_CONSUMER_KEY=${OVH_CONSUMER_KEY}\n`, { expect: { line: 1 } })],
    negative: [sample('ops/ovh.env', `# read-only consumer key: GET /dedicated/server/*\nOVH_CONSUMER_KEY=${OVH_CONSUMER_KEY}\n`)],
  },
};

/**
 * The application key beside the secret is the application's login, "may safely be shared" (python-ovh): matched by
 * the names it is given only so that it is dropped, not reported as a secret by its `_key` name.
 */
const OVH_APPLICATION_KEY_SHAPE = /^[A-Za-z0-9]{16}$/;

export const ovhApplicationSecret: CredentialKind = {
  id: 'ovh-application-secret',
  provider: 'ovh',
  title: 'OVHcloud API application secret',
  contextPatterns: [
    { variable: /^OVH_APPLICATION_SECRET$|^ovh[_.-]?(?:application|app)[_.-]?secret$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['ovh'] },
    { variable: /^application[_-]?secret$/i, value: /^[A-Za-z0-9]{32}$/, keywords: ['application'], requires: ['ovh'] },
    { variable: /^OVH_APPLICATION_KEY$|^ovh[_.-]?(?:application|app)[_.-]?key$/i, value: OVH_APPLICATION_KEY_SHAPE, keywords: ['ovh'] },
    { variable: /^application[_-]?key$/i, value: OVH_APPLICATION_KEY_SHAPE, keywords: ['application'], requires: ['ovh'] },
  ],
  plausible: (value) => !OVH_APPLICATION_KEY_SHAPE.test(value) && generatedAlphanumeric(value),
  // The secret signs requests; what they may do is the consumer key's, which is rated where it sits.
  rate: fixed('scoped', 'an application secret calls nothing alone: every request also needs a consumer key a user validated'),
  reach: 'signs API requests for the application, and with any consumer key of it acts with that key’s access rules',
  narrower: 'keep the application secret in a secret store, and give each consumer key of the application only the access rules its job needs',
  reference: OVH_REFERENCE,
  samples: {
    positive: [
      sample('.github/workflows/dns.yml', `jobs:\n  dns:\n    runs-on: ubuntu-latest\n    env:\n      OVH_ENDPOINT: ovh-eu\n      OVH_APPLICATION_KEY: ${OVH_APPLICATION_KEY}\n      OVH_APPLICATION_SECRET: ${OVH_APPLICATION_SECRET}\n      OVH_CONSUMER_KEY: \${{ secrets.OVH_CONSUMER_KEY }}\n    steps:\n      - run: terraform apply -auto-approve\n`, { expect: { line: 7 } }),
    ],
    negative: [
      sample('.github/workflows/dns.yml', 'jobs:\n  dns:\n    env:\n      OVH_APPLICATION_SECRET: ${{ secrets.OVH_APPLICATION_SECRET }}\n'),
    ],
  },
};

export const CLOUD_KINDS: readonly CredentialKind[] = [scalewayAccessKey, scalewaySecretKey, ovhConsumerKey, ovhApplicationSecret];
