// agent-permission/destructive-command-allowed: a destructive CLI (rm, railway, terraform destroy, kubectl delete,
// psql, aws...) approved in advance.
import { sample, type RuleMeta } from '../../../src/model.js';

export const destructiveCommandAllowed: RuleMeta = {
  id: 'agent-permission/destructive-command-allowed',
  title: 'Destructive command approved for the agent',
  severity: 'high',
  why:
    'An allow rule lets the agent run a command that deletes data or infrastructure without a person confirming it: ' +
    '`Bash(rm:*)`, `Bash(railway:*)`, `Bash(terraform destroy:*)`, `kubectl delete`, `psql` (any SQL), `aws`. One call ' +
    'of the incident\'s kind, `railway volume delete` with a token the agent found, is then a single unreviewed step. ' +
    "No setting is needed for one of them: VS Code runs the workspace's package.json scripts for Copilot agent mode unasked by " +
    'default, so a `db:reset` script that runs `prisma migrate reset` is approved there (reported medium).',
  fix:
    'Remove the allow rule, or narrow it to read-only subcommands (`Bash(terraform plan:*)`, `Bash(kubectl get:*)`), and add ' +
    'a deny (or ask) rule for the destructive ones so no later allow can open them.',
  helpUri: 'https://code.claude.com/docs/en/permissions',
  precision: 'high',
  tags: ['agent', 'permissions', 'destructive', 'owasp-llm06'],
  samples: {
    positive: [
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(hcloud:*)", "Bash(npm test:*)"]\n  }\n}\n', { expect: { line: 3 }, note: "Hetzner Cloud's CLI deletes servers and volumes" }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": [\n      "Bash(npm run build)",\n      "Bash(npx cdk:*)"\n    ]\n  }\n}\n', { expect: { line: 5 }, note: '`npx cdk destroy --force` tears the stacks down' }),
      sample('.cursor/cli.json', '{\n  "permissions": {\n    "allow": ["Shell(terragrunt)", "Shell(ls)"]\n  }\n}\n', { expect: { line: 3 } }),
      sample('.amp/settings.json', '{\n  "amp.commands.allowlist": [\n    "pnpm test",\n    "railway *"\n  ]\n}\n', { expect: { line: 4 }, note: "Amp's allowlist takes wildcards" }),
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": [\n      "Bash(npm test:*)",\n      "Bash(PGPASSWORD=$DB_PASSWORD psql -h orders-db.internal -U app -d orders -c:*)"\n    ]\n  }\n}\n', { expect: { line: 5 }, note: 'the prefix "don\'t ask again" saves for one query takes any SQL after -c' }),
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(python manage.py:*)", "Bash(pytest:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`manage.py flush --noinput` deletes every row' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(mix:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`mix ecto.drop`' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(bundle exec:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`bundle exec rails db:drop`' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(kamal:*)"]\n  }\n}\n', { expect: { line: 3 }, note: "`kamal accessory remove db` deletes the database's data directory on the host" }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(npm test:*)", "Bash(npx sequelize-cli db:migrate*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'the glob takes in `db:migrate:undo:all`, which reverts every migration' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(dbmate:*)", "Bash(atlas schema inspect:*)"]\n  }\n}\n', { expect: { line: 3 }, note: '`dbmate drop` drops the database its `.env` names' }),
      {
        files: {
          Makefile: '.PHONY: test reset-db\n\ntest:\n\tpython manage.py test\n\nreset-db:\n\tpython manage.py flush --noinput\n\tpython manage.py loaddata fixtures/dev.json\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(make:*)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.json', line: 3 },
        note: 'a Django target that empties the database',
      },
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(pscale:*)"]\n  }\n}\n', { expect: { line: 3 }, note: "PlanetScale's CLI deletes databases and branches" }),
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": [\n      "Bash(fly logs *)",\n      "Bash(fly ssh console *)"\n    ]\n  }\n}\n', { expect: { line: 5 }, note: '`fly ssh console -C` runs any command on the production machines' }),
      {
        files: {
          'package.json': '{\n  "name": "web",\n  "scripts": {\n    "db:reset": "supabase db reset",\n    "db:reset:remote": "supabase db reset --linked"\n  }\n}\n',
          '.claude/settings.local.json': '{\n  "permissions": {\n    "allow": ["Bash(npm run:*)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.local.json', line: 3 },
        note: 'the script with --linked resets the hosted project database',
      },
      {
        files: {
          'scripts/reset-db.sh': '#!/usr/bin/env bash\nset -euo pipefail\n# Drops and recreates the database in DATABASE_URL, then seeds it.\nnpx prisma migrate reset --force --skip-seed\nnpx prisma db seed\n',
          '.claude/settings.local.json': '{\n  "permissions": {\n    "allow": [\n      "Bash(npm test:*)",\n      "Bash(./scripts/reset-db.sh)"\n    ]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.local.json', line: 5 },
        note: 'a script of the project that resets the database: the rule names the script, not what it runs',
      },
      {
        files: {
          'ops/teardown.sh': '#!/bin/sh\nset -e\ncd infra\nterraform destroy -auto-approve -var-file=prod.tfvars\n',
          '.vscode/settings.json': '{\n  "chat.tools.terminal.autoApprove": {\n    "bash ops/teardown.sh": true\n  }\n}\n',
        },
        expect: { path: '.vscode/settings.json', line: 3 },
        note: 'the script started through a shell',
      },
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(heroku pg:psql:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'a SQL shell on the Heroku database: `--command "DROP TABLE ..."`' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(gcloud builds submit:*)", "Bash(gcloud run:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'one service of a cloud CLI: `gcloud run services delete`' }),
      sample('.codex/rules/default.rules', 'prefix_rule(\n    pattern = ["aws", "cloudformation"],\n    decision = "allow",\n)\n', { expect: { line: 1 }, note: '`aws cloudformation delete-stack`' }),
      sample('.amazonq/cli-agents/infra.json', '{\n  "name": "infra",\n  "tools": ["*"],\n  "allowedTools": ["fs_read", "use_*"]\n}\n', { expect: { line: 4 }, note: 'use_* matches use_aws: any AWS API call, deletes included' }),
      {
        files: {
          'package.json': '{\n  "name": "api",\n  "scripts": {\n    "dev": "next dev",\n    "db:reset": "prisma migrate reset --force && prisma db seed"\n  }\n}\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(npm run:*)"],\n    "deny": ["Bash(npx prisma migrate reset:*)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.json', line: 3 },
        note: 'npm run starts a script that resets the database; the deny rule never sees the command the script runs',
      },
      {
        files: {
          Makefile: '.PHONY: test lint db-drop infra-destroy\n\ntest:\n\tpytest -q\n\nlint:\n\truff check .\n\ndb-drop:\n\tdropdb --if-exists $(PGDATABASE)\n\ninfra-destroy:\n\tcd infra && terraform destroy -auto-approve\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": [\n      "Bash(make:*)",\n      "Bash(pytest:*)"\n    ]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.json', line: 4 },
        note: "make starts a target whose recipe drops the database",
      },
      {
        files: {
          Makefile: 'plan:\n\tterraform -chdir=infra plan\n\nteardown:\n\tterraform -chdir=infra destroy -auto-approve\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(make:*)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.json', line: 3 },
        note: "Terraform's -chdir option before the subcommand",
      },
      {
        files: {
          GNUmakefile: 'reset: ## start over\n\t@$(MAKE) nuke seed\n\nnuke:\n\t-npx prisma migrate reset --force\n\nseed:\n\tnode seed.js\n',
          '.claude/settings.local.json': '{\n  "permissions": {\n    "allow": ["Bash(make reset)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.local.json', line: 3 },
        note: 'one named target, which makes another that resets the database',
      },
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(PGPASSWORD=$PROD_DB_PASSWORD psql:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'a variable set in front of the command, as "don\'t ask again" saves it' }),
      sample('.gemini/policies/ops.toml', '[[rule]]\ntoolName = "run_shell_command"\ncommandPrefix = "railway"\ndecision = "allow"\npriority = 200\n', { expect: { line: 4 }, note: 'a Gemini CLI workspace policy rule (intent only: info)' }),
      sample('.amazonq/cli-agents/ops.json', '{\n  "name": "ops",\n  "tools": ["use_aws", "fs_read"],\n  "toolsSettings": {\n    "use_aws": { "allowedServices": ["s3", "rds", "dynamodb"] }\n  }\n}\n', { expect: { line: 5 }, note: 'Amazon Q calls these services without a prompt, deletes included' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(psql -c:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'psql with a command, its database from the environment' }),
      sample('.codex/rules/default.rules', 'prefix_rule(pattern = ["psql", "-h", "orders-db.internal", "-U", "app", "-d", "orders", "-c"], decision = "allow")\n', { expect: { line: 1 }, note: 'a token prefix ending on the statement option takes any SQL' }),
      sample('.amp/settings.json', '{\n  "amp.permissions": [\n    { "tool": "Bash", "matches": { "cmd": "mysql -h orders-db.internal -u app orders -e *" }, "action": "allow" }\n  ]\n}\n', { expect: { line: 3 } }),
      sample('.cursor/permissions.json', '{\n  "terminalAllowlist": ["npm test", "psql -h orders-db.internal -U app -d orders --command"]\n}\n', { expect: { line: 2 } }),
      sample('.github/workflows/clean.yml', 'jobs:\n  clean:\n    runs-on: ubuntu-latest\n    steps:\n      - run: claude -p "Clean up stale build output" --allowedTools "Read" "Edit" "Bash(rm:*)"\n', { expect: { line: 5 }, note: 'the flag takes several quoted arguments' }),
      sample('.windsurf/workflows/reset-db.md', '---\ndescription: Reset the local database\n---\n1. Stop the dev server\n// turbo\n2. Run `npx prisma migrate reset --force`\n', { expect: { line: 5 }, note: "`// turbo` runs the next step's command unasked" }),
      sample('.claude/skills/deploy/SKILL.md', '---\nname: deploy\ndescription: Deploy the app to Railway\nallowed-tools: Bash(railway:*), Read\n---\nDeploy with `railway up`.\n', { expect: { line: 4 }, note: "a skill's front matter" }),
      sample(
        '.claude/settings.local.json',
        '{\n  "permissions": {\n    "allow": [\n      "Bash(npm run dev)",\n      "Bash(railway:*)",\n      "Bash(rm:*)"\n    ]\n  }\n}\n',
        { expect: { line: 5 } },
      ),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(terraform plan:*)", "Bash(terraform destroy:*)"]\n  }\n}\n', {
        expect: { line: 3 },
      }),
      sample('.codex/rules/default.rules', '# Commands Codex may run outside the sandbox\nprefix_rule(pattern=["git", "status"], decision="allow")\nprefix_rule(pattern=["railway"], decision="allow")\n', {
        expect: { line: 3 },
      }),
      sample('.cursor/permissions.json', '{\n  // team allowlist\n  "terminalAllowlist": ["npm test", "kubectl"]\n}\n', { expect: { line: 3 } }),
      sample('.vscode/settings.json', '{\n  "chat.tools.terminal.autoApprove": {\n    "/^terraform (plan|apply)\\\\b/": true\n  }\n}\n', { expect: { line: 3 } }),
      sample('opencode.json', '{\n  "permission": {\n    "bash": {\n      "*": "ask",\n      "psql *": "allow"\n    }\n  }\n}\n', { expect: { line: 5 } }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(npm test:*)", "Bash(npx supabase:*)"]\n  }\n}\n', { expect: { line: 3 }, note: 'a CLI run through a package runner' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": [\n      "Bash(rm -r:*)"\n    ]\n  }\n}\n', { expect: { line: 4 }, note: 'a flag of rm, not one path' }),
      sample('.codex/rules/default.rules', 'prefix_rule(pattern = ["pnpm", "prisma", "migrate"], decision = "allow",)\n', { expect: { line: 1 } }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(aws s3 rb:*)"]\n  }\n}\n', { expect: { line: 3 } }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": [\n      "Bash(kubectl:*)",\n      "Bash(helm:*)"\n    ],\n    "deny": ["Bash(kubectl delete:*)", "Bash(helm uninstall:*)", "Bash(helm delete:*)"]\n  }\n}\n', { expect: { line: 4 }, note: 'with delete denied, kubectl still execs into pods, scales to zero and applies' }),
      sample('.codex/rules/default.rules', 'prefix_rule(pattern=["helm"], decision="allow")\nprefix_rule(pattern=["helm", ["uninstall", "delete"]], decision="forbidden")\n', { expect: { line: 1 }, note: 'helm upgrade and rollback replace what production runs' }),
      {
        files: {
          '.claude/settings.json': '{\n  "permissions": {\n    "deny": ["Bash(rm:*)"]\n  }\n}\n',
          '.claude/settings.local.json': '{\n  "permissions": {\n    "allow": ["Bash(rm:*)", "Bash(railway:*)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.local.json', line: 3 },
        note: 'the shared deny stops rm, not railway',
      },      {
        files: {
          'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n    environment:\n      POSTGRES_PASSWORD: orders\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n\nvolumes:\n  pgdata:\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": [\n      "Bash(docker compose up:*)",\n      "Bash(docker compose down:*)"\n    ]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.json', line: 5 },
        note: '`docker compose down -v` deletes the named volume that holds the database',
      },
      {
        files: {
          'docker-compose.yml': 'version: "3.8"\nservices:\n  mysql:\n    image: mysql:8.0\n    environment:\n      MYSQL_ROOT_PASSWORD: root\n    volumes:\n      - db_data:/var/lib/mysql\nvolumes:\n  db_data: {}\n',
          '.cursor/cli.json': '{\n  "permissions": {\n    "allow": ["Shell(ls)", "Shell(docker-compose)"]\n  }\n}\n',
        },
        expect: { path: '.cursor/cli.json', line: 3 },
        note: 'the legacy docker-compose binary, allowed whole',
      },
      {
        files: {
          'package.json': '{\n  "name": "orders-api",\n  "scripts": {\n    "dev": "tsx watch src/index.ts",\n    "db:up": "docker compose up -d db",\n    "db:reset": "docker compose down -v && docker compose up -d db"\n  }\n}\n',
          'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_PASSWORD: orders\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(npm run:*)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.json', line: 3 },
        note: "npm run starts a script whose `docker compose down -v` deletes the database's named volume",
      },
      {
        files: {
          justfile: 'set dotenv-load\n\ntest:\n    cargo test\n\n# drop, recreate and migrate the local database\nreset-db:\n    sqlx database drop -y\n    sqlx database create\n    sqlx migrate run\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(just:*)", "Bash(cargo test:*)"]\n  }\n}\n',
        },
        expect: { path: '.claude/settings.json', line: 3 },
        note: 'just starts a recipe that drops the database',
      },
      {
        files: {
          'package.json': '{\n  "name": "web",\n  "scripts": {\n    "test": "vitest",\n    "db:reset": "prisma migrate reset --force --skip-seed"\n  }\n}\n',
          '.codex/rules/default.rules': '# project scripts run without a prompt\nprefix_rule(\n    pattern = ["npm", "run"],\n    decision = "allow",\n)\n',
        },
        expect: { path: '.codex/rules/default.rules', line: 2 },
        note: "a Codex rule for npm run starts the script that resets the database",
      },
      {
        files: {
          Makefile: '.PHONY: test db-drop\ntest:\n\tgo test ./...\n\ndb-drop:\n\tpsql "$(DATABASE_URL)" -c "DROP SCHEMA public CASCADE"\n',
          '.gemini/settings.json': '{\n  "tools": {\n    "allowed": ["run_shell_command(make)", "run_shell_command(go test)"]\n  }\n}\n',
        },
        expect: { path: '.gemini/settings.json', line: 3 },
        note: 'Gemini CLI runs make unasked, and a target of the Makefile drops the schema',
      },
      {
        files: {
          justfile: 'test:\n    cargo test\n\nnuke:\n    cd infra && terraform destroy -auto-approve\n',
          '.vscode/settings.json': '{\n  "chat.tools.terminal.autoApprove": {\n    "/^just\\\\b/": true\n  }\n}\n',
        },
        expect: { path: '.vscode/settings.json', line: 3 },
        note: "VS Code's agent runs any just recipe unasked, one destroys the infrastructure",
      },
      {
        files: {
          'package.json': '{\n  "name": "api",\n  "scripts": {\n    "lint": "eslint .",\n    "db:fresh": "drizzle-kit drop && drizzle-kit push"\n  }\n}\n',
          'opencode.json': '{\n  "$schema": "https://opencode.ai/config.json",\n  "permission": {\n    "bash": {\n      "*": "ask",\n      "pnpm run *": "allow"\n    }\n  }\n}\n',
        },
        expect: { path: 'opencode.json', line: 6 },
        note: 'OpenCode runs any pnpm script unasked',
      },
      {
        files: {
          Makefile: 'test:\n\tpytest -q\n\nreset-db:\n\tpython manage.py flush --noinput\n',
          '.amazonq/cli-agents/dev.json': '{\n  "name": "dev",\n  "tools": ["execute_bash", "fs_read"],\n  "toolsSettings": {\n    "execute_bash": { "allowedCommands": ["make .*", "git status"] }\n  }\n}\n',
        },
        expect: { path: '.amazonq/cli-agents/dev.json', line: 5 },
        note: 'Amazon Q runs any make target unasked, one flushes the database',
      },
      {
        files: {
          'package.json': '{\n  "name": "shoplet-api",\n  "scripts": {\n    "test": "vitest run",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.amp/settings.json': '{\n  "amp.commands.allowlist": ["git status", "npm run"]\n}\n',
        },
        expect: { path: '.amp/settings.json', line: 2 },
        note: 'Amp runs any npm script unasked, one resets the database',
      },
      {
        files: {
          Makefile: 'test:\n\tgo test ./...\n\nnuke:\n\tcd infra && terraform destroy -auto-approve\n',
          '.amp/settings.json': '{\n  "amp.permissions": [\n    { "tool": "Bash", "matches": { "cmd": "make *" }, "action": "allow" }\n  ]\n}\n',
        },
        expect: { path: '.amp/settings.json', line: 3 },
        note: "an Amp permission rule allows every make target, one destroys the infrastructure",
      },
      {
        files: {
          'package.json': '{\n  "scripts": {\n    "test": "vitest",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.zed/settings.json': '{\n  "agent": {\n    "tool_permissions": {\n      "tools": {\n        "terminal": { "always_allow": [{ "pattern": "^npm run " }] }\n      }\n    }\n  }\n}\n',
        },
        expect: { path: '.zed/settings.json', line: 5 },
        note: "Zed ignores a project's agent settings (intent only: info)",
      },
      sample('.augment/settings.json', '{\n  "toolPermissions": [\n    { "toolName": "launch-process", "shellInputRegex": "^(terraform|tflint)\\\\s", "permission": { "type": "allow" } }\n  ]\n}\n', { expect: { line: 3 }, note: "an Auggie shell regex that lets terraform through, destroy included" }),
      {
        files: {
          'package.json': '{\n  "name": "storefront",\n  "private": true,\n  "scripts": {\n    "dev": "next dev",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.github/copilot-instructions.md': '# Storefront\n\nRun `npm test` before you open a pull request.\n',
        },
        expect: { path: 'package.json', line: 6 },
        note: "no setting at all: VS Code approves the workspace's package.json scripts for Copilot agent mode by default (medium)",
      },
      sample('.kiro/agents/db.json', '{\n  "name": "db",\n  "tools": ["read", "shell"],\n  "permissions": [\n    { "capability": "shell", "effect": "allow", "match": ["railway logs*", "railway *"] },\n    { "capability": "shell", "effect": "deny", "match": ["rm *"] }\n  ]\n}\n', {
        expect: { line: 5 },
        note: 'Kiro 3 shell patterns are globs over the command line',
      }),
      sample('.aider.conf.yml', 'model: sonnet\nauto-test: true\ntest-cmd: "prisma migrate reset --force --skip-seed && vitest run"\n', {
        expect: { line: 3 },
        note: 'Aider runs the test command after every edit, asking nobody',
      }),
      {
        files: {
          'package.json': '{\n  "scripts": {\n    "test": "vitest run",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.aider.conf.yml': 'auto-test: true\ntest-cmd: npm run db:reset && npm test\n',
        },
        expect: { path: '.aider.conf.yml', line: 2 },
        note: "Aider's test command starts a package script that resets the database",
      },
    ],
    negative: [
      sample('.aider.conf.yml', 'model: sonnet\nauto-test: false\ntest-cmd: "prisma migrate reset --force --skip-seed && vitest run"\n', { note: 'auto-test off: the test command runs only when someone types /test' }),
      sample('.aider.conf.yml', 'auto-test: true\ntest-cmd: npm test\n'),
      {
        files: {
          'package.json': '{\n  "name": "storefront",\n  "private": true,\n  "scripts": {\n    "dev": "next dev",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.github/copilot-instructions.md': '# Storefront\n\nRun `npm test` before you open a pull request.\n',
          '.vscode/settings.json': '{\n  "editor.formatOnSave": true,\n  "chat.tools.terminal.autoApproveWorkspaceNpmScripts": false\n}\n',
        },
        note: "the workspace turns VS Code's approval of package.json scripts off",
      },
      {
        files: {
          'package.json': '{\n  "name": "storefront",\n  "scripts": {\n    "dev": "next dev",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.github/copilot-instructions.md': '# Storefront\n',
          '.vscode/settings.json': '{\n  "chat.tools.terminal.autoApprove": {\n    "/^(npm run(-script)?|yarn( run)?|pnpm( run)?) db:/": false\n  }\n}\n',
        },
        note: 'a false rule keeps every way of starting the database scripts asking',
      },
      {
        files: {
          'package.json': '{\n  "name": "storefront",\n  "scripts": {\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.vscode/settings.json': '{\n  "chat.tools.terminal.autoApprove": {\n    "/.*/": true\n  }\n}\n',
        },
        note: 'every command runs unasked already: shell-auto-approved reports that, not each script',
      },
      sample('.augment/settings.json', '{\n  "toolPermissions": [\n    { "toolName": "launch-process", "shellInputRegex": "\\\\bdestroy\\\\b", "permission": { "type": "deny" } },\n    { "toolName": "launch-process", "shellInputRegex": "^terraform (plan|validate|fmt)\\\\b", "permission": { "type": "allow" } }\n  ]\n}\n', { note: "terraform's read-only subcommands only, destroy denied above them" }),
      sample('.claude/settings.local.json', '{\n  "permissions": {\n    "allow": ["Bash(psql --version:*)", "Bash(psql -h orders-db.internal -c \\"SELECT count(*) FROM orders\\")"]\n  }\n}\n', { note: 'a version check, and one exact query' }),
      sample('.amp/settings.json', '{\n  "amp.commands.allowlist": ["pnpm run * --filter web", "git status"],\n  "amp.permissions": [\n    { "tool": "Bash", "matches": { "cmd": "railway *" }, "action": "reject" },\n    { "tool": "Bash", "matches": { "cmd": ["railway status", "railway logs*"] }, "action": "allow" }\n  ]\n}\n', { note: 'the earlier reject rule wins over the later allow' }),
      {
        files: {
          'scripts/deploy.sh': '#!/usr/bin/env bash\nset -e\nnpm run build\nrailway up --detach\n',
          'scripts/lint.sh': '#!/bin/sh\n# never run terraform destroy from here\nnpx eslint . && npx tsc --noEmit\necho "psql is not needed"\n',
          'test/setup-db.sh': '#!/bin/sh\ndropdb --if-exists app_test && createdb app_test\n',
          'scripts/report.sh': '#!/bin/sh\npsql "$DATABASE_URL" -c "SELECT count(*) FROM orders"\ncurl -fsS https://status.example.com/health\n',
          '.claude/settings.local.json': '{\n  "permissions": {\n    "allow": ["Bash(./scripts/deploy.sh:*)", "Bash(bash scripts/lint.sh)", "Bash(./test/setup-db.sh)", "Bash(./scripts/report.sh)"]\n  }\n}\n',
        },
        note: 'scripts that deploy, lint and report (fixed SQL, a fixed URL; a comment and an echo name destructive tools), and a test set-up script',
      },
      {
        files: {
          'package.json': '{\n  "name": "web",\n  "scripts": {\n    "dev": "vite",\n    "db:reset": "supabase db reset",\n    "db:seed": "wrangler d1 execute DB --local --file=./seed.sql"\n  }\n}\n',
          '.claude/settings.local.json': '{\n  "permissions": {\n    "allow": ["Bash(npm run:*)"]\n  }\n}\n',
        },
        note: 'without --linked or --remote the Supabase and D1 commands act on the local database',
      },
      {
        files: {
          'package.json': '{\n  "scripts": {\n    "db:up": "docker compose up -d db",\n    "db:down": "docker compose down",\n    "db:prune": "docker volume prune -f"\n  }\n}\n',
          'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
          justfile: 'build:\n    cargo build --release\n\nup:\n    docker compose up -d\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(npm run:*)", "Bash(just:*)"]\n  }\n}\n',
        },
        note: '`down` without `-v` and `prune` without `--all` leave a named volume in place',
      },
      sample(
        '.claude/settings.json',
        '{\n  "permissions": {\n    "allow": [\n      "Bash(npx cdk synth:*)",\n      "Bash(npx cdk diff:*)",\n      "Bash(terragrunt plan:*)",\n      "Bash(python manage.py test:*)",\n      "Bash(bundle exec rspec:*)",\n      "Bash(mix test:*)",\n      "Bash(dotnet ef migrations add:*)",\n      "Bash(kamal app logs:*)",\n      "Bash(alembic upgrade head)"\n    ]\n  }\n}\n',
        { note: 'the read-only and additive subcommands of the same tools' },
      ),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(npx sequelize-cli db:migrate)", "Bash(npx sequelize-cli db:migrate:status)", "Bash(dbmate up)", "Bash(atlas schema inspect:*)", "Bash(atlas migrate lint:*)"]\n  }\n}\n', { note: 'migrations applied forward and schemas read, never reverted or cleaned' }),
      sample(
        '.claude/settings.local.json',
        '{\n  "permissions": {\n    "allow": [\n      "Bash(gcloud run deploy:*)",\n      "Bash(gcloud logging read:*)",\n      "Bash(aws cloudformation describe-stacks:*)",\n      "Bash(aws ecs describe-services:*)",\n      "Bash(fly logs:*)",\n      "Bash(fly deploy:*)",\n      "Bash(heroku logs:*)",\n      "Bash(railway logs:*)",\n      "Bash(doctl compute droplet list:*)"\n    ]\n  }\n}\n',
        { note: 'deploys and read-only subcommands of the platform CLIs' },
      ),
      {
        files: {
          'package.json': '{\n  "scripts": {\n    "clean": "rm -rf dist",\n    "build": "tsc -p .",\n    "db:migrate": "prisma migrate deploy"\n  }\n}\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(npm run:*)"]\n  }\n}\n',
        },
        note: "the package's scripts build, clean the build output and apply migrations; none resets or deletes a store",
      },
      {
        files: {
          'package.json': '{\n  "scripts": {\n    "test": "vitest",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.codex/rules/default.rules': 'prefix_rule(pattern=["npm", "run"], decision="allow")\nprefix_rule(pattern=["npm", "run", "db:reset"], decision="forbidden")\n',
        },
        note: 'the forbidden rule takes the one destructive script back',
      },
      {
        files: {
          Makefile: 'DB ?= app_dev\n\ntest:\n\tpytest -q\n\nclean: ## remove build output\n\trm -rf build dist\n\nmigrate:\n\talembic upgrade head\n\ndefine RESET_HELP\nreset:\n\tdropdb $(DB)\nendef\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(make:*)"]\n  }\n}\n',
        },
        note: 'targets that test, clean the build output and migrate; a dropdb only inside a define block of help text',
      },
      sample('.gemini/policies/ops.toml', '[[rule]]\ntoolName = "run_shell_command"\ncommandPrefix = "railway"\ndecision = "allow"\npriority = 100\n\n[[rule]]\ntoolName = "run_shell_command"\ncommandPrefix = ["railway down", "railway delete", "railway volume delete", "railway ssh", "railway connect"]\ndecision = "deny"\npriority = 200\n', { note: 'deny rules of a higher priority take the destructive subcommands back' }),
      sample('.amazonq/cli-agents/ops.json', '{\n  "name": "ops",\n  "tools": ["use_aws"],\n  "toolsSettings": {\n    "use_aws": { "allowedServices": ["sts", "cloudwatch"] }\n  }\n}\n', { note: 'services that hold no data' }),
      {
        files: {
          'package.json': '{\n  "scripts": {\n    "test": "vitest",\n    "db:reset": "prisma migrate reset --force"\n  }\n}\n',
          '.amp/settings.json': '{\n  "amp.permissions": [\n    { "tool": "Bash", "matches": { "cmd": "npm run db:*" }, "action": "reject" },\n    { "tool": "Bash", "matches": { "cmd": "npm run *" }, "action": "allow" }\n  ]\n}\n',
        },
        note: 'an earlier reject rule takes the database scripts back (first match wins)',
      },
      sample('.github/workflows/fix.yml', 'jobs:\n  fix:\n    runs-on: ubuntu-latest\n    steps:\n      - run: claude --allowedTools "Read" "Edit" "Run rm -rf on the cache, then Bash the tests"\n', { note: 'a prompt after the list is not a rule' }),
      {
        files: {
          '.claude/settings.json': '{\n  "permissions": {\n    "deny": ["Bash(rm:*)", "Bash(railway:*)"]\n  }\n}\n',
          '.claude/settings.local.json': '{\n  "permissions": {\n    "allow": ["Bash(rm:*)", "Bash(railway:*)"]\n  }\n}\n',
        },
        note: "Claude Code merges the two files, deny first: the local allows (what \"don't ask again\" writes) are overridden",
      },
      sample('.github/workflows/claude.yml', 'jobs:\n  claude:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          settings: |\n            {\n              "permissions": {\n                "allow": ["Bash(terraform plan:*)", "Bash(terraform destroy:*)"],\n                "deny": ["Bash(terraform destroy:*)"]\n              }\n            }\n', { note: 'the inline settings deny what they allow' }),
      sample(
        '.claude/settings.json',
        '{\n  "permissions": {\n    "allow": ["Bash(terraform plan:*)", "Bash(kubectl get:*)", "Bash(rm -rf node_modules)", "Bash(railway logs:*)"],\n    "deny": ["Bash(terraform destroy:*)"]\n  }\n}\n',
      ),
      sample('.codex/rules/default.rules', 'prefix_rule(pattern=["railway"], decision="forbidden")\nprefix_rule(pattern=["terraform", ["plan", "fmt"]], decision="allow")\n'),
      sample('opencode.json', '{\n  "permission": {\n    "bash": {\n      "*": "ask",\n      "git *": "allow",\n      "rm *": "deny"\n    }\n  }\n}\n'),
      sample('.cursor/permissions.json', '{\n  "terminalAllowlist": ["npm test", "git status", "kubectl get"]\n}\n'),
      sample('.codex/rules/default.rules', 'prefix_rule(pattern = ["psql", "--version"], decision = "allow")\nprefix_rule(pattern = ["psql", "-h", "orders-db.internal", "-c"], decision = "forbidden")\n', { note: 'a forbidden rule ending on the option keeps its written reach' }),
      sample('.amp/settings.json', '{\n  "amp.permissions": [\n    { "tool": "Bash", "matches": { "cmd": "psql -h orders-db.internal -c \\"SELECT 1\\"" }, "action": "allow" }\n  ]\n}\n', { note: 'one exact statement' }),
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(kubectl get:*)", "Bash(kubectl describe:*)", "Bash(kubectl logs:*)", "Bash(kubectl rollout status:*)", "Bash(helm list:*)", "Bash(helm status:*)", "Bash(helm template:*)"]\n  }\n}\n', { note: 'read-only kubectl and helm subcommands' }),
      sample(
        '.claude/settings.json',
        '{\n  "permissions": {\n    "allow": ["Bash(railway:*)"],\n    "deny": ["Bash(railway down:*)", "Bash(railway delete:*)", "Bash(railway volume:*)", "Bash(railway ssh:*)", "Bash(railway connect:*)"]\n  }\n}\n',
        { note: 'deny rules win over the allow: what is left of railway deletes nothing' },
      ),      {
        files: {
          'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(docker compose up:*)", "Bash(docker compose ps)", "Bash(docker compose logs:*)", "Bash(docker compose down)"]\n  }\n}\n',
        },
        note: 'starting, listing and reading logs; a plain `down` keeps named volumes',
      },
      {
        files: {
          'docker-compose.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./.data/postgres:/var/lib/postgresql/data\n  web:\n    build: .\n',
          '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(docker compose down:*)", "Bash(docker volume rm:*)"]\n  }\n}\n',
        },
        note: 'the database lives in a bind-mounted directory, which no volume command deletes',
      },
      sample('.claude/settings.json', '{\n  "permissions": {\n    "allow": ["Bash(docker:*)"]\n  }\n}\n', { note: 'no compose database: docker is local tooling here' }),
      {
        files: {
          'services/orders/docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
          'apps/web/.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(docker compose down:*)"]\n  }\n}\n',
        },
        note: "the database is another project's stack: compose looks for its file in the working directory and above",
      },
    ],
  },
};
