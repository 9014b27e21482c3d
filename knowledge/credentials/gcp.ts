// Google Cloud: service-account key files (the roles are bound to the account's email, outside the repository, so
// a key is rated the broad kind unless its account's name narrows it), user refresh tokens from gcloud, API keys
// (public when they sit in a Firebase web config) and OAuth client secrets.
import { sample } from '../../src/model.js';
import { flatSiblings, hasTypedRun, NARROW_WORDS, narrowingWord, surroundings } from './signals.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { readOnlyRating } from './narrowing.js';
import { looksRandom, isPlaceholder } from './values.js';

/** A service-account key file (2048-bit RSA, fabricated for the samples) base64-encoded: about 2,700 characters. */
const GCP_KEY_2048_BASE64 =
  'eyJ0eXBlIjoic2VydmljZV9hY2NvdW50IiwicHJvamVjdF9pZCI6ImFjbWUtcHJvZCIsInByaXZhdGVfa2V5X2lkIjoiMGJmZTliN2U0OTk1YWM5YTliOTUyNjk3NzZmYmFmZGNkNzkzYWZiYyIsInByaXZhdGVfa2V5IjoiLS0tLS1CRUdJTiBQUklWQVRFIEtFWS0tLS0tXG5NSUlFdlFJQkFEQU5CZ2txaGtpRzl3MEJBUUVGQUFTQ0JLY3dnZ1NqQWdFQUFvSUJBUUN4eGxZQm5Od0E2bmtTXG4zUDNjZ0xWVE1QM1JQSW83OExvb1F6OFpKY2tOSUtLUitMYnEvNmlqRU5xSDV6VVRMVVNjOTNtQ1g0cHVGUzRPXG5yU09jYXUvSktRZVZJc05ZZHVteER4M0h5eW85WnhrWVRQUmltV3RRS0xvUTJkUW81VzJLYzU1RUZHMVcwVTJyXG5aOHNuVnVaUWlsYkMrbmFqcytmdVRpTFRYZjFOekYwZnJURXFDWUFXNldaL1RwTmRhOGZ0YXlwM0c4U3JHd1FuXG5JNjQzUjBTOVQ3b1ZpaVhLZU4yOWNPZzQxcVhnT0J2dlRUUnJJOUlkNVhLdXcvNnhsU3d3cWVJY3lJT1hpZ2ZNXG5VTGxTcDRaTkx1a2Z1Z3h3dWJ6K1FKR0NRUEJubXd2SWdRL0xGZVlNYTFBMEo2c1VBMENIaEtpWUJNTlAzZkVBXG5NdkNCTnpaN0FnTUJBQUVDZ2dFQURvMGNkeG4rekEyNmhxSm95UndPa05aVUZab0RUL0FKWE1oUnFZajFQRW90XG5PYmpibldxbHhBc3ZjcXVvZXRSY0Via1Q5Mm1ZbHNyTVdxUFl1VnlXR2Z6RGJuVktVTHNUQlNJbW51R2JVeXdBXG5NQzZ2QmtSbWkwalBkTUpQdDdVOUo4c0U2NituQk5IY1dLa0Y4UElQcDJJR0dLN2xvblZVWGxEWSt1ZHVRaExTXG5oLzBpbmpNV2tFdzIxWFR2cFZrcG9xbHRLSzdtYWc1ZEVGQjh2OGZLNmFKbURScnlJbjVaVDBrUVAvU2tBeXZWXG5xK3lsREFWU0g0OTQwTEhwcDhUVlFsVjk1SzZYNXE2b0ZBRkRmSlVMd2pROHdXNTNpbHhYTmh1RkdFWGR1M2lSXG5jc2xGUThFcEk3ZG4rNmZ5NERKTW1jUFI5TTQ5OVZ3ZUhlVmpiUGN0YVFLQmdRRDdEQkFDN0hUM2dTbUdZUWhaXG5kYUc5V21FUGNRY1hxdlRFYkRhd1FmeFBsOXprbmpwZUd5U3Z1a2JtZm5jaC9mUEFjbTgxMEgxRzN5ZnBsbjE3XG56RzduOEhWVlpaZm5nWGhreHU4Q2JNZEk1RjFVTkNPZEtvMWVsRmdEZ3FVT3VxK2ZMTDNmTW04R2h5aFZMdnhZXG4vYnRSaDhpY05mRXZtdmlBK2czY2FqcUwxUUtCZ1FDMVNEUk9HbkJHa1BDc2F5YUlrZzZHSndwT0ZPdHdWTkhtXG54bEl4VjdmOGtoVUt4NjA1c0d0VnA4NGhqdDhJRVkwd2lITGIwSHJqQXp2U3pXbGhPK3J1SHBLZHNsQ2FqOVNVXG5SbVU0OHczRVUwT2Y4YTk5aVJZS0JNd0o2WVBraWVTT1dPcWZSNTFOUmNPMys1eXZKN1VScUk2ZEpNWjM3MmFKXG5UT2pHQjlCeER3S0JnUUQ0UVMxME5yQlVNUDRIVE4wYzJoNWZTWWpCNUZ2SEk5OTRmaXAya2tvWHkyMDlCdHRoXG5SQ1k3UUZIc2pSTHlJbGR3NzdqWjFwcU1BeEZOQk95Q0I5K0VyVnphWGVTaG9uNlQ2Y1ZnK0lENXJCbytzbkNsXG5jdmJwbUhpUXdCakpRQU43dkpybXBORDErNkgrMnIvZ29Na2tEc3BxNzB6YWJyMWZqZWMzR0RWZElRS0JnQzJjXG5PaFRBa0NraEJIek5CTWZ0djV1L0xOZVNhZDQ4YVFkZ05JUFhweUh6K3psWUhkeGE1OWFJUHRPd3A2clhCNmdEXG5YS3F6bkllTFk3elpFNzkwSE5yR2RHc2ExeTdjSzBjWEl4YWVDSU94MDF6bHFScXpxQWpqUmhia1d0dmdXZEg2XG55eVZDRm5DL3NjdVRrY3Q3K1JHMVVCUjNrVHZSendHU2lTcHlBdDYvQW9HQWVtNVg4dXQrMkp1cXRWSGhWRy9VXG5nb0xiRDBHUWUrZkhENzQ0K0J6SktNd1hzTyt4RXY2ZFNnMjg5NjlES2FiOE1VYk5SdWJPbWNMWFVPSkVtYW03XG5hWnJXWENzYUV5dmJNVmlSTHNwVnhyRVpETGdERUxtT2d1ZXpBdVNDR2d6amFILzRuWDE1T0J6MDJKVjRXV21pXG41SDNjY0dmQkJnRUtueGFzd0g5dzhqTT1cbi0tLS0tRU5EIFBSSVZBVEUgS0VZLS0tLS1cbiIsImNsaWVudF9lbWFpbCI6ImRlcGxveWVyQGFjbWUtcHJvZC5pYW0uZ3NlcnZpY2VhY2NvdW50LmNvbSIsImNsaWVudF9pZCI6IjEwNDcyOTM4NDc1NjEwMjkzODQ3NSIsInRva2VuX3VyaSI6Imh0dHBzOi8vb2F1dGgyLmdvb2dsZWFwaXMuY29tL3Rva2VuIn0=';

const PEM_BODY = String.raw`(?:\\{1,2}n|[A-Za-z0-9+/=\s])+?`;
const CLIENT_EMAIL = /\\?["']client_email\\?["']\s*:\s*\\?["']([^"'\\\s]+@[^"'\\\s]+)/;

/** Service-account emails whose defaults carry the project-wide Editor role. */
function defaultAccount(email: string): string | undefined {
  if (/-compute@developer\.gserviceaccount\.com$/.test(email)) return 'the Compute Engine default service account, which has the Editor role on the project by default';
  if (/@appspot\.gserviceaccount\.com$/.test(email)) return 'the App Engine default service account, which has the Editor role on the project by default';
  if (/@cloudbuild\.gserviceaccount\.com$/.test(email)) return 'the legacy Cloud Build service account, which can change most resources of the project';
  if (/^firebase-adminsdk-/.test(email)) return 'the Firebase Admin SDK account, which reads and writes every Firebase product of the project';
  return undefined;
}

/**
 * Words that narrow a service account by its name. Not `deploy`: a deployer account is given the admin roles of what
 * it deploys (Cloud Run, GKE, Cloud SQL) and usually `iam.serviceAccountUser`, which acts as other accounts.
 */
const SERVICE_ACCOUNT_NARROW_WORDS: ReadonlySet<string> = new Set([...NARROW_WORDS].filter((word) => !/^(?:deploy|deployer|upload|uploader|publish|publisher)$/.test(word)));

function rateServiceAccountKey(context: CredentialContext): Rating {
  const email = CLIENT_EMAIL.exec(surroundings(context))?.[1] ?? context.siblingValues.client_email ?? '';
  const known = email ? defaultAccount(email) : undefined;
  if (known) return { scope: 'root', because: `the key belongs to ${known}` };
  const narrow = narrowingWord([email.split('@')[0], context.variable], SERVICE_ACCOUNT_NARROW_WORDS);
  if (narrow) return { scope: 'scoped', because: `the service account is named for a ${narrow} job (${email || context.variable})` };
  return {
    scope: 'root',
    because: `a service-account key acts with every role bound to ${email || 'its account'}; the bindings are not in the repository, so it is rated the broad kind`,
  };
}

function plausiblePem(value: string): boolean {
  const body = value.replace(/-----[A-Z ]+-----|\\{1,2}n|\s/g, '');
  return body.length >= 64 && !/\.\.\.|x{8,}|X{8,}/.test(body);
}

const EXAMPLE_ACCOUNT = /@(?:[a-z0-9-]+\.)*example\.(?:com|org|net)$|\.example$/;
const EXAMPLE_PROJECT = /\\?["']project_id\\?["']\s*:\s*\\?["'][^"'\\]*(?:example|fake|mock|dummy)[^"'\\]*\\?["']/;

/** A key file made for documentation or library tests: an example.com account or a fake project. */
function plausibleServiceAccountKey(value: string, context: CredentialContext): boolean {
  if (!plausiblePem(value)) return false;
  const around = surroundings(context);
  const email = CLIENT_EMAIL.exec(around)?.[1] ?? '';
  return !EXAMPLE_ACCOUNT.test(email) && !EXAMPLE_PROJECT.test(around);
}

const SA_JSON = (privateKey: string, email: string): string =>
  [
    '{',
    '  "type": "service_account",',
    '  "project_id": "acme-billing-prod",',
    '  "private_key_id": "898a2bd5df628ba35a2b59542975a1d07e8c697f",',
    `  "private_key": "${privateKey}",`,
    `  "client_email": "${email}",`,
    '  "client_id": "104857362910473829561",',
    '  "auth_uri": "https://accounts.google.com/o/oauth2/auth",',
    '  "token_uri": "https://oauth2.googleapis.com/token",',
    '  "auth_provider_x509_cert_url": "https://www.googleapis.com/oauth2/v1/certs",',
    `  "client_x509_cert_url": "https://www.googleapis.com/robot/v1/metadata/x509/${encodeURIComponent(email)}",`,
    '  "universe_domain": "googleapis.com"',
    '}',
    '',
  ].join('\n');
const PEM =
  '-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\\n17eKxz2KciCe9JO/prc0rqK3CnmoCfQgovm90IEdEt1T6cXyz6KzO6a2hZQTPwkk\\n0SrCcPeWlG4F5TOJ9I9bhvrSOenJ5hyNGQDu9T7jUoA3cO3Dv8RqjbkIEAfiADRd\\npB1h6rca9FXhWuYvKn8CCs5s4EJ/Lul3m0UF3DlPhqJqgXDMR4ngkh+eodhuYyrD\\n-----END PRIVATE KEY-----\\n';
const INLINE = (email: string): string =>
  `{"type":"service_account","project_id":"acme-billing-prod","private_key_id":"898a2bd5df628ba35a2b59542975a1d07e8c697f","private_key":"${PEM}","client_email":"${email}","client_id":"104857362910473829561","token_uri":"https://oauth2.googleapis.com/token"}`;

export const gcpServiceAccountKey: CredentialKind = {
  id: 'gcp-service-account-key',
  provider: 'gcp',
  title: 'Google Cloud service-account key',
  valuePatterns: [
    {
      // The key file's `private_key`, raw, in an inline JSON blob (escaped once or twice) or a YAML block.
      regex: new RegExp(String.raw`\\?["']private_key\\?["']\s*:\s*\\?["'](-----BEGIN (?:RSA )?PRIVATE KEY-----${PEM_BODY}-----END (?:RSA )?PRIVATE KEY-----)`, 'g'),
      keywords: ['private_key'],
      requires: ['service_account'],
    },
  ],
  plausible: plausibleServiceAccountKey,
  rate: rateServiceAccountKey,
  reach: 'acts as the service account with every IAM role bound to it; an Owner or Editor account can delete every resource of the project, and keys do not expire',
  narrower: 'use Workload Identity Federation from CI (no key at all) or attached service accounts, each bound to the few roles its job needs',
  reference: 'https://cloud.google.com/iam/docs/service-account-creds#key-types',
  samples: {
    positive: [
      sample('.github/workflows/gke.yml', 'on: push\njobs:\n  d:\n    runs-on: ubuntu-latest\n    env:\n      GCP_SA_KEY: ewogICJ0eXBlIjogInNlcnZpY2VfYWNjb3VudCIsCiAgInByb2plY3RfaWQiOiAiYWNtZS1wcm9kIiwKICAicHJpdmF0ZV9rZXlfaWQiOiAiMjQ3NzNkYjc3YzU4ZTg0NWE3MmQ1MjA2NDVhOWMwNmM0ZGJmZDYwOCIsCiAgInByaXZhdGVfa2V5IjogIi0tLS0tQkVHSU4gUlNBIFBSSVZBVEUgS0VZLS0tLS1cbk1JSUNYQUlCQUFLQmdRRFVLTlpTMEtSKzQ5M284a1BGQWZyVHpQbHB0MzRyZjRCU2ZjaE1IdjJuK2MwRkpJSEJcbmZFUFZSZWdWTUhUZXRZbDhIVHlxL0dsMjNWalZWbUxNSUNTWVY2OXRPVnIrd1YzemVKaGorK29hcVBNYytzZHZcbnFMSUl6cGFnWU1yM3dEQ09oOEZoaXIwQUNJeGYzRkwvdXkwSDY1azJKd3VEREhOL2V2VXlyTk5kYVFJREFRQUJcbkFvR0FVekRZS1kwS2szOENhdTlrUjRIcE90ZnJETnNZckRISXZZLzQxSEJxZ2sxZmFSN1JpbThSb2pWUk5jM1VcblplZkZTMWVqakdDQmNreUZJdEpHMTBmYlVQRzczZ0MrWU9kZndJcjlVeUZHMU1aMXBKeE5Pei9JQzF5bUpNTWJcbmRxMnk1ZGJ1b2JqWnNGUmdsNVlXYUNiek1LUW9TeGRpOG90ZkI0WE1CNUJLVW9rQ1FRRC9MZXJrUzdweGhmUGVcbnlJY2J3ejBlRG11bVFiUVFERTJ5bEYzYjhuTWJzTFlMcTk5dEtJc2ZFVlBWMnVqcDhnbDI2KzVIOXNob1JqM2RcbnRUdUhPRXRiQWtFQTFOZUFwdy9aSCt1dkZPYnU2Nlh3UFBLUm9jN2dsYVZjWXBWbkJ0TndrVnRlc1ZER1hBYllcbjFERmpxYmxsai9KcWVBUEc4cm15djVOKytKckl2Y2pKaXdKQkFJQ3VqaXBzU2V3ZnFkaHA5VUE1MTZORmtHRzVcbjlteTFWNlU3am8xeEdUMFlndVVsMmpqNDNoZGZySkJHb1hnQVYyZUNHSnB2eDZaVjdiTFZSdHlzdGNzQ1FGNHNcbkg3TkxVdEZKMFlTWkRSdGNwMmdBRjZtVlJFOVNCQWRtZlZoSzAyS3RINytxc3FsaktpcncwMXowTjlpeDlLTzNcbllCNWpSWkI0TFZUSC80dmhQRE1DUUc4NW5BdU9yWElMM1hRUDJ5V1FOdkpTWlFhK2tpcXlzMjUvMlhxZFJhcmdcblFzVlNJYnpSVld0WG9BQjBxTU1WMFVJTGpGUXJrVnQ3YTV3cHpFd2JZQnM9XG4tLS0tLUVORCBSU0EgUFJJVkFURSBLRVktLS0tLVxuIiwKICAiY2xpZW50X2VtYWlsIjogInRlcnJhZm9ybUBhY21lLXByb2QuaWFtLmdzZXJ2aWNlYWNjb3VudC5jb20iCn0=\n    steps:\n      - run: echo "$GCP_SA_KEY" | base64 -d > key.json\n', { expect: { line: 6 }, note: 'the key file base64-encoded, as CI guides ask' }),
      sample('.gitlab-ci.yml', `deploy:\n  variables:\n    GCP_SA_KEY: "${GCP_KEY_2048_BASE64}"\n  script:\n    - echo "$GCP_SA_KEY" | base64 -d > key.json\n`, { expect: { line: 3 }, note: 'a 2048-bit key file base64-encoded in quotes: longer than most values' }),
      sample('scripts/ci.sh', `#!/bin/sh\nexport GCP_SA_KEY=${GCP_KEY_2048_BASE64}\necho "$GCP_SA_KEY" | base64 -d > /tmp/key.json\n`, { expect: { line: 2 } }),
      sample('deploy/gcp-key.json', SA_JSON(PEM, 'billing-exporter@acme-billing-prod.iam.gserviceaccount.com'), { expect: { line: 5 } }),
      sample('.github/workflows/deploy.yml', `name: deploy\non: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      GCP_SA_KEY: '${INLINE('deployer-bot@acme-billing-prod.iam.gserviceaccount.com')}'\n    steps:\n      - run: gcloud run deploy api --source .\n`, { expect: { line: 7 } }),
      sample('docker-compose.yml', `services:\n  worker:\n    image: acme/worker:1.4\n    environment:\n      GOOGLE_CREDENTIALS: |\n        {\n          "type": "service_account",\n          "project_id": "acme-billing-prod",\n          "private_key": "${PEM}",\n          "client_email": "worker@acme-billing-prod.iam.gserviceaccount.com"\n        }\n`, { expect: { line: 9 } }),
    ],
    negative: [
      sample('deploy/gcp-key.example.json', SA_JSON('-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n', 'my-sa@my-project.iam.gserviceaccount.com')),
      sample('deploy/wif-config.json', '{\n  "type": "external_account",\n  "audience": "//iam.googleapis.com/projects/4821093/locations/global/workloadIdentityPools/github/providers/acme",\n  "subject_token_type": "urn:ietf:params:oauth:token-type:jwt",\n  "service_account_impersonation_url": "https://iamcredentials.googleapis.com/v1/projects/-/serviceAccounts/deployer@acme-billing-prod.iam.gserviceaccount.com:generateAccessToken",\n  "token_url": "https://sts.googleapis.com/v1/token"\n}\n'),
      sample('tests/data/service_account.json', SA_JSON(PEM, 'service-account@example.com'), { note: 'a library’s test key for an example.com account' }),
      sample('src/gcp.ts', "// The key file's private_key field holds a PEM block; service_account keys are read from GOOGLE_APPLICATION_CREDENTIALS.\nconst credentials = JSON.parse(process.env.GCP_SA_KEY ?? '{}');\nexport const privateKey: string = credentials.private_key;\n"),
    ],
  },
  scopeSamples: {
    positive: [
      sample('deploy/gcp-key.json', SA_JSON(PEM, '384729105533-compute@developer.gserviceaccount.com'), { expect: { line: 5 } }),
      sample('deploy/gke-deployer.json', SA_JSON(PEM, 'gke-deployer@fintrack-prod.iam.gserviceaccount.com'), { expect: { line: 5 }, note: 'a deployer holds the admin roles of what it deploys' }),
    ],
    negative: [sample('deploy/gcp-key.json', SA_JSON(PEM, 'bigquery-reader@acme-billing-prod.iam.gserviceaccount.com'), { note: 'account named for reading' })],
  },
};

const REFRESH_TOKEN = '1//0tLnQ88kfXjbb0OHzxUwLdewsh1HS_RxLrTWzaKSMcPh2Z8J_i-OrXhRjnUF28uuQAZa4gkcuv5zZ2KKN67-uXJ07PpVXytpfPxVcF';
const GCLOUD_CLIENT_ID = '764086051850-6qr4p6gpi6hn506pt8ejuq83di341hur.apps.googleusercontent.com';
/** gcloud's installed-app client secret: published in the SDK, the same in every authorized-user file. */
const GCLOUD_CLIENT_SECRET = 'd-FL95Q19q7MQmFpd7hHD0Ty';
const ADC = (token: string): string =>
  `{\n  "account": "",\n  "client_id": "${GCLOUD_CLIENT_ID}",\n  "client_secret": "${GCLOUD_CLIENT_SECRET}",\n  "quota_project_id": "acme-billing-prod",\n  "refresh_token": "${token}",\n  "type": "authorized_user",\n  "universe_domain": "googleapis.com"\n}\n`;
const NARROW_GOOGLE_API = /developer_token|adwords|googleads|google-ads|auth\/(?:drive|gmail|spreadsheets|calendar|youtube|analytics)/i;

export const gcpAuthorizedUserCredentials: CredentialKind = {
  id: 'gcp-authorized-user-credentials',
  provider: 'gcp',
  title: 'Google user refresh token (authorized-user credentials)',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_/-])(1\/\/0[A-Za-z0-9_-]{40,})(?![A-Za-z0-9_-])/g, keywords: ['1//0'], requires: ['refresh_token'] }],
  plausible: (value) => looksRandom(value.slice(4), 40, 3.5) && !isPlaceholder(value.slice(4)),
  rate: (context) => {
    const around = `${surroundings(context)}\n${context.path}`;
    if (/authorized_user|application_default_credentials|cloud-platform/.test(around)) {
      return { scope: 'root', because: 'gcloud authorized-user credentials act as the signed-in person with the cloud-platform scope: every project they own or edit' };
    }
    if (NARROW_GOOGLE_API.test(around)) return { scope: 'scoped', because: 'the refresh token sits beside the settings of one Google product API' };
    return { scope: 'root', because: 'a Google user refresh token: its OAuth scopes are not in the repository, so it is rated the broad kind' };
  },
  reach: 'acts as the signed-in person on every Google Cloud project they can reach, often as Owner, until the token is revoked',
  narrower: 'use Workload Identity Federation or an attached service account with the roles the job needs; keep gcloud credentials in the home directory, never in a repository',
  reference: 'https://cloud.google.com/docs/authentication/application-default-credentials#personal',
  samples: {
    positive: [
      sample('ops/application_default_credentials.json', ADC(REFRESH_TOKEN), { expect: { line: 6 } }),
      sample('notebooks/earth_engine.py', `import ee\n\ncredentials = {\n    "client_id": "${GCLOUD_CLIENT_ID}",\n    "client_secret": "${GCLOUD_CLIENT_SECRET}",\n    "refresh_token": "${REFRESH_TOKEN}",\n    "type": "authorized_user",\n}\nee.Initialize(ee.ServiceAccountCredentials(None, key_data=credentials))\n`, { expect: { line: 6 } }),
    ],
    negative: [
      sample('ops/application_default_credentials.json', ADC('<your-refresh-token>')),
      sample('src/google.py', '# Exchange the refresh_token for an access token.\nresp = requests.post(TOKEN_URL, data={"grant_type": "refresh_token", "refresh_token": os.environ["GOOGLE_REFRESH_TOKEN"]})\nprint(1//0)\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/application_default_credentials.json', ADC(REFRESH_TOKEN), { expect: { line: 6 } })],
    negative: [sample('config/google-ads.yaml', `developer_token: ${'Qx7vN2pL8mRt4kWz9bYc1d'}\nclient_id: 418273645019-k2h8s9d7f6g5j4k3l2m1n0b9v8c7x6z5.apps.googleusercontent.com\nclient_secret: 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\nrefresh_token: ${REFRESH_TOKEN}\nlogin_customer_id: 4829105736\n`, { note: 'a Google Ads API token' })],
  },
};

const FIREBASE_SIBLINGS = ['authdomain', 'messagingsenderid', 'storagebucket', 'measurementid', 'databaseurl'];
const CLIENT_SHIPPED_PATH = /(?:^|\/)(?:google-services\.json|GoogleService-Info\.plist|AndroidManifest\.xml|Info\.plist)$/;
const BUNDLER_PREFIX = /^(?:NEXT_PUBLIC_|VITE_|REACT_APP_|EXPO_PUBLIC_|NUXT_PUBLIC_|PUBLIC_|GATSBY_)/;
/** Keys Google and Firebase publish in their SDKs and docs (gitleaks' allowlist). */
const DOCUMENTED_KEYS = new Set([
  'AIzaSyabcdefghijklmnopqrstuvwxyz1234567', 'AIzaSyAnLA7NfeLquW1tJFpx_eQCxoX-oo6YyIs', 'AIzaSyCkEhVjf3pduRDt6d1yKOMitrUEke8agEM',
  'AIzaSyDMAScliyLx7F0NPDEJi1QmyCgHIAODrlU', 'AIzaSyD3asb-2pEZVqMkmL6M9N6nHZRR_znhrh0', 'AIzayDNSXIbFmlXbIE6mCzDLQAqITYefhixbX4A',
  'AIzaSyAdOS2zB6NCsk1pCdZ4-P6GBdi_UUPwX7c', 'AIzaSyASWm6HmTMdYWpgMnjRBjxcQ9CKctWmLd4', 'AIzaSyANUvH9H9BsUccjsu2pCmEkOPjjaXeDQgY',
  'AIzaSyA5_iVawFQ8ABuTZNUdcwERLJv_a_p4wtM', 'AIzaSyA4UrcGxgwQFTfaI3no3t7Lt1sjmdnP5sQ', 'AIzaSyDSb51JiIcB6OJpwwMicseKRhhrOq1cS7g',
  'AIzaSyBF2RrAIm4a0mO64EShQfqfd2AFnzAvvuU', 'AIzaSyBcE-OOIbhjyR83gm4r2MFCu4MJmprNXsw', 'AIzaSyB8qGxt4ec15vitgn44duC5ucxaOi4FmqE',
  'AIzaSyA8vmApnrHNFE0bApF4hoZ11srVL_n0nvY',
]);

function rateApiKey(context: CredentialContext): Rating {
  const siblings = flatSiblings(context);
  const firebaseSibling = FIREBASE_SIBLINGS.find((name) => siblings.some((sibling) => sibling.endsWith(name)));
  if (firebaseSibling) return { scope: 'public', because: `it sits in a Firebase web config (beside ${firebaseSibling}); Firebase API keys identify the project and ship to every browser` };
  if (CLIENT_SHIPPED_PATH.test(context.path)) return { scope: 'public', because: `${context.path} ships inside the mobile app` };
  const variable = context.variable ?? '';
  if (/firebase/i.test(variable) || /initializeApp\s*\(|firebaseapp\.com/.test(context.nearby)) return { scope: 'public', because: 'a Firebase API key identifies the project and ships to every client' };
  if (BUNDLER_PREFIX.test(variable) && /maps|places|geocod/i.test(variable)) return { scope: 'public', because: `${variable} is a browser Maps key, public by design and restricted by referrer` };
  return { scope: 'scoped', because: 'an API key calls the APIs enabled on one project, billed to it' };
}

export const gcpApiKey: CredentialKind = {
  id: 'gcp-api-key',
  provider: 'gcp',
  title: 'Google API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(AIza[0-9A-Za-z_-]{35})(?![A-Za-z0-9_-])/g, keywords: ['aiza'] }],
  plausible: (value) => !DOCUMENTED_KEYS.has(value) && looksRandom(value.slice(4), 30, 3.5) && !isPlaceholder(value) && !hasTypedRun(value),
  rate: rateApiKey,
  exposedSeverity: 'medium',
  reach: 'calls every API enabled on the project that the key is not restricted from (Gemini, Maps, Translate...), billed to the project',
  narrower: 'restrict the key to the APIs and referrers or apps that use it, and keep server-side keys in a secret manager',
  reference: 'https://cloud.google.com/docs/authentication/api-keys',
  samples: {
    positive: [
      sample('server/translate.py', 'from google.cloud import translate_v2\n\nGOOGLE_API_KEY = "AIzaEu9qN9VOntqpRt1NGwMiADK8wu10Q8tbu3N"\nclient = translate_v2.Client(client_options={"api_key": GOOGLE_API_KEY})\n', { expect: { line: 3 } }),
      sample('scripts/gemini.sh', '#!/bin/sh\ncurl "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.0-flash:generateContent?key=AIza6_QVTe4xnzACyoo2KLzdGof1jgls0FDBUXf" \\\n  -H "Content-Type: application/json" -d @prompt.json\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('src/firebase.ts', "import { initializeApp } from 'firebase/app';\n\nconst firebaseConfig = {\n  apiKey: 'AIzaEu9qN9VOntqpRt1NGwMiADK8wu10Q8tbu3N',\n  authDomain: 'acme-web.firebaseapp.com',\n  projectId: 'acme-web',\n  storageBucket: 'acme-web.appspot.com',\n  messagingSenderId: '482910573622',\n  appId: '1:482910573622:web:9f3c2a71d4e85b06c1a7f2',\n};\nexport const app = initializeApp(firebaseConfig);\n", { note: 'Firebase web config: public by design' }),
      sample('android/app/google-services.json', '{\n  "project_info": { "project_id": "acme-mobile", "project_number": "482910573622" },\n  "client": [\n    {\n      "api_key": [{ "current_key": "AIza6_QVTe4xnzACyoo2KLzdGof1jgls0FDBUXf" }]\n    }\n  ]\n}\n', { note: 'ships inside the Android app' }),
      sample('docs/setup.md', 'Set `GOOGLE_API_KEY=AIzaSyabcdefghijklmnopqrstuvwxyz1234567` in your shell.\n'),
    ],
  },
};

/** An installed app's OAuth client: its JSON's `installed` key, the out-of-band redirect, a loopback callback port. */
const INSTALLED_APP = /"installed"\s*:\s*\{|urn:ietf:wg:oauth:2\.0:oob|\b(?:callback|redirect|loopback)[_-]?port\b/i;

export const gcpOauthClientSecret: CredentialKind = {
  id: 'gcp-oauth-client-secret',
  provider: 'gcp',
  title: 'Google OAuth client secret',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(GOCSPX-[A-Za-z0-9_-]{28})(?![A-Za-z0-9_-])/g, keywords: ['gocspx-'] }],
  // gcloud's published client secret is claimed here so that it is rated public rather than reported as a secret.
  contextPatterns: [{ variable: /client[_-]?secret/i, value: new RegExp(`^${GCLOUD_CLIENT_SECRET}$`), keywords: ['secret'] }],
  plausible: (value) => value === GCLOUD_CLIENT_SECRET || (looksRandom(value.slice(7), 20, 3.5) && !isPlaceholder(value.slice(7))),
  rate: (context) =>
    context.value === GCLOUD_CLIENT_SECRET
      ? { scope: 'public', because: 'gcloud’s installed-app client secret is published in the SDK' }
      : INSTALLED_APP.test(`${context.line ?? ''}\n${context.nearby ?? ''}`)
        ? { scope: 'public', because: "an installed (desktop or CLI) app's client secret ships in every copy of the app; Google does not treat it as a secret" }
        : { scope: 'scoped', because: 'a client secret lets its holder run one OAuth client’s sign-in flows; it acts for no user on its own' },
  reach: 'lets its holder impersonate the OAuth client: phish consent screens in its name and exchange stolen authorization codes for users’ tokens',
  narrower: 'keep it in a secret manager; rotate it in the Google Cloud console after exposure',
  reference: 'https://support.google.com/cloud/answer/15549257',
  samples: {
    positive: [
      sample('.env.production', 'GOOGLE_CLIENT_ID=418273645019-k2h8s9d7f6g5j4k3l2m1n0b9v8c7x6z5.apps.googleusercontent.com\nGOOGLE_CLIENT_SECRET=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\nNEXTAUTH_URL=https://app.acme.io\n', { expect: { line: 2 } }),
      sample('config/client_secret.json', '{"web":{"client_id":"418273645019-k2h8s9d7f6g5j4k3l2m1n0b9v8c7x6z5.apps.googleusercontent.com","project_id":"acme-web","auth_uri":"https://accounts.google.com/o/oauth2/auth","token_uri":"https://oauth2.googleapis.com/token","client_secret":"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","redirect_uris":["https://app.acme.io/auth/callback"]}}\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('src/constants.js', 'export const GOOGLE_CLIENT_ID = "418273645019-k2h8s9d7f6g5j4k3l2m1n0b9v8c7x6z5.apps.googleusercontent.com";\nexport const GOOGLE_CLIENT_SECRET = "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";\nexport const CALLBACK_PORT = 51121;\n', { note: "a CLI's installed-app client, signing in through a loopback port" }),
      sample('.env.example', 'GOOGLE_CLIENT_ID=\nGOOGLE_CLIENT_SECRET=GOCSPX-xxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
      sample('tools/auth.py', `# gcloud's public installed-app client\nCLIENT_ID = "${GCLOUD_CLIENT_ID}"\nCLIENT_SECRET = "${GCLOUD_CLIENT_SECRET}"\n`, { note: 'published in the gcloud SDK' }),
    ],
  },
};

const ACCESS_TOKEN = 'ya29.a0AeDClZhJ3_U-kVwN_8tRSU4gzWw4gqiC2ZZvtKtkPeiiXdDs_xRyfq0qilMovyWGHNbdquyoQJpJhlACloRmcjSgJ-vYcueyvr0WNe-YHQnAPfL6NGCmFd8dfCsHYRqhl7v7ZNrl4fqXInKc5O';

export const gcpOauthAccessToken: CredentialKind = {
  id: 'gcp-oauth-access-token',
  provider: 'gcp',
  title: 'Google OAuth access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(ya29\.[0-9A-Za-z_-]{50,})(?![A-Za-z0-9_-])/g, keywords: ['ya29.'] }],
  plausible: (value) => looksRandom(value.slice(5), 50, 4) && !isPlaceholder(value.slice(5)),
  rate: fixed('scoped', 'an access token expires within an hour of being issued'),
  exposedSeverity: 'low',
  reach: 'acts as the user or service account that requested it, with its scopes, until it expires (an hour at most)',
  narrower: 'let the client library fetch tokens at run time; never paste a printed token into code or notes',
  reference: 'https://cloud.google.com/docs/authentication/token-types#access',
  samples: {
    positive: [
      sample('scripts/list-buckets.sh', `#!/bin/sh\ncurl -H "Authorization: Bearer ${ACCESS_TOKEN}" https://storage.googleapis.com/storage/v1/b?project=acme-billing-prod\n`, { expect: { line: 2 } }),
      sample('notebooks/debug.ipynb', `{\n "cells": [\n  {\n   "cell_type": "code",\n   "source": [\n    "token = \\"${ACCESS_TOKEN}\\"\\n"\n   ]\n  }\n ]\n}\n`, { expect: { line: 6 } }),
    ],
    negative: [
      sample('scripts/list-buckets.sh', 'curl -H "Authorization: Bearer $(gcloud auth print-access-token)" https://storage.googleapis.com/storage/v1/b?project=acme-billing-prod\n'),
      sample('docs/auth.md', 'Access tokens start with `ya29.` and expire after an hour, e.g. `ya29.a0AfH6SMBx...`.\n'),
    ],
  },
};

const GCS_ACCESS_ID = 'GOOG1E5V4WE39G99VBJYASDTCXVN32XFZQ5ZW52T3QLXU2YVDOV8QO1R5E88C';
const GCS_SECRET = 'lxuoaZ70t+MJU/cRY+Eqr8l03rS727J9HqyWpbqc';
/** An HMAC access id: 61 characters for a service account's key, 24 for a user account's. */
const GCS_ACCESS_ID_SHAPE = /(?<![A-Za-z0-9])GOOG(?:[0-9A-Z]{57}|[0-9A-Z]{20})(?![A-Za-z0-9])/;

export const gcsHmacKey: CredentialKind = {
  id: 'gcp-hmac-key',
  provider: 'gcp',
  title: 'Google Cloud Storage HMAC key secret',
  // 40 base64 characters, the shape of an AWS secret key: told apart by the access id beside it, or boto's `gs_` name.
  contextPatterns: [
    { variable: /^gs_secret_access_key$/i, value: /^[A-Za-z0-9/+]{40}$/, keywords: ['gs_secret'] },
    // S3-compatible tools pointed at Cloud Storage (rclone, s3cmd, boto3, Terraform's s3 backend) name it as AWS does.
    { variable: /secret[_.-]?(?:access[_.-]?)?key$|^secret$/i, value: /^[A-Za-z0-9/+]{40}$/, keywords: ['secret'], requires: ['goog'] },
  ],
  claims: (context) => /^gs_/i.test(context.variable ?? '') || GCS_ACCESS_ID_SHAPE.test(context.line) || Object.values(context.siblingValues).some((sibling) => GCS_ACCESS_ID_SHAPE.test(sibling)),
  plausible: (value) => !isPlaceholder(value) && looksRandom(value, 40, 3.5),
  rate: (context) =>
    readOnlyRating(context, 'HMAC key') ?? {
      scope: 'root-resource',
      because: "an HMAC key acts as its service account (or user) on Cloud Storage, with every bucket role the account holds, which the repository does not show",
    },
  reach: 'reads, overwrites and deletes objects in every Cloud Storage bucket its service account or user may reach, backups kept there included',
  narrower: 'use the service account through workload identity federation or attached credentials instead of an HMAC key, or an HMAC key of a service account granted roles on one bucket only (Storage Object Viewer where it only reads)',
  reference: 'https://cloud.google.com/storage/docs/authentication/hmackeys',
  samples: {
    positive: [
      sample('.boto', `[Credentials]\ngs_access_key_id = ${GCS_ACCESS_ID}\ngs_secret_access_key = ${GCS_SECRET}\n`, { expect: { line: 3 }, note: "gsutil's configuration file" }),
      sample('rclone.conf', `[gcs-backups]\ntype = s3\nprovider = GCS\naccess_key_id = ${GCS_ACCESS_ID}\nsecret_access_key = ${GCS_SECRET}\nendpoint = https://storage.googleapis.com\n`, { expect: { line: 5 }, note: 'an S3-compatible remote pointed at Cloud Storage' }),
      sample('.s3cfg', `[default]\naccess_key = ${GCS_ACCESS_ID}\nsecret_key = ${GCS_SECRET}\nhost_base = storage.googleapis.com\nhost_bucket = %(bucket)s.storage.googleapis.com\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('rclone.conf', '[gcs-backups]\ntype = s3\nprovider = GCS\naccess_key_id = GOOG1E5V4WE39G99VBJYASDTCXVN32XFZQ5ZW52T3QLXU2YVDOV8QO1R5E88C\nsecret_access_key = xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
      sample('rclone.conf', `[s3]\ntype = s3\nprovider = AWS\naccess_key_id = AKIAQX4KJ2MZ7HTLD5PW\nsecret_access_key = 9sX2kLm4Qv7pR1tZ8wB3nY6cF0hJ5dG2aE4uI7oK\n\n[gcs]\ntype = google cloud storage\nservice_account_file = /etc/rclone/gcs.json\n`, { note: "an AWS pair in a file that also names Google: AWS's" }),
    ],
  },
  scopeSamples: {
    positive: [sample('.boto', `[Credentials]\ngs_access_key_id = ${GCS_ACCESS_ID}\ngs_secret_access_key = ${GCS_SECRET}\n`, { expect: { line: 3 } })],
    negative: [sample('.boto', `[Credentials]\n# read-only key of the backup-reader service account\ngs_access_key_id = ${GCS_ACCESS_ID}\ngs_secret_access_key = ${GCS_SECRET}\n`)],
  },
};

export const GCP_KINDS: readonly CredentialKind[] = [gcpServiceAccountKey, gcpAuthorizedUserCredentials, gcpApiKey, gcpOauthClientSecret, gcpOauthAccessToken];
