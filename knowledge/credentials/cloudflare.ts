// Cloudflare: the Global API Key is the user (every account and zone they can reach); API tokens carry the
// permission groups and resources chosen when they were created. New credentials are prefixed (cfk_, cfut_, cfat_)
// and end in a CRC32 of their body; older ones are known only by the variable or header they are bound to.
import { sample } from '../../src/model.js';
import { base64Json, hasTypedRun } from './signals.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { crc32, isPlaceholder, looksRandom } from './values.js';

const REFERENCE = 'https://developers.cloudflare.com/fundamentals/api/get-started/token-formats/';


/** `cf*_` + 40 alphanumerics + the lower-case hex CRC32 of those 40: a failing checksum means a made-up value. */
export function hasValidCloudflareChecksum(token: string): boolean {
  const match = /^cf(?:k|ut|at)_([A-Za-z0-9]{40})([0-9a-f]{8})$/.exec(token);
  return match !== null && crc32(match[1]!).toString(16).padStart(8, '0') === match[2];
}

const prefixedPattern = (prefix: string) => ({
  regex: new RegExp(`(?<![A-Za-z0-9_])(${prefix}_[A-Za-z0-9]{40}[0-9a-f]{8})(?![A-Za-z0-9_])`, 'g'),
  keywords: [`${prefix}_`],
});

const GLOBAL_KEY_NAME = /^(?:CLOUDFLARE|CF)_(?:GLOBAL_)?API_KEY$|cloudflare[_.-]?(?:global[_.-]?)?api[_.-]?key|^dns_cloudflare_api_key$|^CF_API_KEY$|^cfApiKey$/i;
const LEGACY_GLOBAL_KEY = /^[0-9a-f]{37,45}$/;

const CFK = 'cfk_3lh7piHkqXDe2TC6gctMGSBlt5zTHoVnA48laJdq6086d3d9';
const LEGACY_KEY = 'ec1880178db2a36d7aa2372380b21a4c733d5';
const LEGACY_KEY_2 = '72e41ae70603aa9f403fe56a3dbc424232269';

/** An address in a domain reserved for documentation (RFC 2606). */
const EXAMPLE_EMAIL = /@example\.(?:com|org|net)\b/i;

export const cloudflareGlobalApiKey: CredentialKind = {
  id: 'cloudflare-global-api-key',
  provider: 'cloudflare',
  title: 'Cloudflare Global API Key',
  valuePatterns: [prefixedPattern('cfk')],
  contextPatterns: [
    // The legacy key (37-45 lower-case hex) is always used with the account's email.
    { variable: GLOBAL_KEY_NAME, value: LEGACY_GLOBAL_KEY, keywords: ['cloudflare', 'cf_api', 'cfapi'], requires: ['email'] },
    { header: /^x-auth-key$/i, value: LEGACY_GLOBAL_KEY, keywords: ['x-auth-key'], requires: ['x-auth-email'] },
    { variable: /^(?:cloudflare\.)?api_key$/, value: LEGACY_GLOBAL_KEY, keywords: ['api_key'], requires: ['provider "cloudflare"', 'email'] },
    // A Cloudflare-named key of exactly the legacy length is one even with its email kept elsewhere.
    { variable: GLOBAL_KEY_NAME, value: /^[0-9a-f]{37}$/, keywords: ['cloudflare', 'cf_api', 'cfapi'] },
    // acme.sh's `CF_Key`/`CF_Email`; the clients' `apiKey`+`apiEmail` (TypeScript), `key=`+`email=` (python-cloudflare);
    // cloudflare-ddns images' `API_KEY`+`EMAIL`.
    { variable: /^CF_Key$/i, value: /^[0-9a-f]{37}$/, keywords: ['cf_key'], requires: ['cf_email'] },
    { variable: /^(?:apiKey|api[_-]key|key)$/i, value: /^[0-9a-f]{37}$/, keywords: ['cloudflare'], requires: ['email'] },
  ],
  // The legacy key is used with its account's email: beside a documentation address (`you@example.com`) it is an example.
  plausible: (value, context) =>
    value.startsWith('cfk_') ? hasValidCloudflareChecksum(value) : !hasTypedRun(value) && !isPlaceholder(value) && looksRandom(value, 37, 3.2) && !EXAMPLE_EMAIL.test(context.nearby ?? ''),
  rate: fixed('root', 'the Global API Key acts as the user with all of their permissions on every account and zone they can reach'),
  reach: 'acts as the user on every account and zone they belong to: it can delete zones, DNS records, Workers, R2 buckets and rotate other credentials',
  narrower: 'use an API token limited to the permission groups and zones the job needs (for example Zone:DNS:Edit on one zone), with a TTL and client IP filter',
  reference: 'https://developers.cloudflare.com/fundamentals/api/get-started/keys/',
  samples: {
    positive: [
      sample('certbot/cloudflare.ini', `# Cloudflare credentials used by certbot\ndns_cloudflare_email = ops@acme.io\ndns_cloudflare_api_key = ${LEGACY_KEY}\n`, { expect: { line: 3 } }),
      sample('traefik/docker-compose.yml', `services:\n  traefik:\n    image: traefik:v3.1\n    environment:\n      CF_API_EMAIL: ops@acme.io\n      CF_API_KEY: ${LEGACY_KEY_2}\n`, { expect: { line: 6 } }),
      sample('scripts/purge-cache.sh', `#!/bin/sh\ncurl -X POST "https://api.cloudflare.com/client/v4/zones/$ZONE_ID/purge_cache" \\\n  -H "X-Auth-Email: ops@acme.io" \\\n  -H "X-Auth-Key: ${LEGACY_KEY}" \\\n  --data '{"purge_everything":true}'\n`, { expect: { line: 4 } }),
      sample('ops/cloudflare.env.yaml', `CLOUDFLARE_EMAIL: ops@acme.io\nCLOUDFLARE_API_KEY: ${CFK}\n`, { expect: { line: 2 } }),
      sample('scripts/renew-certs.sh', `#!/bin/sh\nexport CF_Key="${LEGACY_KEY}"\nexport CF_Email="ops@acme.io"\n~/.acme.sh/acme.sh --issue --dns dns_cf -d acme.io\n`, { expect: { line: 2 }, note: "acme.sh's names" }),
      sample('k8s/cert-manager/cloudflare.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: cloudflare-api-key-secret\n  namespace: cert-manager\ntype: Opaque\nstringData:\n  api-key: ${LEGACY_KEY}\n---\napiVersion: cert-manager.io/v1\nkind: ClusterIssuer\nmetadata:\n  name: letsencrypt\nspec:\n  acme:\n    email: ops@acme.io\n    solvers:\n      - dns01:\n          cloudflare:\n            email: ops@acme.io\n            apiKeySecretRef:\n              name: cloudflare-api-key-secret\n              key: api-key\n`, { expect: { line: 8 }, note: "cert-manager's documented Secret key" }),
      sample('src/cloudflare.ts', `import Cloudflare from "cloudflare";\nexport const cf = new Cloudflare({\n  apiEmail: "ops@acme.io",\n  apiKey: "${LEGACY_KEY_2}",\n});\n`, { expect: { line: 4 }, note: "the TypeScript client's key and email" }),
      sample('ops/ddns/docker-compose.yml', `services:\n  ddns:\n    image: oznu/cloudflare-ddns\n    environment:\n      - EMAIL=ops@acme.io\n      - API_KEY=${LEGACY_KEY}\n      - ZONE=acme.io\n`, { expect: { line: 6 } }),
      sample('config/cloudflare.yml', `CLOUDFLARE_API_KEY: ${LEGACY_KEY_2}\nCLOUDFLARE_ZONE: acme.io\n`, { expect: { line: 1 }, note: 'the email kept elsewhere' }),
    ],
    negative: [
      sample('providers/dns/cloudflare.toml', "Name = \"Cloudflare\"\nExample = '''\nCLOUDFLARE_EMAIL=you@example.com \\\nCLOUDFLARE_API_KEY=b9841238feb177a84330febba8a83208921177bffe733 \\\nlego --email you@example.com --dns cloudflare --domains my.example.org run\n'''\n", { note: "documentation's example: the key's email is at example.com" }),
      sample('certbot/cloudflare.ini', '# Cloudflare API credentials used by Certbot\ndns_cloudflare_email = cloudflare@example.com\ndns_cloudflare_api_key = 0123456789abcdef0123456789abcdef01234567\n', { note: 'certbot’s documented example' }),
      sample('traefik/docker-compose.yml', 'services:\n  traefik:\n    environment:\n      CF_API_EMAIL: ${CF_API_EMAIL}\n      CF_API_KEY: ${CF_API_KEY}\n'),
      sample('ops/cloudflare.env.yaml', 'CLOUDFLARE_EMAIL: ops@acme.io\nCLOUDFLARE_API_KEY: cfk_3lh7piHkqXDe2TC6gctMGSBlt5zTHoVnA48laJdq00000000\n', { note: 'checksum fails' }),
    ],
  },
  scopeSamples: {
    positive: [sample('certbot/cloudflare.ini', `dns_cloudflare_email = ops@acme.io\ndns_cloudflare_api_key = ${LEGACY_KEY}\n`, { expect: { line: 2 } })],
    negative: [sample('certbot/cloudflare.ini', 'dns_cloudflare_email = ops@acme.io\ndns_cloudflare_api_key = 0123456789abcdef0123456789abcdef01234567\n', { note: 'documented example value' })],
  },
};

const TOKEN_NAME = /^(?:CLOUDFLARE|CF)_(?:[A-Z]+_)?API_TOKEN$|cloudflare[_.-]?(?:[a-z]+[_.-]?)?api[_.-]?token|^dns_cloudflare_api_token$|^cfApiToken$/i;
const LEGACY_TOKEN = /^(?=[A-Za-z0-9_-]*[g-zA-Z_-])[A-Za-z0-9_-]{40}$/;
const CFUT = 'cfut_iPLkHomeXpKrKSYNHaHLgn1IXRn9CtZW6hGKYkoU6ae2ffb7';
const LEGACY_API_TOKEN = 'rVmMk-7N9_6VlWiXUqVxjPmFjslH64dM0hltJ1-e';
const LEGACY_API_TOKEN_2 = '8T4tshMX7wLu7SbMFBTvu5tH7WEFqYZUA2On2lAb';

export const cloudflareApiToken: CredentialKind = {
  id: 'cloudflare-api-token',
  provider: 'cloudflare',
  title: 'Cloudflare user API token',
  valuePatterns: [prefixedPattern('cfut')],
  contextPatterns: [
    { variable: TOKEN_NAME, value: LEGACY_TOKEN, keywords: ['cloudflare', 'cf_', 'cfapi'] },
    // Older tooling calls a token CLOUDFLARE_API_KEY; a 40-character value that is not hex is a token, not the key.
    { variable: GLOBAL_KEY_NAME, value: LEGACY_TOKEN, keywords: ['cloudflare', 'cf_api', 'cfapi'] },
    { variable: /^(?:cloudflare\.)?api_token$/, value: LEGACY_TOKEN, keywords: ['api_token'], requires: ['provider "cloudflare"'] },
    { header: /^authorization$/i, value: LEGACY_TOKEN, keywords: ['authorization'], requires: ['api.cloudflare.com'] },
    // The `apiToken` input of Cloudflare's own GitHub Actions (wrangler-action, pages-action).
    { variable: /^apiToken$/, value: LEGACY_TOKEN, keywords: ['apitoken'], requires: ['cloudflare/'] },
  ],
  // A bare `apiToken` is Cloudflare's only as the input of a Cloudflare action a few lines above it, or under a
  // `cloudflare:` section just above (external-dns's and cert-manager's Helm values).
  claims: (context) => context.variable !== 'apiToken' || /uses:\s*["']?cloudflare\/|^[ \t]*cloudflare:[ \t]*$/im.test(context.nearby),
  plausible: (value) => (value.startsWith('cfut_') ? hasValidCloudflareChecksum(value) : !isPlaceholder(value) && !hasTypedRun(value) && looksRandom(value, 40, 3.8)),
  rate: fixed('scoped', 'an API token holds only the permission groups and resources chosen when it was created'),
  reach: 'does what its permission groups allow on the accounts and zones it was given; an all-zones edit token can rewrite every DNS record',
  narrower: 'keep it in CI secrets; limit it to the zones and permission groups the job needs, with a TTL and client IP filter',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('.github/workflows/pages.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          apiToken: ${CFUT}\n          command: pages deploy dist --project-name=acme-site\n`, { expect: { line: 7 } }),
      sample('infra/cloudflare.tf', `provider "cloudflare" {\n  api_token = "${LEGACY_API_TOKEN}"\n}\n\nresource "cloudflare_record" "www" {\n  zone_id = var.zone_id\n  name    = "www"\n  type    = "CNAME"\n  content = "acme.pages.dev"\n}\n`, { expect: { line: 2 } }),
      sample('caddy/docker-compose.yml', `services:\n  caddy:\n    image: ghcr.io/caddybuilds/caddy-cloudflare:latest\n    environment:\n      CF_DNS_API_TOKEN: ${LEGACY_API_TOKEN_2}\n`, { expect: { line: 5 } }),
      sample('.github/workflows/worker.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          apiToken: ${LEGACY_API_TOKEN}\n          accountId: 6480e9d30ee5b575a9580f5b126adfc7\n`, { expect: { line: 7 }, note: "a token without the cfut_ prefix, known as the action's input" }),
      sample('Pulumi.production.yaml', `config:\n  aws:region: eu-west-1\n  cloudflare:apiToken: ${LEGACY_API_TOKEN}\n`, { expect: { line: 3 }, note: "a Pulumi stack's provider setting, named as Terraform's provider argument" }),
      sample('charts/edge/values-prod.yaml', `provider: cloudflare\ncloudflare:\n  apiToken: ${LEGACY_API_TOKEN_2}\n  proxied: true\n`, { expect: { line: 3 }, note: "external-dns's Helm values: a bare apiToken under its cloudflare section" }),
      sample('RUNBOOK.md', `# Ops runbook\n\n## Cloudflare\n\n| Field | Value |\n|---|---|\n| Account ID | 6480e9d30ee5b575a9580f5b126adfc7 |\n| API token | ${LEGACY_API_TOKEN_2} |\n`, { expect: { line: 8 }, note: 'a table under the provider’s heading: the row says only `API token`' }),
    ],
    negative: [
      sample('.github/workflows/pages.yml', 'jobs:\n  deploy:\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          apiToken: ${{ secrets.CLOUDFLARE_API_TOKEN }}\n          accountId: 6480e9d30ee5b575a9580f5b126adfc7\n'),
      sample('docs/tokens.md', 'Tokens look like `cfut_iPLkHomeXpKrKSYNHaHLgn1IXRn9CtZW6hGKYkoU0000abcd`.\n', { note: 'checksum fails' }),
      sample('Pulumi.production.yaml', 'config:\n  cloudflare:apiToken:\n    secure: v1:Xk3m9Pq2Lw7Rt4Yb:8Nc1Vd6Fg0Hs5JzQ2W7E4R9T1Y6U3I8O5P0A2S7D4F9\n', { note: "Pulumi's encrypted setting" }),
      sample('wrangler.toml', 'name = "acme-api"\naccount_id = "6480e9d30ee5b575a9580f5b126adfc7"\nmain = "src/index.ts"\n'),
      sample('RUNBOOK.md', '## Cloudflare\n\n| Field | Value |\n|---|---|\n| API token | `<paste the token here>` |\n'),
      sample('.github/workflows/release.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: cloudflare/wrangler-action@v3\n        with:\n          apiToken: ${{ secrets.CLOUDFLARE_API_TOKEN }}\n      - run: npm run build\n      - run: npm test\n      - uses: acme/notify-action@v2\n        with:\n          apiToken: rVmMk-7N9_6VlWiXUqVxjPmFjslH64dM0hltJ1-e\n', { note: "another action's apiToken in a workflow that also runs Cloudflare's" }),
    ],
  },
};

const CFAT = 'cfat_8cQ8IOeejW3bp3oEmumS5DkdperwTOQVjrFtmBQ1424cbd6c';

export const cloudflareAccountApiToken: CredentialKind = {
  id: 'cloudflare-account-api-token',
  provider: 'cloudflare',
  title: 'Cloudflare account API token',
  valuePatterns: [prefixedPattern('cfat')],
  plausible: hasValidCloudflareChecksum,
  rate: fixed('scoped', 'an account-owned token holds only the permission groups chosen when it was created'),
  reach: 'does what its permission groups allow on one account, whoever leaves the team',
  narrower: 'keep it in CI secrets; limit it to the permission groups and resources the job needs, with a TTL',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('.env.deploy', `CLOUDFLARE_ACCOUNT_ID=6480e9d30ee5b575a9580f5b126adfc7\nCLOUDFLARE_API_TOKEN=${CFAT}\n`, { expect: { line: 2 } }),
      sample('scripts/r2-sync.py', `import boto3\n\nCF_TOKEN = "${CFAT}"\nheaders = {"Authorization": f"Bearer {CF_TOKEN}"}\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('.env.example', 'CLOUDFLARE_ACCOUNT_ID=\nCLOUDFLARE_API_TOKEN=cfat_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n'),
      sample('scripts/r2-sync.py', 'CF_TOKEN = "cfat_8cQ8IOeejW3bp3oEmumS5DkdperwTOQVjrFtmBQ10000beef"\n', { note: 'checksum fails' }),
    ],
  },
};

const ORIGIN_CA_KEY = 'v1.0-8891943273102a2562c5ca5d-5dd9dd71fc363c0f8c3f21c7cb0c5e4fcf06f2d440284ad31be207638e1f91ea74acfa84a9b613ba0fc61f2fbe1258f69778d3f88206964b739cc66ae5939595dae757725697b3daf2';

export const cloudflareOriginCaKey: CredentialKind = {
  id: 'cloudflare-origin-ca-key',
  provider: 'cloudflare',
  title: 'Cloudflare Origin CA key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.-])(v1\.0-[0-9a-f]{24}-[0-9a-f]{146})(?![A-Za-z0-9_-])/g, keywords: ['v1.0-'] }],
  plausible: (value) => looksRandom(value.slice(30), 100, 3.5) && !/0{16,}|f{16,}/.test(value),
  rate: fixed('scoped', 'an Origin CA key only creates and revokes origin certificates'),
  reach: 'creates and revokes Cloudflare origin certificates for the user’s zones',
  narrower: 'keep it in the origin-ca-issuer Secret created at install time; prefer an API token with SSL and Certificates: Edit on one zone',
  reference: 'https://developers.cloudflare.com/ssl/origin-configuration/origin-ca/',
  samples: {
    positive: [
      sample('k8s/origin-ca-issuer.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: origin-ca-key\n  namespace: cert-manager\ntype: Opaque\nstringData:\n  key: ${ORIGIN_CA_KEY}\n`, { expect: { line: 8 } }),
      sample('.env.production', `CF_ORIGIN_CA_KEY=${ORIGIN_CA_KEY}\n`, { expect: { line: 1 } }),
    ],
    negative: [
      sample('CHANGELOG.md', '## v1.0-beta.2\n\n- Release notes for v1.0-rc1 and v1.0-rc2.\n'),
      sample('k8s/origin-ca-issuer.yaml', 'stringData:\n  key: v1.0-xxxxxxxxxxxxxxxxxxxxxxxx-xxxxxxxx\n'),
    ],
  },
};

const TUNNEL_TOKEN = 'eyJhIjoiNGNmZWI2YzJmZjBmOGI3ODZjYzkyYmNiMzJiMzE1ZGYiLCJ0IjoiNDkzZjViZDktYmFjYi00N2RjLWFmZDctZmQ4YWZjNmVmN2I5IiwicyI6IlliSHZsVUFkSDZ4cVg2QTVmMGFWS1puQUZHcG1JancxZGtVVTUwL01RTms9In0=';

export const cloudflareTunnelToken: CredentialKind = {
  id: 'cloudflare-tunnel-token',
  provider: 'cloudflare',
  title: 'Cloudflare Tunnel token',
  // base64 of {"a": account tag, "t": tunnel id, "s": tunnel secret}.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9+/_.-])(eyJhIjoi[A-Za-z0-9+/_-]{60,}={0,2})(?![A-Za-z0-9+/=_-])/g, keywords: ['eyjhijoi'] }],
  plausible: (value) => {
    const payload = base64Json(value);
    return payload !== undefined && typeof payload.t === 'string' && typeof payload.s === 'string' && String(payload.s).length >= 32 && !isPlaceholder(String(payload.s));
  },
  rate: fixed('scoped', 'a tunnel token runs one tunnel'),
  reach: 'runs a connector for the tunnel, so that its hostnames can be served from the holder’s machine',
  narrower: 'pass it to cloudflared from a secret store (TUNNEL_TOKEN from a Kubernetes Secret or Docker secret), never in compose files',
  reference: 'https://developers.cloudflare.com/cloudflare-one/connections/connect-networks/configure-tunnels/remote-tunnel-permissions/',
  samples: {
    positive: [
      sample('docker-compose.yml', `services:\n  tunnel:\n    image: cloudflare/cloudflared:latest\n    restart: unless-stopped\n    command: tunnel --no-autoupdate run --token ${TUNNEL_TOKEN}\n`, { expect: { line: 5 } }),
      sample('k8s/cloudflared.yaml', `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cloudflared\nspec:\n  template:\n    spec:\n      containers:\n        - name: cloudflared\n          image: cloudflare/cloudflared:2024.12.2\n          args: [tunnel, run]\n          env:\n            - name: TUNNEL_TOKEN\n              value: "${TUNNEL_TOKEN}"\n`, { expect: { line: 14 } }),
    ],
    negative: [
      sample('docker-compose.yml', 'services:\n  tunnel:\n    image: cloudflare/cloudflared:latest\n    command: tunnel --no-autoupdate run --token ${TUNNEL_TOKEN}\n'),
      sample('docs/tunnel.md', 'The token is base64 JSON and starts with `eyJhIjoi`, e.g. `eyJhIjoiYWNjb3VudC10YWciLCJ0IjoidHVubmVsLWlkIiwicyI6InNlY3JldCJ9`.\n'),
    ],
  },
};

const ACCESS_SECRET = '3644a3001faef12b122967dc59eaaf5fc03571ff04bd412380358533a6539cfa';

export const cloudflareAccessServiceToken: CredentialKind = {
  id: 'cloudflare-access-service-token',
  provider: 'cloudflare',
  title: 'Cloudflare Access service token secret',
  contextPatterns: [
    { variable: /cf[_.-]?access[_.-]?client[_.-]?secret/i, value: /^[0-9a-f]{64}$/, keywords: ['access'] },
    { header: /^cf-access-client-secret$/i, value: /^[0-9a-f]{64}$/, keywords: ['cf-access-client-secret'] },
  ],
  plausible: (value) => !hasTypedRun(value) && looksRandom(value, 64, 3.5),
  rate: fixed('scoped', 'a service token passes the Access policies that name it'),
  reach: 'passes the Cloudflare Access policies that allow the service token, reaching the internal applications behind them',
  narrower: 'keep the client secret in a secret store and allow the token only on the applications the job calls',
  reference: 'https://developers.cloudflare.com/cloudflare-one/identity/service-tokens/',
  samples: {
    positive: [
      sample('monitoring/probe.py', `import requests\n\nHEADERS = {\n    "CF-Access-Client-Id": "4f1e2d3c5b6a79880a1b2c3d4e5f6a7b.access",\n    "CF-Access-Client-Secret": "${ACCESS_SECRET}",\n}\nrequests.get("https://grafana.internal.acme.io/api/health", headers=HEADERS)\n`, { expect: { line: 5 } }),
      sample('.github/workflows/smoke.yml', `jobs:\n  smoke:\n    runs-on: ubuntu-latest\n    env:\n      CF_ACCESS_CLIENT_ID: 4f1e2d3c5b6a79880a1b2c3d4e5f6a7b.access\n      CF_ACCESS_CLIENT_SECRET: ${ACCESS_SECRET}\n    steps:\n      - run: ./smoke.sh\n`, { expect: { line: 6 } }),
    ],
    negative: [
      sample('.github/workflows/smoke.yml', 'jobs:\n  smoke:\n    env:\n      CF_ACCESS_CLIENT_SECRET: ${{ secrets.CF_ACCESS_CLIENT_SECRET }}\n'),
      sample('monitoring/probe.py', 'HEADERS = {"CF-Access-Client-Id": CLIENT_ID, "CF-Access-Client-Secret": os.environ["CF_ACCESS_CLIENT_SECRET"]}\n'),
    ],
  },
};

const R2_KEY_ID = 'eee65f53e9421ce50211670eae679f02';
const R2_SECRET = 'e8d28a79023c39c200661fccd268a29a0d347301ef56e64dc3cd6089065c3146';
const R2_SCRIPT = `import boto3\n\ns3 = boto3.client(\n    "s3",\n    endpoint_url="https://7f3e2a9c1b4d6e8f0a2c4e6b8d0f2a4c.r2.cloudflarestorage.com",\n    aws_access_key_id="${R2_KEY_ID}",\n    aws_secret_access_key="${R2_SECRET}",\n)\n`;

export const cloudflareR2SecretKey: CredentialKind = {
  id: 'cloudflare-r2-secret-key',
  provider: 'cloudflare',
  title: 'Cloudflare R2 secret access key',
  // R2's S3-compatible credentials: a 32-hex key id and a 64-hex secret (the SHA-256 of the API token), used beside an
  // `<account>.r2.cloudflarestorage.com` endpoint under the AWS SDK's names.
  contextPatterns: [{ variable: /(?:^|[_.-])secret[_-]?access[_-]?key$|^(?:R2_|CLOUDFLARE_R2_)?SECRET(?:_KEY)?$/i, value: /^[a-f0-9]{64}$/, keywords: ['secret'], requires: ['r2.cloudflarestorage.com'] }],
  plausible: (value) => !isPlaceholder(value) && looksRandom(value, 64, 3.5),
  rate: fixed('root-resource', "an R2 token's key pair is created for all of the account's buckets unless a bucket was chosen, which the pair does not show"),
  reach: 'reads, overwrites and deletes the objects of every bucket the token covers, backups kept in R2 included',
  narrower: 'create the R2 token for the one bucket the job uses, read-only where it only reads, with a TTL',
  reference: 'https://developers.cloudflare.com/r2/api/tokens/',
  samples: {
    positive: [sample('scripts/upload_backup.py', R2_SCRIPT, { expect: { line: 7 } })],
    negative: [sample('scripts/upload_backup.py', 'import os\n\nsecret_access_key = os.environ["R2_SECRET_ACCESS_KEY"]\nendpoint = "https://7f3e2a9c1b4d6e8f0a2c4e6b8d0f2a4c.r2.cloudflarestorage.com"\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/upload_backup.py', R2_SCRIPT, { expect: { line: 7 } })],
    negative: [sample('scripts/upload_backup.py', R2_SCRIPT.replace(R2_SECRET, '0'.repeat(64)), { note: 'a placeholder' })],
  },
};

export const CLOUDFLARE_KINDS: readonly CredentialKind[] = [
  cloudflareR2SecretKey,
  cloudflareGlobalApiKey,
  cloudflareApiToken,
  cloudflareAccountApiToken,
  cloudflareOriginCaKey,
  cloudflareTunnelToken,
  cloudflareAccessServiceToken,
];
