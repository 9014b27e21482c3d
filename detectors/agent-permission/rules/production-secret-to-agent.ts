// agent-permission/production-secret-to-agent: a CI job starts an agent that acts without approvals (approvals off,
// the shell or a destructive CLI allowed) and hands it production's secrets in its environment.
import { sample, type RuleMeta } from '../../../src/model.js';

const ISSUE_WORKFLOW =
  'name: Claude\non:\n  issue_comment:\n    types: [created]\njobs:\n  claude:\n    if: contains(github.event.comment.body, \'@claude\')\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n';

/** A chart whose CronJob starts Claude Code with approvals off, its Secret named by a value. */
const CHART_CRONJOB =
  'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: {{ include "agent.fullname" . }}\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: agent\n              image: {{ .Values.agent.image }}\n              command: ["claude", "-p", "Reconcile the failed payouts", "--dangerously-skip-permissions"]\n              envFrom:\n                - secretRef:\n                    name: {{ .Values.agent.secretName }}\n';

const COPILOT_SETUP =
  'name: "Copilot Setup Steps"\non:\n  workflow_dispatch:\njobs:\n  # The job MUST be called `copilot-setup-steps` or it will not be picked up by Copilot.\n  copilot-setup-steps:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: read\n    steps:\n      - uses: actions/checkout@v4\n      - uses: astral-sh/setup-uv@v5\n      - run: uv sync --frozen\n';

export const productionSecretToAgent: RuleMeta = {
  id: 'agent-permission/production-secret-to-agent',
  title: 'CI agent acting without approvals holds production secrets',
  severity: 'high',
  why:
    "An agent started in CI with approvals off, the shell allowed or a destructive CLI allowed runs whatever it decides, and every " +
    "variable of its step is in its reach: `env` prints it, and any command it writes uses it. A production database URL or a " +
    "production API token there turns a task that hit an error (or a prompt someone wrote into an issue) into writes and deletes " +
    'against production, with nothing between the model and the credential.',
  fix:
    "Give the agent's job no production secret: run it against a staging or throwaway database, let a separate job without the " +
    'agent deploy or migrate, or keep the approvals on and the tool list to read-only commands. Where the agent must read ' +
    'production, give it a read-only credential scoped to what it reads.',
  help: "Reported once per agent launch, for secrets named for production (`PROD_DATABASE_URL`) or any secret of a job that runs in a production environment (`environment: production`); the agent's own API key is not counted.",
  helpUri: 'https://docs.github.com/en/actions/security-for-github-actions/security-guides/security-hardening-for-github-actions',
  precision: 'high',
  tags: ['agent', 'ci', 'credentials', 'environments'],
  samples: {
    positive: [
      sample(
        '.github/workflows/claude.yml',
        `${ISSUE_WORKFLOW}      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}\n          claude_args: --allowedTools "Bash"\n        env:\n          DATABASE_URL: \${{ secrets.PROD_DATABASE_URL }}\n`,
        { expect: { line: 14 }, note: 'the shell allowed, and production\'s database in the step\'s environment' },
      ),
      sample(
        '.github/workflows/claude.yml',
        `${ISSUE_WORKFLOW}      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}\n          claude_args: --allowedTools "Bash"\n        env:\n          RAILWAY_API_TOKEN: \${{ secrets.RAILWAY_API_TOKEN }}\n`,
        { expect: { line: 14 }, note: "the Railway CLI's account token: every environment of every project, production's included" },
      ),
      sample(
        '.github/workflows/nightly-fix.yml',
        'on:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  fix:\n    runs-on: ubuntu-latest\n    environment: production\n    env:\n      RAILWAY_TOKEN: ${{ secrets.RAILWAY_TOKEN }}\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx -y @anthropic-ai/claude-code -p "Fix the failing nightly job" --dangerously-skip-permissions\n        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n',
        { expect: { line: 12 }, note: "a job in the production environment: its secrets are production's, given through the job's env" },
      ),
      sample(
        '.github/workflows/copilot-setup-steps.yml',
        `${COPILOT_SETUP}      - name: Let Copilot inspect production data\n        run: echo "DATABASE_URL=\${{ secrets.PROD_DATABASE_URL }}" >> .env\n`,
        { expect: { line: 15 }, note: "the Copilot cloud agent's setup steps: its secrets are its environment, and it runs commands unasked" },
      ),
      sample(
        '.github/workflows/copilot-setup-steps.yml',
        `${COPILOT_SETUP}      - name: Railway CLI\n        run: |\n          npm i -g @railway/cli\n          echo "RAILWAY_API_TOKEN=\${{ secrets.RAILWAY_TOKEN }}" >> "$GITHUB_ENV"\n`,
        { expect: { line: 17 }, note: "whatever the secret is called, the Railway CLI's account-token variable holds an account token" },
      ),
      sample(
        '.github/workflows/codex-autofix.yml',
        'name: Codex autofix\non:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  autofix:\n    runs-on: ubuntu-latest\n    env:\n      STRIPE_SECRET_KEY: ${{ secrets.STRIPE_SECRET_KEY }}\n    steps:\n      - uses: actions/checkout@v5\n      - uses: openai/codex-action@v1\n        with:\n          openai-api-key: ${{ secrets.OPENAI_API_KEY }}\n          prompt: Fix the failing build\n          sandbox: danger-full-access\n',
        { expect: { line: 17 }, note: "Stripe's unmarked secret key: the live one, which charges real customers, whatever the environment is called" },
      ),
      sample('deploy/k8s/cronjob.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly-triage\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: claude\n              image: ghcr.io/acme/claude-runner:1.4\n              args: ["claude", "-p", "Fix last night\'s failed jobs", "--dangerously-skip-permissions"]\n              envFrom:\n                - secretRef:\n                    name: billing-production\n              env:\n                - name: ANTHROPIC_API_KEY\n                  valueFrom:\n                    secretKeyRef:\n                      name: anthropic\n                      key: api-key\n', { expect: { line: 15 }, note: "a Kubernetes CronJob's container: the production Secret's keys are its environment" }),
      sample('charts/triage/templates/job.yaml', 'apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: {{ include "triage.fullname" . }}\n  labels:\n    {{- include "triage.labels" . | nindent 4 }}\nspec:\n  template:\n    spec:\n      containers:\n        - name: codex\n          image: {{ .Values.image }}\n          command:\n            - codex\n            - exec\n            - --dangerously-bypass-approvals-and-sandbox\n            - Repair schema drift\n          env:\n            - name: STRIPE_SECRET_KEY\n              valueFrom:\n                secretKeyRef:\n                  name: stripe\n                  key: secret\n', { expect: { line: 16 }, note: 'a Helm template, read by lines: the live Stripe key from a Secret' }),
      sample('workflows/nightly-fix.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: nightly-fix\nspec:\n  entrypoint: fix\n  templates:\n    - name: fix\n      container:\n        image: ghcr.io/acme/agent-runner:1.4\n        command: [claude]\n        args: ["-p", "Fix the flaky tests", "--dangerously-skip-permissions"]\n        env:\n          - name: DATABASE_URL\n            valueFrom:\n              secretKeyRef:\n                name: orders-db-production\n                key: url\n', { expect: { line: 12 }, note: "an Argo Workflows template's container" }),
      sample('workflows/triage.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: Workflow\nmetadata:\n  generateName: codex-triage-\nspec:\n  entrypoint: triage\n  templates:\n    - name: triage\n      script:\n        image: node:22\n        command: [bash]\n        source: |\n          npm i -g @openai/codex\n          codex exec --yolo "Triage the open incidents"\n        envFrom:\n          - secretRef:\n              name: prod-stripe-live\n', { expect: { line: 14 }, note: "an Argo script template: a container whose `source:` is the script" }),
      sample('tekton/agent-fix.yaml', 'apiVersion: tekton.dev/v1\nkind: Task\nmetadata:\n  name: agent-fix\nspec:\n  params:\n    - name: task\n      type: string\n  stepTemplate:\n    env:\n      - name: AWS_SECRET_ACCESS_KEY\n        valueFrom:\n          secretKeyRef:\n            name: aws-production\n            key: secret-access-key\n  steps:\n    - name: checkout-notes\n      image: alpine/git:2.45.2\n      script: git log -5 --oneline\n    - name: run-claude\n      image: ghcr.io/acme/claude:latest\n      script: |\n        claude -p "$(params.task)" --dangerously-skip-permissions\n', { expect: { line: 23 }, note: "a Tekton Task's step: its stepTemplate gives every step the production Secret" }),
      sample('.devcontainer/devcontainer.json', '{\n  "name": "billing",\n  "image": "mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm",\n  "remoteEnv": {\n    "RAILWAY_API_TOKEN": "${localEnv:RAILWAY_API_TOKEN}"\n  },\n  "postStartCommand": "npx -y @anthropic-ai/claude-code --dangerously-skip-permissions -p \'Run the nightly checks\'"\n}\n', { expect: { line: 5 }, note: "a dev container that starts the agent with approvals off and copies in the host's account token" }),
      sample('.gitlab-ci.yml', 'stages: [test, fix]\n\ntests:\n  stage: test\n  script:\n    - npm test\n\nautofix:\n  stage: fix\n  image: node:20\n  environment:\n    name: production\n  script:\n    - npm install -g @anthropic-ai/claude-code\n    - claude -p "Repair the rows the nightly checks flag" --dangerously-skip-permissions\n', { expect: { line: 15 }, note: "GitLab gives a job the CI/CD variables scoped to its environment: production's, here" }),
      sample('.gitlab-ci.yml', 'autofix:\n  image: node:20\n  variables:\n    DATABASE_URL: $PROD_DATABASE_URL\n  script:\n    - npx -y @openai/codex exec --dangerously-bypass-approvals-and-sandbox "Fix the failing checks"\n', { expect: { line: 6 }, note: "a job variable taken from production's" }),
      {
        files: {
          'charts/agent/templates/cronjob.yaml': CHART_CRONJOB,
          'charts/agent/values.yaml': 'agent:\n  image: ghcr.io/acme/agent:1.0\n  secretName: agent-dev-secrets\n',
          'charts/agent/values-production.yaml': 'agent:\n  secretName: payouts-credentials\n',
        },
        expect: { path: 'charts/agent/templates/cronjob.yaml', line: 15 },
        note: "the Secret is a chart value, and production's values file sets it",
      },
      {
        files: {
          'charts/agent/templates/cronjob.yaml': CHART_CRONJOB,
          'charts/agent/values.yaml': 'agent:\n  image: ghcr.io/acme/agent:1.0\n  secretName: payouts-prod-credentials\n',
        },
        expect: { path: 'charts/agent/templates/cronjob.yaml', line: 15 },
        note: "the chart's default values name production's Secret",
      },
      sample('workflows/infra-agent.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: infra-agent\nspec:\n  entrypoint: agent\n  volumes:\n    - name: aws-creds\n      secret:\n        secretName: aws-production-admin\n    - name: cache\n      emptyDir: {}\n  templates:\n    - name: agent\n      container:\n        image: ghcr.io/acme/agent-runner:1.4\n        command: [sh, -c]\n        args: [\"codex exec --dangerously-bypass-approvals-and-sandbox \'Fix the Terraform drift\'\"]\n        volumeMounts:\n          - mountPath: /root/.aws\n            name: aws-creds\n            readOnly: true\n          - name: cache\n            mountPath: /cache\n', { expect: { line: 18 }, note: "production's AWS credentials mounted as files into the agent's container" }),
      {
        files: {
          'deploy/agent/templates/cronjob.yaml': CHART_CRONJOB,
          'deploy/agent/values.yaml': 'agent:\n  image: ghcr.io/acme/agent:1.0\n  secretName: agent-dev-secrets\n',
          'deploy/agent/environments/production/values.yaml': 'agent:\n  secretName: payouts-credentials\n',
        },
        expect: { path: 'deploy/agent/templates/cronjob.yaml', line: 15 },
        note: "production's values file, named by its folder",
      },
    ],
    negative: [
      sample('workflows/infra-agent.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: infra-agent\nspec:\n  entrypoint: agent\n  volumes:\n    - name: aws-creds\n      secret:\n        secretName: aws-production-admin\n    - name: cache\n      emptyDir: {}\n  templates:\n    - name: agent\n      container:\n        image: ghcr.io/acme/agent-runner:1.4\n        command: [sh, -c]\n        args: [\"codex exec --dangerously-bypass-approvals-and-sandbox \'Fix the Terraform drift\'\"]\n        volumeMounts:\n          - name: cache\n            mountPath: /cache\n    - name: apply\n      container:\n        image: hashicorp/terraform:1.9\n        args: ["apply", "-auto-approve"]\n        volumeMounts:\n          - mountPath: /root/.aws\n            name: aws-creds\n', { note: "the Secret's volume is mounted only into another template's container" }),
      {
        files: {
          'charts/agent/templates/cronjob.yaml': CHART_CRONJOB,
          'charts/agent/values.yaml': 'agent:\n  image: ghcr.io/acme/agent:1.0\n  secretName: agent-dev-secrets\n',
          'charts/agent/values-staging.yaml': 'agent:\n  secretName: payouts-staging-credentials\n',
        },
        note: 'the values name only development and staging Secrets',
      },
      {
        files: {
          'charts/agent/templates/cronjob.yaml': CHART_CRONJOB,
          'charts/agent/values.yaml': 'agent:\n  image: ghcr.io/acme/agent:1.0\n  secretName: agent-dev-secrets\n',
          'charts/billing/values-production.yaml': 'agent:\n  secretName: billing-prod-credentials\n',
        },
        note: "another chart's production values",
      },
      sample('.gitlab-ci.yml', 'stages: [test, fix]\n\ntests:\n  stage: test\n  script:\n    - npm test\n\nautofix:\n  stage: fix\n  image: node:20\n  environment:\n    name: staging\n  script:\n    - npm install -g @anthropic-ai/claude-code\n    - claude -p "Repair the rows the nightly checks flag" --dangerously-skip-permissions\n', { note: 'a staging environment' }),
      sample('.gitlab-ci.yml', 'review:\n  script:\n    - claude -p "Review the merge request" --dangerously-skip-permissions\ndeploy:\n  environment: production\n  script:\n    - ./deploy.sh\n', { note: 'production only in a job without the agent' }),
      sample('.devcontainer/devcontainer.json', '{\n  "name": "billing",\n  "image": "mcr.microsoft.com/devcontainers/typescript-node:1-20-bookworm",\n  "remoteEnv": {\n    "DATABASE_URL": "${localEnv:STAGING_DATABASE_URL}"\n  },\n  "postStartCommand": "npx -y @anthropic-ai/claude-code --dangerously-skip-permissions -p \'Run the nightly checks\'"\n}\n', { note: "the host's staging database" }),
      sample('deploy/k8s/cronjob.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly-triage\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: claude\n              image: ghcr.io/acme/claude-runner:1.4\n              args: ["claude", "-p", "Fix last night\'s failed jobs", "--allowedTools", "Read,Grep"]\n              envFrom:\n                - secretRef:\n                    name: billing-production\n              env:\n                - name: ANTHROPIC_API_KEY\n                  valueFrom:\n                    secretKeyRef:\n                      name: anthropic\n                      key: api-key\n', { note: 'read-only tools' }),
      sample('deploy/k8s/cronjob.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: nightly-triage\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: Never\n          containers:\n            - name: claude\n              image: ghcr.io/acme/claude-runner:1.4\n              args: ["claude", "-p", "Fix last night\'s failed jobs", "--dangerously-skip-permissions"]\n              envFrom:\n                - secretRef:\n                    name: billing-staging\n              env:\n                - name: ANTHROPIC_API_KEY\n                  valueFrom:\n                    secretKeyRef:\n                      name: anthropic\n                      key: api-key\n', { note: "staging's Secret" }),
      sample('tekton/agent-fix.yaml', 'apiVersion: tekton.dev/v1\nkind: Task\nmetadata:\n  name: agent-fix\nspec:\n  steps:\n    - name: run-claude\n      image: ghcr.io/acme/claude:latest\n      script: |\n        claude -p "Fix the failing checks" --dangerously-skip-permissions\n    - name: deploy\n      image: ghcr.io/acme/deployer:2.1\n      script: ./deploy.sh\n      env:\n        - name: AWS_SECRET_ACCESS_KEY\n          valueFrom:\n            secretKeyRef:\n              name: aws-production\n              key: secret-access-key\n', { note: "production's Secret only in the Task's deploy step, another container than the agent's" }),
      sample('workflows/nightly-fix.yaml', 'apiVersion: argoproj.io/v1alpha1\nkind: WorkflowTemplate\nmetadata:\n  name: nightly-fix\nspec:\n  entrypoint: fix\n  templates:\n    - name: fix\n      container:\n        image: ghcr.io/acme/agent-runner:1.4\n        command: [claude]\n        args: ["-p", "Fix the flaky tests", "--dangerously-skip-permissions"]\n        env:\n          - name: DATABASE_URL\n            valueFrom:\n              secretKeyRef:\n                name: orders-db-staging\n                key: url\n    - name: migrate\n      container:\n        image: ghcr.io/acme/migrator:3.0\n        envFrom:\n          - secretRef:\n              name: orders-db-production\n', { note: "the agent's template holds staging's Secret; production's is another template's" }),
      sample(
        '.github/workflows/codex-autofix.yml',
        'name: Codex autofix\non:\n  workflow_run:\n    workflows: [CI]\n    types: [completed]\njobs:\n  autofix:\n    runs-on: ubuntu-latest\n    env:\n      STRIPE_SECRET_KEY: ${{ secrets.STRIPE_TEST_SECRET_KEY }}\n    steps:\n      - uses: actions/checkout@v5\n      - uses: openai/codex-action@v1\n        with:\n          openai-api-key: ${{ secrets.OPENAI_API_KEY }}\n          prompt: Fix the failing build\n          sandbox: danger-full-access\n',
        { note: 'a Stripe key the secret marks as the test one' },
      ),
      sample(
        '.github/workflows/claude.yml',
        `${ISSUE_WORKFLOW}      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}\n          claude_args: --allowedTools "Bash"\n        env:\n          DATABASE_URL: \${{ secrets.STAGING_DATABASE_URL }}\n`,
        { note: "staging's database" },
      ),
      sample(
        '.github/workflows/claude.yml',
        `${ISSUE_WORKFLOW}      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: \${{ secrets.ANTHROPIC_API_KEY }}\n          claude_args: --allowedTools "Read,Grep"\n        env:\n          DATABASE_URL: \${{ secrets.PROD_DATABASE_URL }}\n`,
        { note: 'read-only tools: the agent runs no command with it' },
      ),
      sample(
        '.github/workflows/deploy.yml',
        'on: push\njobs:\n  review:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npx -y @anthropic-ai/claude-code -p "Review the diff" --dangerously-skip-permissions\n        env:\n          ANTHROPIC_API_KEY: ${{ secrets.ANTHROPIC_API_KEY }}\n  deploy:\n    needs: review\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: ./deploy.sh\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
        { note: 'production secrets only in a job without the agent' },
      ),
      sample(
        '.github/workflows/copilot-setup-steps.yml',
        `${COPILOT_SETUP}      - run: uv pip install --index-url "https://__token__:\${{ secrets.PYPI_READ_TOKEN }}@pypi.acme.dev/simple" acme-internal\n      - run: echo "DATABASE_URL=postgres://postgres:postgres@localhost:5432/billing_test" >> .env\n`,
        { note: 'a package index token and a local test database' },
      ),
      sample(
        '.github/workflows/copilot-setup-steps.yml',
        `${COPILOT_SETUP}      - run: railway link --project billing --environment staging\n        env:\n          RAILWAY_TOKEN: \${{ secrets.RAILWAY_STAGING_TOKEN }}\n`,
        { note: "a Railway project token for staging (RAILWAY_TOKEN), not the account's" },
      ),
      sample(
        '.github/workflows/db-sync.yml',
        `${COPILOT_SETUP.replace('copilot-setup-steps:', 'sync:')}      - run: ./scripts/sync.sh\n        env:\n          DATABASE_URL: \${{ secrets.PROD_DATABASE_URL }}\n`,
        { note: 'an ordinary workflow: no agent starts in it' },
      ),
    ],
  },
};
