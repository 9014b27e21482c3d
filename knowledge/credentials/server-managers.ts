// Server managers and hosts that provision and deploy PHP apps: Laravel Forge, Envoyer, Ploi, Laravel Cloud, RunCloud
// and ServerPilot. Their API tokens are Laravel Passport personal access tokens (plain RS256 JWTs any Passport app
// issues) or opaque random strings (Ploi's newer tokens, Sanctum-style `id|secret`), so the token alone does not say
// whose it is: the variable the tools read, the CLI's own config file or the API it is sent to does. A JWT's `scopes`
// claim says how far it reaches (`*` is every scope).
import { sample } from '../../src/model.js';
import { readOnlyRating, sentToAnotherHost } from './narrowing.js';
import type { ContextPattern, CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { decodeJwt, looksRandom } from './values.js';

const PASSPORT_JWT = /^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{40,}$/;
/** A Passport JWT, or an opaque token: Sanctum's `id|secret` or a long random string. */
const API_TOKEN = /^(?:eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{40,}|(?:\d{1,10}\|)?[A-Za-z0-9]{40,128})$/;

/** A Passport token that decodes and carries the claims Passport issues (`jti`, `scopes`), or a random opaque token. */
function passportToken(value: string): boolean {
  if (!value.startsWith('eyJ')) return looksRandom(value.replace(/^\d+\|/, ''), 40);
  const payload = decodeJwt(value)?.payload;
  if (!payload || typeof payload.jti !== 'string' || !('scopes' in payload)) return false;
  return !(typeof payload.exp === 'number' && payload.exp * 1000 < Date.now());
}

/** Root unless the token's `scopes` claim lists scopes and none of them is `*`. */
function scopesRating(what: string, broad: string): (context: CredentialContext) => Rating {
  return (context) => {
    const scopes = decodeJwt(context.value)?.payload.scopes;
    const listed = Array.isArray(scopes) ? scopes.filter((scope): scope is string => typeof scope === 'string') : [];
    if (listed.length > 0 && !listed.includes('*')) return { scope: 'scoped', because: `JWT claim scopes lists only ${listed.join(', ')}` };
    if (!context.value.startsWith('eyJ')) return { scope: 'root', because: `a ${what} ${broad}; its abilities are not in the value` };
    return { scope: 'root', because: `${listed.includes('*') ? 'JWT claim scopes is *: ' : ''}a ${what} ${broad}` };
  };
}

/** The patterns a tool's token is known by: its variables, the CLI's config file, a bearer header to its API. */
function passportPatterns(variable: RegExp, keyword: string, apiHost: string, configPath?: RegExp): ContextPattern[] {
  return [
    { variable, value: API_TOKEN, keywords: [keyword] },
    { header: /^authorization$/i, value: API_TOKEN, keywords: ['authorization'], requires: [apiHost] },
    // The CLI's own config file holds Passport JWTs only: an opaque `token` there is no proof of whose it is.
    ...(configPath ? [{ variable: /^(?:api_?)?token$/i, path: configPath, value: PASSPORT_JWT, keywords: ['token'] }] : []),
  ];
}

const FORGE = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIxIiwianRpIjoiNDM0NGE5OTIwMmE0NzA2Y2Q0NjY3Y2ZmOGM0ODk4MTMzNTMwN2IzMGNjMjUyZjUwYWZhYzQyMTg3YTI0OTJjOTQ0YzNmMWU1YTQxNTQxYzQiLCJpYXQiOjE3NTYzMjk0NDkuNzA1NzY0LCJuYmYiOjE3NTYzMjk0NDkuNzA1NzY3LCJleHAiOjIwNzE4NjIyNDkuNzAzMTg3LCJzdWIiOiIyNzIxNDAiLCJzY29wZXMiOlsiKiJdfQ.vBJQTdJV1tX5heQwepFLG8Z_ZuXg8EckArd0UFSPwmQfTIGORHPjNXhgjtOmj4n0iX0R7M_nnoTNjUVurMg3P8m9FYe6ibbzCpOFP5c63IUGE2BGe92Q0Sn1fXkmDffvWOHlwl3aDrOopDBcb_fEB9ezYfV6xe3NjIjyVAAtf-sXrYoRZfbW7tLMT6RR9ZyxLDLTylkEQLCkwvWjLD-FX3viwWKqNUtYG_zOGlXIjlVm0z5cfV7nQEGxGdhDxtvWzk8o3vYfcQZWxdU3M2qazmKqU1uyCb82SYN3HEGCmt1VhPUABy11nAqppgt-2tzDZ5ShTDxX65KPwQ8wrPsCit';
const ENVOYER_SCOPED = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIzIiwianRpIjoiZWFlN2ZlNjhlNjdhYzliZjE4ZGVjMGZjMjAxZTQzZmQ3YmU1NjcyMDJmOTY3NWViZmM5OWE1ODRjOTc1NjZkYTI5NjFlMzU3MmE1NjYxMWEiLCJpYXQiOjE3NDgwMDMzMTEuMTE4NDAyLCJuYmYiOjE3NDgwMDMzMTEuMTE4NDA1LCJleHAiOjIwNjM1MzYxMTEuMTAyOTEzLCJzdWIiOiI0ODIxMyIsInNjb3BlcyI6WyJkZXBsb3ltZW50czpjcmVhdGUiLCJwcm9qZWN0czpyZWFkIl19.Bjl-uD6g5Twsrx5lT0BVGxWP5bZczrDHUWQS-0o9wnOh4iM0Mk8KsXm1NWZ_H34xGqazCIMSe_LWGzRBkSs5yzQMl542k_mAtbkP8u73C629fXkQRe74AWAxOJPsHocb8ymEB0BwSsXgMq3rFrD9nzAWNn0NzpRbMcr81SNGU4fEhFNJhs-Q0wkpw5VWfQhpbB4AvL7aKUPTe1AxK4pW2lhn6HvRI15z7PT_a4c2Ss7cHKXJgWJVuTCedae-AorPLnN9nNRBX1TbBIWpBH1EFaW1CXLJJxaqYtSoqLuuRmLjA8cBN3GB523juOzl15dsU_8IlvIjuDOAgdMIPzxTHz';
const PLOI_OPAQUE = 'n3h4bZK1bCbQ2EBpibvWykSzP7aJuuXeJzq8Lr5Tm2xVc9Nd';
const LARAVEL_CLOUD = '41|Xq7vN2pL8mRt4kWz9bYc1dHf6jS3gA0eU5iO2uK7yT4wE9rQ';
const LARAVEL_CLOUD_OPAQUE = 'Rk2vQ9mZx7Lp4Tn8Wb3Yc6Hd1Jf5Gs0Ae2Uq7Ki9Ot4Xw3Nm';
const PLOI = 'eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.eyJhdWQiOiIyIiwianRpIjoiN2ZmYjE5MWRhYjU0NDhjNTgzMGRiOWE0MDFkOWY0NTNhMjFkNWY0NDNiNjRhYmY5NTA0OWYwNjVlZTRjNjk2OTIyMDYyYmY0OTM5YmZjYjkiLCJpYXQiOjE3NTEyODAwMTIuNDQyMTEzLCJuYmYiOjE3NTEyODAwMTIuNDQyMTE2LCJleHAiOjIwNjY4MTI4MTIuNDMxMDA4LCJzdWIiOiI5MTM3NyIsInNjb3BlcyI6W119.ZgLzt6wKWMbeMVx1yLB3JOQbFkSubxPxKrUbsiKKhJiD_1gxCaftTrdH5tV-mI7oFoK2KG3Pr0j9sfaZ2zFF62L0XCD-jrFnT1GI3wGs8XC7WMpIiRYsEtPOQO-Uwz92-nKnQsva9gshRHw--pE7QpHF_DvCHQ_foOPiWTgzicJ9GXY4zSkCr760py1dWcK4qF4QEsoDW-0_6dxjPn_OMmOZ8h_3n04HzgvvDoah0RNfZZOiB05R_veypdnVbHfJWVouhBAimtYrarg4VtfbXOq9QipTy6zE2ZO3uVJyty2Hh6RuPsIpNSbhBK2XRuVrtYmXVkjJ_gVz9W1HHIQUqw';

export const laravelForgeApiToken: CredentialKind = {
  id: 'laravel-forge-api-token',
  provider: 'laravel-forge',
  title: 'Laravel Forge API token',
  // FORGE_API_TOKEN is what the forge CLI and the Terraform provider read; `forge login` writes ~/.laravel-forge/config.json.
  // A bare `forgeToken` (Envoy's `@setup $forgeToken = '…'`, a deploy script's) counts only for a Passport JWT: Gitea and
  // Forgejo call themselves forges too, and their tokens are 40 hex characters.
  contextPatterns: [
    ...passportPatterns(/^FORGE_(?:API_)?TOKEN$|^forge[_.-]?api[_.-]?token$|^forgeApiToken$/i, 'forge', 'forge.laravel.com', /(?:^|\/)(?:\.laravel-forge\/config\.json|config\/forge\.php)$/),
    { variable: /^\$?forge[_.-]?token$/i, value: PASSPORT_JWT, keywords: ['forge'] },
  ],
  plausible: passportToken,
  rate: scopesRating('Forge API token', 'acts for its user on every server and site of the account'),
  reach: 'acts for its user on every server the Forge account manages: runs commands and recipes as root over SSH, reads and rewrites each site\'s .env, creates and drops databases and deletes servers',
  narrower: 'give deploys a site\'s deployment trigger URL instead, or a token limited to the scopes the job needs, kept in CI secrets',
  reference: 'https://forge.laravel.com/api-documentation',
  samples: {
    positive: [
      sample('scripts/deploy.sh', `#!/bin/sh\nexport FORGE_API_TOKEN=${FORGE}\nforge deploy acme.io\n`, { expect: { line: 2 } }),
      sample('.laravel-forge/config.json', `{\n    "token": "${FORGE}",\n    "server": 512331\n}\n`, { expect: { line: 2 }, note: "the forge CLI's login, committed" }),
      sample('scripts/redeploy.sh', `#!/bin/sh\ncurl -X POST https://forge.laravel.com/api/v1/servers/512331/sites/88123/deployment/deploy \\\n  -H "Authorization: Bearer ${FORGE}" \\\n  -H "Accept: application/json"\n`, { expect: { line: 3 } }),
      sample('Envoy.blade.php', `@servers(['web' => 'forge@142.93.117.40'])\n\n@setup\n    $forgeToken = '${FORGE}';\n    $serverId = 712044;\n@endsetup\n`, { expect: { line: 4 }, note: "Envoy's setup block: the token's name is the tool's" }),
      sample('deploy/forge.php', `<?php\n\ndefine('FORGE_TOKEN', '${FORGE}');\n\n$forge = new Laravel\\Forge\\Forge(FORGE_TOKEN);\n$forge->deploySite(512331, 88123);\n`, { expect: { line: 3 }, note: 'a PHP constant: the value is the call\'s second argument' }),
    ],
    negative: [
      sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: forge deploy acme.io\n        env:\n          FORGE_API_TOKEN: ${{ secrets.FORGE_API_TOKEN }}\n'),
      sample('storage/oauth/config.json', `{\n    "token": "${FORGE}"\n}\n`, { note: 'a Passport token of some other app, in a file no Forge tool reads' }),
      sample('scripts/gitea-sync.php', "<?php\n$forgeToken = '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b';\n$client->setToken($forgeToken);\n", { note: "a Gitea or Forgejo token (40 hex) under a forge's name: no Passport JWT, so not Forge's" }),
    ],
  },
  scopeSamples: {
    positive: [sample('.laravel-forge/config.json', `{\n    "token": "${FORGE}"\n}\n`, { expect: { line: 2 } })],
    negative: [sample('scripts/deploy.sh', `#!/bin/sh\nexport FORGE_API_TOKEN=${ENVOYER_SCOPED}\n`, { note: 'a token whose scopes claim lists two scopes' })],
  },
};

export const laravelEnvoyerApiToken: CredentialKind = {
  id: 'laravel-envoyer-api-token',
  provider: 'laravel-envoyer',
  title: 'Laravel Envoyer API token',
  contextPatterns: passportPatterns(/^ENVOYER_(?:API_)?TOKEN$|^envoyer[_.-]?api[_.-]?token$/i, 'envoyer', 'envoyer.io'),
  plausible: passportToken,
  rate: scopesRating('Envoyer API token', 'with every scope manages every project of the account'),
  reach: "manages every Envoyer project of the account: deploys any commit, edits deployment hooks that run as the deploy user on every server, and reads and rewrites each project's environment file",
  narrower: "create the token with only the scopes the job needs (deployments:create), or use the project's deployment trigger URL",
  reference: 'https://envoyer.io/api-documentation',
  samples: {
    positive: [sample('deploy/envoyer.sh', `#!/bin/sh\nENVOYER_API_TOKEN=${FORGE}\ncurl -X POST https://envoyer.io/api/projects/4411/deployments -H "Authorization: Bearer $ENVOYER_API_TOKEN"\n`, { expect: { line: 2 } })],
    negative: [sample('terraform/providers.tf', 'provider "laravel" {\n  envoyer_api_token = var.envoyer_api_token\n}\n')],
  },
  scopeSamples: {
    positive: [sample('terraform/terraform.tfvars', `envoyer_api_token = "${FORGE}"\n`, { expect: { line: 1 } })],
    negative: [sample('terraform/terraform.tfvars', `envoyer_api_token = "${ENVOYER_SCOPED}"\n`, { note: 'scopes deployments:create and projects:read' })],
  },
};

export const ploiApiToken: CredentialKind = {
  id: 'ploi-api-token',
  provider: 'ploi',
  title: 'Ploi API token',
  contextPatterns: passportPatterns(/^PLOI_(?:API_)?TOKEN$|^ploi[_.-]?api[_.-]?token$/i, 'ploi', 'ploi.io/api'),
  plausible: passportToken,
  rate: scopesRating('Ploi API token', 'acts for its user on every server and site of the account'),
  reach: "acts for its user on every server Ploi manages: runs scripts as root, reads and rewrites each site's .env, creates and drops databases and deletes servers",
  narrower: "create the token with only the permissions the job needs, or use the site's deploy webhook",
  reference: 'https://developers.ploi.io/',
  samples: {
    positive: [
      sample('.env.deploy', `PLOI_API_TOKEN=${PLOI}\nPLOI_SERVER_ID=30112\n`, { expect: { line: 1 } }),
      sample('scripts/deploy.sh', `#!/bin/sh\ncurl -X POST https://ploi.io/api/servers/30112/sites/88123/deploy \\\n  -H "Authorization: Bearer ${PLOI_OPAQUE}" \\\n  -H "Accept: application/json"\n`, { expect: { line: 3 }, note: 'an opaque token' }),
    ],
    negative: [
      sample('.env.example', 'PLOI_API_TOKEN=\nPLOI_SERVER_ID=\n'),
      sample('scripts/deploy.sh', `#!/bin/sh\ncurl -X POST https://api.acme.io/hooks/deploy \\\n  -H "Authorization: Bearer ${PLOI_OPAQUE}"\n`, { note: 'an opaque bearer token sent to some other API' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.deploy', `PLOI_API_TOKEN=${PLOI}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.deploy', `PLOI_API_TOKEN=${ENVOYER_SCOPED}\n`, { note: 'a token limited by its scopes claim' })],
  },
};

export const laravelCloudApiToken: CredentialKind = {
  id: 'laravel-cloud-api-token',
  provider: 'laravel-cloud',
  title: 'Laravel Cloud API token',
  contextPatterns: passportPatterns(/^LARAVEL_CLOUD_(?:API_)?TOKEN$|^laravel[_.-]?cloud[_.-]?(?:api[_.-]?)?token$/i, 'laravel', 'cloud.laravel.com/api'),
  plausible: passportToken,
  rate: scopesRating('Laravel Cloud API token', 'is made in the organization settings and acts on every application, environment and database of the organization'),
  reach: 'acts on the whole Laravel Cloud organization: deploys and deletes applications and environments, reads and changes their environment variables, and deletes databases and caches',
  narrower: "give the token the shortest expiry the job allows, keep it in CI secrets, and revoke it when the job is done",
  reference: 'https://cloud.laravel.com/docs/api/authentication',
  samples: {
    positive: [
      sample('.github/workflows/deploy.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      LARAVEL_CLOUD_API_TOKEN: ${LARAVEL_CLOUD}\n    steps:\n      - run: curl -X POST https://cloud.laravel.com/api/environments/env-7f2a/deployments -H "Authorization: Bearer $LARAVEL_CLOUD_API_TOKEN"\n`, { expect: { line: 5 } }),
      sample('scripts/apps.sh', `#!/bin/sh\ncurl https://cloud.laravel.com/api/applications -H "Authorization: Bearer ${LARAVEL_CLOUD_OPAQUE}" -H "Accept: application/json"\n`, { expect: { line: 2 } }),
    ],
    negative: [sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      LARAVEL_CLOUD_API_TOKEN: ${{ secrets.LARAVEL_CLOUD_API_TOKEN }}\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/apps.sh', `#!/bin/sh\ncurl https://cloud.laravel.com/api/applications -H "Authorization: Bearer ${LARAVEL_CLOUD_OPAQUE}"\n`, { expect: { line: 2 } })],
    negative: [sample('scripts/apps.sh', `#!/bin/sh\ncurl https://cloud.laravel.com/api/applications -H "Authorization: Bearer ${ENVOYER_SCOPED}"\n`, { note: 'a JWT whose scopes claim lists two scopes' })],
  },
};

/** An opaque API token or key: a Sanctum-style `id|secret` or a long random string; the providers publish no format. */
const OPAQUE_TOKEN = /^(?:\d{1,10}\|)?[A-Za-z0-9]{32,128}$/;
const opaqueToken = (value: string): boolean => looksRandom(value.replace(/^\d+\|/, ''), 32, 3.5) && /[0-9]/.test(value) && /[A-Za-z]/.test(value);
const RUNCLOUD = '5|Vq8xT2mLr9Kp4NwZ7bYc3HfJ6sDg1AeU5oTiQ2wE8rTy';
const RUNCLOUD_OPAQUE = 'oYOKO4EYk8vN6FgDKls8apperQAAzCaLahNB484M';
const SERVERPILOT = 'Hq7vR2xLpK9mWz3TbN6cY1dF4gJ8sA0eU5iO2wQ7';

/** RunCloud: a workspace's API token (API v3, Bearer) or a legacy personal API secret (v2, with its key). */
export const runcloudApiToken: CredentialKind = {
  id: 'runcloud-api-token',
  provider: 'runcloud',
  title: 'RunCloud API token',
  contextPatterns: [
    { variable: /^RUNCLOUD_API_(?:TOKEN|SECRET)$|^runcloud[_.-]?(?:api[_.-]?)?(?:token|secret)$/i, value: OPAQUE_TOKEN, keywords: ['runcloud'] },
    { header: /^authorization$/i, value: OPAQUE_TOKEN, keywords: ['authorization'], requires: ['manage.runcloud.io'] },
  ],
  claims: (context) => !sentToAnotherHost(context, 'manage.runcloud.io'),
  plausible: opaqueToken,
  rate: (context) =>
    readOnlyRating(context, 'RunCloud token') ?? { scope: 'root', because: 'a RunCloud API token acts on every server and web application of its workspace' },
  reach: 'acts on every server of the RunCloud workspace: deploys and deletes web applications, creates and drops databases and their users, adds SSH keys and system users, and runs scripts on the servers',
  narrower: "use the web application's Git deployment webhook for deploys, and keep the workspace token out of the repository",
  reference: 'https://runcloud.io/docs/api/v3/',
  samples: {
    positive: [
      sample('.env.deploy', `RUNCLOUD_API_TOKEN=${RUNCLOUD}\nRUNCLOUD_SERVER_ID=81234\n`, { expect: { line: 1 } }),
      sample('scripts/clear-cache.sh', `#!/bin/sh\ncurl -X POST "https://manage.runcloud.io/api/v3/servers/81234/webapps/5521/cache/purge" \\\n  -H "Authorization: Bearer ${RUNCLOUD_OPAQUE}" \\\n  -H "Accept: application/json"\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('.env.example', 'RUNCLOUD_API_TOKEN=\nRUNCLOUD_SERVER_ID=\n'),
      sample('scripts/notify.sh', `#!/bin/sh\n# deploys go through RunCloud's webhook; this posts the result to the status page\ncurl -X POST https://status.acme.io/api/events -H "Authorization: Bearer ${RUNCLOUD}"\n`, { note: 'a bearer token sent to another API' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.deploy', `RUNCLOUD_API_TOKEN=${RUNCLOUD}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.deploy', `# read-only token for the uptime dashboard\nRUNCLOUD_API_TOKEN=${RUNCLOUD}\n`)],
  },
};

/** ServerPilot: the account's API key, sent with its client ID as Basic credentials to api.serverpilot.io. */
export const serverpilotApiKey: CredentialKind = {
  id: 'serverpilot-api-key',
  provider: 'serverpilot',
  title: 'ServerPilot API key',
  contextPatterns: [
    { variable: /^SERVERPILOT_(?:API_)?KEY$|^serverpilot[_.-]?api[_.-]?key$/i, value: /^[A-Za-z0-9]{20,64}$/, keywords: ['serverpilot'] },
  ],
  plausible: (value) => looksRandom(value, 20, 3.5) && /[0-9]/.test(value) && /[A-Za-z]/.test(value),
  rate: fixed('root', 'the API key is the account’s: it manages every server, app, system user and database ServerPilot runs for it'),
  reach: 'manages every server of the ServerPilot account: deletes apps and their databases, changes system users’ passwords and SSH access, and detaches servers',
  narrower: 'keep the API key in the deploy system’s secret store, and regenerate it from the account’s API page after exposure',
  reference: 'https://github.com/ServerPilot/API',
  samples: {
    positive: [
      sample('scripts/serverpilot.env', `export serverpilot_client_id="cid_Rk3vQ8mW2nL7tX5z"\nexport serverpilot_api_key="${SERVERPILOT}"\n`, { expect: { line: 2 }, note: 'the variables serverpilot-shell reads' }),
      sample('.env', `SERVERPILOT_CLIENT_ID=cid_Rk3vQ8mW2nL7tX5z\nSERVERPILOT_API_KEY=${SERVERPILOT}\n`, { expect: { line: 2 } }),
    ],
    negative: [sample('.env.example', 'SERVERPILOT_CLIENT_ID=\nSERVERPILOT_API_KEY=your_api_key\n')],
  },
  scopeSamples: {
    positive: [sample('.env', `SERVERPILOT_API_KEY=${SERVERPILOT}\n`, { expect: { line: 1 } })],
    negative: [sample('.env', 'SERVERPILOT_API_KEY=xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx\n', { note: 'placeholder' })],
  },
};

export const SERVER_MANAGER_KINDS: readonly CredentialKind[] = [laravelForgeApiToken, laravelEnvoyerApiToken, ploiApiToken, laravelCloudApiToken, runcloudApiToken, serverpilotApiKey];
