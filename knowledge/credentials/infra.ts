// Infrastructure and secret managers: HCP Terraform, Vault, Doppler, 1Password. Each holds the keys to everything
// else, so a broad token here is a broad token everywhere the manager's secrets reach.
import { sample } from '../../src/model.js';
import { readOnlyRating } from './narrowing.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { decodeBase64Text, entropy, isPlaceholder, UUID, UUID_SOURCE, wordsOf } from './values.js';

export const terraformCloudToken: CredentialKind = {
  id: 'terraform-cloud-token',
  provider: 'hashicorp',
  title: 'HCP Terraform / Terraform Enterprise API token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])/g, keywords: ['atlasv1'] }],
  plausible: (value) => {
    const [id, , body] = value.split('.');
    return !isPlaceholder(id ?? '') && !isPlaceholder(body ?? '') && entropy(body ?? '') >= 3.5;
  },
  rate: (context) =>
    readOnlyRating(context, 'Terraform token') ?? {
      scope: 'root',
      because: 'user, team and organization tokens share one format: a user token inherits its user (often an owner) and an organization token manages every workspace',
    },
  reach: 'runs plans and applies (including destroy) in every workspace it can reach, reads their state files and variables, and with an owner’s token changes the organization',
  narrower: 'use a team token for a team with access to only the workspaces the job runs, or dynamic credentials from the CI provider',
  reference: 'https://developer.hashicorp.com/terraform/cloud-docs/users-teams-organizations/api-tokens',
  samples: {
    positive: [
      sample('.terraformrc', 'credentials "app.terraform.io" {\n  token = "BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo"\n}\n', { expect: { line: 2 } }),
      sample('.github/workflows/terraform.yml', 'jobs:\n  apply:\n    runs-on: ubuntu-latest\n    env:\n      TF_TOKEN_app_terraform_io: BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo\n    steps:\n      - run: terraform apply -auto-approve\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('.github/workflows/terraform.yml', 'jobs:\n  apply:\n    env:\n      TF_TOKEN_app_terraform_io: ${{ secrets.TF_API_TOKEN }}\n'),
      sample('docs/terraform.md', '```hcl\ncredentials "app.terraform.io" {\n  token = "xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"\n}\n```\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('ci/terraform.env', 'TFE_TOKEN=BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo\n', { expect: { line: 1 } })],
    negative: [sample('ci/terraform.env', '# read-only team token for drift reports\nTFE_TOKEN=BxrLgAIzGlMkkd.atlasv1.nIKo_eR-COudtm8fZJWa87ur-BOg-OB-lgwm8rqijQ7yBVdf12bJVFqj-HahHD52VWo\n')],
  },
};

/** Where Vault shows a token is root: `vault operator init` output, the dev server flag, root-named variables. */
const VAULT_ROOT_TEXT = /Initial Root Token|-dev-root-token-id|VAULT_DEV_ROOT_TOKEN_ID|"root_token"|generate-root/i;

function vaultRating(context: CredentialContext): Rating {
  if (context.value.startsWith('hvr.')) return { scope: 'root', because: 'a recovery token acts with root rights on the raw storage of a Vault started in recovery mode' };
  const words = wordsOf(context.variable ?? '');
  if (words.includes('root')) return { scope: 'root', because: `variable ${context.variable} names a root token` };
  if (VAULT_ROOT_TEXT.test(`${context.line}\n${context.nearby}`)) return { scope: 'root', because: 'the text around it shows a root token (init output or the dev server’s root token id)' };
  return (
    readOnlyRating(context, 'Vault token') ?? {
      scope: 'root',
      because: 'a Vault token’s policies are not in the repository and root tokens look the same, so it is rated the broad kind',
    }
  );
}

/** The pre-1.10 service token shape, `s.` + 24: known only by a Vault variable, and mixed-case with digits. */
const VAULT_LEGACY = /^s\.[A-Za-z0-9]{24}$/;

export const vaultToken: CredentialKind = {
  id: 'vault-token',
  provider: 'hashicorp',
  title: 'HashiCorp Vault token',
  valuePatterns: [
    // Service tokens carry their encoded index (90-120 characters); the root token `vault operator init` prints since
    // 1.10 is `hvs.` and 24 characters.
    // A recovery token (`hvr.`, from generate-root in recovery mode) has the service token's shape.
    { regex: /(?<![A-Za-z0-9_.-])(hv[sr]\.[A-Za-z0-9_-]{90,120}|hv[sr]\.[A-Za-z0-9]{24}|hvb\.[A-Za-z0-9_-]{138,300})(?![A-Za-z0-9_-])/g, keywords: ['hvs.', 'hvb.', 'hvr.'] },
    // `vault operator init` output kept in notes: older Vaults printed `s.` tokens and, before 0.10, UUIDs.
    { regex: new RegExp(`(?<=Initial Root Token: ?)(s\\.[A-Za-z0-9]{24}|${UUID_SOURCE})(?![A-Za-z0-9-])`, 'g'), keywords: ['initial root token'] },
  ],
  contextPatterns: [
    {
      variable: /^(?:VAULT_(?:ROOT_|DEV_ROOT_)?TOKEN(?:_ID)?|vault[_.-]?(?:root[_.-]?)?token|vaultToken|root_token)$/i,
      value: VAULT_LEGACY,
      keywords: ['vault', 'root_token'],
    },
    // The header Vault's HTTP API takes a token in (`hvs.` tokens are known by their prefix alone).
    { header: /^x-vault-token$/i, value: VAULT_LEGACY, keywords: ['x-vault-token'] },
  ],
  plausible: (value) => {
    const body = value.slice(4);
    if (UUID.test(value)) return !isPlaceholder(value);
    if (VAULT_LEGACY.test(value)) return /[0-9]/.test(value) && /[a-z]/.test(value) && /[A-Z]/.test(value) && !isPlaceholder(value.slice(2));
    return !isPlaceholder(body) && entropy(body) >= 3.5;
  },
  rate: vaultRating,
  reach: 'reads and writes every secret its policies allow; a root token can read every secret engine, change auth methods and revoke every other token',
  narrower: 'use a short-lived token from an auth method (AppRole, OIDC from CI, Kubernetes) with a policy limited to the paths the job reads; revoke root tokens after setup',
  reference: 'https://developer.hashicorp.com/vault/docs/concepts/tokens',
  samples: {
    positive: [
      sample('scripts/fetch-secrets.sh', '#!/bin/sh\nexport VAULT_ADDR=https://vault.acme.internal:8200\nexport VAULT_TOKEN=hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\nvault kv get -field=password secret/app/db\n', { expect: { line: 3 } }),
      sample('docs/vault-setup.md', '# Vault init (2024-03-02)\n\n```\nUnseal Key 1: 1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo\n\nInitial Root Token: hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\n```\n', { expect: { line: 6 } }),
      sample('deploy/values.yaml', 'vault:\n  address: https://vault.acme.internal:8200\nenv:\n  - name: VAULT_TOKEN\n    value: s.02RnFl63Prpu2dzLqOLyAszB\n', { expect: { line: 5 } }),
      sample('ops/README.md', '## Vault bootstrap (2019)\n\n    Unseal Key 1: bus1bOzFoSCs/YTCZi5+T3OQzjpVTpSvUkgBxnG3VT4R\n    Initial Root Token: 8952c6db-2259-a638-8d4e-6705dbdfda91\n', { expect: { line: 4 } }),
      sample('scripts/vault-bootstrap.sh', '#!/bin/sh\nexport VAULT_ADDR=https://vault.acme.io\nexport VAULT_TOKEN=hvs.8EVeIz4J7utmglhJ1LcaEL4q\nvault secrets enable -path=secret kv-v2\n', { expect: { line: 3 }, note: 'the 24-character root token of Vault 1.10 and later' }),
      {
        files: {
          'postman/prod.postman_environment.json': '{\n  "name": "prod",\n  "values": [\n    { "key": "vault", "value": "https://vault.acme.internal:8200", "enabled": true },\n    { "key": "token", "value": "s.Qm7XkT2vLp9RwN4cY8hJd1Fg", "type": "secret", "enabled": true }\n  ]\n}\n',
          'postman/ops.postman_collection.json': '{\n  "info": { "name": "ops" },\n  "item": [\n    { "name": "read", "request": { "method": "GET", "header": [{ "key": "X-Vault-Token", "value": "{{token}}" }], "url": "{{vault}}/v1/secret/data/app" } }\n  ]\n}\n',
        },
        expect: { path: 'postman/prod.postman_environment.json', line: 5 },
        note: "an API client's environment binds a bare `token`, a request of the collection sends it as X-Vault-Token",
      },
    ],
    negative: [
      sample('docker-compose.yml', 'services:\n  vault:\n    image: hashicorp/vault:1.17\n    command: server -dev -dev-root-token-id=root\n    environment:\n      VAULT_DEV_ROOT_TOKEN_ID: root\n'),
      sample('scripts/fetch-secrets.sh', '#!/bin/sh\nexport VAULT_TOKEN="$(vault login -method=oidc -token-only)"\n'),
      sample('src/loader.ts', "const settings = { s.makeKubeConfigController: true };\nconst path = 's.AcceptanceTimeoutSeconds';\n"),
    ],
  },
  scopeSamples: {
    positive: [
      sample('ops/vault.env', 'VAULT_TOKEN=hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\n', { expect: { line: 1 } }),
      sample('docs/incidents/2024-11-vault-recovery.md', '# Vault recovery\n\nRecovery token: hvr.CAESIKu3bX9mQv2LpR7wZ4nT8sY1cF6hJ0dG5aE3uI9oK2yVGh4KHGh2cy5RbTJ4V3pUZ3h4b0VRa1pKU3E3b2Q1NEgQ8wk\n', { expect: { line: 3 }, note: 'a recovery token kept in an incident note' }),
    ],
    negative: [sample('ops/vault.env', 'VAULT_READONLY_TOKEN=hvs.CAESIabTCzVw3doIaIPJ5hhTJc1zlUtlNpicxtNkxT1yAx-8qzlvzhwUejG77nkltiHYtmvjvLR2MlS3lFf80dKrvvp\n')],
  },
};

const UNSEAL_SHARE = '[A-Za-z0-9+/]{43,88}={0,2}';
/** Shares shown in HashiCorp's command documentation. */
const PUBLISHED_UNSEAL_KEYS = new Set(['IXyR0OJnSFobekZMMCKCoVEpT7wI6l+USMzE3IcyDyo=']);

export const vaultUnsealKey: CredentialKind = {
  id: 'vault-unseal-key',
  provider: 'hashicorp',
  title: 'HashiCorp Vault unseal or recovery key',
  valuePatterns: [
    // `vault operator init` prints `Unseal Key 1: ...` (or `Recovery Key 1: ...` with auto-unseal).
    { regex: new RegExp(`(?<=(?:Unseal|Recovery) Key \\d{1,2}: ?)(${UNSEAL_SHARE})(?![A-Za-z0-9+/=])`, 'g'), keywords: ['unseal key', 'recovery key'] },
    // `vault operator init -format=json`: every share in the key arrays.
    { regex: new RegExp(`(?<="(?:unseal|recovery)_keys_b64"\\s*:\\s*\\[[^\\]]*")(${UNSEAL_SHARE})(?=")`, 'g'), keywords: ['_keys_b64'] },
    { regex: /(?<="(?:unseal|recovery)_keys_hex"\s*:\s*\[[^\]]*")([0-9a-f]{64,130})(?=")/g, keywords: ['_keys_hex'] },
    // A share typed on the command line: `vault operator unseal <key>` (`vault unseal` before 0.9).
    { regex: new RegExp(`(?<=\\bvault (?:operator )?unseal (?:-\\S+ )*)(${UNSEAL_SHARE})(?![A-Za-z0-9+/=])`, 'g'), keywords: ['vault operator unseal', 'vault unseal'] },
  ],
  contextPatterns: [{ variable: /unseal[_.-]?keys?(?:[_.-]?\d+)?$/i, value: new RegExp(`^${UNSEAL_SHARE}$`), keywords: ['unseal'] }],
  plausible: (value) => !PUBLISHED_UNSEAL_KEYS.has(value) && !isPlaceholder(value) && entropy(value) >= 3.5,
  rate: fixed('root', 'a quorum of unseal or recovery key shares unseals Vault and generates a new root token'),
  reach: 'with a quorum of shares, unseals the Vault and generates a root token: every secret it holds',
  narrower: 'hand each share to a different person (PGP-encrypted with -pgp-keys) or use auto-unseal with a cloud KMS; never store shares together or in a repository',
  reference: 'https://developer.hashicorp.com/vault/docs/concepts/seal',
  samples: {
    positive: [
      sample('ops/vault-init.txt', 'Unseal Key 1: 1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo\nUnseal Key 2: tRBvSIHVqxQqCAys0ittExKP+TS1Rp6tT810nyC+Q6Nc\nUnseal Key 3: bus1bOzFoSCs/YTCZi5+T3OQzjpVTpSvUkgBxnG3VT4R\n\nVault initialized with 3 key shares and a key threshold of 2.\n', { expect: { line: 2 } }),
      sample('ops/init.json', '{\n  "unseal_keys_b64": [\n    "1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo"\n  ],\n  "unseal_threshold": 1\n}\n', { expect: { line: 3 } }),
      sample('scripts/start-vault.sh', '#!/bin/sh\nvault server -config=/etc/vault.d/vault.hcl &\nsleep 5\nvault operator unseal tRBvSIHVqxQqCAys0ittExKP+TS1Rp6tT810nyC+Q6Nc\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('docs/vault.md', 'After init, run `vault operator unseal` and paste `Unseal Key 1: <key>` when asked.\n'),
      sample('ops/init.json', '{\n  "unseal_keys_b64": [],\n  "unseal_shares": 5,\n  "unseal_threshold": 3\n}\n'),
      sample('docs/unseal.md', 'The key can be passed as an argument:\n\n    $ vault operator unseal IXyR0OJnSFobekZMMCKCoVEpT7wI6l+USMzE3IcyDyo=\n', { note: 'the share from HashiCorp’s own docs' }),
    ],
  },
  scopeSamples: {
    positive: [sample('ops/vault-init.txt', 'Unseal Key 1: 1Ii6MlNiHDw+7DZCKwRhfNPHJ+RLZH872H8SdKQaX2zo\n', { expect: { line: 1 } })],
    negative: [sample('ops/vault-init.txt', 'Unseal Key 1: AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n')],
  },
};

const DOPPLER_REFERENCE = 'https://docs.doppler.com/reference/auth-token-formats';

export const dopplerPersonalToken: CredentialKind = {
  id: 'doppler-personal-token',
  provider: 'doppler',
  title: 'Doppler personal or CLI token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.])(dp\.(?:pt|ct)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_])/g, keywords: ['dp.pt.', 'dp.ct.'] }],
  plausible: (value) => !isPlaceholder(value.slice(6)),
  rate: fixed('root', 'a personal or CLI token has read/write access to every project and config of the workplace the user can reach'),
  reach: 'reads and changes every secret in every project and environment the user can reach, production included',
  narrower: 'use a service token (dp.st.) bound to the one config the job reads, read-only',
  reference: DOPPLER_REFERENCE,
  samples: {
    positive: [
      sample('scripts/dev.sh', '#!/bin/sh\nexport DOPPLER_TOKEN=dp.pt.Vcv5me6LZXCNNHJqe0jFd3GpXG6JAYPUu7mhcpxQmmE\ndoppler run -- npm start\n', { expect: { line: 2 } }),
      sample('.doppler.yaml', 'scoped:\n  /home/dev/acme:\n    token: dp.ct.UOPJrqWMlQpLLkvt2D7DM7G37X4cmpCHIzsYlnLDCget\n    enclave.project: acme\n', { expect: { line: 3 } }),
    ],
    negative: [
      sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    env:\n      DOPPLER_TOKEN: ${{ secrets.DOPPLER_TOKEN }}\n'),
      sample('docs/doppler.md', 'Personal tokens start with `dp.pt.`; service tokens with `dp.st.`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/dev.sh', 'export DOPPLER_TOKEN=dp.pt.Vcv5me6LZXCNNHJqe0jFd3GpXG6JAYPUu7mhcpxQmmE\n', { expect: { line: 1 } })],
    negative: [sample('scripts/dev.sh', 'export DOPPLER_TOKEN=dp.st.dev.qkpVrzuteCWOObzsaf5IoVBsuqFh658t7b3J2rRK\n')],
  },
};

/** Config slugs Doppler creates for production (`prd`, `prd_api`), or named so by the team. */
const PRODUCTION_SLUG = /^(?:prd|prod|production|live)(?:[_-]|$)/i;

export const dopplerServiceToken: CredentialKind = {
  id: 'doppler-service-token',
  provider: 'doppler',
  title: 'Doppler service token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.])(dp\.st\.(?:[a-z0-9_-]{2,35}\.)?[A-Za-z0-9]{40,44})(?![A-Za-z0-9_])/g, keywords: ['dp.st.'] }],
  plausible: (value) => !isPlaceholder(value.slice(value.lastIndexOf('.') + 1)),
  rate: (context) => {
    const slug = /^dp\.st\.([a-z0-9_-]{2,35})\./.exec(context.value)?.[1];
    if (slug && PRODUCTION_SLUG.test(slug)) return { scope: 'scoped', because: `a service token for one config, and that config is production (${slug})` };
    return { scope: 'scoped', because: slug ? `a service token for one config (${slug})` : 'a service token for one config' };
  },
  reach: 'reads (and, if granted, writes) the secrets of one config; a production config’s token opens every production secret in it',
  narrower: 'already bound to one config; keep it read-only and out of the repository (inject it from the CI secret store)',
  reference: 'https://docs.doppler.com/docs/service-tokens',
  samples: {
    positive: [
      sample('Dockerfile', 'FROM node:20-slim\nRUN curl -Ls https://cli.doppler.com/install.sh | sh\nENV DOPPLER_TOKEN=dp.st.prd.DLQ1s97wAg1nzkuKzpUy8UxITpCiwdTQAEULsfFe\nCMD ["doppler", "run", "--", "node", "server.js"]\n', { expect: { line: 3 } }),
      sample('docker-compose.yml', 'services:\n  api:\n    environment:\n      DOPPLER_TOKEN: dp.st.dev.qkpVrzuteCWOObzsaf5IoVBsuqFh658t7b3J2rRK\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('docker-compose.yml', 'services:\n  api:\n    environment:\n      DOPPLER_TOKEN: ${DOPPLER_TOKEN}\n'),
      sample('docs/doppler.md', 'Generate one with `doppler configs tokens create ci --plain` (it prints `dp.st.prd.xxxx`).\n'),
    ],
  },
};

export const dopplerWorkplaceToken: CredentialKind = {
  id: 'doppler-workplace-token',
  provider: 'doppler',
  title: 'Doppler service account, SCIM or audit token',
  // `dp.said.`: a service account identity token, exchanged for a short while from an OIDC identity.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.])(dp\.(?:sa|said|scim|audit)\.[A-Za-z0-9]{40,44})(?![A-Za-z0-9_])/g, keywords: ['dp.sa.', 'dp.said.', 'dp.scim.', 'dp.audit.'] }],
  plausible: (value) => !isPlaceholder(value.slice(value.lastIndexOf('.') + 1)),
  rate: (context) => {
    if (context.value.startsWith('dp.audit.')) return { scope: 'scoped', because: 'an audit token reads the workplace’s audit data only' };
    if (context.value.startsWith('dp.scim.')) return { scope: 'root', because: 'a SCIM token creates, changes and removes the workplace’s users and groups' };
    if (context.value.startsWith('dp.said.')) return { scope: 'scoped', because: "a service account identity token is short-lived: exchanged from an OIDC identity, it expires within the hour" };
    return readOnlyRating(context, 'service account token') ?? { scope: 'root', because: 'a service account’s workplace role and project access are not in the value, so it is rated the broad kind' };
  },
  reach: 'acts on the Doppler workplace: a service account with its role reads and changes projects and secrets; a SCIM token manages every user and group',
  narrower: 'give the service account a project role on the projects it needs, or use a service token bound to one config',
  reference: DOPPLER_REFERENCE,
  samples: {
    positive: [
      sample('terraform/doppler.tf', 'provider "doppler" {\n  doppler_token = "dp.sa.6p0vTDT4TM7pBK2roFFd6hAWljcR6AAQOoRCnjYEwzj"\n}\n', { expect: { line: 2 } }),
      sample('idp/okta-scim.json', '{\n  "baseUrl": "https://api.doppler.com/scim/v2",\n  "bearerToken": "dp.scim.UUXqeetWn8kgKqJPQszqClB0mDT6RPVReYjZEMeTOZJ"\n}\n', { expect: { line: 3 } }),
      sample('ci/debug.log', 'doppler oidc login: exchanged identity for DOPPLER_TOKEN=dp.said.Hq3vB7nK2mLp9RtWz4Yc6HfJ1sDg8AeU5oTi0WnQkZb\n', { expect: { line: 1 }, note: 'a service account identity token printed by a job' }),
    ],
    negative: [
      sample('terraform/doppler.tf', 'provider "doppler" {\n  doppler_token = var.doppler_token\n}\n'),
      sample('docs/doppler.md', 'Service account tokens are prefixed `dp.sa.` and SCIM tokens `dp.scim.`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('idp/okta-scim.json', '{\n  "bearerToken": "dp.scim.UUXqeetWn8kgKqJPQszqClB0mDT6RPVReYjZEMeTOZJ"\n}\n', { expect: { line: 2 } })],
    negative: [
      sample('ops/audit-export.env', 'DOPPLER_AUDIT_TOKEN=dp.audit.W7U0P7Jm2w9VnMr0jMRb5it0ih9PlK4E5Jb6gn9eMsU\n'),
      sample('ci/debug.log', 'DOPPLER_TOKEN=dp.said.Hq3vB7nK2mLp9RtWz4Yc6HfJ1sDg8AeU5oTi0WnQkZb\n', { note: 'a short-lived identity token' }),
    ],
  },
};

/** A 1Password service account token is `ops_` + base64 JSON holding the account's sign-in details. */
function isServiceAccountToken(value: string): boolean {
  const json = decodeBase64Text(value.slice(4).replace(/=+$/, ''));
  return json !== undefined && /"(?:signInAddress|secretKey|srpX|muk)"/.test(json);
}

export const onepasswordServiceAccountToken: CredentialKind = {
  id: 'onepassword-service-account-token',
  provider: '1password',
  title: '1Password service account token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(ops_eyJ[A-Za-z0-9+/_-]{100,4000}={0,2})(?![A-Za-z0-9+/=_-])/g, keywords: ['ops_'] }],
  plausible: isServiceAccountToken,
  rate: fixed('scoped', 'a service account reaches only the vaults granted to it, never Personal or Private vaults'),
  reach: 'reads (and, if granted, writes) every item in the vaults shared with the service account',
  narrower: 'grant the service account read-only access to one vault holding only what the job needs',
  reference: 'https://developer.1password.com/docs/service-accounts/security',
  samples: {
    positive: [
      sample('.github/workflows/secrets.yml', 'jobs:\n  load:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: 1password/load-secrets-action@v2\n        env:\n          OP_SERVICE_ACCOUNT_TOKEN: ops_eyJlbWFpbCI6InE3dnhrMm1mZDNoendAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmNvbSIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiQ0FzNVExV2tIekQ1R2kzLWluNnJ0NGl2SHVyQmlRcEpNRG5kNWw2WWdMNCIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtTDlQR043LUJXQlNIWS1MTUFSTC0zOVYySy1HNU4zRS1QNVJGMyIsInNycFgiOiJmZDBjNjJmZmJhYzAyNWEyYzE0MzJkYTE1MjhlNDQ5MDc1ODg5NmNhM2EyNzZmYjIxZGQxNzJhZmJkOWU1ODE4Iiwic2lnbkluQWRkcmVzcyI6ImFjbWUtY29ycC4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoidmJhdE90cV9WNlRSaXdYVkZiTzRfUSJ9fQ\n', { expect: { line: 7 } }),
      sample('scripts/op.env', 'OP_SERVICE_ACCOUNT_TOKEN=ops_eyJlbWFpbCI6InE3dnhrMm1mZDNoendAMXBhc3N3b3Jkc2VydmljZWFjY291bnRzLmNvbSIsIm11ayI6eyJhbGciOiJBMjU2R0NNIiwiZXh0Ijp0cnVlLCJrIjoiQ0FzNVExV2tIekQ1R2kzLWluNnJ0NGl2SHVyQmlRcEpNRG5kNWw2WWdMNCIsImtleV9vcHMiOlsiZW5jcnlwdCIsImRlY3J5cHQiXSwia3R5Ijoib2N0Iiwia2lkIjoibXAifSwic2VjcmV0S2V5IjoiQTMtTDlQR043LUJXQlNIWS1MTUFSTC0zOVYySy1HNU4zRS1QNVJGMyIsInNycFgiOiJmZDBjNjJmZmJhYzAyNWEyYzE0MzJkYTE1MjhlNDQ5MDc1ODg5NmNhM2EyNzZmYjIxZGQxNzJhZmJkOWU1ODE4Iiwic2lnbkluQWRkcmVzcyI6ImFjbWUtY29ycC4xcGFzc3dvcmQuY29tIiwidXNlckF1dGgiOnsibWV0aG9kIjoiU1JQZy00MDk2IiwiYWxnIjoiUEJFUzJnLUhTMjU2IiwiaXRlcmF0aW9ucyI6NjUwMDAwLCJzYWx0IjoidmJhdE90cV9WNlRSaXdYVkZiTzRfUSJ9fQ\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('.github/workflows/secrets.yml', 'jobs:\n  load:\n    steps:\n      - uses: 1password/load-secrets-action@v2\n        env:\n          OP_SERVICE_ACCOUNT_TOKEN: ${{ secrets.OP_SERVICE_ACCOUNT_TOKEN }}\n          DB_PASSWORD: op://prod/db/password\n'),
      sample('docs/1password.md', 'export OP_SERVICE_ACCOUNT_TOKEN=ops_eyJzaWduSW5BZGRyZXNzIjoiaHR0cHM6...\n'),
    ],
  },
};

/** Secret Keys published in 1Password's white paper and in scanners' documentation (hyphens removed). */
const PUBLISHED_SECRET_KEYS = new Set(['ASWWYB798JRYLJVD423DC286TVMH43EB', 'C4ZJMNPQTZTLHGL84G64M7KVZRN4ZVP6']);

export const onepasswordSecretKey: CredentialKind = {
  id: 'onepassword-secret-key',
  provider: '1password',
  title: '1Password account Secret Key',
  valuePatterns: [
    {
      regex: /(?<![A-Za-z0-9-])(A3-[A-Z0-9]{6}-(?:[A-Z0-9]{11}|[A-Z0-9]{6}-[A-Z0-9]{5})-[A-Z0-9]{5}-[A-Z0-9]{5}-[A-Z0-9]{5})(?![A-Za-z0-9-])/g,
      keywords: ['a3-'],
    },
  ],
  plausible: (value) => {
    const body = value.slice(3).replace(/-/g, '');
    return !PUBLISHED_SECRET_KEYS.has(body) && !isPlaceholder(body) && /[0-9]/.test(body) && entropy(body) >= 3.8;
  },
  rate: fixed('root', 'with the account password, the Secret Key signs in to the whole 1Password account'),
  reach: 'with the account password, opens every vault of the 1Password account, including every credential stored in it',
  narrower: 'keep the Secret Key in the Emergency Kit and on trusted devices only; give automation a service account instead',
  reference: 'https://support.1password.com/secret-key-security/',
  samples: {
    positive: [
      sample('notes/onboarding.md', '# New laptop\n\n- 1Password: jane@acme.io\n- Secret Key: A3-L9PGN7-BWBSHY-LMARL-39V2K-G5N3E-P5RF3\n', { expect: { line: 4 } }),
      sample('ops/bootstrap.sh', '#!/bin/sh\nop account add --address acme.1password.com --email ci@acme.io --secret-key A3-L9PGN7-BWBSHY-LMARL-39V2K-G5N3E-P5RF3\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('docs/1password.md', 'Your Secret Key looks like `A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX`.\n'),
      sample('docs/security.md', 'The white paper’s example: A3-ASWWYB-798JRYLJVD4-23DC2-86TVM-H43EB.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('notes/onboarding.md', 'Secret Key: A3-L9PGN7-BWBSHY-LMARL-39V2K-G5N3E-P5RF3\n', { expect: { line: 1 } })],
    negative: [sample('notes/onboarding.md', 'Secret Key: A3-XXXXXX-XXXXXX-XXXXX-XXXXX-XXXXX-XXXXX\n')],
  },
};

const PULUMI_TOKEN = 'pul-66ad1ca062de5ec3123610ec04edb6ffb5637b33';

export const pulumiAccessToken: CredentialKind = {
  id: 'pulumi-access-token',
  provider: 'pulumi',
  title: 'Pulumi Cloud access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(pul-[a-f0-9]{40})(?![A-Za-z0-9_-])/g, keywords: ['pul-'] }],
  plausible: (value) => !isPlaceholder(value.slice(4)) && entropy(value.slice(4)) >= 3.2,
  rate: (context) =>
    readOnlyRating(context, 'Pulumi token') ?? {
      scope: 'root',
      because: 'personal and organization tokens share one format: it acts on every stack of the organizations it belongs to',
    },
  reach: 'runs updates and destroys on every stack of its organizations, and reads their configuration secrets and state',
  narrower: 'use a team token limited to the stacks the job deploys, or OIDC from the CI provider with a short-lived token',
  reference: 'https://www.pulumi.com/docs/pulumi-cloud/access-management/access-tokens/',
  samples: {
    positive: [
      sample('.github/workflows/pulumi.yml', `jobs:\n  up:\n    runs-on: ubuntu-latest\n    env:\n      PULUMI_ACCESS_TOKEN: ${PULUMI_TOKEN}\n    steps:\n      - run: pulumi up --yes --stack prod\n`, { expect: { line: 5 } }),
    ],
    negative: [sample('.github/workflows/pulumi.yml', 'jobs:\n  up:\n    env:\n      PULUMI_ACCESS_TOKEN: ${{ secrets.PULUMI_ACCESS_TOKEN }}\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/deploy.sh', `export PULUMI_ACCESS_TOKEN=${PULUMI_TOKEN}\npulumi up --yes --stack prod\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/preview.sh', `# read-only token for previews\nexport PULUMI_ACCESS_TOKEN=${PULUMI_TOKEN}\npulumi preview --stack prod\n`)],
  },
};

const DATABRICKS_TOKEN = 'dapi231ba0c0c187ffb8be86f0e870b8a492';

export const databricksToken: CredentialKind = {
  id: 'databricks-token',
  provider: 'databricks',
  title: 'Databricks personal access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(dapi[a-f0-9]{32}(?:-\d)?)(?![A-Za-z0-9_])/g, keywords: ['dapi'] }],
  plausible: (value) => !isPlaceholder(value.slice(4)) && entropy(value.slice(4, 36)) >= 3.2,
  rate: fixed('root-resource', 'a personal access token acts as its user in the whole workspace, an admin\'s on everything in it'),
  reach: 'acts as the user in the workspace: reads and drops tables, runs jobs and clusters, and as an admin manages everything in it',
  narrower: 'use a service principal with OAuth machine-to-machine credentials, granted only the catalogs and jobs it needs',
  reference: 'https://docs.databricks.com/en/dev-tools/auth/pat.html',
  samples: {
    positive: [sample('profiles.yml', `analytics:\n  target: prod\n  outputs:\n    prod:\n      type: databricks\n      host: adb-1234567890123456.7.azuredatabricks.net\n      http_path: /sql/1.0/warehouses/8f3c2a71d4e85b06\n      token: ${DATABRICKS_TOKEN}\n`, { expect: { line: 8 } })],
    negative: [sample('profiles.yml', "analytics:\n  outputs:\n    prod:\n      type: databricks\n      token: \"{{ env_var('DATABRICKS_TOKEN') }}\"\n")],
  },
  scopeSamples: {
    positive: [sample('notebooks/export.py', `DATABRICKS_TOKEN = "${DATABRICKS_TOKEN}"\n`, { expect: { line: 1 } })],
    negative: [sample('notebooks/export.py', 'DATABRICKS_TOKEN = "dapi00000000000000000000000000000000"\n', { note: 'a placeholder' })],
  },
};

const AGE_KEY = 'AGE-SECRET-KEY-15FERYXHRDZ9M6Y09MR8WRERWZGJ6F8NTXVHXYRDLM5AAHN0T09NL4UJY86';

export const ageSecretKey: CredentialKind = {
  id: 'age-secret-key',
  provider: 'age',
  title: 'age secret key',
  // `age-keygen` writes it bech32-encoded: the prefix, then 58 characters of the bech32 alphabet (upper-case).
  valuePatterns: [{ regex: /(?<![A-Z0-9-])(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})(?![A-Z0-9])/g, keywords: ['age-secret-key-1'] }],
  plausible: (value) => !isPlaceholder(value.slice(16)) && entropy(value.slice(16)) >= 3.5,
  rate: fixed('root-resource', 'an age secret key decrypts every file encrypted to its recipient: every SOPS file the repository keeps for it'),
  reach: 'decrypts every SOPS or age file encrypted to it, production secrets included',
  narrower: 'keep the key in CI secrets or a KMS-backed SOPS setup, with one recipient per environment so that staging cannot decrypt production',
  reference: 'https://github.com/FiloSottile/age',
  samples: {
    positive: [
      sample('.sops/keys.txt', `# created: 2026-02-11T09:14:02Z\n# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n${AGE_KEY}\n`, { expect: { line: 3 } }),
      sample('.github/workflows/deploy.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      SOPS_AGE_KEY: ${AGE_KEY}\n    steps:\n      - run: sops -d secrets/prod.enc.yaml > .env\n`, { expect: { line: 5 } }),
    ],
    negative: [sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    env:\n      SOPS_AGE_KEY: ${{ secrets.SOPS_AGE_KEY }}\n')],
  },
  scopeSamples: {
    positive: [sample('.sops/keys.txt', `# public key: age1ql3z7hjy54pw3hyww5ayyfg7zqgvc7w3j2elw8zmrj2kg5sfn9aqmcac8p\n${AGE_KEY}\n`, { expect: { line: 2 } })],
    negative: [sample('.sops/keys.txt', 'AGE-SECRET-KEY-1QQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQQ\n', { note: 'a placeholder' })],
  },
};

const CONSUL_TOKEN = '3f6c2a9e-1b7d-4c8e-9a12-d4e5f6a7b8c9';

export const consulNomadToken: CredentialKind = {
  id: 'consul-nomad-token',
  provider: 'hashicorp',
  title: 'Consul or Nomad ACL token',
  // A UUID known by its name: the CLIs' variables, and the bootstrap/management token of Consul's agent config.
  contextPatterns: [
    { variable: /^(?:CONSUL_HTTP_TOKEN|CONSUL_(?:MANAGEMENT|MASTER|BOOTSTRAP)_TOKEN|NOMAD_TOKEN|NOMAD_(?:MANAGEMENT|BOOTSTRAP)_TOKEN|consul_token|nomad_token)$/i, value: UUID, keywords: ['consul', 'nomad'] },
    // Consul's agent configuration (`acl { tokens { initial_management = "…" } }`); the older `master` name is too common a word to look for.
    { variable: /^initial_management$/, value: UUID, keywords: ['initial_management'], requires: ['acl'] },
    // The headers Consul's and Nomad's HTTP APIs take a token in.
    { header: /^(?:x-consul-token|x-nomad-token)$/i, value: UUID, keywords: ['x-consul-token', 'x-nomad-token'] },
  ],
  plausible: (value) => !isPlaceholder(value) && !/^0{8}-|-0{12}$/.test(value),
  rate: (context) =>
    readOnlyRating(context, 'ACL token') ??
    (/initial_management|master|management|bootstrap/i.test(`${context.variable ?? ''} ${context.nearby}`)
      ? { scope: 'root', because: 'the management (bootstrap) token has every ACL permission: it can stop every job and delete every key' }
      : { scope: 'root', because: "an ACL token's policies are not in the value, and CI and operator tokens are usually management tokens" }),
  reach: "with a management token, stops and purges every Nomad job and deletes Consul's whole key/value store",
  narrower: 'create a token with a policy limited to the jobs or key prefixes the task needs, and keep it in CI secrets or Vault',
  reference: 'https://developer.hashicorp.com/consul/docs/security/acl/tokens',
  samples: {
    positive: [
      sample('deploy/nomad/deploy.sh', `#!/bin/sh\nexport NOMAD_ADDR=https://nomad.acme.internal:4646\nexport NOMAD_TOKEN=${CONSUL_TOKEN}\nnomad job run api.nomad.hcl\n`, { expect: { line: 3 } }),
      {
        files: {
          'api/environments/production.bru': `vars {\n  consul_addr: https://consul.acme.internal:8501\n  acl_token: ${CONSUL_TOKEN}\n}\n`,
          'api/kv/read.bru': 'meta {\n  name: read\n  type: http\n  seq: 1\n}\n\nget {\n  url: {{consul_addr}}/v1/kv/app?recurse=true\n  auth: none\n}\n\nheaders {\n  X-Consul-Token: {{acl_token}}\n}\n',
        },
        expect: { path: 'api/environments/production.bru', line: 3 },
        note: 'a Bruno environment whose token a request sends as X-Consul-Token',
      },
      sample('consul/server.hcl', `acl {\n  enabled        = true\n  default_policy = "deny"\n  tokens {\n    initial_management = "${CONSUL_TOKEN}"\n  }\n}\n`, { expect: { line: 5 } }),
    ],
    negative: [sample('deploy/nomad/deploy.sh', '#!/bin/sh\nexport NOMAD_TOKEN="$(vault read -field=secret_id nomad/creds/deployer)"\nnomad job run api.nomad.hcl\n')],
  },
  scopeSamples: {
    positive: [sample('consul/server.hcl', `acl {\n  enabled = true\n  tokens {\n    initial_management = "${CONSUL_TOKEN}"\n  }\n}\n`, { expect: { line: 4 } })],
    negative: [sample('monitoring/.env', `CONSUL_READONLY_TOKEN=${CONSUL_TOKEN}\n`, { note: 'named for a read-only token' })],
  },
};

export const ansibleVaultPassword: CredentialKind = {
  id: 'ansible-vault-password',
  provider: 'ansible',
  title: 'Ansible Vault password file',
  // The file `vault_password_file` (ansible.cfg) or `--vault-password-file` names: the password alone, in plain text.
  filePatterns: [{ path: /(?:^|\/)\.?vault[_-]?pass(?:word)?(?:[_-]?file)?(?:\.txt)?$/i, value: /^[^\s#][^\n]{7,255}$/ }],
  contextPatterns: [{ variable: /^ANSIBLE_VAULT_PASSWORD$/, value: /^[^\s$]{8,256}$/, keywords: ['ansible_vault_password'] }],
  plausible: (value) => !isPlaceholder(value) && !/^(?:#!|\$|\{\{|<)/.test(value) && new Set(value).size >= 5,
  rate: fixed('root-resource', 'the vault password decrypts every !vault value and vaulted file the repository holds, production secrets included'),
  reach: 'decrypts every Ansible Vault secret in the repository: database passwords, API keys and certificates of every environment it holds',
  narrower: 'keep the password out of the checkout (a password manager script as vault_password_file, or CI secrets), with a vault id per environment',
  reference: 'https://docs.ansible.com/ansible/latest/vault_guide/vault_managing_passwords.html',
  samples: {
    positive: [sample('.vault_pass', 'Tq8vLm3kPz2Wx7Rb9Nc4\n', { expect: { line: 1 }, note: 'the file ansible.cfg names as vault_password_file' })],
    negative: [
      sample('.vault_pass', '#!/bin/sh\npass show ansible/vault\n', { note: 'a script that fetches the password' }),
      { files: { '.vault_pass': 'Tq8vLm3kPz2Wx7Rb9Nc4\n' }, gitignored: ['.vault_pass'], note: 'git-ignored, as it should be' },
    ],
  },
  scopeSamples: {
    positive: [sample('vault_password.txt', 'Tq8vLm3kPz2Wx7Rb9Nc4\n', { expect: { line: 1 } })],
    negative: [sample('vault_password.txt', 'changeme-changeme\n', { note: 'a placeholder' })],
  },
};

const INFISICAL_TOKEN = 'st.6512f0a8-b9c4-4e3d-a1f0-e9d8c7b6a5f4.4f8e2c71a9d3b6051e7c2a8f9d4b3e60.9c1d7e3a5b8f2c4d6e0a1b3c5d7e9f21';
const INFISICAL_TOKEN_LEGACY = 'st.64e7a2b9c3d1f0e8a7b6c5d4.c2a97e41d0b85f36a1e9d7c4b2f80e53.e81f4a6c2d9b7035f1a8c6e4d2b09f71';

/**
 * Infisical service tokens: `st.<token id>.<secret>` as the server issues them (the id a UUID, or a 24-hex ObjectId
 * on older instances; the secret 16 random bytes in hex), and the CLI's form with `.<key>` appended, the 16-byte hex
 * key that decrypts the project key. The id and secret alone authenticate.
 */
export const infisicalServiceToken: CredentialKind = {
  id: 'infisical-service-token',
  provider: 'infisical',
  title: 'Infisical service token',
  valuePatterns: [
    {
      regex: new RegExp(`(?<![A-Za-z0-9_.-])(st\\.(?:${UUID_SOURCE}|[0-9a-f]{24})\\.[0-9a-f]{32}(?:\\.[0-9a-f]{32})?)(?![A-Za-z0-9_.-])`, 'g'),
      // Keyed on the product's name, not on `st.`, which most files hold (`test.`, `list.`) and which would admit
      // them all to the credential pass: the regex runs only where Infisical is named (required, not only a keyword,
      // so that the slow path, which ignores keywords, agrees).
      keywords: ['infisical'],
      requires: ['infisical'],
    },
  ],
  plausible: (value) => {
    const secret = value.split('.')[2] ?? '';
    return !isPlaceholder(secret) && entropy(secret) >= 3.2;
  },
  rate: fixed('scoped', 'a service token reads (and with write, changes) the secrets of the environments and paths of one project it was made for'),
  reach: 'reads, and with write access changes or deletes, every secret in the environments and paths of the one Infisical project it was made for',
  narrower: 'use a machine identity with a read-only project role on the one environment the job needs, logging in at run time (OIDC from CI) instead of a stored token',
  reference: 'https://infisical.com/docs/internals/service-tokens',
  samples: {
    positive: [
      sample('.github/workflows/deploy.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      INFISICAL_TOKEN: ${INFISICAL_TOKEN}\n    steps:\n      - run: infisical run --env=prod -- npm run migrate\n`, { expect: { line: 5 } }),
      sample('docker-compose.yml', `services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    command: infisical run --env=staging -- node server.js\n    environment:\n      INFISICAL_TOKEN: "${INFISICAL_TOKEN_LEGACY}"\n`, { expect: { line: 6 }, note: "an older instance's ObjectId token id" }),
    ],
    negative: [
      sample('.github/workflows/deploy.yml', 'jobs:\n  deploy:\n    env:\n      INFISICAL_TOKEN: ${{ secrets.INFISICAL_TOKEN }}\n    steps:\n      - run: infisical run --env=prod -- npm run migrate\n'),
      sample('docs/infisical.md', 'Service tokens look like `st.<token-id>.<secret>.<key>`, for example `st.xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx.00000000000000000000000000000000`.\n'),
      sample('scripts/sync.py', '# cache entries are keyed by store id and digest\nCACHE_KEY = "st.64e7a2b9c3d1f0e8a7b6c5d4.c2a97e41d0b85f36a1e9d7c4b2f80e53"\n', { note: 'no Infisical in the file: a cache key of the same shape' }),
    ],
  },
};

const INFISICAL_CLIENT_SECRET = '517d00f37524d332ee462f9753804a3ae5cde6ff58095823ed0d01a7d7f86930';

/** Universal Auth client secrets (32 random bytes in hex), known by the variables Infisical's tools read. */
export const infisicalMachineIdentitySecret: CredentialKind = {
  id: 'infisical-machine-identity-secret',
  provider: 'infisical',
  title: 'Infisical machine identity client secret',
  contextPatterns: [
    {
      variable: /^INFISICAL_(?:UNIVERSAL_AUTH_|MACHINE_IDENTITY_|UA_)?CLIENT_SECRET$|^infisical[_.-]?(?:universal[_.-]?auth[_.-]?|machine[_.-]?identity[_.-]?)?client[_.-]?secret$/i,
      value: /^[0-9a-f]{64}$/,
      keywords: ['infisical'],
    },
    // The Terraform provider's `auth { universal { client_id, client_secret } }` block.
    { variable: /^client_secret$/, section: /^universal$/, value: /^[0-9a-f]{64}$/, keywords: ['client_secret'], requires: ['infisical'] },
  ],
  plausible: (value) => !isPlaceholder(value) && entropy(value) >= 3.3,
  rate: (context) =>
    readOnlyRating(context, 'Infisical machine identity') ?? {
      scope: 'root',
      because: "it logs in as a machine identity whose organization role and project roles are not in the repository (an organization identity can be an admin of every project)",
    },
  reach: 'logs in as its machine identity: with an admin role it reads and rewrites the secrets of every project and environment in the organization and manages its members and identities',
  narrower: 'give the identity a read-only role on the one project and environment the job needs, and log in with OIDC or Kubernetes auth instead of a stored client secret',
  reference: 'https://infisical.com/docs/documentation/platform/identities/universal-auth',
  samples: {
    positive: [
      sample('.env.ci', `INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=6512f0a8-b9c4-4e3d-a1f0-e9d8c7b6a5f4\nINFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=${INFISICAL_CLIENT_SECRET}\n`, { expect: { line: 2 } }),
      sample('infra/infisical.tf', `provider "infisical" {\n  host = "https://app.infisical.com"\n  auth = {\n    universal = {\n      client_id     = "6512f0a8-b9c4-4e3d-a1f0-e9d8c7b6a5f4"\n      client_secret = "${INFISICAL_CLIENT_SECRET}"\n    }\n  }\n}\n`, { expect: { line: 6 }, note: "the Terraform provider's auth block" }),
    ],
    negative: [
      sample('.env.example', 'INFISICAL_UNIVERSAL_AUTH_CLIENT_ID=\nINFISICAL_UNIVERSAL_AUTH_CLIENT_SECRET=\n'),
      sample('.github/workflows/secrets.yml', 'jobs:\n  load:\n    steps:\n      - uses: Infisical/secrets-action@v1.0.9\n        with:\n          client-id: ${{ secrets.INFISICAL_CLIENT_ID }}\n          client-secret: ${{ secrets.INFISICAL_CLIENT_SECRET }}\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.ci', `INFISICAL_CLIENT_SECRET=${INFISICAL_CLIENT_SECRET}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.ci', `# read-only identity for the preview builds\nINFISICAL_CLIENT_SECRET=${INFISICAL_CLIENT_SECRET}\n`)],
  },
};

export const INFRA_KINDS: readonly CredentialKind[] = [
  terraformCloudToken,
  pulumiAccessToken,
  databricksToken,
  vaultToken,
  vaultUnsealKey,
  dopplerPersonalToken,
  dopplerServiceToken,
  dopplerWorkplaceToken,
  onepasswordServiceAccountToken,
  onepasswordSecretKey,
  ageSecretKey,
  consulNomadToken,
  infisicalServiceToken,
  infisicalMachineIdentitySecret,
  ansibleVaultPassword,
];
