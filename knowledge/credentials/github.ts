// GitHub: prefixed, checksummed tokens. A classic PAT reaches every repository and organisation of its user; a
// fine-grained PAT, app and installation tokens are bound to chosen repositories and permissions.
import { sample } from '../../src/model.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { hasValidBase62Checksum, isPlaceholder, looksRandom } from './values.js';

const REFERENCE = 'https://github.blog/engineering/platform-security/behind-githubs-new-authentication-token-formats/';
/** The last six characters are a base62 CRC32 of the random part: tokens that fail it were made up. */
const checksummed = (value: string): boolean => hasValidBase62Checksum(value, 4);

export const githubClassicToken: CredentialKind = {
  id: 'github-classic-token',
  provider: 'github',
  title: 'GitHub classic personal access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(ghp_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ['ghp_'] }],
  // Before April 2021 personal access and OAuth tokens were 40 hex characters with no prefix: only the name says
  // GitHub (`GITHUB_TOKEN`, a provider "github" block's `token`). They are classic tokens, with classic reach.
  contextPatterns: [
    {
      variable: /^(?:GITHUB|GH)(?:_ENTERPRISE)?_(?:TOKEN|PAT|ACCESS_TOKEN|API_TOKEN|OAUTH_TOKEN|AUTH_TOKEN)$|github[_.-]?(?:personal[_.-]?)?(?:access[_.-]?|api[_.-]?|oauth[_.-]?|auth[_.-]?)?token$|^github\.token$/i,
      value: /^[0-9a-f]{40}$/,
      keywords: ['github', 'gh_'],
    },
  ],
  plausible: (value) => (/^[0-9a-f]{40}$/.test(value) ? looksRandom(value, 40, 3.0) && !isPlaceholder(value) : checksummed(value)),
  rate: fixed('root', 'a classic PAT acts as its user on every repository and organisation the user can reach; its scopes are invisible'),
  reach: 'acts as the user on every repository and organisation they can reach, including deleting repositories when the token has delete_repo',
  narrower: 'use a fine-grained personal access token limited to the repositories and permissions the job needs, with an expiry',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('scripts/release.sh', '#!/bin/sh\nGH_TOKEN=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 gh release create "$TAG" dist/*\n', { expect: { line: 2 } }),
      sample('scripts/gh-basic.sh', '#!/bin/sh\ncurl -H "Authorization: Basic YWNtZS1ib3Q6Z2hwX00wWHZxWmp4VFczeHZib1NSdDVNaDNkQXdWdFJNZjNMZVppSg==" https://api.github.com/user\n', { expect: { line: 2 }, note: 'HTTP Basic: base64 of user:token' }),
      sample('tools/gh.sh', '#!/bin/sh\nGITHUB_TOKEN=3f9c2a7e1b8d4f60a5c9e2b7d1f8a3c6e0b4d927\ncurl -H "Authorization: token $GITHUB_TOKEN" https://api.github.com/user/repos\n', { expect: { line: 2 }, note: 'a token from before the prefixed formats: 40 hex characters' }),
      sample('scripts/ghe-sync.sh', '#!/bin/sh\nexport GH_ENTERPRISE_TOKEN=9b1e4c7a2d8f3e6b0a5c1d9e7f2b4a8c6d3e0f15\ngh repo list acme --limit 500\n', { expect: { line: 2 }, note: 'the gh CLI reads GitHub Enterprise tokens from this name' }),
      sample('.npmrc', '@acme:registry=https://npm.pkg.github.com\n//npm.pkg.github.com/:_authToken=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\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('docs/tokens.md', 'A classic token looks like `ghp_rV8dVWmzcgsKuUsxvrX2h5b2x0qq2RAAAAAA`.\n', { note: 'checksum fails: a made-up value' }),
      sample('scripts/release.sh', 'GH_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx gh release create\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/release.sh', 'GH_TOKEN=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 gh release create "$TAG"\n', { expect: { line: 1 } })],
    negative: [sample('scripts/release.sh', 'GH_TOKEN=ghp_rV8dVWmzcgsKuUsxvrX2h5b2x0qq2RAAAAAA gh release create "$TAG"\n', { note: 'fabricated: fails the checksum' })],
  },
};

export const githubOauthToken: CredentialKind = {
  id: 'github-oauth-token',
  provider: 'github',
  title: 'GitHub OAuth access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(gho_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ['gho_'] }],
  plausible: checksummed,
  rate: fixed('root', 'an OAuth token carries the user’s granted scopes across every repository they can reach'),
  reach: 'acts as the user with the OAuth app’s scopes, typically across every repository they can reach',
  narrower: 'use a GitHub App with installation tokens limited to the repositories it needs',
  reference: REFERENCE,
  samples: {
    positive: [sample('config/hosts.yml', 'github.com:\n  user: acme-bot\n  oauth_token: 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\n', { expect: { line: 3 } })],
    negative: [sample('config/hosts.yml', 'github.com:\n  oauth_token: gho_16C7e42F292c6912E7710c838347Ae178B4a\n', { note: 'GitHub docs example, fails the checksum' })],
  },
  scopeSamples: {
    positive: [sample('config/hosts.yml', 'github.com:\n  oauth_token: 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\n', { expect: { line: 2 } })],
    negative: [sample('config/hosts.yml', 'github.com:\n  oauth_token: gho_16C7e42F292c6912E7710c838347Ae178B4a\n')],
  },
};

export const githubFineGrainedToken: CredentialKind = {
  id: 'github-fine-grained-token',
  provider: 'github',
  title: 'GitHub fine-grained personal access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9_])/g, keywords: ['github_pat_'] }],
  rate: fixed('scoped', 'a fine-grained PAT is limited to one owner, chosen repositories and explicit permissions'),
  reach: 'acts on the repositories and with the permissions chosen when it was created',
  narrower: 'already narrow; keep it in a secret store and give it an expiry',
  reference: REFERENCE,
  samples: {
    positive: [sample('tools/sync.py', 'TOKEN = "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"\n', { expect: { line: 1 } })],
    negative: [sample('tools/sync.py', 'TOKEN = os.environ["GITHUB_PAT"]  # github_pat_...\n')],
  },
};

export const githubAppTokens: CredentialKind = {
  id: 'github-app-token',
  provider: 'github',
  title: 'GitHub App user, installation or refresh token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(gh[usr]_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ['ghu_', 'ghs_', 'ghr_'] }],
  plausible: checksummed,
  rate: fixed('scoped', 'app tokens are limited to the installation’s repositories and expire within hours'),
  reach: 'acts for the app on the repositories it is installed on, until it expires',
  narrower: 'mint installation tokens at run time instead of committing one',
  reference: REFERENCE,
  samples: {
    positive: [sample('tests/e2e/github.env.json', '{\n  "GITHUB_INSTALLATION_TOKEN": "ghs_wmVuOatSKktsBFL38foEYHBbduuFg73yiGjj"\n}\n', { expect: { line: 2 } })],
    negative: [sample('tests/e2e/github.env.json', '{\n  "GITHUB_INSTALLATION_TOKEN": "ghs_0000000000000000000000000000000000000"\n}\n')],
  },
};

export const GITHUB_KINDS: readonly CredentialKind[] = [githubClassicToken, githubOauthToken, githubFineGrainedToken, githubAppTokens];
