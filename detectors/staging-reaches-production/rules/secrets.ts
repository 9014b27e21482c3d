// A non-production job or config that reads a production secret by name: `${{ secrets.PROD_DATABASE_URL }}` in a
// staging or pull-request job, `${PROD_DB_PASSWORD}` in `.env.staging`, `${ssm:/acme/prod/db}` in a dev stage, a
// Kubernetes workload in a staging overlay mounting `prod-db-credentials`.
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import { sample, type RuleMeta } from '../../../src/model.js';
import { identityName, storeOfSecret } from '../../../knowledge/environments/identities.js';
import type { EnvironmentModel } from '../model.js';
import { DETECTOR, type Verdict } from './verdict.js';

/** A file of GitLab jobs the root `.gitlab-ci.yml` includes: staging's deploy reads the variable named. */
const GITLAB_INCLUDED_DEPLOY = (variable: string) =>
  `deploy-staging:\n  stage: deploy\n  environment:\n    name: staging\n  variables:\n    DATABASE_URL: $${variable}\n  script:\n    - ./scripts/deploy.sh\n\ndeploy-production:\n  stage: deploy\n  environment:\n    name: production\n  variables:\n    DATABASE_URL: $PROD_DATABASE_URL\n  script:\n    - ./scripts/deploy.sh\n`;

/** A setup job passing a value to the deploy jobs through its `outputs`, written by the step line given. */
const OUTPUT_WORKFLOW = (write: string) =>
  `on:\n  push:\n    branches: [main, develop]\njobs:\n  setup:\n    runs-on: ubuntu-latest\n    outputs:\n      db_url: \${{ steps.pick.outputs.db_url }}\n    steps:\n      - id: pick\n        env:\n          DB_URL: \${{ secrets.PROD_DATABASE_URL }}\n        run: ${write}\n  migrate-staging:\n    needs: setup\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: npx prisma migrate deploy\n        env:\n          DATABASE_URL: \${{ needs.setup.outputs.db_url }}\n`;

export const readsProductionSecret: RuleMeta = {
  id: `${DETECTOR}/reads-production-secret`,
  title: 'Non-production job or config reads a production secret',
  severity: 'high',
  why:
    'A staging, preview or pull-request job (or a non-production config) reads a secret named for production. Everything that runs there, ' +
    'including code from an unreviewed pull request or an agent iterating in staging, then holds production credentials.',
  fix:
    'Give the environment its own secret (STAGING_DATABASE_URL), and scope production secrets to a GitHub environment (or secret store path) that only production jobs can use, with required reviewers.',
  help: 'Repository and organisation secrets reach every job of every workflow; only environment secrets are limited to jobs that declare the environment.',
  helpUri: 'https://docs.github.com/en/actions/deployment/targeting-different-environments/using-environments-for-deployment',
  precision: 'high',
  tags: ['environments', 'secrets', 'ci'],
  samples: {
    positive: [
      {
        files: {
          'src/Worker/appsettings.Production.json': '{\n  "KeyVault": { "VaultUri": "https://kv-fulfil-prod.vault.azure.net/" }\n}\n',
          'src/Worker/appsettings.Staging.json': '{\n  "KeyVault": { "VaultUri": "https://kv-fulfil-prod.vault.azure.net/" }\n}\n',
        },
        expect: { path: 'src/Worker/appsettings.Staging.json', line: 2 },
        note: "staging loads its configuration from production's Key Vault",
      },
      sample('scripts/deploy-staging.sh', '#!/bin/sh\ngcloud run deploy orders-api-staging --project acme-orders-staging \\\n  --set-secrets DB_PASSWORD=projects/acme-orders-prod/secrets/orders-db-password:latest\n', { expect: { line: 3 }, note: "Cloud Run: the staging service mounts production's Secret Manager secret" }),
      sample('docker-stack.staging.yml', 'services:\n  api:\n    image: ghcr.io/acme/api:latest\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    external: true\n    name: prod_db_password\n', { expect: { line: 9 }, note: "a Swarm stack for staging reading production's external secret" }),
      sample('deploy/helm/billing/values-staging.yaml', 'postgresql:\n  auth:\n    existingSecret: billing-db-production\n', { expect: { line: 3 }, note: "a chart given production's Secret by name (Bitnami's existingSecret)" }),
      sample('k8s/overlays/staging/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: catalog-staging\nresources:\n  - ../../base\npatches:\n  - target:\n      kind: Deployment\n      name: catalog\n    patch: |-\n      apiVersion: apps/v1\n      kind: Deployment\n      metadata:\n        name: catalog\n      spec:\n        template:\n          spec:\n            containers:\n              - name: catalog\n                envFrom:\n                  - secretRef:\n                      name: catalog-prod-db\n', { expect: { line: 22 }, note: 'an inline strategic-merge patch in the staging overlay' }),
      sample('k8s/overlays/staging/kustomization.yaml', 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - ../../base\npatches:\n  - target:\n      kind: Deployment\n      name: catalog\n    patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/name\n        value: catalog-prod-db\n', { expect: { line: 12 }, note: 'an inline JSON 6902 patch' }),
      sample('k8s/overlays/staging/kustomization.yaml', 'namespace: catalog-staging\nresources:\n  - ../../base\npatches:\n  - target:\n      kind: Deployment\n      name: catalog\n    patch: |-\n      - op: replace\n        path: /spec/template/spec/containers/0/env/0/valueFrom/secretKeyRef/name\n        value: catalog-db-production\n', { expect: { line: 11 }, note: 'an inline patch in a kustomization written without apiVersion and kind, which kustomize reads all the same' }),
      sample('k8s/staging/api.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: staging\nspec:\n  template:\n    metadata:\n      annotations:\n        vault.hashicorp.com/agent-inject: "true"\n        vault.hashicorp.com/role: api-staging\n        vault.hashicorp.com/agent-inject-secret-db: database/creds/api-production\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n', { expect: { line: 12 }, note: "Vault Agent's injector reading production's database role" }),
      sample(
        '.github/workflows/vercel-env.yml',
        'on: workflow_dispatch\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          echo "$DATABASE_URL" | npx vercel env add DATABASE_URL preview --token "$VERCEL_TOKEN"\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n          VERCEL_TOKEN: ${{ secrets.VERCEL_TOKEN }}\n',
        { expect: { line: 9 }, note: "a production secret written into Vercel's preview environment" },
      ),
      sample(
        '.github/workflows/vercel-env.yml',
        'name: Sync Vercel env\non: workflow_dispatch\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm i -g vercel@latest\n      - run: |\n          printf \'%s\' "${{ secrets.PRODUCTION_DATABASE_URL }}" | vercel env add DATABASE_URL staging --token=${{ secrets.VERCEL_TOKEN }}\n          printf \'%s\' "${{ secrets.STAGING_REDIS_URL }}" | vercel env add REDIS_URL staging --token=${{ secrets.VERCEL_TOKEN }}\n',
        { expect: { line: 9 }, note: "a production secret written on the command's line into a custom Vercel environment" },
      ),
      sample('environments/staging/secrets.tf', 'data "aws_secretsmanager_secret_version" "db" {\n  secret_id = "production/billing/database"\n}\n\ndata "aws_ssm_parameter" "stripe" {\n  name = "/billing/staging/stripe-secret-key"\n}\n', { expect: { line: 2 }, note: "Terraform: the staging configuration looks up production's secret in Secrets Manager" }),
      sample('.github/workflows/deploy-staging.yml', 'on:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: helm upgrade --install ledger ./charts/ledger -n ledger-staging -f charts/ledger/values.yaml -f charts/ledger/values-production.yaml --wait\n', { expect: { line: 10 }, note: "a staging job's helm upgrade layering production's values file" }),
      sample('.gitlab-ci.yml', 'deploy_staging:\n  stage: deploy\n  environment:\n    name: staging\n  script:\n    - kubectl config use-context ci\n    - kubectl apply -k deploy/overlays/production\n', { expect: { line: 7 }, note: "a staging GitLab job applying production's Kustomize overlay" }),
      sample('environments/staging/params.tf', 'data "aws_secretsmanager_secret_version" "db" {\n  secret_id = "staging/billing/database"\n}\n\ndata "aws_ssm_parameter" "stripe" {\n  name = "/billing/production/stripe-secret-key"\n}\n', { expect: { line: 6 }, note: "Terraform: the staging configuration reads production's SSM parameter" }),
      sample(
        '.github/workflows/deploy-staging.yml',
        'on:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: ./deploy.sh\n        env:\n          STRIPE_SECRET_KEY: ${{ secrets.STRIPE_LIVE_SECRET_KEY }}\n',
        { expect: { line: 11 }, note: 'payment providers call production "live"' },
      ),
      sample(
        '.github/workflows/deploy.yml',
        'on: push\npermissions:\n  id-token: write\njobs:\n  deploy-staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::111122223333:role/prod-deployer\n          aws-region: eu-west-1\n      - run: ./deploy.sh\n',
        { expect: { line: 11 }, note: "a staging job assumes production's deploy role" },
      ),
      sample(
        '.github/workflows/preview.yml',
        'name: Vercel Preview\non:\n  pull_request:\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: vercel pull --yes --environment=production --token=${{ secrets.VERCEL_TOKEN }}\n      - run: vercel build && vercel deploy --prebuilt --token=${{ secrets.VERCEL_TOKEN }}\n',
        { expect: { line: 8 }, note: "a preview built with production's variables" },
      ),
      sample(
        '.github/workflows/deploy.yml',
        'on: push\njobs:\n  staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: doppler run --project acme --config prd -- ./deploy.sh\n        env:\n          DOPPLER_TOKEN: ${{ secrets.DOPPLER_TOKEN }}\n',
        { expect: { line: 7 }, note: "Doppler's production config" },
      ),
      sample(
        '.github/workflows/staging.yml',
        'name: staging\non:\n  push:\n    branches: [staging]\njobs:\n  migrate:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: infisical run --env=prod --projectId=6512f0a8b9c4e3d2a1f0e9d8 -- npx knex migrate:latest\n        env:\n          INFISICAL_TOKEN: ${{ secrets.INFISICAL_TOKEN }}\n',
        { expect: { line: 11 }, note: "Infisical: a staging job runs with the project's prod environment's secrets" },
      ),
      sample(
        '.gitlab-ci.yml',
        'stages: [deploy]\n\ndeploy_staging:\n  stage: deploy\n  environment:\n    name: staging\n  variables:\n    DB_PASSWORD: $PROD_DB_PASSWORD\n  script: [./deploy.sh]\n',
        { expect: { line: 8 }, note: 'GitLab CI: a staging job reads a production CI/CD variable' },
      ),
      {
        files: { '.github/workflows/deploy.yml': OUTPUT_WORKFLOW('echo "db_url=$(printf %s "$DB_URL" | base64 -w0)" >> "$GITHUB_OUTPUT"') },
        expect: { path: '.github/workflows/deploy.yml', line: 21 },
        note: "a staging job takes production's secret from another job's output, encoded so GitHub passes it on",
      },
      {
        files: {
          '.github/workflows/deploy.yml':
            'on:\n  push:\n    branches: [main, develop]\njobs:\n  config:\n    runs-on: ubuntu-latest\n    outputs:\n      db_url: ${{ vars.PROD_DATABASE_URL }}\n    steps:\n      - run: echo ok\n  plan:\n    needs: config\n    runs-on: ubuntu-latest\n    outputs:\n      database_url: ${{ needs.config.outputs.db_url }}\n    steps:\n      - run: ./scripts/plan.sh\n  migrate-staging:\n    needs: plan\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: npx prisma migrate deploy\n        env:\n          DATABASE_URL: ${{ needs.plan.outputs.database_url }}\n',
        },
        expect: { line: 25 },
        note: "production's variable passes through two jobs' outputs before the staging job reads it",
      },
      {
        files: {
          '.github/workflows/deploy.yml': "name: deploy\non:\n  push:\n    branches: [develop]\njobs:\n  resolve:\n    uses: ./.github/workflows/resolve-db.yml\n  migrate-staging:\n    needs: resolve\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx prisma migrate deploy\n        env:\n          DATABASE_URL: ${{ needs.resolve.outputs.db_url }}\n",
          '.github/workflows/resolve-db.yml': "name: resolve-db\non:\n  workflow_call:\n    outputs:\n      db_url:\n        description: Database URL for migrations\n        value: ${{ jobs.pick.outputs.db_url }}\njobs:\n  pick:\n    runs-on: ubuntu-latest\n    outputs:\n      db_url: ${{ vars.PROD_DATABASE_URL }}\n    steps:\n      - run: echo \"picked\"\n",
        },
        expect: { line: 16 },
        note: "the staging job reads an output of a reusable workflow of the repository, which passes on production's variable",
      },
      {
        files: {
          '.gitlab-ci.yml': "stages: [test, deploy]\n\ninclude:\n  - local: '.gitlab/ci/deploy.yml'\n\ntest:\n  stage: test\n  script: [npm test]\n",
          '.gitlab/ci/deploy.yml': GITLAB_INCLUDED_DEPLOY('PROD_DATABASE_URL'),
        },
        expect: { path: '.gitlab/ci/deploy.yml', line: 6 },
        note: 'GitLab CI: a job in a file the root includes',
      },
      {
        files: {
          'ops/pipelines/deploy.yml': GITLAB_INCLUDED_DEPLOY('PROD_DATABASE_URL'),
          '.gitlab-ci.yml': "stages: [test, deploy]\n\ninclude:\n  - local: ops/pipelines/deploy.yml\n  - project: acme/ci-templates\n    file: /templates/build.yml\n\ntest:\n  stage: test\n  script: [npm test]\n",
        },
        expect: { line: 6 },
        note: 'GitLab CI: the included file sits in a folder of any name, and is known by its jobs',
      },
      sample(
        '.gitlab-ci.yml',
        '.deploy:\n  script: [./deploy.sh]\n  variables:\n    DATABASE_URL: $PROD_DATABASE_URL\n\ndeploy_staging:\n  extends: .deploy\n  environment: staging\n\ndeploy_prod:\n  extends: .deploy\n  environment: production\n',
        { expect: { line: 4 }, note: 'the staging job takes the variable from the template it extends' },
      ),
      sample('argocd/api-staging.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api-staging\n  namespace: argocd\nspec:\n  source:\n    repoURL: https://github.com/acme/gitops.git\n    path: charts/api\n    helm:\n      valueFiles:\n        - values-production.yaml\n  destination:\n    server: https://kubernetes.default.svc\n    namespace: api-staging\n', { expect: { line: 12 }, note: "an Argo CD app for staging deploying with production's Helm values" }),
      sample('docker-compose.staging.yml', 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    env_file:\n      - .env.production\n', { expect: { line: 5 }, note: "a staging stack loads production's environment file" }),
      sample(
        '.github/workflows/migrate.yml',
        'on: push\njobs:\n  staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: docker run --rm --env-file .env.production ghcr.io/acme/api:1.4.2 npm run migrate\n',
        { expect: { line: 7 }, note: 'a staging job runs with the variables of the production file' },
      ),
      sample('bitbucket-pipelines.yml', 'pipelines:\n  branches:\n    develop:\n      - step:\n          name: Deploy staging\n          deployment: staging\n          script:\n            - export DATABASE_URL=$PROD_DATABASE_URL\n            - ./deploy.sh\n', { expect: { line: 8 }, note: 'Bitbucket Pipelines' }),
      sample('.circleci/config.yml', 'version: 2.1\nworkflows:\n  deploy:\n    jobs:\n      - deploy:\n          name: deploy-staging\n          context: production\n          filters: {branches: {only: develop}}\n', { expect: { line: 7 }, note: "CircleCI: a staging job given production's context" }),
      sample('azure-pipelines.yml', 'stages:\n- stage: Staging\n  jobs:\n  - deployment: DeployStaging\n    environment: staging\n    variables:\n    - group: production-secrets\n    strategy:\n      runOnce:\n        deploy:\n          steps:\n          - script: ./deploy.sh\n', { expect: { line: 7 }, note: "Azure Pipelines: production's variable group" }),
      {
        files: {
          '.github/workflows/deploy-staging.yml':
            'name: Deploy staging\non:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run migrate\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n      - run: npm run deploy\n',
        },
        expect: { path: '.github/workflows/deploy-staging.yml', line: 13 },
      },
      {
        files: {
          '.github/workflows/preview.yml':
            'name: Preview\non:\n  pull_request:\n    branches: [main]\njobs:\n  e2e:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx playwright test\n        env:\n          API_TOKEN: ${{ secrets.PRODUCTION_API_TOKEN }}\n',
        },
        expect: { path: '.github/workflows/preview.yml', line: 12 },
        note: 'a pull-request-only workflow is a preview environment',
      },
      {
        files: {
          'k8s/overlays/staging/deployment.yaml':
            'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n          envFrom:\n            - secretRef:\n                name: prod-db-credentials\n',
        },
        expect: { path: 'k8s/overlays/staging/deployment.yaml', line: 13 },
      },
      {
        files: {
          '.github/workflows/smoke.yml':
            'name: Smoke tests\non:\n  schedule:\n    - cron: "0 6 * * *"\njobs:\n  smoke:\n    runs-on: ubuntu-latest\n    env:\n      APP_ENV: staging\n      BASE_URL: https://staging.acme.dev\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci && npm run smoke\n        env:\n          ADMIN_TOKEN: ${{ secrets.PROD_ADMIN_TOKEN }}\n',
        },
        expect: { path: '.github/workflows/smoke.yml', line: 15 },
        note: 'a job placed by its own APP_ENV',
      },
      sample(
        'samconfig.toml',
        'version = 0.1\n\n[staging.deploy.parameters]\nstack_name = "billing-api-staging"\nparameter_overrides = [\n  "Stage=staging",\n  "DBSecretArn=arn:aws:secretsmanager:eu-west-1:444455556666:secret:billing/prod/db-credentials-Xy12Ab",\n]\n',
        { expect: { line: 7 }, note: "AWS SAM: the list form of a staging config-env's overrides hands it production's Secrets Manager secret" },
      ),
      sample('Jenkinsfile', "pipeline {\n  agent any\n  stages {\n    stage('Deploy to staging') {\n      when { branch 'develop' }\n      environment {\n        DB = credentials('loyalty-prod-db')\n      }\n      steps {\n        withCredentials([string(credentialsId: 'loyalty-prod-database-url', variable: 'DATABASE_URL')]) {\n          sh './gradlew flywayMigrate -Dflyway.url=$DATABASE_URL'\n        }\n      }\n    }\n  }\n}\n", { expect: { line: 10 }, note: "Jenkins: the staging stage binds production's credential (withCredentials)" }),
      sample('Jenkinsfile', "pipeline {\n  agent any\n  stages {\n    stage('Deploy to staging') {\n      when { branch 'develop' }\n      environment {\n        DB = credentials('loyalty-prod-db')\n      }\n      steps {\n        sh './deploy.sh'\n      }\n    }\n  }\n}\n", { expect: { line: 7 }, note: "Jenkins: the staging stage's environment takes production's credential (credentials())" }),
      sample('.drone.yml', 'kind: pipeline\ntype: docker\nname: default\n\nsteps:\n  - name: migrate-staging\n    image: migrate/migrate:v4.17.0\n    environment:\n      DATABASE_URL:\n        from_secret: prod_database_url\n    commands:\n      - migrate -path migrations -database "$DATABASE_URL" up\n    when:\n      branch: [develop]\n', { expect: { line: 10 }, note: "Drone: a step named for staging reads production's secret" }),
      sample('.drone.yml', 'kind: pipeline\ntype: docker\nname: deploy\n\nsteps:\n  - name: deploy\n    image: appleboy/drone-ssh\n    settings:\n      host: staging.acme.net\n      key:\n        from_secret: production_ssh_key\n    when:\n      event: [promote]\n      target: [staging]\n', { expect: { line: 11 }, note: 'Drone: a step promoted to staging' }),
      sample('k8s/overlays/staging/external-secret.yaml', 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: ledger-env\nspec:\n  refreshInterval: 1h\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: aws-secretsmanager\n  target:\n    name: ledger-env\n  dataFrom:\n    - extract:\n        key: ledger/production/env\n', { expect: { line: 14 }, note: "External Secrets: the staging overlay unpacks production's whole secret (dataFrom.extract)" }),
      sample('k8s/overlays/staging/external-secret.yaml', 'apiVersion: external-secrets.io/v1\nkind: ExternalSecret\nmetadata:\n  name: ledger-env\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: vault\n  target:\n    name: ledger-env\n  dataFrom:\n    - find:\n        path: ledger/production\n        name:\n          regexp: ".*"\n', { expect: { line: 13 }, note: "External Secrets: every secret under production's path (dataFrom.find)" }),
      sample('helmfile.yaml', 'environments:\n  staging:\n    values:\n      - environments/common.yaml\n      - environments/production.yaml\n  production:\n    values:\n      - environments/common.yaml\n      - environments/production.yaml\n---\nreleases:\n  - name: checkout\n    namespace: checkout-{{ .Environment.Name }}\n    chart: ./charts/checkout\n    values:\n      - values/checkout.yaml.gotmpl\n', { expect: { line: 5 }, note: "helmfile: the staging environment loads production's values" }),
    ],
    negative: [
      {
        files: { '.github/workflows/deploy.yml': OUTPUT_WORKFLOW('echo "db_url=$DB_URL" >> "$GITHUB_OUTPUT"') },
        note: "GitHub drops a job output holding a secret's value as written: the staging job gets none",
      },
      {
        files: {
          '.github/workflows/deploy.yml':
            'on:\n  push:\n    branches: [main, develop]\njobs:\n  config:\n    runs-on: ubuntu-latest\n    outputs:\n      db_url: ${{ vars.STAGING_DATABASE_URL }}\n    steps:\n      - run: echo ok\n  plan:\n    needs: config\n    runs-on: ubuntu-latest\n    outputs:\n      database_url: ${{ needs.config.outputs.db_url }}\n    steps:\n      - run: ./scripts/plan.sh\n  migrate-staging:\n    needs: plan\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: npx prisma migrate deploy\n        env:\n          DATABASE_URL: ${{ needs.plan.outputs.database_url }}\n',
        },
        note: "staging's own variable passed through two jobs' outputs",
      },
      {
        files: {
          '.github/workflows/deploy.yml': "name: deploy\non:\n  push:\n    branches: [develop]\njobs:\n  resolve:\n    uses: ./.github/workflows/resolve-db.yml\n  migrate-staging:\n    needs: resolve\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx prisma migrate deploy\n        env:\n          DATABASE_URL: ${{ needs.resolve.outputs.db_url }}\n",
          '.github/workflows/resolve-db.yml': "name: resolve-db\non:\n  workflow_call:\n    outputs:\n      db_url:\n        description: Database URL for migrations\n        value: ${{ jobs.pick.outputs.db_url }}\njobs:\n  pick:\n    runs-on: ubuntu-latest\n    outputs:\n      db_url: ${{ vars.STAGING_DATABASE_URL }}\n    steps:\n      - run: echo \"picked\"\n",
        },
        note: "the reusable workflow's output passes on staging's own variable",
      },
      {
        files: { '.gitlab-ci.yml': "include:\n  - local: '.gitlab/ci/deploy.yml'\n", '.gitlab/ci/deploy.yml': GITLAB_INCLUDED_DEPLOY('STAGING_DATABASE_URL') },
        note: "the included staging job reads staging's own variable",
      },
      {
        files: { '.gitlab-ci.yml': "include:\n  - local: ops/pipelines/deploy.yml\n", 'ops/pipelines/deploy.yml': GITLAB_INCLUDED_DEPLOY('STAGING_DATABASE_URL') },
        note: 'GitLab CI: an included file outside CI folders whose staging job reads staging\'s variable',
      },
      sample('charts/api/ci/deploy.yml', 'deploy_staging:\n  enabled: true\n  env:\n    DATABASE_URL: $PROD_DATABASE_URL\n', { note: 'a YAML file in a ci/ folder that holds no GitLab jobs' }),
      sample(
        '.github/workflows/staging.yml',
        'name: staging\non:\n  push:\n    branches: [staging]\njobs:\n  migrate:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: infisical run --env=staging --projectId=6512f0a8b9c4e3d2a1f0e9d8 -- npx knex migrate:latest\n        env:\n          INFISICAL_TOKEN: ${{ secrets.INFISICAL_TOKEN }}\n',
        { note: "Infisical: the staging job runs with staging's own secrets" },
      ),
      {
        files: {
          'src/Worker/appsettings.Production.json': '{\n  "KeyVault": { "VaultUri": "https://kv-fulfil-prod.vault.azure.net/" }\n}\n',
          'src/Worker/appsettings.Staging.json': '{\n  "KeyVault": { "VaultUri": "https://kv-fulfil-stg.vault.azure.net/" }\n}\n',
        },
        note: 'its own vault',
      },
      sample('deploy/helmfile.yaml', 'environments:\n  staging:\n    values:\n      - environments/common.yaml\n      - environments/staging.yaml\n    secrets:\n      - secrets/staging.yaml\n  production:\n    values:\n      - environments/common.yaml\n      - environments/production.yaml\n    secrets:\n      - secrets/production.yaml\n---\nreleases:\n  - name: checkout\n    chart: ./charts/checkout\n    values:\n      - values/{{ .Environment.Name }}.yaml\n', { note: "helmfile: each environment its own values and secrets" }),
      sample('k8s/overlays/staging/external-secret.yaml', 'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: ledger-env\nspec:\n  secretStoreRef:\n    kind: ClusterSecretStore\n    name: aws-secretsmanager\n  target:\n    name: ledger-env\n  dataFrom:\n    - extract:\n        key: ledger/staging/env\n    - find:\n        path: ledger/staging\n', { note: "External Secrets: staging's own secrets" }),
      sample('Jenkinsfile', "pipeline {\n  agent any\n  stages {\n    stage('Deploy to staging') {\n      steps {\n        // don't use 'loyalty-prod-database-url' here: it's production's\n        withCredentials([string(credentialsId: 'loyalty-staging-database-url', variable: 'DATABASE_URL')]) {\n          sh '''echo \"it's {staging\"; ./gradlew flywayMigrate'''\n        }\n      }\n    }\n    stage('Notify') {\n      steps {\n        withCredentials([string(credentialsId: 'prod-slack-token', variable: 'SLACK')]) {\n          sh './notify.sh'\n        }\n      }\n    }\n    stage('Deploy to production') {\n      steps {\n        withCredentials([string(credentialsId: 'loyalty-prod-database-url', variable: 'DATABASE_URL')]) {\n          sh './gradlew flywayMigrate'\n        }\n      }\n    }\n  }\n}\n", { note: "Jenkins: each stage its own environment's credential; production's named only in a comment, and a brace in a shell string does not carry staging's stage into the next one" }),
      sample('.drone.yml', 'kind: pipeline\ntype: docker\nname: default\n\nsteps:\n  - name: migrate\n    image: migrate/migrate:v4.17.0\n    environment:\n      DATABASE_URL:\n        from_secret: staging_database_url\n    when:\n      event: [promote]\n      target: [staging]\n  - name: migrate-production\n    image: migrate/migrate:v4.17.0\n    environment:\n      DATABASE_URL:\n        from_secret: prod_database_url\n    when:\n      event: [promote]\n      target: [production]\n', { note: 'Drone: each promotion target its own secret' }),
      sample('samconfig.toml', 'version = 0.1\n\n[staging.deploy.parameters]\nparameter_overrides = [\n  "Stage=staging",\n  "DBSecretArn=arn:aws:secretsmanager:eu-west-1:444455556666:secret:billing/staging/db-credentials-Xy12Ab",\n]\n', { note: "AWS SAM: staging's own secret" }),
      sample('docker-stack.staging.yml', 'services:\n  api:\n    image: ghcr.io/acme/api:latest\n    secrets:\n      - db_password\nsecrets:\n  db_password:\n    external: true\n    name: staging_db_password\n'),
      sample('deploy/helm/billing/values-staging.yaml', 'postgresql:\n  auth:\n    existingSecret: billing-db-staging\n', { note: "staging's own Secret" }),
      sample('k8s/staging/api.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\n  namespace: staging\nspec:\n  template:\n    metadata:\n      annotations:\n        vault.hashicorp.com/agent-inject: "true"\n        vault.hashicorp.com/agent-inject-secret-db: database/creds/api-staging\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n', { note: "staging's own role" }),
      sample('.circleci/config.yml', 'version: 2.1\nworkflows:\n  deploy:\n    jobs:\n      - deploy:\n          name: deploy-staging\n          context: staging\n      - deploy:\n          name: deploy-production\n          context: production\n'),
      sample('docker-compose.staging.yml', 'services:\n  api:\n    image: ghcr.io/acme/api:1.4.2\n    env_file:\n      - path: .env.staging\n        required: true\n      - .env\n', { note: "staging's own environment file" }),
      sample('.github/workflows/staging.yml', 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: docker run --rm --env-file .env.production.example app:staging npm test\n', { note: 'a template of the production file holds names, not values' }),
      sample('argocd/api-production.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api-production\nspec:\n  source:\n    path: charts/api\n    helm:\n      valueFiles: [values-production.yaml]\n  destination:\n    namespace: api-production\n---\napiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: api-staging\nspec:\n  source:\n    path: charts/api\n    helm:\n      valueFiles: [values-staging.yaml]\n  destination:\n    namespace: api-staging\n', { note: "each Argo CD app with its own environment's values" }),
      sample('bitbucket-pipelines.yml', 'pipelines:\n  branches:\n    main:\n      - step:\n          deployment: production\n          script:\n            - export DATABASE_URL=$PROD_DATABASE_URL\n            - ./deploy.sh\n'),
      sample(
        '.github/workflows/vercel-env.yml',
        'on: workflow_dispatch\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo "$DATABASE_URL" | npx vercel env add DATABASE_URL production\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
        { note: "production's secret written into production" },
      ),
      sample(
        '.github/workflows/vercel-env.yml',
        'name: Sync Vercel env\non: workflow_dispatch\njobs:\n  sync:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm i -g vercel@latest\n      - run: |\n          printf \'%s\' "${{ secrets.STAGING_DATABASE_URL }}" | vercel env add DATABASE_URL staging --token=${{ secrets.VERCEL_TOKEN }}\n          printf \'%s\' "${{ secrets.STAGING_REDIS_URL }}" | vercel env add REDIS_URL staging --token=${{ secrets.VERCEL_TOKEN }}\n',
        { note: "staging's own secrets written into Vercel's custom staging environment" },
      ),
      sample('.github/workflows/deploy-staging.yml', 'on:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: helm upgrade --install ledger ./charts/ledger -n ledger-staging -f charts/ledger/values.yaml -f charts/ledger/values-staging.yaml --wait\n', { note: "a staging job's helm upgrade with staging's own values file" }),
      sample('.gitlab-ci.yml', 'deploy_staging:\n  stage: deploy\n  environment:\n    name: staging\n  script:\n    - kubectl config use-context ci\n    - kubectl apply -k deploy/overlays/staging\n', { note: "a staging GitLab job applying staging's own Kustomize overlay" }),
      sample('.github/workflows/deploy-staging.yml', 'on:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d --build\n', { note: 'a staging job running the production build of the Compose stack: the file alone says no more than how to build' }),
      sample('environments/staging/secrets.tf', 'data "aws_secretsmanager_secret_version" "db" {\n  secret_id = "staging/billing/database"\n}\n\ndata "aws_ssm_parameter" "stripe" {\n  name = "/billing/staging/stripe-secret-key"\n}\n', { note: "Terraform: the staging configuration looks up staging's own secret and parameter" }),
      sample(
        '.gitlab-ci.yml',
        'deploy_staging:\n  environment: staging\n  variables:\n    DB_PASSWORD: $STAGING_DB_PASSWORD\n    REGISTRY: $CI_REGISTRY_PASSWORD\n  script: [./deploy.sh]\ndeploy_production:\n  environment: production\n  variables:\n    DB_PASSWORD: $PROD_DB_PASSWORD\n  script: [./deploy.sh]\n',
        { note: 'each GitLab job reads its own environment\'s variables' },
      ),
      sample(
        '.github/workflows/deploy.yml',
        'on:\n  push:\n    branches: [main]\njobs:\n  production:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n  notify-after-staging:\n    needs: production\n    runs-on: ubuntu-latest\n    steps:\n      - run: curl -X POST "$HOOK" -d deployed\n        env:\n          HOOK: ${{ secrets.PROD_SLACK_WEBHOOK }}\n',
        { note: 'a job named for its place after another is not that environment\'s' },
      ),
      {
        files: {
          '.github/workflows/deploy.yml':
            'name: Deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: npm run migrate\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
        },
        note: 'the production job reads the production secret',
      },
      {
        files: {
          '.github/workflows/deploy-staging.yml':
            'name: Deploy staging\non:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: npm run migrate\n        env:\n          DATABASE_URL: ${{ secrets.STAGING_DATABASE_URL }}\n          # never ${{ secrets.PROD_DATABASE_URL }} here\n',
        },
        note: 'a staging secret, and the production one only in a comment',
      },
      {
        files: {
          '.github/workflows/ci.yml':
            'name: CI\non: [push, pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm test\n  deploy:\n    if: github.ref == \'refs/heads/main\'\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm run deploy\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
        },
        note: 'a workflow that also runs on push: the deploy job is not a preview',
      },
    ],
  },
};

/** Words that make a variable a credential or a data location, for names read from plain env references. */
const SENSITIVE = /(^|_)(DATABASE|DB|DSN|PASSWORD|PASSWD|PWD|SECRET|TOKEN|KEY|CREDENTIALS|CREDS|CONN|CONNECTION|POSTGRES|PG|MYSQL|MONGO|MONGODB|REDIS|SUPABASE|STRIPE|KUBECONFIG|BUCKET)(_|$)/;

/**
 * Payment providers call production "live" (`STRIPE_LIVE_SECRET_KEY`, `PAYPAL_LIVE_CLIENT_SECRET`): in a secret's
 * name beside the provider, `live` says production, although elsewhere it is an ordinary word.
 */
const LIVE_PAYMENT_SECRET = /(?:^|_)(?:STRIPE|PAYPAL|BRAINTREE|ADYEN|SQUARE|MOLLIE|CHECKOUT|RAZORPAY|PADDLE)_(?:[A-Z0-9]+_)*LIVE(?:_|$)|(?:^|_)LIVE_(?:STRIPE|PAYPAL|BRAINTREE|ADYEN|SQUARE|MOLLIE|RAZORPAY|PADDLE)(?:_|$)/;

export function judgeSecret(resource: EnvironmentResource, model: EnvironmentModel): Verdict | undefined {
  if (resource.kind !== 'secret') return undefined;
  const name = identityName(resource.identity) ?? resource.display;
  if (!model.productionNamed(resource) && !LIVE_PAYMENT_SECRET.test(name.toUpperCase().replace(/[^A-Z0-9]+/g, '_'))) return undefined;
  const ciSecret = /^secrets\./.test(resource.variable ?? '') || storeOfSecret(resource.identity) !== undefined;
  if (!ciSecret && !SENSITIVE.test(name.toUpperCase().replace(/[^A-Z0-9]+/g, '_'))) return undefined;
  const production = model.productionWith(resource.identity);
  return {
    ruleId: readsProductionSecret.id,
    action: `reads the production secret ${resource.display}`,
    detail: 'Anything that runs in this environment holds production credentials.',
    related: production.slice(0, 3).map((other) => ({ location: other.location, message: 'production reads the same secret here' })),
    identity: resource.identity,
  };
}
