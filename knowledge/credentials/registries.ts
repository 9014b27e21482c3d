// Package and image registries: npm, PyPI, Docker Hub and registry logins in `.docker/config.json`. A publish token is
// a supply-chain credential: whoever holds it ships code to everyone who installs the package or pulls the image.
import { sample } from '../../src/model.js';
import { nameWord, readOnlyRating } from './narrowing.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { decodeBase64Text, hasValidBase62Checksum, isHumanPlaceholder, isPlaceholder, looksRandom, randomAfter, UUID, UUID_SOURCE } from './values.js';

const NPM_TOKEN = /^npm_[A-Za-z0-9]{36}$/;
/** The registry a `.npmrc` line authenticates to: `//registry.npmjs.org/:_authToken=...`. */
const NPMRC_REGISTRY = /\/\/([^/\s:]+)[^\s]*:_authToken/;

function npmPlausible(value: string): boolean {
  if (NPM_TOKEN.test(value)) return hasValidBase62Checksum(value, 4);
  // `npm_config_*` is how npm hands its settings to scripts: an `npm_` value that is no token is a variable name.
  if (value.startsWith('npm_')) return false;
  if (UUID.test(value)) return !isPlaceholder(value);
  // secretlint reports whatever follows `_authToken=`: keep it only when it is one token that looks generated.
  return /^[A-Za-z0-9._~+/=-]{20,}$/.test(value) && looksRandom(value, 20, 3.0) && !isPlaceholder(value);
}

function npmRating(context: CredentialContext): Rating {
  const registry = NPMRC_REGISTRY.exec(context.line)?.[1];
  if (registry && registry !== 'registry.npmjs.org' && !NPM_TOKEN.test(context.value)) {
    return { scope: 'unknown', because: `a token for the ${registry} registry; its scope is not in the value` };
  }
  return (
    readOnlyRating(context, 'npm token') ?? {
      scope: 'root',
      because: 'an npm token can publish every package its user maintains unless it was created read-only or limited to packages, which the value does not show',
    }
  );
}

export const npmToken: CredentialKind = {
  id: 'npm-token',
  provider: 'npm',
  title: 'npm access token',
  valuePatterns: [
    { regex: /(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9_])/g, keywords: ['npm_'] },
    // Tokens issued before the `npm_` format are UUIDs, written into `.npmrc` by `npm login`.
    { regex: new RegExp(`(?<=_authToken\\s*=\\s*["']?)(${UUID_SOURCE})(?![0-9A-Fa-f-])`, 'g'), keywords: ['_authtoken'] },
  ],
  contextPatterns: [{ variable: /^(?:NPM_(?:AUTH_|PUBLISH_)?TOKEN|NODE_AUTH_TOKEN)$/i, value: UUID, keywords: ['npm', 'node_auth'] }],
  plausible: npmPlausible,
  rate: npmRating,
  reach: 'publishes new versions of every package the user maintains: code that runs on every machine that installs them',
  narrower: 'use a granular access token limited to the packages it publishes, with an expiry, or trusted publishing from CI (no token at all)',
  reference: 'https://docs.npmjs.com/about-access-tokens/',
  samples: {
    positive: [
      sample('.npmrc', 'registry=https://registry.npmjs.org/\n//registry.npmjs.org/:_authToken=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\n', { expect: { line: 2 } }),
      sample('.github/workflows/publish.yml', 'jobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/setup-node@v4\n        with:\n          registry-url: https://registry.npmjs.org\n      - run: npm publish --access public\n        env:\n          NODE_AUTH_TOKEN: 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\n', { expect: { line: 10 } }),
      sample('packages/cli/.npmrc', '//registry.npmjs.org/:_authToken=04c88b82-ed9c-3639-383e-0d8319e97abe\nalways-auth=true\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('tools/meteor.js', 'const skip = !!process.env.npm_config_ignore_meteor_setup_exec_path;\n', { note: "npm's settings reach scripts as npm_config_* variables" }),
      sample('.npmrc', '//registry.npmjs.org/:_authToken=${NPM_TOKEN}\n'),
      sample('scripts/publish.sh', '#!/bin/sh\n# token format: npm_ followed by 36 characters\necho "//registry.npmjs.org/:_authToken=$NPM_TOKEN" > ~/.npmrc\n'),
      sample('docs/release.md', 'Create a token (it looks like `npm_Aub3NzdHvwW5Snpbt0Kwf2OeoDF4p3Zq4vW8`) and save it as `NPM_TOKEN`.\n', { note: 'checksum fails: a made-up value' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.npmrc', '//registry.npmjs.org/:_authToken=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\n', { expect: { line: 1 } })],
    negative: [sample('.npmrc', '# read-only token: installs private dependencies in CI\n//registry.npmjs.org/:_authToken=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\n')],
  },
};

interface Macaroon {
  location: string;
  caveats: string[];
}

/** Reads a libmacaroons v2 binary macaroon (PyPI's token format): location, then first-party caveat predicates. */
function decodeMacaroon(token: string): Macaroon | undefined {
  const bytes = Buffer.from(token.replace(/^pypi-/, ''), 'base64url');
  if (bytes[0] !== 2) return undefined;
  let at = 1;
  const field = (): { type: number; data: Buffer } | undefined => {
    const type = bytes[at++];
    if (type === undefined) throw new Error('truncated');
    if (type === 0) return undefined;
    let length = 0;
    let shift = 0;
    for (;;) {
      const byte = bytes[at++];
      if (byte === undefined || shift > 28) throw new Error('truncated');
      length |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
      shift += 7;
    }
    const data = bytes.subarray(at, at + length);
    if (data.length !== length) throw new Error('truncated');
    at += length;
    return { type, data };
  };
  try {
    let location = '';
    for (let header = field(); header; header = field()) if (header.type === 1) location = header.data.toString('utf8');
    const caveats: string[] = [];
    // Caveat sections end with an empty section (a lone end-of-section byte) before the signature.
    while (at < bytes.length && bytes[at] !== 0) {
      for (let part = field(); part; part = field()) if (part.type === 2) caveats.push(part.data.toString('utf8'));
    }
    return { location, caveats };
  } catch {
    return undefined;
  }
}

type PypiCaveat = { kind: 'user' } | { kind: 'project'; names: string } | { kind: 'publisher' } | { kind: 'expiry'; expiresAt: number } | { kind: 'other' };

/** Warehouse caveats: `[tag, ...]` arrays (0 expiry, 1 project names, 2 project ids, 3 user, 4 trusted publisher) or v1 objects. */
function readCaveat(predicate: string): PypiCaveat {
  let parsed: unknown;
  try {
    parsed = JSON.parse(predicate);
  } catch {
    return { kind: 'other' };
  }
  if (Array.isArray(parsed)) {
    const [tag, first] = parsed as [unknown, unknown];
    if (tag === 0 && typeof first === 'number') return { kind: 'expiry', expiresAt: first };
    if (tag === 1 || tag === 2) return { kind: 'project', names: Array.isArray(first) ? first.join(', ') : 'one project' };
    if (tag === 3) return { kind: 'user' };
    if (tag === 4) return { kind: 'publisher' };
    return { kind: 'other' };
  }
  if (parsed && typeof parsed === 'object') {
    const permissions = (parsed as { permissions?: unknown }).permissions;
    if (permissions === 'user') return { kind: 'user' };
    const projects = (permissions as { projects?: unknown } | undefined)?.projects;
    if (Array.isArray(projects)) return { kind: 'project', names: projects.join(', ') };
  }
  return { kind: 'other' };
}

function pypiRating(context: CredentialContext): Rating {
  const macaroon = decodeMacaroon(context.value);
  if (!macaroon) return { scope: 'root', because: 'the token’s macaroon does not decode, so its caveats are unknown and it is rated account-wide' };
  if (macaroon.location === 'test.pypi.org') return { scope: 'test', because: 'a TestPyPI token (macaroon location test.pypi.org)' };
  const caveats = macaroon.caveats.map(readCaveat);
  const project = caveats.find((caveat): caveat is { kind: 'project'; names: string } => caveat.kind === 'project');
  if (project) return { scope: 'scoped', because: `its caveats limit it to ${project.names}` };
  if (caveats.some((caveat) => caveat.kind === 'publisher')) return { scope: 'scoped', because: 'a trusted-publisher token, limited to the publisher’s projects' };
  if (caveats.some((caveat) => caveat.kind === 'user')) return { scope: 'root', because: 'its caveats scope it to the whole account: every project the user can upload to' };
  return { scope: 'root', because: 'no caveat limits it to a project, so it reaches the whole account' };
}

export const pypiToken: CredentialKind = {
  id: 'pypi-token',
  provider: 'pypi',
  title: 'PyPI API token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(pypi-AgE[A-Za-z0-9_-]{50,1000})(?![A-Za-z0-9_-])/g, keywords: ['pypi-'] }],
  plausible: (value) => {
    if (isPlaceholder(value.slice(20))) return false;
    // An expired token opens nothing.
    const expiry = decodeMacaroon(value)?.caveats.map(readCaveat).find((caveat) => caveat.kind === 'expiry');
    return !(expiry?.kind === 'expiry' && expiry.expiresAt * 1000 < Date.now());
  },
  rate: pypiRating,
  reach: 'uploads new releases of every project the account can publish to: code that runs on every machine that installs them',
  narrower: 'use a token scoped to the one project it publishes, or trusted publishing from CI (no long-lived token at all)',
  reference: 'https://pypi.org/help/#apitoken',
  samples: {
    positive: [
      sample('.pypirc', '[distutils]\nindex-servers = pypi\n\n[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCIDZkZTdlNzg2YTQwMDQ0NTRiOWJjMmI2NzAyMzFiMGQ0AAIqWzMsImY1Mjg5YmViLTJlYzctNDk3NS04MTZkLWUzZjMxNmMxN2IzZiJdAAAGIF2cCHx4eCIQq18IDjZjH8oKSE8UDTxrvG288uXjQUBu\n', { expect: { line: 6 } }),
      sample('.github/workflows/release.yml', 'jobs:\n  upload:\n    runs-on: ubuntu-latest\n    steps:\n      - run: python -m build\n      - run: twine upload dist/*\n        env:\n          TWINE_USERNAME: __token__\n          TWINE_PASSWORD: pypi-AgEIcHlwaS5vcmcCIGExY2U0ZmMxZGQ4ZDRjYmM4YTE5MzFhYTMzOGU3OTA5AAIUWzEsWyJhY21lLXdpZGdldHMiXV0AAixbMixbIjM0M2UxZWE1LTM0MzUtNGJlNy1iYjU1LThhYzY0NWZkZTI4YyJdXQAABiDDqtMKmDsFaIpsnJuab1Rtuc2FTqTtY4-n9mKevogvJQ\n', { expect: { line: 9 } }),
      sample('Makefile', 'publish-test:\n\ttwine upload --repository testpypi -u __token__ -p pypi-AgENdGVzdC5weXBpLm9yZwIgYjM4OWMxMThiZWU1NDc2OWEzZDc3MjVkNmE4NzYxOTQAAiV7InZlcnNpb24iOiAxLCAicGVybWlzc2lvbnMiOiAidXNlciJ9AAAGIOZy7Y-v-9rGHPlppruzFts-E_kWgM-jPyXK0C65w-B9 dist/*\n', { expect: { line: 2 }, note: 'TestPyPI: reported low' }),
    ],
    negative: [
      sample('.github/workflows/release.yml', 'jobs:\n  upload:\n    steps:\n      - run: twine upload dist/*\n        env:\n          TWINE_USERNAME: __token__\n          TWINE_PASSWORD: ${{ secrets.PYPI_API_TOKEN }}\n'),
      sample('CONTRIBUTING.md', 'Put `password = pypi-AgEIcHlwaS5vcmcxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx` in your `~/.pypirc`.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('.pypirc', '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCIGJmMjNiMDllNGE3YTQwMDZiMTRmMTRlMWI2NzNhMGY4AAIleyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogInVzZXIifQAABiAn6JL2QKfaTIOQ7hvCXUExo_SwWi90Oisv_V9Q4usRRQ\n', { expect: { line: 3 } })],
    negative: [sample('.pypirc', '[pypi]\nusername = __token__\npassword = pypi-AgEIcHlwaS5vcmcCIGIxZDI5OTU3OWEzODQwOTJhOTFiOWQzZGI4ODQzYzAxAAI9eyJ2ZXJzaW9uIjogMSwgInBlcm1pc3Npb25zIjogeyJwcm9qZWN0cyI6IFsiYWNtZS13aWRnZXRzIl19fQAABiDHoAI2UWESMgkbNItKOjxGDnsqrIE3_wz8ST0zMOnCjg\n', { note: 'caveat limits it to one project' })],
  },
};

export const dockerHubToken: CredentialKind = {
  id: 'docker-hub-token',
  provider: 'docker',
  title: 'Docker Hub access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_]|[A-Za-z0-9_]-)(dckr_(?:pat|oat)_[A-Za-z0-9_-]{27,32})(?![A-Za-z0-9_-])/g, keywords: ['dckr_pat_', 'dckr_oat_'] }],
  plausible: (value) => !isPlaceholder(value.slice(9)),
  rate: (context) =>
    readOnlyRating(context, 'Docker Hub token') ?? {
      scope: 'root',
      because: context.value.startsWith('dckr_oat_')
        ? 'an organization access token: its repository and organization permissions are not in the value'
        : 'a personal access token reaches every repository of the account; its permission (up to read, write, delete) is not in the value',
    },
  reach: 'pushes over and deletes images in every repository the account or organization owns: what production pulls next',
  narrower: 'use a token with Read-only or Public Repo Read-only access for pulls, and an organization access token limited to the repositories CI pushes',
  reference: 'https://docs.docker.com/security/access-tokens/',
  samples: {
    positive: [
      sample('.gitlab-ci.yml', 'build:\n  image: docker:27\n  script:\n    - echo "dckr_pat_c4A7Aif9HxCMUyc6jRiItDPLf4X" | docker login -u acmebuild --password-stdin\n    - docker push acme/api:$CI_COMMIT_SHA\n', { expect: { line: 4 } }),
      sample('deploy/registry.env', 'DOCKERHUB_USERNAME=acme\nDOCKERHUB_TOKEN=dckr_oat_rTxtk1O7UCNF_xrzXgsmoNHUwyMsGhcf\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('.github/workflows/image.yml', 'jobs:\n  push:\n    steps:\n      - uses: docker/login-action@v3\n        with:\n          username: acmebuild\n          password: ${{ secrets.DOCKERHUB_TOKEN }}\n'),
      sample('docs/ci.md', 'Create a personal access token (`dckr_pat_...`) with Read & Write scope.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('deploy/registry.env', 'DOCKERHUB_TOKEN=dckr_pat_c4A7Aif9HxCMUyc6jRiItDPLf4X\n', { expect: { line: 1 } })],
    negative: [sample('deploy/registry.env', 'DOCKERHUB_PULL_TOKEN=dckr_pat_c4A7Aif9HxCMUyc6jRiItDPLf4X\n')],
  },
};

const DOCKER_HUB_HOSTS = /^(?:https?:\/\/)?(?:index\.docker\.io|registry-1\.docker\.io|docker\.io|registry\.hub\.docker\.com)(?:\/|$)/i;

/** The `auths` key above the value: the registry the login is for. */
function registryOf(context: CredentialContext): string | undefined {
  const text = `${context.nearby}\n${context.line}`;
  const at = text.indexOf(context.value);
  const before = at === -1 ? text : text.slice(0, at);
  const keys = [...before.matchAll(/"([^"\s]+)"\s*:\s*\{/g)].map((match) => match[1]!).filter((key) => key !== 'auths');
  return keys[keys.length - 1];
}

function dockerLogin(value: string): { user: string; secret: string } | undefined {
  const text = decodeBase64Text(value);
  const colon = text?.indexOf(':') ?? -1;
  if (!text || colon <= 0 || !/^[\x20-\x7e]+$/.test(text)) return undefined;
  return { user: text.slice(0, colon), secret: text.slice(colon + 1) };
}

/** base64 of `user:secret` with a secret that is not a placeholder (`dXNlcm5hbWU6cGFzc3dvcmQ=` is username:password). */
function plausibleLogin(value: string): boolean {
  const login = dockerLogin(value);
  return login !== undefined && login.secret.length >= 6 && !isHumanPlaceholder(login.secret) && !isHumanPlaceholder(login.user + login.secret);
}

export const dockerRegistryAuth: CredentialKind = {
  id: 'docker-registry-auth',
  provider: 'docker',
  title: 'Container registry login in a Docker config',
  // `.docker/config.json` (and DOCKER_AUTH_CONFIG) keep `auths.<registry>.auth` = base64(user:password-or-token).
  valuePatterns: [{ regex: /"auth"\s*:\s*"([A-Za-z0-9+/]{12,}={0,2})"/g, keywords: ['"auth"'], requires: ['"auths"'] }],
  plausible: plausibleLogin,
  rate: (context) => {
    const secret = dockerLogin(context.value)?.secret ?? '';
    const registry = registryOf(context);
    if (/^ghp_|^gho_/.test(secret)) return { scope: 'root', because: 'the login’s password is a GitHub classic or OAuth token: every repository of the user' };
    if (!registry || DOCKER_HUB_HOSTS.test(registry) || secret.startsWith('dckr_')) {
      const name = nameWord(context, new Set(['readonly', 'read', 'pull']));
      if (name) return { scope: 'scoped', because: `the login is named for ${name} access` };
      return { scope: 'root', because: 'a Docker Hub login (password or access token) reaches every repository of the account' };
    }
    return { scope: 'root-resource', because: `a login to ${registry}: every repository the account can push to or delete there` };
  },
  reach: 'pushes over and deletes images in every repository the registry account can reach: what production pulls next',
  narrower: 'use `docker login` with a credential helper (credsStore) instead of inline auths, and a pull-only token where nothing is pushed',
  reference: 'https://docs.docker.com/reference/cli/docker/login/#credential-stores',
  samples: {
    positive: [
      sample('.docker/config.json', '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "YWNtZWJ1aWxkOmRja3JfcGF0X2M0QTdBaWY5SHhDTVV5YzZqUmlJdERQTGY0WA=="\n    }\n  }\n}\n', { expect: { line: 4 } }),
      sample('deploy/k8s/regcred.json', '{"auths":{"ghcr.io":{"username":"acme-bot","auth":"YWNtZS1ib3Q6Z2hwX2JJWHpmV3J1NHpDQnozTjE0ZnZvajNjVUN0NG45MTFZVE9CSg=="}}}\n', { expect: { line: 1 } }),
      sample('ci/docker-config.json', '{\n  "auths": {\n    "registry.acme-internal.io": {\n      "auth": "ZGVwbG95OldxN3JUMnZMcDl4S200WnM="\n    }\n  }\n}\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('.docker/config.json', '{\n  "auths": {\n    "https://index.docker.io/v1/": {}\n  },\n  "credsStore": "desktop"\n}\n'),
      sample('docs/registry.md', '```json\n{ "auths": { "registry.example.com": { "auth": "dXNlcm5hbWU6cGFzc3dvcmQ=" } } }\n```\n', { note: 'base64 of username:password' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.docker/config.json', '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "YWNtZWJ1aWxkOmRja3JfcGF0X2M0QTdBaWY5SHhDTVV5YzZqUmlJdERQTGY0WA=="\n    }\n  }\n}\n', { expect: { line: 4 } })],
    negative: [sample('.docker/config.json', '{\n  "auths": {\n    "https://index.docker.io/v1/": {\n      "auth": "dXNlcm5hbWU6cGFzc3dvcmQ="\n    }\n  }\n}\n', { note: 'placeholder login' })],
  },
};

/** The registry an `.npmrc` `_auth`/`_password` line is scoped to (`//acme.jfrog.io/…/:_auth=`), else the file's `registry=`. */
function npmrcRegistry(context: CredentialContext): string | undefined {
  return /\/\/([^/\s:]+)[^\s]*:_(?:auth|password)\b/.exec(context.line)?.[1] ?? /^registry\s*=\s*https?:\/\/([^/\s:]+)/m.exec(context.nearby)?.[1];
}

export const npmrcLogin: CredentialKind = {
  id: 'npmrc-login',
  provider: 'npm',
  title: 'Registry login in an .npmrc',
  // Private registries (Artifactory, Nexus, Verdaccio) take `_auth` = base64(user:password), or `username` beside
  // `_password` = base64(password), where the public registry takes a token.
  valuePatterns: [
    // No lookbehind: the pattern is tried at every position of files that hold the keyword.
    { regex: /(?:^|[\s:])_auth[ \t]*=[ \t]*["']?([A-Za-z0-9+/]{12,}={0,2})(?![A-Za-z0-9+/=])/gm, keywords: ['_auth='] },
    { regex: /:_password[ \t]*=[ \t]*["']?([A-Za-z0-9+/]{8,}={0,2})(?![A-Za-z0-9+/=])/g, keywords: [':_password='] },
    // Yarn 2+ (`.yarnrc.yml`): `npmAuthIdent`, `user:password` or its base64, Yarn's `_auth`.
    { regex: /\bnpmAuthIdent[ \t]*:[ \t]*["']?([^\s"'#]{6,})/g, keywords: ['npmauthident'] },
  ],
  plausible: (value, context) => {
    if (/npmAuthIdent/.test(context.line) && value.includes(':')) {
      const password = value.slice(value.indexOf(':') + 1);
      return password.length >= 6 && !isHumanPlaceholder(password) && !/^\$/.test(password);
    }
    if (/_password\s*=/.test(context.line)) {
      const password = decodeBase64Text(value);
      return password !== undefined && /^[\x20-\x7e]{6,}$/.test(password) && !isHumanPlaceholder(password);
    }
    return plausibleLogin(value);
  },
  rate: (context) => {
    const registry = npmrcRegistry(context);
    return { scope: 'root-resource', because: `a login to ${registry ?? 'the configured registry'}: every package the account can publish or read there` };
  },
  reach: 'publishes to and reads every package the registry account can reach: what every build installs next',
  narrower: 'use a token scoped to read (for installs) or to the packages it publishes, injected by CI, instead of a password in the file',
  reference: 'https://docs.npmjs.com/cli/v10/configuring-npm/npmrc#auth-related-configuration',
  samples: {
    positive: [
      sample('.npmrc', 'registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/\n_auth=Y2ktYm90Olc3cVR2Mm1Mazl4UjR6UGI=\nalways-auth=true\n', { expect: { line: 2 } }),
      sample('frontend/.npmrc', '//nexus.acme-internal.io/repository/npm-group/:username=ci-bot\n//nexus.acme-internal.io/repository/npm-group/:_password=VzdxVHYybUxrOXhSNHpQYg==\n', { expect: { line: 2 } }),
      sample('.yarnrc.yml', 'nodeLinker: node-modules\nnpmRegistries:\n  "https://nexus.acme.io/repository/npm-private/":\n    npmAlwaysAuth: true\n    npmAuthIdent: "deploy:wnPxS2M9vxKc1WtWuGv1"\n', { expect: { line: 5 }, note: "Yarn's npmAuthIdent, user:password" }),
    ],
    negative: [
      sample('.npmrc', 'registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/\n_auth=${NPM_AUTH}\n'),
      sample('docs/npm.md', 'Add `_auth=dXNlcm5hbWU6cGFzc3dvcmQ=` (base64 of `username:password`) to your .npmrc.\n', { note: 'base64 of a placeholder login' }),
      sample('.yarnrc.yml', 'npmRegistries:\n  "https://nexus.acme.io/repository/npm-private/":\n    npmAuthIdent: "${NEXUS_AUTH_IDENT}"\n', { note: 'taken from the environment' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.npmrc', 'registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/\n_auth=Y2ktYm90Olc3cVR2Mm1Mazl4UjR6UGI=\n', { expect: { line: 2 } })],
    negative: [sample('.npmrc', '_auth=dXNlcm5hbWU6cGFzc3dvcmQ=\n', { note: 'placeholder login' })],
  },
};

const GALAXY_TOKEN = '26068451c3a9f7e1b0d4e8a2f6c3b9d7e5a1f0c8';

export const ansibleGalaxyToken: CredentialKind = {
  id: 'ansible-galaxy-token',
  provider: 'ansible-galaxy',
  title: 'Ansible Galaxy / Automation Hub token',
  // `ansible.cfg` keeps it as `token=` under a `[galaxy_server.<name>]` section: 40 hex for Galaxy, Red Hat SSO's
  // offline token (a JWT) for Automation Hub. Or `ANSIBLE_GALAXY_SERVER_<NAME>_TOKEN` in the environment.
  contextPatterns: [
    { variable: /^token$/, value: /^(?:[a-f0-9]{40}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})$/, keywords: ['token'], requires: ['galaxy_server'] },
    { variable: /^ANSIBLE_GALAXY_(?:SERVER_[A-Z0-9_]+_)?TOKEN$/, value: /^(?:[a-f0-9]{40}|eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,})$/, keywords: ['galaxy'] },
  ],
  plausible: (value) => !isPlaceholder(value) && (value.startsWith('eyJ') || looksRandom(value, 40, 3.0)),
  rate: (context) =>
    readOnlyRating(context, 'Galaxy token') ?? { scope: 'root', because: "a Galaxy or Automation Hub token publishes and deletes versions of every collection in its user's namespaces" },
  reach: "publishes new versions of every collection in the user's namespaces: code that runs on every host the collections manage",
  narrower: 'publish from CI with the token in a secret, and keep ansible.cfg free of tokens (ANSIBLE_GALAXY_SERVER_<NAME>_TOKEN at run time)',
  reference: 'https://docs.ansible.com/ansible/latest/collections_guide/collections_installing.html#configuring-the-ansible-galaxy-client',
  samples: {
    positive: [sample('ansible.cfg', `[galaxy]\nserver_list = release_galaxy\n\n[galaxy_server.release_galaxy]\nurl=https://galaxy.ansible.com/\ntoken=${GALAXY_TOKEN}\n`, { expect: { line: 6 } })],
    negative: [
      sample('ansible.cfg', '[galaxy]\nserver_list = release_galaxy\n\n[galaxy_server.release_galaxy]\nurl=https://galaxy.ansible.com/\n# token from ANSIBLE_GALAXY_SERVER_RELEASE_GALAXY_TOKEN\n'),
      sample('config/vault.ini', `[vault]\ntoken=${GALAXY_TOKEN}\n`, { note: 'a token of that shape in a file with no Galaxy server' }),
    ],
  },
  scopeSamples: {
    positive: [sample('ansible.cfg', `[galaxy]\nserver_list = release_galaxy\n\n[galaxy_server.release_galaxy]\nurl=https://galaxy.ansible.com/\ntoken=${GALAXY_TOKEN}\n`, { expect: { line: 6 } })],
    negative: [sample('ansible.cfg', '[galaxy_server.release_galaxy]\ntoken=0000000000000000000000000000000000000000\n', { note: 'a placeholder' })],
  },
};

const CRATES_TOKEN = 'ciotgp8BGZBlX192iExSQPm0SrUlBunG8zd';

export const cratesIoToken: CredentialKind = {
  id: 'crates-io-token',
  provider: 'crates-io',
  title: 'crates.io API token',
  // `cio` and 32 letters and digits (crates.io's util/token.rs). `cio` alone is in every `precision`: the token is
  // looked for where cargo reads it, under a token's name, or in a file that names crates.io.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_])(cio[A-Za-z0-9]{32})(?![A-Za-z0-9_])/g, keywords: ['crates.io', 'cargo_registr'] }],
  contextPatterns: [{ variable: /(?:^|[._])token$|^CARGO_REGISTR(?:Y|IES_[A-Z0-9_]+)_TOKEN$/i, value: /^cio[A-Za-z0-9]{32}$/, keywords: ['token'] }],
  plausible: randomAfter(3),
  rate: (context) =>
    readOnlyRating(context, 'crates.io token') ?? { scope: 'root', because: "a token's endpoint and crate scopes are not in the value, and a legacy token publishes and yanks every crate its owner maintains" },
  reach: 'publishes new versions of, yanks and changes the owners of every crate its owner maintains: whoever builds with them runs the code',
  narrower: 'create a token scoped to publish-update on the one crate, with an expiry, or publish with trusted publishing from CI',
  reference: 'https://blog.rust-lang.org/inside-rust/2023/05/09/api-token-scopes.html',
  samples: {
    positive: [sample('.cargo/credentials.toml', `[registry]\ntoken = "${CRATES_TOKEN}"\n`, { expect: { line: 2 } })],
    negative: [sample('.github/workflows/release.yml', 'jobs:\n  publish:\n    runs-on: ubuntu-latest\n    steps:\n      - run: cargo publish\n        env:\n          CARGO_REGISTRY_TOKEN: ${{ secrets.CARGO_REGISTRY_TOKEN }}\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/release.sh', `#!/bin/sh\nexport CARGO_REGISTRY_TOKEN=${CRATES_TOKEN}\ncargo publish\n`, { expect: { line: 2 } })],
    negative: [sample('scripts/release.sh', `#!/bin/sh\nexport CARGO_REGISTRY_READONLY_TOKEN=${CRATES_TOKEN}\n`)],
  },
};

export const REGISTRY_KINDS: readonly CredentialKind[] = [npmToken, npmrcLogin, pypiToken, dockerHubToken, dockerRegistryAuth, ansibleGalaxyToken, cratesIoToken];
