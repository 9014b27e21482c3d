// Platforms where an app is one command away from deletion: Heroku, Fly.io, Render, Vercel, Netlify and
// DigitalOcean. Their account tokens reach every app of the user or team; deploy tokens and deploy hooks reach one.
import { sample } from '../../src/model.js';
import { saysProjectScoped, saysReadOnly, sentToAnotherHost } from './narrowing.js';
import { hasTypedRun, narrowingWord } from './signals.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { isPlaceholder, looksRandom, UUID, UUID_SOURCE } from './values.js';

const DEPLOY_OR_READ = new Set(['deploy', 'deployer', 'deployment', 'readonly', 'read', 'ro', 'viewer', 'project']);
/** camelCase or PascalCase words with numbers: unambiguous, so it runs in linear time. */
const IDENTIFIER = /^[a-z]+(?:[A-Z][a-z]+|[0-9]+)*$|^(?:[A-Z][a-z]+|[0-9]+)+$/;
/** A random token body: not a placeholder, varied, with letters and digits, and not identifier words (`rnd_generateRandomSeed`). */
const generated = (body: string, minLength = 20): boolean =>
  !isPlaceholder(body) && !hasTypedRun(body) && looksRandom(body, minLength, 3.5) && /[0-9]/.test(body) && /[A-Za-z]/.test(body) && !IDENTIFIER.test(body);

/** Narrowed when the variable names a deploy, read-only or project token; otherwise the broad kind. */
function rateAccountToken(broad: string, context: CredentialContext): Rating {
  const narrow = narrowingWord([context.variable], DEPLOY_OR_READ);
  if (narrow) return { scope: 'scoped', because: `variable ${context.variable} names a ${narrow} token` };
  // A comment beside it that says what the token was created with (read-only, `droplet:read` scopes, one project).
  if (saysReadOnly(context)) return { scope: 'scoped', because: 'the text beside it says the token is read-only' };
  if (saysProjectScoped(context)) return { scope: 'scoped', because: 'the text beside it says the token is scoped to one project' };
  return { scope: 'root', because: broad };
}

const HEROKU_KEY = 'HRKU-AAUt7d_VhfxSwKHnfVMBcTcYb25repPvGUGbcA_ocz7Cx6v7A6v7mIoZuws4';
const HEROKU_UUID = '8338bc18-8e04-4de5-beed-25863b9950fd';
/** Today's keys (`HRKU-AA` and 58), and the prefixed UUIDs Heroku issued until April 2025, valid until regenerated. */
const HEROKU_PREFIXED = `HRKU-AA[0-9a-zA-Z_-]{58}|HRKU-${UUID_SOURCE}`;

function plausibleUuidKey(value: string): boolean {
  return UUID.test(value) && !isPlaceholder(value) && !/^0{8}-|-0{12}$|^12345678-/.test(value);
}

export const herokuApiKey: CredentialKind = {
  id: 'heroku-api-key',
  provider: 'heroku',
  title: 'Heroku API key',
  valuePatterns: [
    { regex: new RegExp(`(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(${HEROKU_PREFIXED})(?![A-Za-z0-9_-])`, 'g'), keywords: ['hrku-'] },
    // ~/.netrc entries the Heroku CLI writes: `machine api.heroku.com login <email> password <key>`.
    { regex: new RegExp(`machine\\s+(?:api|git)\\.heroku\\.com(?:\\s+login\\s+\\S+)?\\s+password\\s+(${UUID_SOURCE}|${HEROKU_PREFIXED})`, 'g'), keywords: ['heroku.com'] },
    // Given straight to a client: Ruby's `PlatformAPI.connect_oauth("…")`, Python's `heroku3.from_key("…")`.
    { regex: new RegExp(`(?<=\\b(?:connect_oauth|from_key)\\(\\s*["'])(${UUID_SOURCE}|${HEROKU_PREFIXED})(?=["'])`, 'g'), keywords: ['connect_oauth', 'from_key'] },
  ],
  contextPatterns: [
    { variable: /heroku[_.-]?(?:[a-z]+[_.-]?)?(?:api[_.-]?)?(?:key|token)/i, value: new RegExp(`^(?:${UUID_SOURCE}|${HEROKU_PREFIXED})$`), keywords: ['heroku'] },
    { header: /^authorization$/i, value: UUID, keywords: ['authorization'], requires: ['api.heroku.com'] },
    // Travis CI's Heroku deploy: `deploy: { provider: heroku, api_key: … }`.
    { variable: /^api[_-]?key$/i, value: new RegExp(`^(?:${UUID_SOURCE}|${HEROKU_PREFIXED})$`), keywords: ['api_key'], requires: ['provider: heroku'] },
  ],
  claims: (context) => !sentToAnotherHost(context, 'api.heroku.com'),
  plausible: (value) => (value.startsWith('HRKU-AA') && value.length > 41 ? generated(value.slice(7), 40) : plausibleUuidKey(value.replace(/^HRKU-/, ''))),
  rate: (context) => rateAccountToken('a Heroku API key acts as the user on every app and team they belong to', context),
  reach: 'acts as the user on every app and team they belong to: it can destroy apps, delete add-on databases and their backups, and change config vars',
  narrower: 'create an authorization with the narrowest scope (read, write or a single app’s deploy through a CI integration) and an expiry, instead of the account API key',
  reference: 'https://devcenter.heroku.com/articles/authentication',
  samples: {
    positive: [
      sample('.travis.yml', 'language: node_js\ndeploy:\n  provider: heroku\n  app: acme-api\n  api_key: 1c5ed557-1342-4c39-a67d-286c8a160d1c\n', { expect: { line: 5 }, note: "Travis CI's Heroku deploy" }),
      sample('lib/tasks/heroku.rake', 'heroku = PlatformAPI.connect_oauth("1c5ed557-1342-4c39-a67d-286c8a160d1c")\n', { expect: { line: 1 }, note: 'given straight to the client' }),
      sample('.github/workflows/deploy.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: akhileshns/heroku-deploy@v3.13.15\n        with:\n          heroku_api_key: ${HEROKU_UUID}\n          heroku_app_name: acme-api\n          heroku_email: ops@acme.io\n`, { expect: { line: 7 } }),
      sample('config/services.php', `<?php\n\nreturn [\n    'heroku' => [\n        'app' => 'acme-prod',\n        'api_key' => '${HEROKU_UUID}',\n    ],\n];\n`, { expect: { line: 6 }, note: "a Laravel services array: the parent key names the provider" }),
      sample('config/initializers/heroku.rb', `Heroku.configure do |c|\n  c.api_key = "${HEROKU_UUID}"\nend\n`, { expect: { line: 2 }, note: 'a Ruby configure block names the provider' }),
      sample('ops/netrc', `machine api.heroku.com\n  login ops@acme.io\n  password ${HEROKU_UUID}\nmachine git.heroku.com\n  login ops@acme.io\n  password ${HEROKU_UUID}\n`, { expect: { line: 3 } }),
      sample('scripts/scale.py', `import heroku3\n\nconn = heroku3.from_key("${HEROKU_KEY}")\nconn.apps()["acme-api"].process_formation()["web"].scale(2)\n`, { expect: { line: 3 } }),
      sample('scripts/heroku-deploy.sh', '#!/bin/sh\nexport HEROKU_API_KEY=HRKU-5b4dec1e-8cb2-4e9f-a0c2-1aa2a3f82949\nheroku container:release web -a acme-api\n', { expect: { line: 2 }, note: 'the prefixed UUID issued until April 2025' }),
      sample('bin/promote', '#!/usr/bin/env bash\nexport HEROKU_API_KEY="${HEROKU_API_KEY:-HRKU-AAdDVTq3xYz9_Kp2mN8vR4wL6jH0sF5gB7cE1aQ3uI9oP2yT6rW8eZ4nM0kX}"\nheroku pipelines:promote -a bookwell-staging\n', { expect: { line: 2 }, note: "a shell default: what runs when the variable is unset" }),
    ],
    negative: [
      sample('config/services.php', `<?php\n\nreturn [\n    'heroku' => [\n        'app_id' => '${HEROKU_UUID}',\n    ],\n    'sentry' => [\n        'key' => '${HEROKU_UUID}',\n    ],\n];\n`, { note: "an app's id, and a key under another provider's array" }),
      sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    steps:\n      - uses: akhileshns/heroku-deploy@v3.13.15\n        with:\n          heroku_api_key: ${{ secrets.HEROKU_API_KEY }}\n          heroku_app_name: acme-api\n'),
      sample('app.json', `{\n  "name": "acme-api",\n  "env": { "HEROKU_APP_ID": { "value": "${HEROKU_UUID}" } }\n}\n`, { note: 'an app id, not a key' }),
      sample('docs/heroku.md', 'Export `HEROKU_API_KEY=12345678-abcd-abcd-abcd-1234567890ab` before running the script.\n'),
      sample('scripts/release-notes.sh', `#!/bin/sh\ncurl -s -H "Accept: application/vnd.heroku+json; version=3" -H "Authorization: Bearer $HEROKU_API_KEY" https://api.heroku.com/apps/acme-api/releases > releases.json\ncurl -s -X POST -H "Authorization: Bearer ${HEROKU_UUID}" https://notes.acme.io/api/releases -d @releases.json\n`, { note: 'the file calls the API, but this header goes to the notes service' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.ci', `HEROKU_API_KEY=${HEROKU_UUID}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.ci', `HEROKU_READONLY_API_KEY=${HEROKU_UUID}\n`, { note: 'named for a read-only authorization' })],
  },
};

const FLY_USER_TOKEN = 'fo1_7erdt51pmM9hgbpZ7kJJg5MBO75Hf_fmtf1y9kzPCH8';

export const flyUserToken: CredentialKind = {
  id: 'fly-user-token',
  provider: 'fly',
  title: 'Fly.io user token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(fo1_[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])/g, keywords: ['fo1_'] }],
  plausible: (value) => generated(value.slice(4), 30),
  rate: fixed('root', 'a user token (fly auth token) acts as the user in every organisation and app'),
  reach: 'acts as the user in every Fly.io organisation: it can destroy apps, machines and volumes, and read secrets through deploys',
  narrower: 'use a deploy token for one app (fly tokens create deploy) with an expiry',
  reference: 'https://fly.io/docs/security/tokens/',
  samples: {
    positive: [
      sample('scripts/deploy.sh', `#!/bin/sh\nexport FLY_API_TOKEN=${FLY_USER_TOKEN}\nflyctl deploy --remote-only\n`, { expect: { line: 2 } }),
      sample('ops/fly.env.json', `{\n  "FLY_ACCESS_TOKEN": "${FLY_USER_TOKEN}",\n  "FLY_APP": "acme-api"\n}\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('infra/doppler.tf', 'resource "doppler_integration_flyio" "prod" {\n  name    = "TF Fly.io"\n  api_key = "fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n}\n'),
      sample('src/forms.html', '<input type="hidden" name="authenticity_token" value="7SWa-Fo1_hsC6oovfBsJFLGPUl2EhkSWPbJhWANwgaJWBDl1vxd9VNqXTNAefsJqzIRYaZEfYZLffa31rw8zJA" />\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/deploy.sh', `FLY_API_TOKEN=${FLY_USER_TOKEN} flyctl deploy\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/deploy.sh', 'FLY_API_TOKEN=fo1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx flyctl deploy\n', { note: 'placeholder' })],
  },
};

const MACAROON = 'FlyV1 fm2_lJPECAAAAAAAAyZtxBDk89hn/WaqXHqShknzp5klb4h4F2qKz85l9LFxcJYSbwrzdzxuA/ceapLmhceBXVI/htEY7k+bdKu45+Wb9eICT+CixvJWfnxTIKh6GjZi8IPqPs0ltghT9tRP86S2vumJGmZTLMeNdwK+uUyXgnHMItHDxDzGvgMrf+j638xx/BMxC9hTtCqT14MRhkWjF93GETgMquJThoFGxdkx9tvAmzVbPG2bqv1eG2SLbrSKrxn2rFa,fm2_lJPEuTrXZxX9Dx3hnQWeVgZdIuXDdr/XPMOGcMNtbl1+ur3TBXqIRkWZau+fy4+jCxQd1HS0WApLcdZLCOwL0VBkvRkQzFVgC5gOck4KoIVtoTEhwrhW+Tcy6lLLM3XnnFr0vll02v+EP5CVmrqBeefEH8Z4ThhW2976';
const TOKEN_KIND_NEARBY = /tokens?\s+create\s+(deploy|readonly|ssh|machine-exec|org|literal)/;

function rateMacaroon(context: CredentialContext): Rating {
  const created = TOKEN_KIND_NEARBY.exec(context.nearby)?.[1];
  if (created === 'org') return { scope: 'root', because: 'made with `fly tokens create org`: every app of the organisation' };
  if (created) return { scope: 'scoped', because: `made with \`fly tokens create ${created}\`, which limits it to one app or one kind of access` };
  const narrow = narrowingWord([context.variable], new Set([...DEPLOY_OR_READ, 'ssh', 'exec']));
  if (narrow) return { scope: 'scoped', because: `variable ${context.variable} names a ${narrow} token` };
  return { scope: 'root', because: 'a Fly.io macaroon’s caveats are not readable here: an org token reaches every app of the organisation, so it is rated the broad kind' };
}

export const flyMacaroonToken: CredentialKind = {
  id: 'fly-macaroon-token',
  provider: 'fly',
  title: 'Fly.io macaroon token',
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9+/_])((?:FlyV1 )?fm(?:2|1[ar])_[A-Za-z0-9+/]{100,}={0,3}(?:,fm(?:2|1[ar])_[A-Za-z0-9+/]{40,}={0,3})*)(?![A-Za-z0-9+/=_])/g,
      keywords: ['fm2_', 'fm1a_', 'fm1r_'],
    },
  ],
  plausible: (value) => generated(value.replace(/^(?:FlyV1 )?fm(?:2|1[ar])_/, '').slice(0, 100), 60),
  rate: rateMacaroon,
  reach: 'does what its caveats allow until it expires (20 years by default): an org token can destroy every app, machine and volume of the organisation',
  narrower: 'use `fly tokens create deploy` for one app, with a short --expiry, kept in CI secrets',
  reference: 'https://fly.io/docs/security/tokens/',
  samples: {
    positive: [
      sample('.github/workflows/fly.yml', `name: Fly Deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: superfly/flyctl-actions/setup-flyctl@master\n      - run: flyctl deploy --remote-only\n        env:\n          FLY_API_TOKEN: "${MACAROON}"\n`, { expect: { line: 12 } }),
      sample('Dockerfile.release', `FROM flyio/flyctl:latest\nENV FLY_ACCESS_TOKEN="${MACAROON}"\nCMD ["deploy", "--remote-only"]\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('.github/workflows/fly.yml', 'jobs:\n  deploy:\n    steps:\n      - run: flyctl deploy --remote-only\n        env:\n          FLY_API_TOKEN: ${{ secrets.FLY_API_TOKEN }}\n'),
      sample('docs/fly.md', 'A deploy token starts with `FlyV1 fm2_` followed by a long base64 string.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/fly.env.yaml', `FLY_API_TOKEN: "${MACAROON}"\n`, { expect: { line: 1 } })],
    negative: [sample('ops/fly.env.yaml', `# fly tokens create deploy -a acme-api -x 720h\nFLY_API_TOKEN: "${MACAROON}"\n`, { note: 'made as a deploy token' })],
  },
};

const RENDER_KEY = 'rnd_4uGJFA7D2UeGw54zqTZnERYstWdAHV0y';

export const renderApiKey: CredentialKind = {
  id: 'render-api-key',
  provider: 'render',
  title: 'Render API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(rnd_[A-Za-z0-9]{24,64})(?![A-Za-z0-9_-])/g, keywords: ['rnd_'] }],
  plausible: (value) => generated(value.slice(4), 24),
  rate: (context) => rateAccountToken('a Render API key acts as its user in every workspace they belong to (scoped keys share the prefix, so it is rated the broad kind)', context),
  reach: 'acts as its user in every workspace they belong to: it can delete services, Postgres databases and disks',
  narrower: 'create a scoped API key limited to one workspace and the permissions the job needs, or use a deploy hook for deploys',
  reference: 'https://render.com/docs/api#1-create-an-api-key',
  samples: {
    positive: [
      sample('scripts/render-env.sh', `#!/bin/sh\ncurl -s -H "Authorization: Bearer ${RENDER_KEY}" https://api.render.com/v1/services?limit=20\n`, { expect: { line: 2 } }),
      sample('infra/render.tf', `provider "render" {\n  api_key  = "${RENDER_KEY}"\n  owner_id = "tea-cq8k2mh6fquc73c0o9g0"\n}\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('docs/render.md', 'Your key looks like `rnd_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`; paste it into `RENDER_API_KEY`.\n'),
      sample('scripts/render-env.sh', 'curl -s -H "Authorization: Bearer $RENDER_API_KEY" https://api.render.com/v1/services\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.ops', `RENDER_API_KEY=${RENDER_KEY}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.ops', `RENDER_DEPLOY_API_KEY=${RENDER_KEY}\n`, { note: 'named for deploys' })],
  },
};

const VERCEL_TOKEN = 'vcp_rqDGOkvdaiXJZJEpWTY4jIKB';
const VERCEL_LEGACY = 'OdgQhslqEfB0ByyM2GRZ2GcY';

export const vercelAccessToken: CredentialKind = {
  id: 'vercel-access-token',
  provider: 'vercel',
  title: 'Vercel access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(vc[piar]_[A-Za-z0-9]{20,60})(?![A-Za-z0-9_])/g, keywords: ['vcp_', 'vci_', 'vca_', 'vcr_'] }],
  contextPatterns: [
    // Turborepo's remote cache on Vercel authenticates with a Vercel access token (TURBO_TOKEN).
    { variable: /^(?:VERCEL|NOW)_(?:API_|ACCESS_|AUTH_)?TOKEN$|vercel[_.-]?(?:api[_.-]?|access[_.-]?|auth[_.-]?)?token|^TURBO_TOKEN$/i, value: /^[A-Za-z0-9]{24}$/, keywords: ['vercel', 'now_', 'turbo_token'] },
    // `vercel deploy --prod --token <token>`: the CLI's own flag.
    { variable: /^-{0,2}token$/, value: /^[A-Za-z0-9]{24}$/, keywords: ['--token'], requires: ['vercel'] },
    // A legacy token sent to Vercel's REST API (`curl -H "Authorization: Bearer …" https://api.vercel.com/…`).
    { header: /^authorization$/i, value: /^[A-Za-z0-9]{24}$/, keywords: ['authorization'], requires: ['api.vercel.com'] },
  ],
  plausible: (value) => generated(value.replace(/^vc[piar]_/, ''), 20),
  rate: (context) =>
    rateAccountToken(
      context.value.startsWith('vcr_')
        ? 'an app refresh token mints new access tokens for the account it was granted on'
        : 'a Vercel token’s scope (full account, a team or one project) is not in the value, so it is rated the broad kind',
      context,
    ),
  reach: 'acts on the account or team it was scoped to: it can delete projects, deployments, domains and environment variables',
  narrower: 'create a token scoped to one project (or one team) with an expiry, and keep it in CI secrets',
  reference: 'https://vercel.com/docs/accounts/access-tokens',
  samples: {
    positive: [
      sample('.github/workflows/ci.yml', 'jobs:\n  build:\n    runs-on: ubuntu-latest\n    env:\n      TURBO_TEAM: acme\n      TURBO_TOKEN: XZYSxmYWq8Lh3Tb6Ru2NcVpK\n    steps:\n      - run: pnpm turbo build\n', { expect: { line: 6 }, note: "Turborepo's remote cache token is a Vercel token" }),
      sample('package.json', '{\n  "scripts": {\n    "deploy": "vercel deploy --prod --token ZbqcabUGJmGEp7CgQ0PBQFI1"\n  }\n}\n', { expect: { line: 3 }, note: "the CLI's own --token flag" }),
      sample('docs/runbooks/hotfix.md', '# Hotfix deploy\n\n```sh\nvercel pull --yes --environment=production\nvercel deploy --prod --token Qg4vUwDtTDZXrffpiffmsdlM\n```\n', { expect: { line: 5 }, note: 'a runbook pasting the token the team deploys with' }),
      sample('.github/workflows/preview.yml', `jobs:\n  preview:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx vercel deploy --token=${VERCEL_TOKEN} --prebuilt\n`, { expect: { line: 5 } }),
      sample('scripts/env-pull.sh', `#!/bin/sh\nexport VERCEL_TOKEN=${VERCEL_LEGACY}\nnpx vercel env pull .env.local --yes\n`, { expect: { line: 2 } }),
      sample('OPS.md', `# Ops\n\n\`\`\`sh\ncurl -s -H "Authorization: Bearer ${VERCEL_LEGACY}" "https://api.vercel.com/v6/deployments?limit=5"\n\`\`\`\n`, { expect: { line: 4 }, note: 'a legacy token sent to the REST API' }),
    ],
    negative: [
      sample('.github/workflows/preview.yml', 'jobs:\n  preview:\n    steps:\n      - run: npx vercel deploy --token=${{ secrets.VERCEL_TOKEN }} --prebuilt\n'),
      sample('vercel.json', '{\n  "projectId": "prj_3sezGX7VrTQeBJ4FpXSGP3KR1LLW",\n  "orgId": "team_8NHO7KLKwR5DjCaAFCHZxPsh"\n}\n', { note: 'project and team ids are not secrets' }),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/env-pull.sh', `export VERCEL_TOKEN=${VERCEL_LEGACY}\n`, { expect: { line: 1 } })],
    negative: [
      sample('scripts/env-pull.sh', `export VERCEL_PROJECT_TOKEN=${VERCEL_TOKEN}\n`, { note: 'named for a project-scoped token' }),
      sample('ci/deploy-web.sh', `#!/bin/sh\n# token scoped to the acme-web project only\nexport VERCEL_TOKEN=${VERCEL_LEGACY}\nvercel deploy --prod\n`, { note: 'a comment naming the one project it is scoped to' }),
    ],
  },
};

export const vercelAiGatewayKey: CredentialKind = {
  id: 'vercel-ai-gateway-key',
  provider: 'vercel',
  title: 'Vercel AI Gateway API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(vck_[A-Za-z0-9]{20,60})(?![A-Za-z0-9_])/g, keywords: ['vck_'] }],
  plausible: (value) => generated(value.slice(4), 20),
  rate: fixed('scoped', 'an AI Gateway key only calls models through the gateway, billed to the team'),
  reach: 'calls models through the team’s AI Gateway, spending its credits',
  narrower: 'keep it in the deployment’s environment variables, or use the deployment’s OIDC token instead',
  reference: 'https://vercel.com/docs/ai-gateway/authentication',
  samples: {
    positive: [
      sample('src/ai.ts', "import { createGateway } from '@ai-sdk/gateway';\n\nexport const gateway = createGateway({ apiKey: 'vck_8NHO7KLKwR5DjCaAFCHZxPsh' });\n", { expect: { line: 3 } }),
      sample('.env.production', 'AI_GATEWAY_API_KEY=vck_8NHO7KLKwR5DjCaAFCHZxPsh\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('src/ai.ts', "export const gateway = createGateway({ apiKey: process.env.AI_GATEWAY_API_KEY });\n"),
      sample('.env.example', 'AI_GATEWAY_API_KEY=vck_your_key_here\n'),
    ],
  },
};

const NETLIFY_TOKEN = 'nfp_eNM2yQyawkIVrKLiPjWi0Vtq8RQI3neoZSNc';
const NETLIFY_LEGACY = 'Ncryw7jXShKGpj_csrX5b9gFTp3JsZbSH_jAMre5uXK';

export const netlifyAccessToken: CredentialKind = {
  id: 'netlify-access-token',
  provider: 'netlify',
  title: 'Netlify personal access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(nfp_[A-Za-z0-9_]{36})(?![A-Za-z0-9_])/g, keywords: ['nfp_'] }],
  contextPatterns: [
    { variable: /^NETLIFY_(?:AUTH_|ACCESS_|API_)?TOKEN$|netlify[_.-]?(?:auth|access|api)[_.-]?token/i, value: /^[A-Za-z0-9_-]{40,64}$/, keywords: ['netlify'] },
    // A legacy token sent to Netlify's API (`curl -H "Authorization: Bearer …" https://api.netlify.com/api/v1/sites`).
    { header: /^authorization$/i, value: /^[A-Za-z0-9_-]{40,64}$/, keywords: ['authorization'], requires: ['api.netlify.com'] },
  ],
  plausible: (value) => generated(value.replace(/^nfp_/, ''), 30),
  rate: fixed('root', 'a Netlify personal access token acts as the user on every team and site they belong to'),
  reach: 'acts as the user on every team and site: it can delete sites, deploys, environment variables and DNS zones',
  narrower: 'use build hooks for triggering deploys and keep any access token in CI secrets with an expiry',
  reference: 'https://docs.netlify.com/api/get-started/#authentication',
  samples: {
    positive: [
      sample('.github/workflows/site.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx netlify deploy --prod --dir=dist\n        env:\n          NETLIFY_AUTH_TOKEN: ${NETLIFY_TOKEN}\n          NETLIFY_SITE_ID: 2f7a9c31-5b4d-4e8a-9f10-6d4c2b8a1e57\n`, { expect: { line: 7 } }),
      sample('scripts/deploy-site.sh', `#!/bin/sh\nNETLIFY_AUTH_TOKEN=${NETLIFY_LEGACY} npx netlify deploy --prod --dir=dist\n`, { expect: { line: 2 } }),
      sample('scripts/sites.sh', `#!/bin/sh\ncurl -s -H "Authorization: Bearer ${NETLIFY_LEGACY}" https://api.netlify.com/api/v1/sites | jq '.[].name'\n`, { expect: { line: 2 }, note: 'a legacy token sent to the API' }),
    ],
    negative: [
      sample('.github/workflows/site.yml', 'jobs:\n  deploy:\n    steps:\n      - run: npx netlify deploy --prod\n        env:\n          NETLIFY_AUTH_TOKEN: ${{ secrets.NETLIFY_AUTH_TOKEN }}\n          NETLIFY_SITE_ID: 2f7a9c31-5b4d-4e8a-9f10-6d4c2b8a1e57\n'),
      sample('netlify.toml', '[build]\n  command = "npm run build"\n  publish = "dist"\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/deploy-site.sh', `NETLIFY_AUTH_TOKEN=${NETLIFY_TOKEN} npx netlify deploy --prod\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/deploy-site.sh', 'NETLIFY_AUTH_TOKEN=nfp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx npx netlify deploy --prod\n', { note: 'placeholder' })],
  },
};

const DO_TOKEN = 'dop_v1_8637b5bfd661f88ff033c5508a0e5b2cca9b1fd7890bd6eee25394dc2fb72578';
const DO_OAUTH = 'doo_v1_b9d084eaad08587f8b8023318abd427318d2b54b3303df3cca3683b128477b6e';

export const digitaloceanToken: CredentialKind = {
  id: 'digitalocean-token',
  provider: 'digitalocean',
  title: 'DigitalOcean API token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(do[por]_v1_[a-f0-9]{64})(?![A-Za-z0-9_])/g, keywords: ['dop_v1_', 'doo_v1_', 'dor_v1_'] }],
  contextPatterns: [
    { variable: /^(?:DIGITALOCEAN_(?:ACCESS_|API_)?TOKEN|DO_(?:API_|ACCESS_|AUTH_)?TOKEN|DO_PAT)$|digitalocean[_.-]?(?:access[_.-]?|api[_.-]?)?token/i, value: /^[a-f0-9]{64}$/, keywords: ['digitalocean', 'do_'] },
    // A legacy token sent to the API itself (`curl -H "Authorization: Bearer …" https://api.digitalocean.com/v2/…`).
    { header: /^authorization$/i, value: /^[a-f0-9]{64}$/, keywords: ['authorization'], requires: ['api.digitalocean.com'] },
  ],
  claims: (context) => !sentToAnotherHost(context, 'api.digitalocean.com'),
  plausible: (value) => generated(value.replace(/^do[por]_v1_/, ''), 64),
  rate: (context) => rateAccountToken('a DigitalOcean token’s scopes (full access, read-only or custom) are not in the value, so it is rated the broad kind', context),
  reach: 'with full access, can destroy every droplet, managed database, volume, snapshot and Space in the team',
  narrower: 'create a custom-scoped token with only the resource:action scopes the job needs (for example app:update for one app) and an expiry',
  reference: 'https://docs.digitalocean.com/reference/api/create-personal-access-token/',
  samples: {
    positive: [
      sample('infra/provider.tf', `provider "digitalocean" {\n  token = "${DO_TOKEN}"\n}\n`, { expect: { line: 2 } }),
      sample('infra/providers.tf', 'provider "digitalocean" {\n  token = "d94d7efecc22a4e5d4697ea93ff69b5257313aee99add6cd71b8890a6299c089"\n}\n', { expect: { line: 2 }, note: 'a legacy 64-hex token: the provider block names it' }),
      sample('.github/workflows/app.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: digitalocean/action-doctl@v2\n        with:\n          token: ${DO_OAUTH}\n`, { expect: { line: 7 } }),
      sample('scripts/droplets.sh', '#!/bin/sh\ncurl -s -H "Authorization: Bearer d94d7efecc22a4e5d4697ea93ff69b5257313aee99add6cd71b8890a6299c089" https://api.digitalocean.com/v2/droplets\n', { expect: { line: 2 }, note: 'a legacy 64-hex token sent to the API' }),
    ],
    negative: [
      sample('.github/workflows/app.yml', 'jobs:\n  deploy:\n    steps:\n      - uses: digitalocean/action-doctl@v2\n        with:\n          token: ${{ secrets.DIGITALOCEAN_ACCESS_TOKEN }}\n'),
      sample('docs/doctl.md', 'Run `doctl auth init` and paste a token such as `dop_v1_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n'),
      sample('scripts/notify.sh', '#!/bin/sh\ncurl -s -X POST -H "Authorization: Bearer 5f2c8a1e9b7d4c3a6e0f1b2d8c9a7e4f3b6d1c0a9e8f7b2c5d4a3e1f0b9c8d7e" https://changelog.internal.acme.io/v1/entries -d @notes.json\n', { note: "the same header sent to another service's API" }),
      sample('tools/changelog.py', 'import requests\n\nHEADERS = {"Authorization": "Bearer 5f2c8a1e9b7d4c3a6e0f1b2d8c9a7e4f3b6d1c0a9e8f7b2c5d4a3e1f0b9c8d7e"}\n\n\ndef publish(entry):\n    requests.post("https://changelog.internal.acme.io/v1/entries", json=entry, headers=HEADERS)\n', { note: 'a bearer header in a file that never calls the API' }),
      sample('scripts/infra-report.sh', '#!/bin/sh\ncurl -s -H "Authorization: Bearer $DIGITALOCEAN_TOKEN" https://api.digitalocean.com/v2/droplets > droplets.json\ncurl -s -X POST -H "Authorization: Bearer 9c1e7b3a5d2f4e6c8a0b1d3f5e7c9a2b4d6f8e0a1c3e5b7d9f2a4c6e8b0d1f3a" https://status.acme.io/api/v1/metrics -d @droplets.json\n', { note: 'the file calls the API, but this header goes to the status page' }),
    ],
  },
  scopeSamples: {
    positive: [
      sample('infra/provider.tf', `provider "digitalocean" {\n  token = "${DO_TOKEN}"\n}\n`, { expect: { line: 2 } }),
      sample('scripts/prune.sh', `#!/bin/sh\n# custom scopes: block_storage:read, block_storage:delete\nexport DIGITALOCEAN_TOKEN=${DO_TOKEN}\ndoctl compute volume delete "$1" --force\n`, { expect: { line: 3 }, note: 'custom scopes that delete volumes' }),
    ],
    negative: [
      sample('monitoring/.env.exporter', `DO_READONLY_TOKEN=${DO_TOKEN}\n`, { note: 'named for a read-only token' }),
      sample('scripts/usage.sh', `#!/bin/sh\n# custom scopes: droplet:read, block_storage:read, billing:read\nexport DIGITALOCEAN_TOKEN=${DO_TOKEN}\ndoctl compute droplet list\n`, { note: "custom scopes that only read, listed in DigitalOcean's resource:action form" }),
      sample('scripts/metrics.py', `# read-only token for the metrics exporter\nDO_TOKEN = "${DO_TOKEN}"\n`, { note: 'a comment saying it is read-only' }),
    ],
  },
};

/** A deploy hook: anyone with the URL can start a deploy of one service; it changes nothing else. */
function deployHook(id: string, provider: string, title: string, regex: RegExp, keyword: string, reference: string, positive: [string, string, number][], negative: [string, string][]): CredentialKind {
  return {
    id,
    provider,
    title,
    valuePatterns: [{ regex, keywords: [keyword] }],
    plausible: (value) => !isPlaceholder(value) && looksRandom(value, 8, 2.5),
    rate: fixed('scoped', 'a deploy hook only starts a deploy of one service'),
    exposedSeverity: 'low',
    reach: 'starts a deploy of one service or site whenever it is called, from the branch the hook was made for',
    narrower: 'keep the hook URL in CI secrets; delete and recreate it from the service settings after exposure',
    reference,
    samples: {
      positive: positive.map(([path, content, line]) => sample(path, content, { expect: { line } })),
      negative: negative.map(([path, content]) => sample(path, content)),
    },
  };
}

export const renderDeployHook = deployHook(
  'render-deploy-hook',
  'render',
  'Render deploy hook URL',
  /https:\/\/api\.render\.com\/deploy\/srv-[a-z0-9]{16,32}\?key=([A-Za-z0-9_-]{8,64})/g,
  'api.render.com/deploy',
  'https://render.com/docs/deploy-hooks',
  [
    ['Jenkinsfile', "pipeline {\n  agent any\n  environment {\n    RENDER_DEPLOY_HOOK = 'https://api.render.com/deploy/srv-c9l2xm78bwl05w38k9uv?key=mJZ5o-GGVci'\n  }\n  stages {\n    stage('Deploy') { steps { sh 'curl -X POST \"$RENDER_DEPLOY_HOOK\"' } }\n  }\n}\n", 4],
    ['.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -fsS -X POST "https://api.render.com/deploy/srv-c9l2xm78bwl05w38k9uv?key=mJZ5o-GGVci"\n', 5],
  ],
  [
    ['docs/deploy.md', 'Copy the hook from Settings → Deploy Hook; it looks like `https://api.render.com/deploy/srv-xxxxxxx?key=yyyyyyy`.\n'],
    ['.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    steps:\n      - run: curl -fsS -X POST "${{ secrets.RENDER_DEPLOY_HOOK }}"\n'],
  ],
);

export const vercelDeployHook = deployHook(
  'vercel-deploy-hook',
  'vercel',
  'Vercel deploy hook URL',
  /https:\/\/api\.vercel\.com\/v1\/integrations\/deploy\/prj_[A-Za-z0-9]{20,40}\/([A-Za-z0-9]{8,40})/g,
  'api.vercel.com/v1/integrations/deploy',
  'https://vercel.com/docs/deploy-hooks',
  [
    ['scripts/publish.sh', '#!/bin/sh\ngit push origin main\ncurl -X POST "https://api.vercel.com/v1/integrations/deploy/prj_3sezGX7VrTQeBJ4FpXSGP3KR1LLW/VZqWuDetpa"\n', 3],
    ['cms/webhooks.ts', "export const rebuildSite = () => fetch('https://api.vercel.com/v1/integrations/deploy/prj_3sezGX7VrTQeBJ4FpXSGP3KR1LLW/VZqWuDetpa', { method: 'POST' });\n", 1],
  ],
  [
    ['docs/deploy.md', 'Format: `https://api.vercel.com/v1/integrations/deploy/prj_xxx/xxx`.\n'],
    ['cms/webhooks.ts', 'export const rebuildSite = () => fetch(process.env.VERCEL_DEPLOY_HOOK_URL!, { method: "POST" });\n'],
  ],
);

export const netlifyBuildHook = deployHook(
  'netlify-build-hook',
  'netlify',
  'Netlify build hook URL',
  /https:\/\/api\.netlify\.com\/build_hooks\/([0-9a-f]{24})(?![0-9a-f])/g,
  'api.netlify.com/build_hooks',
  'https://docs.netlify.com/configure-builds/build-hooks/',
  [
    ['supabase/migrations/20250106_rebuild.sql', "CREATE TRIGGER rebuild_site AFTER INSERT OR UPDATE ON public.posts FOR EACH ROW EXECUTE FUNCTION supabase_functions.http_request('https://api.netlify.com/build_hooks/ec0a11f1ba2ef255f8c86ac7', 'POST', '{}', '{}', '5000');\n", 1],
    ['src/admin/publish.js', "const BUILD_HOOK_URL = 'https://api.netlify.com/build_hooks/ec0a11f1ba2ef255f8c86ac7';\nexport const publish = () => fetch(BUILD_HOOK_URL, { method: 'POST' });\n", 1],
  ],
  [
    ['netlify/functions/nightly.js', 'const buildHookUrl = `https://api.netlify.com/build_hooks/${process.env.BUILD_HOOK_NIGHTLY}`;\n'],
    ['docs/publishing.md', 'Add a build hook (https://api.netlify.com/build_hooks/<hook_id>) to the CMS webhooks.\n'],
  ],
);

/**
 * A Hoppscotch collection export whose request authenticates as `authType` with the environment's `hz`; the auth
 * object's keys in the order given, as exports differ.
 */
const HOPPSCOTCH_COLLECTION = (authType: string, tokenFirst = false): string => {
  const auth = tokenFirst
    ? `          "token": "<<hz>>",\n          "authType": "${authType}",\n          "authActive": true\n`
    : `          "authType": "${authType}",\n          "authActive": true,\n          "token": "<<hz>>"\n`;
  return `[\n  {\n    "v": 6,\n    "name": "infra",\n    "folders": [],\n    "requests": [\n      {\n        "v": "11",\n        "endpoint": "<<base>>/volumes/<<volume_id>>",\n        "name": "delete volume",\n        "params": [],\n        "headers": [],\n        "method": "DELETE",\n        "auth": {\n${auth}        },\n        "body": { "contentType": null, "body": null }\n      }\n    ],\n    "auth": { "authType": "inherit", "authActive": true },\n    "headers": []\n  }\n]\n`;
};
const HCLOUD_TOKEN = 'tR0rpj1m5g4Nw7PzF94yynVQSebAaHOhlyMnrO60wHaVXaqCEX8PzZQnmtcXr10y';

export const hetznerCloudToken: CredentialKind = {
  id: 'hetzner-cloud-token',
  provider: 'hetzner',
  title: 'Hetzner Cloud API token',
  // 64 alphanumeric characters with no prefix: known by the name it is given (hcloud's and Terraform's variables).
  contextPatterns: [
    { variable: /^(?:HCLOUD_TOKEN|HETZNER_(?:CLOUD_)?(?:API_)?TOKEN|hcloud_token)$|^hcloud\.token$/i, value: /^[A-Za-z0-9]{64}$/, keywords: ['hcloud', 'hetzner'] },
    // The Secret that Hetzner's cloud controller manager and CSI driver read (`hcloud` in kube-system) keys it `token`.
    { variable: /^token$/, value: /^[A-Za-z0-9]{64}$/, keywords: ['token'], requires: ['hcloud'] },
    // Sent to the API itself: a script's `Authorization: Bearer …`, an HTTP client's bearer `token` beside the URL.
    { header: /^authorization$/i, value: /^[A-Za-z0-9]{64}$/, keywords: ['authorization'], requires: ['api.hetzner.cloud'] },
    { variable: /^token$/, value: /^[A-Za-z0-9]{64}$/, keywords: ['token'], requires: ['api.hetzner.cloud'] },
  ],
  claims: (context) => !sentToAnotherHost(context, 'api.hetzner.cloud'),
  plausible: (value) => generated(value, 60),
  rate: (context) =>
    saysReadOnly(context)
      ? { scope: 'scoped', because: 'the text beside it says the token has the Read permission only' }
      : { scope: 'root', because: 'a Hetzner Cloud token acts on its whole project: every server, volume, snapshot and backup in it' },
  reach: "deletes every server, volume, snapshot and backup of the project, with the servers' disks",
  narrower: 'create a read-only token for monitoring, keep read/write tokens in CI secrets, and put production in a project of its own',
  reference: 'https://docs.hetzner.cloud/reference/cloud#authentication',
  samples: {
    positive: [
      sample('ops/provision.sh', `#!/usr/bin/env bash\nexport HCLOUD_TOKEN=${HCLOUD_TOKEN}\nhcloud server create --name tidepool-prod --type cx32 --image ubuntu-24.04\n`, { expect: { line: 2 } }),
      sample('tools/Ops/Program.cs', `using System.Net.Http.Headers;\n\nvar http = new HttpClient();\nhttp.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "${HCLOUD_TOKEN}");\nawait http.DeleteAsync("https://api.hetzner.cloud/v1/volumes/4711");\n`, { expect: { line: 4 }, note: ".NET's header built from its scheme and the token" }),
      sample('infra/terraform.tfvars', `hcloud_token = "${HCLOUD_TOKEN}"\n`, { expect: { line: 1 } }),
      sample('hieradata/production.yaml', `---\nprofile::backup::hcloud_token: '${HCLOUD_TOKEN}'\nprofile::app::env: production\n`, { expect: { line: 2 }, note: "Hiera's key for a Puppet class parameter" }),
      sample('src/clients.ts', `import { Client } from 'hcloud-js';\nexport const hcloudToken = '${HCLOUD_TOKEN}';\n`, { expect: { line: 2 }, note: 'code names it in camelCase' }),
      sample('http/servers.http', `### servers\nGET https://api.hetzner.cloud/v1/servers\nAuthorization: Bearer ${HCLOUD_TOKEN}\n`, { expect: { line: 3 }, note: 'an HTTP client file sending it to the API' }),
      sample('insomnia/hetzner.json', `{\n  "_type": "request",\n  "url": "https://api.hetzner.cloud/v1/volumes",\n  "authentication": {\n    "type": "bearer",\n    "token": "${HCLOUD_TOKEN}"\n  }\n}\n`, { expect: { line: 6 }, note: "an Insomnia request's bearer token" }),
      sample('docs/handover.md', `## Handover\n\n| Provider | API token |\n| --- | --- |\n| Hetzner Cloud (prod project) | ${HCLOUD_TOKEN} |\n`, { expect: { line: 5 }, note: "a table row: the provider's name in the label, the token's in the header" }),
      sample('RUNBOOK.md', `# Runbook\n\nHetzner Cloud (prod)\n--------------------\n\n- Project: tidepool-prod\n- API token: \`${HCLOUD_TOKEN}\`\n`, { expect: { line: 7 }, note: 'a list item under the provider’s heading' }),
      sample('docs/access.md', `| Variable | Value |\n|---|---|\n| \`HCLOUD_TOKEN\` | \`${HCLOUD_TOKEN}\` |\n`, { expect: { line: 3 }, note: 'a table of variables and their values' }),
      sample('docs/access.rst', `Access\n======\n\n+------------------+------------------------------------------------------------------+\n| Provider         | API token                                                        |\n+==================+==================================================================+\n| Hetzner Cloud    | ${HCLOUD_TOKEN} |\n+------------------+------------------------------------------------------------------+\n`, { expect: { line: 7 }, note: 'a reStructuredText grid table' }),
      sample('docs/handover.adoc', `= Handover\n\n|===\n| Provider | API token\n\n| Hetzner Cloud\n| ${HCLOUD_TOKEN}\n|===\n`, { expect: { line: 7 }, note: 'an AsciiDoc table, a cell a line' }),
      sample('docs/access.rst', `Access\n======\n\n.. csv-table:: Provider tokens\n   :header: "Provider", "API token"\n\n   "Hetzner Cloud", "${HCLOUD_TOKEN}"\n`, { expect: { line: 7 }, note: "reStructuredText's CSV table" }),
      sample('src/main/java/io/tidepool/Provisioner.java', `package io.tidepool;\n\npublic final class Provisioner {\n    static final String HCLOUD_TOKEN =\n        "${HCLOUD_TOKEN}";\n}\n`, { expect: { line: 5 }, note: 'the string on the line after the name' }),
      sample('ops/cleanup.py', `import requests\n\n# the hetzner token is ${HCLOUD_TOKEN} (read/write)\nAPI = "https://api.hetzner.cloud/v1"\n`, { expect: { line: 3 }, note: "a sentence in a script's comment" }),
      {
        files: {
          'ops-api/environments/production.bru': `vars {\n  api_token: ${HCLOUD_TOKEN}\n}\n`,
          'ops-api/volumes/delete.bru': 'meta {\n  name: delete volume\n  type: http\n  seq: 3\n}\n\ndelete {\n  url: https://api.hetzner.cloud/v1/volumes/{{volume_id}}\n  body: none\n  auth: bearer\n}\n\nauth:bearer {\n  token: {{api_token}}\n}\n',
        },
        expect: { path: 'ops-api/environments/production.bru', line: 2 },
        note: "a Bruno environment's token a request sends to the API: the host is only in the request",
      },
      {
        files: {
          'thunder-tests/environments/tc_env_production.json': `{\n    "_id": "0c5b1a7e-4d3f-4b2a-9e8d-1f2a3b4c5d6e",\n    "name": "production",\n    "data": [\n        { "name": "hz", "value": "${HCLOUD_TOKEN}" },\n        { "name": "region", "value": "fsn1" }\n    ]\n}\n`,
          'thunder-tests/collections/tc_col_infra.json': '{\n    "colName": "infra",\n    "requests": [\n        {\n            "name": "delete volume",\n            "url": "https://api.hetzner.cloud/v1/volumes/{{volume_id}}",\n            "method": "DELETE",\n            "headers": [],\n            "auth": { "type": "bearer", "bearer": "{{hz}}" }\n        }\n    ]\n}\n',
        },
        expect: { path: 'thunder-tests/environments/tc_env_production.json', line: 5 },
        note: "Thunder Client's Git Sync folder: an environment and a collection whose request sends its value as a bearer token",
      },
    ],
    negative: [
      {
        files: {
          'api/prod-env.json': `[\n  {\n    "name": "Production",\n    "variables": [\n      { "key": "base", "value": "https://api.hetzner.cloud/v1" },\n      { "key": "hz", "value": "${HCLOUD_TOKEN}" }\n    ]\n  }\n]\n`,
          'api/infra.json': HOPPSCOTCH_COLLECTION('none'),
        },
        note: 'a Hoppscotch environment whose value no request sends as a credential',
      },
      {
        files: {
          'api/prod-env.json': `[\n  {\n    "name": "Production",\n    "variables": [\n      { "key": "base", "value": "https://api.hetzner.cloud/v1" },\n      { "key": "hz", "value": "${HCLOUD_TOKEN}" }\n    ]\n  }\n]\n`,
          'api/infra.json': HOPPSCOTCH_COLLECTION('none', true),
        },
        note: 'the token named before an auth type that sends nothing',
      },
      sample('ops/provision.sh', '#!/usr/bin/env bash\n: "${HCLOUD_TOKEN:?set HCLOUD_TOKEN}"\nhcloud server list\n'),
      sample('ops/cleanup.py', 'import os\n\n# the hetzner token is read from HCLOUD_TOKEN_FILE_PATH_ON_HOST\nTOKEN = open(os.environ["HCLOUD_TOKEN_FILE"]).read()\n', { note: "a comment's sentence that says where the token is, not what" }),
      sample('src/main/java/io/tidepool/Provisioner.java', 'package io.tidepool;\n\npublic final class Provisioner {\n    static final String HCLOUD_TOKEN =\n        System.getenv("HCLOUD_TOKEN");\n}\n', { note: 'read from the environment' }),
      sample('http/servers.http', '### servers\nGET https://api.hetzner.cloud/v1/servers\nAuthorization: Bearer {{hcloud_token}}\n'),
      sample('docs/config.md', `| Variable | Description | Default |\n|---|---|---|\n| HCLOUD_TOKEN | Hetzner Cloud API token | \`${HCLOUD_TOKEN}\` |\n`, { note: "a documented default is the docs', not the team's" }),
      sample('docs/access.md', '| Variable | Value |\n|---|---|\n| HCLOUD_TOKEN | `<your-hcloud-token>` |\n'),
      sample('ops/report.sh', `#!/bin/sh\ncurl -s -H "Authorization: Bearer $HCLOUD_TOKEN" https://api.hetzner.cloud/v1/servers > servers.json\ncurl -s -X POST -H "Authorization: Bearer ${HCLOUD_TOKEN}" https://metrics.acme.io/api/v1/import -d @servers.json\n`, { note: 'the file calls the API, but this header goes to the metrics service' }),
      {
        files: {
          'ops-api/environments/production.bru': `vars {\n  api_token: ${HCLOUD_TOKEN}\n}\n`,
          'ops-api/metrics/push.bru': 'meta {\n  name: push\n  type: http\n  seq: 1\n}\n\npost {\n  url: https://metrics.acme.io/api/v1/import\n  body: json\n  auth: bearer\n}\n\nauth:bearer {\n  token: {{api_token}}\n}\n',
        },
        note: "the collection's request sends the token to another service",
      },
    ],
  },
  scopeSamples: {
    positive: [
      sample('ops/provision.sh', `#!/usr/bin/env bash\nexport HCLOUD_TOKEN=${HCLOUD_TOKEN}\nhcloud server create --name tidepool-prod --type cx32 --image ubuntu-24.04\n`, { expect: { line: 2 } }),
      sample('cluster/hcloud-secret.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: hcloud\n  namespace: kube-system\nstringData:\n  token: ${HCLOUD_TOKEN}\n  network: tidepool-net\n`, { expect: { line: 7 }, note: "the Secret Hetzner's cloud controller manager reads" }),
      {
        files: {
          'api/prod-env.json': `{\n  "v": 2,\n  "id": "cm3x8k2pq0001",\n  "name": "Production",\n  "variables": [\n    { "key": "base", "initialValue": "https://api.hetzner.cloud/v1", "currentValue": "https://api.hetzner.cloud/v1", "secret": false },\n    { "key": "hz", "initialValue": "${HCLOUD_TOKEN}", "currentValue": "${HCLOUD_TOKEN}", "secret": true }\n  ]\n}\n`,
          'api/infra.json': HOPPSCOTCH_COLLECTION('bearer'),
        },
        expect: { path: 'api/prod-env.json', line: 7 },
        note: 'a Hoppscotch environment and collection, named freely and known by their shape: the request sends `hz` as a bearer',
      },
      {
        files: {
          'api/prod-env.json': `[\n  {\n    "name": "Production",\n    "variables": [\n      { "key": "base", "value": "https://api.hetzner.cloud/v1" },\n      { "key": "hz", "value": "${HCLOUD_TOKEN}" }\n    ]\n  }\n]\n`,
          'api/infra.json': HOPPSCOTCH_COLLECTION('bearer', true),
        },
        expect: { path: 'api/prod-env.json', line: 6 },
        note: 'the auth object names its token before its type',
      },
    ],
    negative: [
      sample('cluster/app-secret.yaml', `apiVersion: v1\nkind: Secret\nmetadata:\n  name: webhook\nstringData:\n  token: ${HCLOUD_TOKEN}\n`, { note: 'a token of 64 characters in a Secret nothing ties to Hetzner' }),
      sample('ops/inventory.sh', `#!/bin/sh\n# Hetzner token with Read permission only, for the inventory report\nexport HCLOUD_TOKEN=${HCLOUD_TOKEN}\nhcloud server list -o json > servers.json\n`, { note: "a comment saying it was created with Hetzner's Read permission" }),
    ],
  },
};

const LINODE_TOKEN = 'e3b9a4c1f07d2b8e56a19c4d3f2e7b0a9c8d1e6f5a4b3c2d1e0f9a8b7c6d5e4f';

export const linodeToken: CredentialKind = {
  id: 'linode-token',
  provider: 'linode',
  title: 'Linode (Akamai Cloud) personal access token',
  // 64 hex characters with no prefix: known by the name it is given (linode-cli's, Terraform's and Ansible's variables).
  contextPatterns: [
    { variable: /^(?:LINODE_(?:CLI_|API_|ACCESS_)?TOKEN|linode_(?:api_|access_)?token)$|^linode\.token$/i, value: /^[a-f0-9]{64}$/, keywords: ['linode'] },
    // Ansible's Linode inventory plugins and modules (`plugin: linode.cloud.instance`, `linode_v4`) take `access_token`,
    // the linode.cloud modules `api_token`.
    { variable: /^(?:access|api)_token$/, value: /^[a-f0-9]{64}$/, keywords: ['access_token', 'api_token'], requires: ['linode'] },
    { header: /^authorization$/i, value: /^[a-f0-9]{64}$/, keywords: ['authorization'], requires: ['api.linode.com'] },
  ],
  claims: (context) => !sentToAnotherHost(context, 'api.linode.com'),
  plausible: (value) => generated(value, 64),
  rate: (context) => rateAccountToken("a Linode token's scopes (read/write per service, or all) are not in the value, so it is rated the broad kind", context),
  reach: 'with read/write scopes, deletes every Linode, volume, managed database, bucket and backup of the account',
  narrower: 'create a token with only the scopes and the expiry the job needs (read-only where it only reads), and keep it in CI secrets',
  reference: 'https://techdocs.akamai.com/linode-api/reference/post-personal-access-token',
  samples: {
    positive: [
      sample('terraform/linode/terraform.tfvars', `linode_token = "${LINODE_TOKEN}"\nregion       = "eu-central"\n`, { expect: { line: 1 } }),
      sample('ops/backup.sh', `#!/bin/sh\nexport LINODE_CLI_TOKEN=${LINODE_TOKEN}\nlinode-cli volumes list\n`, { expect: { line: 2 } }),
      sample('ops/snapshot.sh', `#!/bin/sh\ncurl -s -X POST -H "Authorization: Bearer ${LINODE_TOKEN}" https://api.linode.com/v4/linode/instances/4312/backups\n`, { expect: { line: 2 }, note: 'sent to the API itself' }),
      sample('inventory/prod.linode.yml', `plugin: linode.cloud.instance\naccess_token: ${LINODE_TOKEN}\nregions:\n  - us-east\nkeyed_groups:\n  - key: tags\n    separator: ''\n`, { expect: { line: 2 }, note: "Ansible's dynamic inventory for Linode" }),
      sample('playbooks/db.yml', `- hosts: localhost\n  tasks:\n    - name: Create the database volume\n      linode.cloud.volume:\n        api_token: ${LINODE_TOKEN}\n        label: pg-data\n        region: us-east\n        size: 100\n        state: present\n`, { expect: { line: 5 } }),
      sample('ops/linode.env', `LINODE_ACCESS_TOKEN=${LINODE_TOKEN}\n`, { expect: { line: 1 }, note: 'the variable the inventory plugin reads' }),
      sample('notes/2026-11-02-outage.log', `[10:02] <dana> here's the linode token: ${LINODE_TOKEN}\n[10:03] <li> thanks\n`, { expect: { line: 1 }, note: 'a chat log: the sentence names the provider' }),
      sample('docs/backup-box.md', `The Linode API token is ${LINODE_TOKEN} (read/write, all scopes).\n`, { expect: { line: 1 }, note: 'prose in a doc' }),
      sample('RUNBOOK.md', `# Runbook\n\n## Access\n\n- **Linode API token:** \`${LINODE_TOKEN}\`\n- Grafana: https://grafana.acme.io\n`, { expect: { line: 5 }, note: "a list item's label names the provider" }),
      sample('config/providers.yml', `dns:\n  zone: acme.io\nlinode:\n  region: eu-central\n  token: ${LINODE_TOKEN}\n`, { expect: { line: 5 }, note: 'a bare `token` under a section named for the provider' }),
      sample('Api/appsettings.json', `{\n  "Linode": { "Region": "eu-central", "Token": "${LINODE_TOKEN}" }\n}\n`, { expect: { line: 2 }, note: 'the section opened on the same line' }),
      {
        files: {
          'ops.postman_environment.json': `{\n  "name": "production",\n  "values": [\n    { "key": "ops_token", "value": "${LINODE_TOKEN}", "enabled": true }\n  ]\n}\n`,
          'ops.postman_collection.json': '{\n  "info": { "name": "ops" },\n  "item": [\n    {\n      "name": "Delete volume",\n      "request": {\n        "method": "DELETE",\n        "header": [{ "key": "Authorization", "value": "Bearer {{ops_token}}" }],\n        "url": "https://api.linode.com/v4/volumes/{{volume_id}}"\n      }\n    }\n  ]\n}\n',
        },
        expect: { path: 'ops.postman_environment.json', line: 4 },
        note: 'a Postman environment whose token the collection sends to the API (64 hex, as a Hetzner token may be)',
      },
    ],
    negative: [
      sample('terraform/linode/variables.tf', 'variable "linode_token" {\n  type      = string\n  sensitive = true\n}\n'),
      sample('RUNBOOK.md', '# Runbook\n\n- Linode API token: in 1Password (vault Ops)\n- Linode token format: 64 lowercase hex characters\n', { note: 'labels that say where the token is and what it looks like' }),
      sample('notes/chat.log', '[10:03] <li> the linode image sha256 is 4f1e2d3c4b5a69788796a5b4c3d2e1f04f1e2d3c4b5a69788796a5b4c3d2e1f0\n[10:04] <li> linode token rotated in commit 4f1e2d3c4b5a69788796a5b4c3d2e1f04f1e2d3c4b5a69788796a5b4c3d2e1f0\n', { note: 'a checksum, and a hash the words name something else of' }),
      sample('config/providers.yml', `grafana:\n  url: https://grafana.acme.io\n  token: ${LINODE_TOKEN}\n`, { note: "a bare token under another service's section" }),
      sample('inventory/prod.linode.yml', 'plugin: linode.cloud.instance\naccess_token: "{{ lookup(\'env\', \'LINODE_API_TOKEN\') }}"\n'),
      sample('config/oauth.yml', `provider: github\naccess_token: ${LINODE_TOKEN}\n`, { note: 'an access token in a file that never names Linode' }),
      sample('ops/deploy-hook.sh', '#!/bin/sh\ncurl -s -X POST -H "Authorization: Bearer 3d7f1a9c5e2b8d4f6a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f" https://deploy.acme.io/hooks/web\n', { note: "the same header sent to another service's API" }),
      sample('src/deploy_hook.ts', 'const headers = {\n  Authorization: "Bearer 3d7f1a9c5e2b8d4f6a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f",\n};\n\nexport const trigger = () => fetch("https://deploy.acme.io/hooks/web", { method: "POST", headers });\n', { note: 'a bearer header in a file that never calls the API' }),
      sample('ops/backup.sh', '#!/bin/sh\ncurl -s -H "Authorization: Bearer $LINODE_TOKEN" https://api.linode.com/v4/volumes > volumes.json\ncurl -s -X POST -H "Authorization: Bearer 3d7f1a9c5e2b8d4f6a0c1e3b5d7f9a2c4e6b8d0f1a3c5e7b9d2f4a6c8e0b1d3f" https://uptime.acme.io/api/push -d @volumes.json\n', { note: 'the file calls the API, but this header goes to the uptime service' }),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/backup.sh', `#!/bin/sh\nexport LINODE_CLI_TOKEN=${LINODE_TOKEN}\nlinode-cli volumes list\n`, { expect: { line: 2 } })],
    negative: [sample('monitoring/.env.exporter', `LINODE_READONLY_TOKEN=${LINODE_TOKEN}\n`, { note: 'named for a read-only token' })],
  },
};

const VULTR_KEY = 'MX5NO41SVKRPYEG3DZTECBIO1L9R6G9BYHDI';

export const vultrApiKey: CredentialKind = {
  id: 'vultr-api-key',
  provider: 'vultr',
  title: 'Vultr API key',
  // 36 upper-case letters and digits, no prefix: known by the name it is given (vultr-cli's and Terraform's variables).
  contextPatterns: [
    { variable: /^(?:VULTR_API_KEY|vultr_api_key)$|^vultr\.api_key$/i, value: /^[A-Z0-9]{36}$/, keywords: ['vultr'] },
    { header: /^authorization$/i, value: /^[A-Z0-9]{36}$/, keywords: ['authorization'], requires: ['api.vultr.com'] },
  ],
  claims: (context) => !sentToAnotherHost(context, 'api.vultr.com'),
  plausible: (value) => generated(value, 36),
  rate: (context) => rateAccountToken("a Vultr API key acts as its user on the whole account (a sub-account's key is narrower, which the value does not show)", context),
  reach: 'deletes every instance, block storage volume, managed database, snapshot and backup of the account',
  narrower: "issue the key to a sub-account user with only the ACLs the job needs, restrict it to CI's IP addresses, and keep it in CI secrets",
  reference: 'https://docs.vultr.com/platform/other/api/enable-vultr-api',
  samples: {
    positive: [
      sample('ansible/group_vars/all.yml', `vultr_api_key: "${VULTR_KEY}"\nregion: fra\n`, { expect: { line: 1 } }),
      sample('scripts/instances.sh', `#!/bin/sh\ncurl -s "https://api.vultr.com/v2/instances" -H "Authorization: Bearer ${VULTR_KEY}"\n`, { expect: { line: 2 }, note: 'sent to the API itself' }),
      sample('logs/irc-ops.log', `[09:58] <sam> prod db is down?\n[10:03] <dana> our vultr api key is ${VULTR_KEY} if you need to look\n`, { expect: { line: 2 }, note: "a chat log's sentence naming the provider's key" }),
      sample('slack-export/ops/2026-11-03.json', `[\n    {\n        "type": "message",\n        "text": "vultr api key: ${VULTR_KEY}",\n        "ts": "1762070400.000100"\n    }\n]\n`, { expect: { line: 4 }, note: "a chat export's message" }),
    ],
    negative: [
      sample('logs/irc-ops.log', `[10:03] <dana> the vultr api key is rotated now\n[10:04] <dana> the vultr instance key is ${VULTR_KEY}\n[10:05] <li> the api key is ${VULTR_KEY}\n`, { note: 'a sentence with no value, one naming another key of Vultr, one naming no provider' }),
      sample('ansible/group_vars/all.yml', 'vultr_api_key: "{{ lookup(\'env\', \'VULTR_API_KEY\') }}"\n'),
      sample('scripts/instances.sh', '#!/bin/sh\ncurl -s "https://api.vultr.com/v2/instances" -H "Authorization: Bearer ${VULTR_API_KEY}"\n'),
      sample('scripts/instances.sh', `#!/bin/sh\ncurl -s "https://api.vultr.com/v2/instances" -H "Authorization: Bearer \${VULTR_API_KEY}" > instances.json\ncurl -s -X POST "https://inventory.acme.io/api/hosts" -H "Authorization: Bearer ${VULTR_KEY}" -d @instances.json\n`, { note: 'the file calls the API, but this header goes to the inventory service' }),
    ],
  },
  scopeSamples: {
    positive: [sample('ansible/group_vars/all.yml', `vultr_api_key: "${VULTR_KEY}"\nregion: fra\n`, { expect: { line: 1 } })],
    negative: [sample('ansible/group_vars/all.yml', 'vultr_api_key: "XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"\n', { note: 'a placeholder' })],
  },
};

const CONVEX_PROD_KEY = 'prod:happy-otter-123|eyJ2MiI6IjJsaDZMRnh1elVpcUh3dVFBZDhFSFphendLNkltMmRpbGdzdDE3QWNBTFIxNlJWNWRPeEcwSjZGRFJIIn0=';

/** Convex deploy keys say what they reach before the `|`: `prod:<deployment>`, `dev:<deployment>`, `preview:<team>:<project>`, `project:...`. */
const CONVEX_KEY = /^(prod|dev|preview|project):[a-z0-9-]+(?::[a-z0-9-]+)?\|[A-Za-z0-9+/=_-]{32,}$/;

export const convexDeployKey: CredentialKind = {
  id: 'convex-deploy-key',
  provider: 'convex',
  title: 'Convex deploy key',
  valuePatterns: [{ regex: /(?<![\w:|-])((?:prod|preview|project):[a-z0-9-]+(?::[a-z0-9-]+)?\|[A-Za-z0-9+/=_-]{32,})(?![A-Za-z0-9+/=_-])/g, keywords: ['prod:', 'preview:', 'project:'] }],
  contextPatterns: [{ variable: /^CONVEX_(?:DEPLOY|ADMIN|SELF_HOSTED_ADMIN)_KEY$/i, value: /^(?:(?:prod|dev|preview|project):[a-z0-9-]+(?::[a-z0-9-]+)?\|)?[A-Za-z0-9+/=_-]{32,}$/, keywords: ['convex_'] }],
  plausible: (value) => {
    const secret = value.slice(value.indexOf('|') + 1);
    return !isPlaceholder(secret) && !hasTypedRun(secret) && looksRandom(secret, 32, 3.5);
  },
  rate: (context) => {
    const type = CONVEX_KEY.exec(context.value)?.[1];
    if (type === 'dev') return { scope: 'scoped', because: 'a dev deploy key reaches one development deployment' };
    if (type === 'preview') return { scope: 'scoped', because: 'a preview deploy key creates and deploys preview deployments' };
    return { scope: 'root-resource', because: type === 'project' ? 'a project key manages every deployment of the project, production included' : 'a production deploy key pushes code to, and reads and writes every table of, the production deployment' };
  },
  reach: "pushes functions to the deployment, runs any of them, and imports, exports or clears its tables (`npx convex import --replace`)",
  narrower: 'use a preview or dev deploy key where the job does not deploy production, and keep the production key only in the CI secret of the production deploy',
  reference: 'https://docs.convex.dev/cli/deploy-key-types',
  samples: {
    positive: [
      sample('.github/workflows/convex.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      CONVEX_DEPLOY_KEY: "${CONVEX_PROD_KEY}"\n    steps:\n      - run: npx convex deploy\n`, { expect: { line: 5 } }),
      sample('scripts/seed.sh', `#!/bin/sh\nnpx convex import --replace seed.zip --admin-key '${CONVEX_PROD_KEY}'\n`, { expect: { line: 2 }, note: 'known by its form alone' }),
    ],
    negative: [
      sample('.github/workflows/convex.yml', 'env:\n  CONVEX_DEPLOY_KEY: ${{ secrets.CONVEX_DEPLOY_KEY }}\n'),
      sample('docs/deploy.md', 'Set `CONVEX_DEPLOY_KEY` to a key like `prod:your-deployment|xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.github/workflows/convex.yml', `env:\n  CONVEX_DEPLOY_KEY: "${CONVEX_PROD_KEY}"\n`, { expect: { line: 2 } })],
    negative: [sample('.github/workflows/preview.yml', `env:\n  CONVEX_DEPLOY_KEY: "${CONVEX_PROD_KEY.replace('prod:happy-otter-123', 'preview:acme:notes')}"\n`, { note: 'a preview deploy key' })],
  },
};

export const PAAS_KINDS: readonly CredentialKind[] = [
  herokuApiKey,
  hetznerCloudToken,
  linodeToken,
  vultrApiKey,
  flyUserToken,
  flyMacaroonToken,
  renderApiKey,
  vercelAccessToken,
  vercelAiGatewayKey,
  netlifyAccessToken,
  digitaloceanToken,
  renderDeployHook,
  vercelDeployHook,
  netlifyBuildHook,
  convexDeployKey,
];
