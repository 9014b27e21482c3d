// GitLab: every token type has its own prefix. A personal access token acts as its user in every group and project
// they belong to (project and group access tokens share the prefix, so only the name they are bound to can narrow
// it); deploy, runner, CI job, trigger and the other tokens are bound to one project, runner or feature.
import { sample } from '../../src/model.js';
import type { RuleSamples } from '../../src/model.js';
import { saysReadOnly } from './narrowing.js';
import { hasTypedRun } from './signals.js';
import type { CredentialContext, CredentialKind, Rating } from './types.js';
import { fixed } from './types.js';
import { crc32, isPlaceholder, looksRandom, wordsOf } from './values.js';

const REFERENCE = 'https://docs.gitlab.com/security/tokens/';
const BODY = '[0-9A-Za-z_-]';

/**
 * Routable tokens (`<prefix><base64url payload>.<version>.<payload length><crc32>`, the version since 2025) end in a
 * base36 CRC32 of everything before it and state their payload's length: a token failing either was made up.
 */
export function isValidRoutableToken(token: string, prefixLength: number): boolean {
  const match = /^([0-9A-Za-z_-]{27,300})\.(?:[0-9a-z]{2}\.)?([0-9a-z]{2})([0-9a-z]{7})$/.exec(token.slice(prefixLength));
  if (!match) return false;
  if (parseInt(match[2]!, 36) !== match[1]!.length) return false;
  return crc32(token.slice(0, -7)).toString(36).padStart(7, '0') === match[3];
}

/** A legacy (random) token body that was generated, not typed: `glpat-XXXXXXXXXXX-XXXXXXXX`, `glptt-0000...`. */
function randomBody(body: string): boolean {
  return !isPlaceholder(body) && !hasTypedRun(body) && looksRandom(body, Math.min(16, body.length), 3.0);
}

const PAT_NARROW_WORDS = new Set(['project', 'deploy', 'read', 'readonly', 'ro', 'viewer', 'registry']);

/** GitLab's token scopes listed beside the token (`scopes: read_api, read_repository`, `--scopes read_api`). */
const LISTED_SCOPES = /\bscopes?\b["']?[ \t]*[:=]?[ \t]*\[?((?:["']?(?:api|read_api|read_user|read_repository|write_repository|read_registry|write_registry|read_virtual_registry|write_virtual_registry|sudo|admin_mode|create_runner|manage_runner|ai_features|k8s_proxy|self_rotate|read_service_ping|read_observability|write_observability)["']?(?:[ \t]*,[ \t]*|[ \t]+)?)+)/i;

/** The scopes written beside the token, when every one of them only reads (`read_api`, `read_repository`). */
function readOnlyScopesBeside(context: CredentialContext): string | undefined {
  const listed = LISTED_SCOPES.exec(`${context.line}\n${context.nearby}`)?.[1];
  const scopes = listed?.match(/[a-z_]+/gi) ?? [];
  return scopes.length > 0 && scopes.every((scope) => /^read_/i.test(scope)) ? scopes.join(', ') : undefined;
}

function ratePersonalToken(context: CredentialContext): Rating {
  const words = wordsOf(context.variable ?? '');
  if (words.includes('group')) return { scope: 'root', because: `variable ${context.variable} names a group access token: every project of the group` };
  const narrow = words.find((word) => PAT_NARROW_WORDS.has(word));
  if (narrow) return { scope: 'scoped', because: `variable ${context.variable} names a ${narrow} token (project and group access tokens share the glpat- prefix)` };
  const readScopes = readOnlyScopesBeside(context);
  if (readScopes) return { scope: 'scoped', because: `the text beside it lists only read scopes (${readScopes})` };
  if (saysReadOnly(context)) return { scope: 'scoped', because: 'the text beside it says the token is read-only' };
  return { scope: 'root', because: 'a glpat- token acts as its user in every group and project they belong to; its scopes (api, sudo) are not in the value, so it is rated the broad kind' };
}

const LEGACY_PAT = 'glpat-WXgoDqHFD9f9Bf-6_2z6';
const ROUTABLE_PAT = 'glpat-bzoxCnU6azcxdwoB7GqkASg3r-kVFNyWhiCSEA.01.1217uvtir';

export const gitlabPersonalAccessToken: CredentialKind = {
  id: 'gitlab-personal-access-token',
  provider: 'gitlab',
  title: 'GitLab personal access token',
  valuePatterns: [
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glpat-${BODY}{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9})(?![0-9A-Za-z_-])`, 'g'), keywords: ['glpat-'] },
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glpat-${BODY}{20})(?![0-9A-Za-z_.-]|\\.[0-9A-Za-z])`, 'g'), keywords: ['glpat-'] },
  ],
  plausible: (value) => (value.includes('.') ? isValidRoutableToken(value, 6) : randomBody(value.slice(6))),
  rate: ratePersonalToken,
  reach: 'acts as its user on every group and project they belong to; with the api scope it can delete projects, and with sudo on an admin it can act as anyone',
  narrower: 'use a project access token or a deploy token limited to one project and the read or write scope the job needs, with an expiry; in CI use CI_JOB_TOKEN',
  reference: REFERENCE,
  samples: {
    positive: [
      sample('.python-gitlab.cfg', `[global]\ndefault = acme\n\n[acme]\nurl = https://gitlab.acme.io\nprivate_token = ${LEGACY_PAT}\napi_version = 4\n`, { expect: { line: 6 } }),
      sample('scripts/release.sh', `#!/bin/sh\ncurl --request POST --header "PRIVATE-TOKEN: ${ROUTABLE_PAT}" \\\n  "https://gitlab.com/api/v4/projects/4821/releases" --data @release.json\n`, { expect: { line: 2 } }),
      sample('.npmrc', `@acme:registry=https://gitlab.com/api/v4/groups/acme/-/packages/npm/\n//gitlab.com/api/v4/groups/acme/-/packages/npm/:_authToken=${LEGACY_PAT}\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('docs/gitlab.md', 'Create a token and export it: `export GITLAB_TOKEN=glpat-XXXXXXXXXXX-XXXXXXXX`.\n'),
      sample('scripts/release.sh', 'curl --header "PRIVATE-TOKEN: glpat-bzoxCnU6azcxdwoB7GqkASg3r-kVFNyWhiCSEA.01.1217uvtia" "$CI_API_V4_URL/projects"\n', { note: 'routable token whose CRC fails' }),
      sample('.gitlab-ci.yml', 'release:\n  script:\n    - \'curl --header "PRIVATE-TOKEN: $GITLAB_TOKEN" "$CI_API_V4_URL/projects/$CI_PROJECT_ID/releases"\'\n'),
    ],
  },
  scopeSamples: {
    positive: [
      sample('.env.ci', `GITLAB_TOKEN=${ROUTABLE_PAT}\n`, { expect: { line: 1 } }),
      sample('.env.ci', `# scopes: api, read_repository\nGITLAB_TOKEN=${ROUTABLE_PAT}\n`, { expect: { line: 2 }, note: 'the api scope among those listed writes everywhere' }),
    ],
    negative: [
      sample('.env.ci', `GITLAB_PROJECT_TOKEN=${LEGACY_PAT}\n`, { note: 'named for a project access token' }),
      sample('.env.ci', `# scopes: read_api, read_repository\nGITLAB_TOKEN=${ROUTABLE_PAT}\n`, { note: 'only read scopes are listed beside it' }),
    ],
  },
};

interface PrefixedKind {
  id: string;
  title: string;
  /** Regex source of the whole token (group 1 is added around it). */
  token: string;
  keywords: readonly string[];
  prefixLength: number;
  /** What may not follow the token (default: another token character). */
  notFollowedBy?: string;
  rating: Rating;
  reach: string;
  narrower: string;
  exposedSeverity?: CredentialKind['exposedSeverity'];
  samples: RuleSamples;
  scopeSamples?: RuleSamples;
}

function prefixed(spec: PrefixedKind): CredentialKind {
  return {
    id: spec.id,
    provider: 'gitlab',
    title: spec.title,
    valuePatterns: [{ regex: new RegExp(`(?<![A-Za-z0-9_])(${spec.token})(?!${spec.notFollowedBy ?? '[0-9A-Za-z_-]'})`, 'g'), keywords: spec.keywords }],
    plausible: (value) => randomBody(value.slice(spec.prefixLength)),
    rate: fixed(spec.rating.scope, spec.rating.because),
    reach: spec.reach,
    narrower: spec.narrower,
    ...(spec.exposedSeverity ? { exposedSeverity: spec.exposedSeverity } : {}),
    reference: REFERENCE,
    samples: spec.samples,
    ...(spec.scopeSamples ? { scopeSamples: spec.scopeSamples } : {}),
  };
}

export const gitlabDeployToken = prefixed({
  id: 'gitlab-deploy-token',
  title: 'GitLab deploy token',
  token: `gldt-${BODY}{20}`,
  keywords: ['gldt-'],
  prefixLength: 5,
  rating: { scope: 'scoped', because: 'a deploy token reads (or writes) one project’s or group’s repository, registry and packages' },
  reach: 'reads, and with write scopes pushes, the repository, container images and packages of one project or group',
  narrower: 'keep it in CI variables; give it only read_registry or read_repository unless it must push',
  samples: {
    positive: [
      sample('k8s/registry-secret.sh', '#!/bin/sh\nkubectl create secret docker-registry gitlab-registry \\\n  --docker-server=registry.gitlab.com --docker-username=gitlab+deploy-token-4821 \\\n  --docker-password=gldt-ZCydIwO-1y06f8a1Z3su\n', { expect: { line: 4 } }),
      sample('docker-compose.deploy.yml', 'services:\n  updater:\n    image: acme/updater\n    environment:\n      REGISTRY_USER: gitlab+deploy-token-4821\n      REGISTRY_PASSWORD: "gldt-ZCydIwO-1y06f8a1Z3su"\n', { expect: { line: 6 } }),
    ],
    negative: [
      sample('README.md', 'Log in with `docker login registry.gitlab.com -u <user> -p gldt-<token>`.\n'),
      sample('k8s/registry-secret.sh', 'kubectl create secret docker-registry gitlab-registry --docker-password="$CI_DEPLOY_PASSWORD"\n'),
    ],
  },
});

const RUNNER_TOKEN = 'glrt-FQOIH9Zqn18L4GGdvJD8';
const ROUTABLE_RUNNER = 'glrt-t1_bzoxCnU6MnVzZjMK3eUODfbDbOjYpr-BcczKuRA.01.130qrqq6l';

export const gitlabRunnerToken: CredentialKind = {
  id: 'gitlab-runner-token',
  provider: 'gitlab',
  title: 'GitLab runner authentication or registration token',
  valuePatterns: [
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glrt-t\\d_${BODY}{27,300}\\.(?:[0-9a-z]{2}\\.)?[0-9a-z]{9})(?![0-9A-Za-z_-])`, 'g'), keywords: ['glrt-'] },
    { regex: new RegExp(`(?<![A-Za-z0-9_])(glrt-${BODY}{20})(?![0-9A-Za-z_.-]|\\.[0-9A-Za-z])`, 'g'), keywords: ['glrt-'] },
    { regex: new RegExp(`(?<![A-Za-z0-9_])(GR1348941${BODY}{20})(?![0-9A-Za-z_-])`, 'g'), keywords: ['gr1348941'] },
  ],
  plausible: (value) => {
    if (value.startsWith('glrt-t') && value.includes('.')) return isValidRoutableToken(value, 8);
    return randomBody(value.replace(/^(?:glrt-|GR1348941)/, ''));
  },
  rate: fixed('scoped', 'a runner token picks up jobs for the projects or groups the runner serves'),
  reach: 'lets a machine pose as the runner and receive the jobs of the projects it serves, with their CI variables and secrets',
  narrower: 'register runners with short-lived authentication tokens kept in the runner host’s config, never in a repository',
  reference: 'https://docs.gitlab.com/security/tokens/#runner-authentication-tokens',
  samples: {
    positive: [
      sample('ops/runner/config.toml', `concurrent = 4\n\n[[runners]]\n  name = "acme-docker"\n  url = "https://gitlab.acme.io"\n  token = "${RUNNER_TOKEN}"\n  executor = "docker"\n`, { expect: { line: 6 } }),
      sample('ops/register-runner.sh', `#!/bin/sh\ngitlab-runner register --non-interactive --url https://gitlab.com \\\n  --token ${ROUTABLE_RUNNER} --executor docker\n`, { expect: { line: 3 } }),
      sample('ops/legacy-register.sh', 'gitlab-runner register --url https://gitlab.acme.io --registration-token GR1348941ClguthRCnOZVLauPGQxM --executor shell\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('ops/runner/config.toml', '[[runners]]\n  url = "https://gitlab.acme.io"\n  token = "glrt-XXXXXXXXXXXXXXXXXXXX"\n'),
      sample('docs/runners.md', 'Legacy registration tokens start with `GR1348941` followed by 20 characters.\n'),
    ],
  },
};

export const gitlabCiJobToken = prefixed({
  id: 'gitlab-ci-job-token',
  title: 'GitLab CI/CD job token',
  token: `glcbt-(?:[0-9a-zA-Z]{1,5}_${BODY}{20}|eyJ[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,}\\.[A-Za-z0-9_-]{20,})`,
  keywords: ['glcbt-'],
  prefixLength: 6,
  rating: { scope: 'scoped', because: 'a job token works only while its job runs, on the projects that allow it' },
  exposedSeverity: 'low',
  reach: 'acts for one running job on the projects that allow its token, until the job ends',
  narrower: 'let CI inject CI_JOB_TOKEN at run time; never copy its value out of a job log',
  samples: {
    positive: [
      sample('ci/debug-log.txt', 'Uploading artifacts as "archive" to coordinator... 201 Created id=68509685 token=glcbt-WJ_oTidFvUHPBkqiq-baDiN\n', { expect: { line: 1 } }),
      sample('scripts/fetch-artifact.sh', 'curl --header "JOB-TOKEN: glcbt-WJ_oTidFvUHPBkqiq-baDiN" "https://gitlab.com/api/v4/projects/4821/jobs/artifacts/main/download?job=build"\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('scripts/fetch-artifact.sh', 'curl --header "JOB-TOKEN: $CI_JOB_TOKEN" "$CI_API_V4_URL/projects/$CI_PROJECT_ID/jobs/artifacts/main/download?job=build"\n'),
      sample('ci/debug-log.txt', 'Uploading artifacts... 201 Created token=glcbt-64\n'),
    ],
  },
});

export const gitlabPipelineTriggerToken = prefixed({
  id: 'gitlab-pipeline-trigger-token',
  title: 'GitLab pipeline trigger token',
  token: 'glptt-[0-9a-f]{40}',
  keywords: ['glptt-'],
  prefixLength: 6,
  rating: { scope: 'scoped', because: 'a trigger token starts pipelines of one project' },
  reach: 'starts pipelines of one project on any branch or tag, as the token’s owner, with the CI variables those pipelines receive',
  narrower: 'keep it in the triggering system’s secrets and protect the branches whose pipelines hold deployment credentials',
  samples: {
    positive: [
      sample('scripts/trigger-docs.sh', '#!/bin/sh\ncurl -X POST --fail -F token=glptt-ab008df092b4b1f94f6fe295aa1ef9b5e9011d73 -F ref=main \\\n  https://gitlab.com/api/v4/projects/4821/trigger/pipeline\n', { expect: { line: 2 } }),
      sample('.github/workflows/mirror.yml', 'jobs:\n  trigger:\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -X POST -F token=glptt-ab008df092b4b1f94f6fe295aa1ef9b5e9011d73 -F ref=main https://gitlab.acme.io/api/v4/projects/12/trigger/pipeline\n', { expect: { line: 5 } }),
    ],
    negative: [
      sample('scripts/trigger-docs.sh', 'curl -X POST -F token=glptt-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx -F ref=main "$TRIGGER_URL"\n'),
      sample('Makefile', 'trigger-docs:\n\tcurl -X POST -F "token=$(DOCS_TRIGGER_TOKEN)" -F ref=main https://gitlab.com/api/v4/projects/4821/trigger/pipeline\n'),
    ],
  },
});

export const gitlabFeedToken = prefixed({
  id: 'gitlab-feed-token',
  title: 'GitLab feed token',
  token: `glft-${BODY}{20}`,
  keywords: ['glft-'],
  prefixLength: 5,
  rating: { scope: 'scoped', because: 'a feed token only reads RSS/Atom and calendar feeds' },
  exposedSeverity: 'medium',
  reach: 'reads the activity, issue and calendar feeds its user can see',
  narrower: 'reset it from the access-token settings and keep feed URLs out of the repository',
  samples: {
    positive: [
      sample('dashboards/feeds.yml', 'feeds:\n  - name: platform issues\n    url: "https://gitlab.acme.io/acme/platform/-/issues.atom?feed_token=glft-TMedO7k39shfYFQzb4YD&state=opened"\n', { expect: { line: 3 } }),
      sample('calendar/README.md', 'Subscribe: https://gitlab.com/-/user/acme-bot/issues.ics?feed_token=glft-TMedO7k39shfYFQzb4YD\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('dashboards/feeds.yml', 'feeds:\n  - url: "https://gitlab.acme.io/acme/platform/-/issues.atom?feed_token=${FEED_TOKEN}"\n'),
      sample('docs/feeds.md', 'Feed tokens look like `glft-` followed by 20 characters.\n'),
    ],
  },
});

export const gitlabIncomingMailToken = prefixed({
  id: 'gitlab-incoming-mail-token',
  title: 'GitLab incoming email token',
  token: `glimt-${BODY}{25}`,
  keywords: ['glimt-'],
  prefixLength: 6,
  // In the issue address the token is followed by `-issue` or `-merge-request`.
  notFollowedBy: '[0-9A-Za-z_]',
  rating: { scope: 'scoped', because: 'an incoming-email token only creates issues and merge requests by email' },
  exposedSeverity: 'medium',
  reach: 'creates issues and merge requests by email as its user',
  narrower: 'reset it from the access-token settings; keep the email address out of the repository',
  samples: {
    positive: [
      sample('support/forwarding.yml', 'forward_to: "incoming+acme-platform-4821-glimt-YVq9NVnc1oYGTMdIMLbPmwa7X-issue@incoming.gitlab.com"\n', { expect: { line: 1 } }),
      sample('support/README.md', 'Issues by mail go to incoming+acme-platform-4821-glimt-YVq9NVnc1oYGTMdIMLbPmwa7X-issue@incoming.gitlab.com.\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('support/forwarding.yml', 'forward_to: "${INCOMING_ISSUE_ADDRESS}"\n'),
      sample('support/README.md', 'The address contains a `glimt-` token; find it under the project’s issue list.\n'),
    ],
  },
});

export const gitlabFeatureFlagToken = prefixed({
  id: 'gitlab-feature-flag-token',
  title: 'GitLab feature-flag client token',
  token: `glffct-${BODY}{20}`,
  keywords: ['glffct-'],
  prefixLength: 7,
  rating: { scope: 'scoped', because: 'a feature-flag client token reads one project’s flags' },
  exposedSeverity: 'medium',
  reach: 'reads one project’s feature flags and user lists',
  narrower: 'keep it in the application’s runtime configuration rather than the repository',
  samples: {
    positive: [
      sample('src/flags.ts', "export const unleash = initialize({\n  url: 'https://gitlab.com/api/v4/feature_flags/unleash/4821',\n  appName: 'production',\n  instanceId: 'glffct-3CasUyMx3ouaUErBB_MN',\n});\n", { expect: { line: 4 } }),
      sample('config/unleash.env.yaml', 'UNLEASH_INSTANCE_ID: glffct-3CasUyMx3ouaUErBB_MN\nUNLEASH_URL: https://gitlab.com/api/v4/feature_flags/unleash/4821\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('src/flags.ts', "export const unleash = initialize({ url: UNLEASH_URL, appName: 'production', instanceId: process.env.UNLEASH_INSTANCE_ID! });\n"),
      sample('config/unleash.env.yaml', 'UNLEASH_INSTANCE_ID: glffct-xxxxxxxxxxxxxxxxxxxx\n'),
    ],
  },
});

export const gitlabOauthAppSecret = prefixed({
  id: 'gitlab-oauth-app-secret',
  title: 'GitLab OAuth application secret',
  token: `gloas-${BODY}{64}`,
  keywords: ['gloas-'],
  prefixLength: 6,
  rating: { scope: 'scoped', because: 'an application secret runs one OAuth application’s sign-in flows' },
  reach: 'lets its holder pose as the OAuth application and exchange stolen authorization codes for users’ tokens',
  narrower: 'keep it in a secret store and renew it from the application settings after exposure',
  samples: {
    positive: [
      sample('config/gitlab-oauth.yml', 'gitlab:\n  app_id: 8c3f1a2b7d9e4f60a5b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d\n  app_secret: gloas-esVgdu0FsM_g4eojhaIU4b5enF4Ch5kIKta_Mu0HucDtExqoS_q_OYdOGWE3c_9n\n  redirect_uri: https://ci.acme.io/auth/gitlab/callback\n', { expect: { line: 3 } }),
      sample('grafana/grafana.ini', '[auth.gitlab]\nenabled = true\nclient_id = 8c3f1a2b7d9e4f60a5b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e6f708192a3b4c5d\nclient_secret = gloas-esVgdu0FsM_g4eojhaIU4b5enF4Ch5kIKta_Mu0HucDtExqoS_q_OYdOGWE3c_9n\n', { expect: { line: 4 } }),
    ],
    negative: [
      sample('grafana/grafana.ini', '[auth.gitlab]\nclient_secret = $__env{GITLAB_OAUTH_SECRET}\n'),
      sample('config/gitlab-oauth.yml', 'gitlab:\n  app_secret: gloas-<secret>\n'),
    ],
  },
});

export const gitlabAgentToken = prefixed({
  id: 'gitlab-agent-token',
  title: 'GitLab agent for Kubernetes token',
  token: `glagent-${BODY}{50}`,
  keywords: ['glagent-'],
  prefixLength: 8,
  rating: { scope: 'scoped', because: 'an agent token connects one cluster agent to its configuration project' },
  reach: 'connects as the cluster agent: reads its configuration project and receives the CI access the agent is shared with',
  narrower: 'install the agent with its token in a Kubernetes Secret created at install time, not in Helm values in the repository',
  samples: {
    positive: [
      sample('deploy/agent-values.yaml', 'config:\n  kasAddress: wss://kas.gitlab.com\n  token: glagent-yHX7XZRSiK9iq6M6JiZMjs4_x2ri3mpFEkCZWO11pYenTR-zhv\n', { expect: { line: 3 } }),
      sample('deploy/install-agent.sh', 'helm upgrade --install prod-agent gitlab/gitlab-agent --namespace gitlab-agent \\\n  --set config.token=glagent-yHX7XZRSiK9iq6M6JiZMjs4_x2ri3mpFEkCZWO11pYenTR-zhv\n', { expect: { line: 2 } }),
    ],
    negative: [
      sample('deploy/agent-values.yaml', 'config:\n  kasAddress: wss://kas.gitlab.com\n  secretName: gitlab-agent-token\n'),
      sample('deploy/install-agent.sh', 'helm upgrade --install prod-agent gitlab/gitlab-agent --set config.token="$AGENT_TOKEN"\n'),
    ],
  },
});

export const gitlabScimToken = prefixed({
  id: 'gitlab-scim-token',
  title: 'GitLab SCIM token',
  token: `glsoat-${BODY}{20}`,
  keywords: ['glsoat-'],
  prefixLength: 7,
  rating: { scope: 'root', because: 'a SCIM token provisions and deprovisions every member of the group' },
  reach: 'adds, changes and removes every member of the group through SCIM, locking everyone out or letting anyone in',
  narrower: 'keep it only in the identity provider’s SCIM configuration and reset it after exposure',
  samples: {
    positive: [
      sample('idp/okta-scim.tf', 'resource "okta_app_oauth" "gitlab" {\n  label = "GitLab"\n}\n\nlocals {\n  gitlab_scim_token = "glsoat-amJnoaiXJ__MfB7_yGP9"\n}\n', { expect: { line: 6 } }),
      sample('idp/provision.py', 'HEADERS = {"Authorization": "Bearer glsoat-amJnoaiXJ__MfB7_yGP9"}\nrequests.get("https://gitlab.com/api/scim/v2/groups/acme/Users", headers=HEADERS)\n', { expect: { line: 1 } }),
    ],
    negative: [
      sample('idp/provision.py', 'HEADERS = {"Authorization": f"Bearer {os.environ[\'GITLAB_SCIM_TOKEN\']}"}\n'),
      sample('idp/README.md', 'The SCIM token (`glsoat-...`) is shown once in the group’s SAML settings.\n'),
    ],
  },
  scopeSamples: {
    positive: [sample('idp/provision.py', 'SCIM_TOKEN = "glsoat-amJnoaiXJ__MfB7_yGP9"\n', { expect: { line: 1 } })],
    negative: [sample('idp/provision.py', 'SCIM_TOKEN = "glsoat-XXXXXXXXXXXXXXXXXXXX"\n', { note: 'placeholder' })],
  },
});

export const GITLAB_KINDS: readonly CredentialKind[] = [
  gitlabPersonalAccessToken,
  gitlabDeployToken,
  gitlabRunnerToken,
  gitlabCiJobToken,
  gitlabPipelineTriggerToken,
  gitlabFeedToken,
  gitlabIncomingMailToken,
  gitlabFeatureFlagToken,
  gitlabOauthAppSecret,
  gitlabAgentToken,
  gitlabScimToken,
];
