// Where code is hosted, built, stored and shipped beyond GitHub and GitLab: Bitbucket, Buildkite, CircleCI, Harness,
// Octopus Deploy, TeamCity, Jenkins, Gitea, JFrog, Postman, Scalingo, Prefect and Akamai. A token of any of them reaches the pipeline that deploys to production
// (its secrets, its runners, its artifacts). The prefixes are the vendors' own, as gitleaks and trufflehog match them.
import { sample } from '../../src/model.js';
import { broadUnlessReadOnly, readOnlyRating } from './narrowing.js';
import type { CredentialKind } from './types.js';
import { fixed } from './types.js';
import { decodeBase64Text, looksRandom, randomAfter } from './values.js';

const BITBUCKET_APP = 'ATBBGouSHrcvm2i4JSyw8zIDmjEU9D0560ED';
const BITBUCKET_ACCESS =
  'ATCTT3xFfGN0m2sWv-4EXbArC5UlfVjGQo0C_mrcTdWGAodjQxuMTu6sdDppOKf_Tc8HTTtzi-cI20bRz_-wMEDjhjO2rrg9bxcQfkJ9Uc-erNPeC53-WRPUEeVRvvXrg0AKGM4LlI70USOhA5HV7EBGKn_VgGXH8NIzkGYG9Jnl1f-1N0cR12=E0630C2C';
const BUILDKITE = 'bkua_xp64u264g2e7606p8t1un296hrpa775g1ufzei6l';
const CIRCLECI = 'CCIPAT_U9q5HNPWBvOdSyQtfkd2EJ_8f67bf8440ae7e392ce37577e72ff3fe8cf37091';
const CIRCLECI_PROJECT = 'CCIPRJ_98vHZ3uZ3KZf0BwwqHzRsv_8d1be9554cadd4ac97ba4f79e5acf677f65e15a1';
const HARNESS_PAT = 'pat.xFPTBJtteguVMekVQ856_4.XK59dHj6q6uywZIW9baaVqaU.4U8Fufx6DmLY35hXGeVa';
const HARNESS_SAT = 'sat.BZurFOY77xmk6dcapVlk2o.DuSh9YAmzGR41GRXQZRPAFXs.QKJeSUVnhCCoUFm0eL0Y';
const OCTOPUS = 'API-K9ZYF5MW4G5JQ1ATXE7UNTX87I';
const JFROG_API = 'AKCpYLwozCNaDeTriSlDLkoNwcqhp8KEhWiiy5GSnTzVEJnr2Kru9HtJf7ZE6D3lQDdMdO97P';
const JFROG_REFERENCE = 'cmVmdGtuOjAxOjE3vaoBQHI4fg6Wq0idzVcTc18RaerXVb13DIHzuj2wPpJ9sjQt';
const POSTMAN = 'PMAK-a09f0823bbdb522ba1a12e8f-1e9fe12ef993d321eec05603e12a9bd1c8';
const TEAMCITY = 'eyJ0eXAiOiAiVENWMiJ9.cE9uQzFfNEVha29LbTViX09BWUdTVFdqUmxM.ZTA2MGE3MjQtMjQxMS00MjU4LWI1MWItNGM4MzQ5YTA0N2Rj';
const JENKINS = '1190bbed2cf3dfc8df07413df4f73ef8c9';
const GITEA = 'fcd698014efb68fefd19ae3e8e5df28fb36d4e02';
const PREFECT = 'pnu_sajAIxNKu8iS2G8NPRVdD53X83RZJkQ7mgEO';
const AKAMAI_SECRET = 'Zg8wEfw1cCkcV5kNGgCRJokZ8l2dBhLfNZ1gJqJA9Fg=';
const EDGERC = `[default]\nclient_secret = ${AKAMAI_SECRET}\nhost = akab-4a4wfhym4l1vfz3z-fkkibj3j4wj99iba.luna.akamaiapis.net\naccess_token = akab-o886vompzom75wbb-r4qmw2wxfogo4mvn\nclient_token = akab-x4hh5344tfjgvq4k-7bn7xj8b7tfq7xkw\n`;
const SCALINGO = 'tk-us-h-itmPfNt3HoaKc7s6uxi05OhsaJJeISrtqsBksL7jlSjNUa';

export const bitbucketAppPassword: CredentialKind = {
  id: 'bitbucket-app-password',
  provider: 'bitbucket',
  title: 'Bitbucket app password',
  // ATBB, a random part, and an upper-case hex check of eight characters.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(ATBB[A-Za-z0-9_=.-]{20,40}[A-F0-9]{8})(?![A-Za-z0-9_=.-])/g, keywords: ['ATBB'] }],
  plausible: randomAfter(4),
  rate: broadUnlessReadOnly('Bitbucket app password', 'root', 'an app password signs in as its user in every workspace and repository they reach, with the permissions chosen at creation (not in the value)'),
  reach: 'signs in as its user to every Bitbucket workspace they belong to: with the usual write permissions it pushes to any of their repositories, edits pipelines and their variables, and deletes repositories',
  narrower: 'use a repository or project access token limited to the repository and the read or write scope the job needs',
  reference: 'https://support.atlassian.com/bitbucket-cloud/docs/app-passwords/',
  samples: {
    positive: [
      sample('scripts/mirror.sh', `#!/bin/sh\ngit push --mirror https://acme-ci:${BITBUCKET_APP}@bitbucket.org/acme/platform.git\n`, { expect: { line: 2 } }),
      sample('tools/bb.py', `import requests\n\nAUTH = ("acme-ci", "${BITBUCKET_APP}")\nrequests.get("https://api.bitbucket.org/2.0/repositories/acme", auth=AUTH)\n`, { expect: { line: 3 } }),
    ],
    negative: [sample('bitbucket-pipelines.yml', 'pipelines:\n  default:\n    - step:\n        script:\n          - git push https://acme-ci:$BITBUCKET_APP_PASSWORD@bitbucket.org/acme/platform.git\n')],
  },
  scopeSamples: {
    positive: [sample('.env.ci', `BITBUCKET_APP_PASSWORD=${BITBUCKET_APP}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.ci', `BITBUCKET_READONLY_APP_PASSWORD=${BITBUCKET_APP}\n`)],
  },
};

export const bitbucketAccessToken: CredentialKind = {
  id: 'bitbucket-access-token',
  provider: 'bitbucket',
  title: 'Bitbucket repository, project or workspace access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(ATCTT3xFfGN0[A-Za-z0-9_=-]{150,270})(?![A-Za-z0-9_=-])/g, keywords: ['ATCTT3'] }],
  plausible: randomAfter(12),
  rate: fixed('scoped', 'an access token belongs to one repository, project or workspace, with the scopes chosen at creation'),
  reach: 'acts as a bot on the one repository, project or workspace it was made for: with write scopes it pushes code and edits pipelines there',
  narrower: 'already bound to one repository or project; give it the read scope where the job only clones',
  reference: 'https://support.atlassian.com/bitbucket-cloud/docs/repository-access-tokens/',
  samples: {
    positive: [
      sample('ci/trigger_pipeline.py', `import requests\n\nTOKEN = "${BITBUCKET_ACCESS}"\nrequests.post("https://api.bitbucket.org/2.0/repositories/acme/api/pipelines/", headers={"Authorization": f"Bearer {TOKEN}"})\n`, { expect: { line: 3 } }),
      sample('Jenkinsfile', `pipeline {\n  agent any\n  stages {\n    stage('Checkout') {\n      steps {\n        git branch: 'main', url: 'https://x-token-auth:${BITBUCKET_ACCESS}@bitbucket.org/acme/api.git'\n      }\n    }\n  }\n}\n`, { expect: { line: 6 } }),
    ],
    negative: [sample('docs/ci.md', 'Repository access tokens start with `ATCTT3xFfGN0`; create one under Repository settings > Access tokens.\n')],
  },
};

export const buildkiteApiToken: CredentialKind = {
  id: 'buildkite-api-token',
  provider: 'buildkite',
  title: 'Buildkite API access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(bkua_[a-z0-9]{40})(?![A-Za-z0-9_-])/g, keywords: ['bkua_'] }],
  plausible: randomAfter(5),
  rate: broadUnlessReadOnly('Buildkite token', 'root', 'an API access token acts as its user in every organization it was granted, with the scopes chosen at creation (not in the value)'),
  reach: "acts as its user in the Buildkite organizations it was granted: with write scopes it creates and edits pipelines (whose steps run on the organization's agents, beside their deploy credentials) and triggers builds",
  narrower: 'grant the token one organization and the read_builds (or write_builds) scope the job needs, or use a pipeline trigger',
  reference: 'https://buildkite.com/docs/apis/managing-api-tokens',
  samples: {
    positive: [
      sample('scripts/retry-failed.sh', `#!/bin/sh\ncurl -s -H "Authorization: Bearer ${BUILDKITE}" \\\n  "https://api.buildkite.com/v2/organizations/acme/builds?state=failed"\n`, { expect: { line: 2 } }),
      sample('terraform/buildkite.tf', `provider "buildkite" {\n  organization = "acme"\n  api_token    = "${BUILDKITE}"\n}\n`, { expect: { line: 3 } }),
    ],
    negative: [sample('terraform/buildkite.tf', 'provider "buildkite" {\n  organization = "acme"\n  api_token    = var.buildkite_api_token # bkua_...\n}\n')],
  },
  scopeSamples: {
    positive: [sample('.env', `BUILDKITE_API_TOKEN=${BUILDKITE}\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `BUILDKITE_READ_TOKEN=${BUILDKITE}\n`)],
  },
};

export const circleciToken: CredentialKind = {
  id: 'circleci-token',
  provider: 'circleci',
  title: 'CircleCI API token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(CCIP(?:AT|RJ)_[A-Za-z0-9]{22}_[a-fA-F0-9]{40})(?![A-Za-z0-9_-])/g, keywords: ['CCIPAT_', 'CCIPRJ_'] }],
  plausible: randomAfter(7),
  rate: (context) =>
    context.value.startsWith('CCIPRJ_')
      ? { scope: 'scoped', because: 'a project API token reaches one project' }
      : (readOnlyRating(context, 'CircleCI token') ?? { scope: 'root', because: 'a personal API token acts as its user on every project they can reach, with full read and write' }),
  reach: "acts as its user on every CircleCI project they follow: reads and changes project environment variables and contexts (the deploy credentials), and triggers pipelines that run with them",
  narrower: 'use a project API token for one project (read-only where it only reads status), or an OIDC token in the job',
  reference: 'https://circleci.com/docs/managing-api-tokens/',
  samples: {
    positive: [
      sample('scripts/sync-env.sh', `#!/bin/sh\nexport CIRCLECI_TOKEN=${CIRCLECI}\ncurl -X POST https://circleci.com/api/v2/project/gh/acme/api/envvar -H "Circle-Token: $CIRCLECI_TOKEN" -d @vars.json\n`, { expect: { line: 2 } }),
      sample('status/config.json', `{\n  "project": "gh/acme/api",\n  "token": "${CIRCLECI_PROJECT}"\n}\n`, { expect: { line: 3 }, note: 'a project API token' }),
    ],
    negative: [sample('.circleci/config.yml', 'version: 2.1\njobs:\n  deploy:\n    docker:\n      - image: cimg/base:stable\n    steps:\n      - run: curl -H "Circle-Token: $CIRCLE_TOKEN" https://circleci.com/api/v2/me\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/sync-env.sh', `export CIRCLECI_TOKEN=${CIRCLECI}\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/status.sh', `export CIRCLECI_TOKEN=${CIRCLECI_PROJECT}\n`, { note: 'a project token' })],
  },
};

export const harnessToken: CredentialKind = {
  id: 'harness-token',
  provider: 'harness',
  title: 'Harness personal or service account token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_.-])((?:pat|sat)\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9]{24}\.[A-Za-z0-9]{20})(?![A-Za-z0-9_.-])/g, keywords: ['pat.', 'sat.'], requires: ['harness'] }],
  plausible: randomAfter(4),
  rate: (context) =>
    readOnlyRating(context, 'Harness token') ??
    (context.value.startsWith('sat.')
      ? { scope: 'root-resource', because: "a service account token has its service account's roles, often account-wide administration; they are not in the value" }
      : { scope: 'root', because: 'a personal access token acts as its user with every role they hold in the account' }),
  reach: 'acts in the Harness account with its user\'s or service account\'s roles: edits and runs pipelines that deploy to production, and reads the connectors and secrets they use',
  narrower: 'use a service account token bound to one project with a role limited to executing the pipelines it needs',
  reference: 'https://developer.harness.io/docs/platform/automation/api/add-and-manage-api-keys/',
  samples: {
    positive: [
      sample('terraform/harness.tf', `provider "harness" {\n  endpoint         = "https://app.harness.io/gateway"\n  account_id       = "Lq3vK8zQTnWxY2mR5tB1cA"\n  platform_api_key = "${HARNESS_SAT}"\n}\n`, { expect: { line: 4 } }),
      sample('scripts/run_pipeline.sh', `#!/bin/sh\ncurl -X POST "https://app.harness.io/pipeline/api/pipeline/execute/deploy_prod" -H "x-api-key: ${HARNESS_PAT}"\n`, { expect: { line: 2 } }),
    ],
    negative: [sample('terraform/harness.tf', 'provider "harness" {\n  endpoint         = "https://app.harness.io/gateway"\n  platform_api_key = var.harness_platform_api_key\n}\n')],
  },
  scopeSamples: {
    positive: [sample('.env', `HARNESS_PLATFORM_API_KEY=${HARNESS_PAT}\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `HARNESS_VIEWER_API_KEY=${HARNESS_PAT}\n`)],
  },
};

export const octopusDeployApiKey: CredentialKind = {
  id: 'octopus-deploy-api-key',
  provider: 'octopus-deploy',
  title: 'Octopus Deploy API key',
  // `API-` and 26 upper-case characters is common enough elsewhere to ask for Octopus in the file.
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(API-[A-Z0-9]{26})(?![A-Za-z0-9_-])/g, keywords: ['api-'], requires: ['octopus'] }],
  plausible: randomAfter(4),
  rate: broadUnlessReadOnly('Octopus API key', 'root', 'an API key acts as its user (or service account) with every permission of their teams'),
  reach: "acts as its user on the Octopus server: creates releases and deploys them to production, edits deployment processes and reads sensitive variables' use in every project their teams reach",
  narrower: 'create a service account in a team scoped to the projects and environments the job deploys, and use its API key there',
  reference: 'https://octopus.com/docs/octopus-rest-api/how-to-create-an-api-key',
  samples: {
    positive: [
      sample('deploy/release.ps1', `$OctopusUrl = "https://octopus.acme.io"\n$ApiKey = "${OCTOPUS}"\noctopus release create --project "Acme API" --server $OctopusUrl --api-key $ApiKey\n`, { expect: { line: 2 } }),
      sample('.octopus/config.json', `{\n  "Url": "https://acme.octopus.app",\n  "ApiKey": "${OCTOPUS}"\n}\n`, { expect: { line: 3 } }),
    ],
    negative: [
      sample('deploy/release.ps1', '$ApiKey = $env:OCTOPUS_API_KEY  # API-XXXXXXXXXXXXXXXXXXXXXXXXXX\noctopus release create --project "Acme API" --api-key $ApiKey\n'),
      sample('src/errors.ts', `export const CODES = { gateway: 'API-GATEWAYTIMEOUTRETRYLATER01' };\n`, { note: 'the shape without Octopus in the file' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.env.deploy', `OCTOPUS_URL=https://acme.octopus.app\nOCTOPUS_API_KEY=${OCTOPUS}\n`, { expect: { line: 2 } })],
    negative: [sample('.env.deploy', `OCTOPUS_URL=https://acme.octopus.app\nOCTOPUS_READONLY_API_KEY=${OCTOPUS}\n`)],
  },
};

export const jfrogToken: CredentialKind = {
  id: 'jfrog-token',
  provider: 'jfrog',
  title: 'JFrog Artifactory API key or reference token',
  // API keys (deprecated, still in use) start AKCp; reference tokens are base64 of `reftkn:01:…` (cmVmdGtuOjAx).
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_+/-])(AKCp[A-Za-z0-9]{69}|cmVmdGtuOjAx[A-Za-z0-9]{52})(?![A-Za-z0-9_+/=-])/g, keywords: ['akcp', 'cmvmdgtuojax'] }],
  plausible: (value) => randomAfter(value.startsWith('AKCp') ? 4 : 12)(value),
  rate: broadUnlessReadOnly('JFrog token', 'root', "an API key or a user's reference token acts as its user with every permission they hold on the platform"),
  reach: "acts as its user on the JFrog platform: with deploy rights it overwrites the artifacts and images production pulls, and an admin's token manages users and permissions",
  narrower: 'use a scoped access token for one group or repository, read-only (member-of-groups:readers) where the job only pulls',
  reference: 'https://jfrog.com/help/r/jfrog-platform-administration-documentation/access-tokens',
  samples: {
    positive: [
      sample('.npmrc', `registry=https://acme.jfrog.io/artifactory/api/npm/npm-virtual/\n//acme.jfrog.io/artifactory/api/npm/npm-virtual/:_authToken=${JFROG_REFERENCE}\n`, { expect: { line: 2 } }),
      sample('ci/publish.sh', `#!/bin/sh\njf rt upload "dist/*.tgz" libs-release-local/acme/ --url https://acme.jfrog.io/artifactory --user ci --password ${JFROG_API}\n`, { expect: { line: 2 } }),
    ],
    negative: [sample('ci/publish.sh', '#!/bin/sh\njf rt upload "dist/*.tgz" libs-release-local/acme/ --url https://acme.jfrog.io/artifactory --access-token "$JF_ACCESS_TOKEN"\n')],
  },
  scopeSamples: {
    positive: [sample('gradle.properties', `artifactory_user=ci\nartifactory_password=${JFROG_API}\n`, { expect: { line: 2 } })],
    negative: [sample('gradle.properties', `artifactory_user=ci\nartifactory_reader_password=${JFROG_API}\n`)],
  },
};

export const postmanApiKey: CredentialKind = {
  id: 'postman-api-key',
  provider: 'postman',
  title: 'Postman API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(PMAK-[a-f0-9]{24}-[a-f0-9]{34})(?![A-Za-z0-9_-])/g, keywords: ['pmak-'] }],
  plausible: randomAfter(5),
  rate: fixed('root', 'an API key acts as its user in every workspace they belong to'),
  reach: "acts as its user in every Postman workspace they belong to: reads every collection and environment (where teams keep API credentials) and changes or deletes them",
  narrower: 'use a Postman service account or a key of a user with access only to the workspace the job needs, and keep it in CI secrets',
  reference: 'https://learning.postman.com/docs/developer/postman-api/authentication/',
  samples: {
    positive: [
      sample('.github/workflows/api-tests.yml', `jobs:\n  newman:\n    runs-on: ubuntu-latest\n    steps:\n      - run: newman run "https://api.getpostman.com/collections/1234-abcd?apikey=${POSTMAN}"\n`, { expect: { line: 5 } }),
      sample('scripts/export_collections.py', `POSTMAN_API_KEY = "${POSTMAN}"\n`, { expect: { line: 1 } }),
    ],
    negative: [sample('.github/workflows/api-tests.yml', 'jobs:\n  newman:\n    runs-on: ubuntu-latest\n    steps:\n      - run: postman login --with-api-key ${{ secrets.POSTMAN_API_KEY }}\n')],
  },
  scopeSamples: {
    positive: [sample('scripts/export_collections.py', `POSTMAN_API_KEY = "${POSTMAN}"\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/export_collections.py', 'POSTMAN_API_KEY = os.environ["POSTMAN_API_KEY"]\n')],
  },
};

export const scalingoApiToken: CredentialKind = {
  id: 'scalingo-api-token',
  provider: 'scalingo',
  title: 'Scalingo API token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(tk-us-[A-Za-z0-9_-]{48})(?![A-Za-z0-9_-])/g, keywords: ['tk-us-'] }],
  plausible: randomAfter(6),
  rate: fixed('root', 'an API token acts as its user on every app and database addon of the account'),
  reach: 'acts as its user on every Scalingo app they can reach: reads and changes environment variables, deploys, runs one-off containers against production and deletes apps and database addons',
  narrower: 'keep it out of the repository; deploy from the Git integration or a CI secret, and revoke tokens of people who left',
  reference: 'https://doc.scalingo.com/platform/user-management/api-tokens',
  samples: {
    positive: [sample('bin/deploy', `#!/bin/sh\nexport SCALINGO_API_TOKEN=${SCALINGO}\nscalingo --app acme-api deploy build.tar.gz\n`, { expect: { line: 2 } })],
    negative: [sample('bin/deploy', '#!/bin/sh\nscalingo login --api-token "$SCALINGO_API_TOKEN"\nscalingo --app acme-api deploy build.tar.gz\n')],
  },
  scopeSamples: {
    positive: [sample('bin/deploy', `#!/bin/sh\nexport SCALINGO_API_TOKEN=${SCALINGO}\n`, { expect: { line: 2 } })],
    negative: [sample('bin/deploy', `#!/bin/sh\nexport SCALINGO_API_TOKEN=tk-us-${'x'.repeat(48)}\n`)],
  },
};

export const prefectApiKey: CredentialKind = {
  id: 'prefect-api-key',
  provider: 'prefect',
  title: 'Prefect Cloud API key',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(pnu_[A-Za-z0-9]{36})(?![A-Za-z0-9_-])/g, keywords: ['pnu_'] }],
  plausible: randomAfter(4),
  rate: broadUnlessReadOnly('Prefect key', 'root', 'a user API key acts as its user in every workspace they belong to'),
  reach: "acts as its user in every Prefect Cloud workspace they belong to: runs and edits deployments (flows that execute on the team's workers with their infrastructure credentials) and reads blocks, where those credentials are stored",
  narrower: 'use a service account key bound to the one workspace with a role limited to running the deployments it needs',
  reference: 'https://docs.prefect.io/v3/manage/cloud/manage-users/api-keys',
  samples: {
    positive: [
      sample('.github/workflows/deploy-flows.yml', `jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      PREFECT_API_KEY: ${PREFECT}\n      PREFECT_API_URL: https://api.prefect.cloud/api/accounts/8f1c2a7e/workspaces/3b9d4e21\n    steps:\n      - run: prefect deploy --all\n`, { expect: { line: 5 } }),
      sample('profiles.toml', `active = "cloud"\n\n[profiles.cloud]\nPREFECT_API_KEY = "${PREFECT}"\nPREFECT_API_URL = "https://api.prefect.cloud/api/accounts/8f1c2a7e/workspaces/3b9d4e21"\n`, { expect: { line: 4 }, note: "Prefect's profiles file, committed" }),
    ],
    negative: [sample('.github/workflows/deploy-flows.yml', 'jobs:\n  deploy:\n    runs-on: ubuntu-latest\n    env:\n      PREFECT_API_KEY: ${{ secrets.PREFECT_API_KEY }}\n    steps:\n      - run: prefect deploy --all\n')],
  },
  scopeSamples: {
    positive: [sample('profiles.toml', `[profiles.cloud]\nPREFECT_API_KEY = "${PREFECT}"\n`, { expect: { line: 2 } })],
    negative: [sample('profiles.toml', `[profiles.cloud]\nPREFECT_READONLY_API_KEY = "${PREFECT}"\n`)],
  },
};

/** TeamCity's tokens: a fixed header (`{"typ": "TCV2"}`), a random id, and base64 of a UUID. */
const TEAMCITY_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export const teamcityAccessToken: CredentialKind = {
  id: 'teamcity-access-token',
  provider: 'teamcity',
  title: 'TeamCity access token',
  valuePatterns: [{ regex: /(?<![A-Za-z0-9_-])(eyJ0eXAiOiAiVENWMiJ9\.[A-Za-z0-9_=-]{20,64}\.[A-Za-z0-9_=-]{40,64})(?![A-Za-z0-9_=-])/g, keywords: ['eyj0exaioiaivenwmij9'] }],
  // The last part decodes to a UUID in an issued token, not in a typed or truncated one.
  plausible: (value) => TEAMCITY_UUID.test(decodeBase64Text(value.slice(value.lastIndexOf('.') + 1)) ?? ''),
  rate: broadUnlessReadOnly('TeamCity token', 'root', "an access token acts as its user with every permission they hold on the server, unless it was limited to a permission scope (not in the value)"),
  reach: "acts as its user on the TeamCity server: runs and edits build configurations (whose steps run on the agents beside their deploy credentials), reads their parameters and, as an administrator, manages users and the server",
  narrower: "create the token with a permission scope limited to the project and the permissions the job needs, and an expiry",
  reference: 'https://www.jetbrains.com/help/teamcity/configuring-your-user-profile.html#Managing+Access+Tokens',
  samples: {
    positive: [
      sample('scripts/trigger.sh', `#!/bin/sh\nSERVER=https://teamcity.acme.io\nACCESS_TOKEN="${TEAMCITY}"\ncurl -H "Authorization: Bearer $ACCESS_TOKEN" "$SERVER/app/rest/buildQueue" -d @build.xml\n`, { expect: { line: 3 } }),
      sample('ci/Deploy.cs', `var teamcity = new TeamCityClient("teamcity.acme.io");\nteamcity.ConnectWithAccessToken("${TEAMCITY}");\n`, { expect: { line: 2 } }),
    ],
    negative: [
      sample('docs/teamcity.md', 'Tokens look like `eyJ0eXAiOiAiVENWMiJ9...`; create one under Profile > Access Tokens.\n'),
      sample('scripts/trigger.sh', `ACCESS_TOKEN="${TEAMCITY.slice(0, TEAMCITY.lastIndexOf('.') + 1)}${'A'.repeat(48)}"\n`, { note: 'the last part is no UUID' }),
    ],
  },
  scopeSamples: {
    positive: [sample('scripts/trigger.sh', `ACCESS_TOKEN="${TEAMCITY}"\n`, { expect: { line: 1 } })],
    negative: [sample('scripts/status.sh', `TEAMCITY_READONLY_TOKEN="${TEAMCITY}"\n`)],
  },
};

/** Jenkins API tokens since 2.129: a version prefix (11) and 32 hex. */
const JENKINS_TOKEN = /^11[a-f0-9]{32}$/;

export const jenkinsApiToken: CredentialKind = {
  id: 'jenkins-api-token',
  provider: 'jenkins',
  title: 'Jenkins API token',
  contextPatterns: [
    { variable: /^JENKINS_(?:API_|USER_)?TOKEN$|^jenkins[_.-]?(?:api[_.-]?|user[_.-]?)?token$|^jenkinsToken$/i, value: JENKINS_TOKEN, keywords: ['jenkins'] },
    // jenkins-cli's `-auth user:token`, and a token beside the Jenkins URL it is for.
    { variable: /^(?:api_?)?token$/i, value: JENKINS_TOKEN, keywords: ['token'], requires: ['jenkins'] },
  ],
  plausible: (value) => looksRandom(value.slice(2), 32, 3.0),
  rate: broadUnlessReadOnly('Jenkins token', 'root', "an API token acts as its user with every permission they hold on the controller (often Overall/Administer)"),
  reach: "acts as its user on the Jenkins controller: runs and reconfigures jobs (which run on agents beside their credentials), and an administrator's token runs Groovy in the script console, which reads every stored credential",
  narrower: 'use a dedicated user with only Job/Build on the jobs the script triggers, or a job\'s build-trigger token',
  reference: 'https://www.jenkins.io/doc/book/system-administration/authenticating-scripted-clients/',
  samples: {
    positive: [
      sample('.env.ci', `JENKINS_URL=https://jenkins.acme.io\nJENKINS_USER=deploy-bot\nJENKINS_API_TOKEN=${JENKINS}\n`, { expect: { line: 3 } }),
      sample('scripts/rebuild.py', `import jenkins\n\nserver = jenkins.Jenkins("https://jenkins.acme.io", username="deploy-bot", token="${JENKINS}")\n`, { expect: { line: 3 } }),
    ],
    negative: [sample('scripts/rebuild.py', 'import jenkins, os\n\nserver = jenkins.Jenkins("https://jenkins.acme.io", username="deploy-bot", token=os.environ["JENKINS_API_TOKEN"])\n')],
  },
  scopeSamples: {
    positive: [sample('.env.ci', `JENKINS_API_TOKEN=${JENKINS}\n`, { expect: { line: 1 } })],
    negative: [sample('.env.ci', `JENKINS_READONLY_TOKEN=${JENKINS}\n`)],
  },
};

/** Gitea and Forgejo access tokens: 40 hex, like a SHA-1. */
const GITEA_TOKEN = /^[a-f0-9]{40}$/;

export const giteaAccessToken: CredentialKind = {
  id: 'gitea-access-token',
  provider: 'gitea',
  title: 'Gitea or Forgejo access token',
  contextPatterns: [
    { variable: /^(?:GITEA|FORGEJO|CODEBERG)_(?:API_|ACCESS_)?TOKEN$|^(?:gitea|forgejo|codeberg)[_.-]?(?:api[_.-]?|access[_.-]?)?token$/i, value: GITEA_TOKEN, keywords: ['gitea', 'forgejo', 'codeberg'] },
    // The tea CLI's config (~/.config/tea/config.yml) lists its logins, each with a url and a token.
    { variable: /^token$/, path: /(?:^|\/)tea\/config\.ya?ml$/, value: GITEA_TOKEN, keywords: ['token'] },
  ],
  plausible: (value) => looksRandom(value, 40, 3.0),
  rate: broadUnlessReadOnly('Gitea token', 'root', 'an access token acts as its user on every repository and organization they reach, with the scopes chosen at creation (all, for tokens made before scopes)'),
  reach: 'acts as its user on the Gitea or Forgejo server: pushes to and deletes every repository they can write, edits Actions secrets and, for an administrator, manages users',
  narrower: 'create the token with only the repository scope (read where it only clones), or a deploy key for one repository',
  reference: 'https://docs.gitea.com/development/api-usage',
  samples: {
    positive: [
      sample('scripts/mirror.sh', `#!/bin/sh\nexport GITEA_URL=https://git.acme.io\nexport GITEA_TOKEN=${GITEA}\ncurl -X POST "$GITEA_URL/api/v1/repos/migrate" -H "Authorization: token $GITEA_TOKEN" -d @mirror.json\n`, { expect: { line: 3 } }),
      sample('.config/tea/config.yml', `logins:\n- name: acme\n  url: https://git.acme.io\n  token: ${GITEA}\n  default: true\n  user: ops\n`, { expect: { line: 4 }, note: "the tea CLI's login, committed" }),
    ],
    negative: [sample('.gitea/workflows/release.yml', 'jobs:\n  release:\n    runs-on: ubuntu-latest\n    steps:\n      - run: tea release create --token ${{ secrets.GITEA_TOKEN }}\n')],
  },
  scopeSamples: {
    positive: [sample('.env', `GITEA_TOKEN=${GITEA}\n`, { expect: { line: 1 } })],
    negative: [sample('.env', `GITEA_READ_TOKEN=${GITEA}\n`)],
  },
};

/** An EdgeGrid client secret: 32 random bytes, base64. */
const EDGEGRID_SECRET = /^[A-Za-z0-9+/]{43}=$/;

export const akamaiEdgegridSecret: CredentialKind = {
  id: 'akamai-edgegrid-secret',
  provider: 'akamai',
  title: 'Akamai EdgeGrid API client secret',
  // The client secret signs every request; `.edgerc` holds it beside the client and access tokens (akab-…).
  contextPatterns: [
    { variable: /^client_secret$/, path: /(?:^|\/)\.edgerc$/, value: EDGEGRID_SECRET, keywords: ['secret'] },
    { variable: /^client_secret$/, value: EDGEGRID_SECRET, keywords: ['secret'], requires: ['akamaiapis.net'] },
    { variable: /^AKAMAI_(?:[A-Z]+_)?CLIENT_SECRET$/i, value: EDGEGRID_SECRET, keywords: ['akamai'] },
  ],
  plausible: randomAfter(0),
  rate: broadUnlessReadOnly('Akamai API client', 'root-resource', "an API client holds the APIs and access levels granted to it on the account (often read-write on property configuration, DNS and purge); they are not in the value"),
  reach: "calls the Akamai APIs the client was granted for the account: with read-write access it changes and activates the CDN configuration of every property, edits DNS zones and purges caches, which can take the sites down",
  narrower: 'create an API client limited to the one API and group the job needs, read-only (or purge only) where that is all it does',
  reference: 'https://techdocs.akamai.com/developer/docs/set-up-authentication-credentials',
  samples: {
    positive: [
      sample('.edgerc', EDGERC, { expect: { line: 2 }, note: "the EdgeGrid credentials file, committed" }),
      sample('scripts/purge.py', `from akamai.edgegrid import EdgeGridAuth\n\nsession.auth = EdgeGridAuth(\n    client_token="akab-x4hh5344tfjgvq4k-7bn7xj8b7tfq7xkw",\n    client_secret="${AKAMAI_SECRET}",\n    access_token="akab-o886vompzom75wbb-r4qmw2wxfogo4mvn",\n)\nBASE = "https://akab-4a4wfhym4l1vfz3z-fkkibj3j4wj99iba.luna.akamaiapis.net"\n`, { expect: { line: 5 } }),
    ],
    negative: [
      sample('.edgerc', '[default]\nclient_secret = <client-secret>\nhost = <host>.luna.akamaiapis.net\naccess_token = <access-token>\nclient_token = <client-token>\n'),
      sample('config/oauth.ini', `[google]\nclient_secret = ${AKAMAI_SECRET}\n`, { note: 'a client secret of something else: neither .edgerc nor Akamai in the file' }),
    ],
  },
  scopeSamples: {
    positive: [sample('.edgerc', EDGERC, { expect: { line: 2 } })],
    negative: [sample('.edgerc', EDGERC.replace('[default]', '[default]\n# read-only client for reporting'), { note: 'the text beside it says read-only' })],
  },
};

export const DELIVERY_KINDS: readonly CredentialKind[] = [
  bitbucketAppPassword,
  bitbucketAccessToken,
  buildkiteApiToken,
  circleciToken,
  harnessToken,
  octopusDeployApiKey,
  teamcityAccessToken,
  jenkinsApiToken,
  giteaAccessToken,
  jfrogToken,
  postmanApiKey,
  scalingoApiToken,
  prefectApiKey,
  akamaiEdgegridSecret,
];
