// Commands in scripts, Makefiles and docs that build a non-production environment out of production:
// `railway environment new staging --duplicate production` copies production's variables (its database URL, its
// volume) into staging; `heroku addons:attach acme-prod::DATABASE -a acme-staging` attaches production's database.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import { sample, type RuleMeta } from '../../../src/model.js';
import { canonicalEnvironment } from '../../../knowledge/environments/names.js';
import { identityName } from '../../../knowledge/environments/identities.js';
import { isTestOrExamplePath } from '../../../src/paths.js';
import { lineSpan } from '../scan/recorder.js';
import type { EnvironmentModel } from '../model.js';
import { DETECTOR, environmentLabel, productionRelated, type Verdict } from './verdict.js';
import { databaseCopies } from '../scan/handlers/copies.js';

export const clonedFromProduction: RuleMeta = {
  id: `${DETECTOR}/cloned-from-production`,
  title: 'Non-production environment cloned from production',
  severity: 'medium',
  why:
    'A script, runbook or infrastructure configuration creates a non-production environment as a copy of production: its variables, its database add-on, or its data. ' +
    'A duplicated Railway environment starts with production\'s variables, so staging talks to production\'s database and volume until someone rewires every one of them; ' +
    'a staging database restored from production\'s snapshot, cloned from it or loaded with its dump holds customers\' records under staging\'s weaker credentials, code and agents.',
  fix:
    'Create the environment empty (or from a template environment) and provision its own database and volume; never attach production add-ons to other apps. ' +
    'Seed non-production databases from fixtures or from a masked copy (a sanitised snapshot, an anonymising dump), not from production\'s own snapshot or dump.',
  help:
    'Railway: `railway environment new <name> --duplicate <source>` copies services and variables. Neon: a branch (`neondatabase/create-branch-action`, `neonctl branches create`) copies its parent, the default branch when none is named. Heroku: `heroku addons:attach <app>::<addon> --app <other>` shares one database between apps; `heroku pg:copy <prod-app>::DATABASE_URL DATABASE_URL --app <other>` and `heroku pg:backups:restore <prod-app>::<backup> --app <other>` copy production\'s data into another app. ' +
    'Infrastructure: a non-production Terraform, Terragrunt, CloudFormation or Pulumi configuration whose database is made from production\'s (`snapshot_identifier`, a `data "aws_db_snapshot"` of its instance, `restore_to_point_in_time`, `replicate_source_db`, Cloud SQL `clone` and `master_instance_name`, Azure `source_server_id` and `creation_source_database_id`, DynamoDB `restore_source_name`), when production declares the source (an instance the configuration places in production by its labels, its name or the one workspace it exists in counts) or its name says production and the copy is not named as masked (`sanitized`, `anonymized`). A copy chosen by workspace (`terraform.workspace == "staging" ? data.aws_db_snapshot.prod.id : null`, `lookup(var.snapshots, terraform.workspace, null)`) is each workspace\'s. ' +
    'Commands: `pg_dump`, `mysqldump` or `mongodump` of a production database piped or handed by file into `psql`, `pg_restore`, `mysql` or `mongorestore` of another environment (schema-only dumps and masking steps excepted), and `aws rds restore-db-*`, `aws rds create-db-instance-read-replica`, `gcloud sql instances clone`, `gcloud sql backups restore` and `az … flexible-server restore` from production to another environment.',
  helpUri: 'https://docs.railway.com/guides/environments',
  precision: 'high',
  tags: ['environments', 'railway', 'heroku', 'terraform', 'database'],
  samples: {
    positive: [
      sample('scripts/create-staging.sh', '#!/usr/bin/env bash\nset -euo pipefail\n\nrailway link --project acme\nrailway environment new staging --duplicate production\nrailway up --environment staging\n', { expect: { line: 5 } }),
      sample('.github/workflows/pr-env.yml', 'on: pull_request\njobs:\n  env:\n    runs-on: ubuntu-latest\n    steps:\n      - run: npm i -g @railway/cli\n      - run: railway environment new "pr-${{ github.event.number }}" --duplicate production\n        env:\n          RAILWAY_API_TOKEN: ${{ secrets.RAILWAY_API_TOKEN }}\n', { expect: { line: 7 }, note: 'a pull-request job, the new name quoted around a workflow expression' }),
      sample('docs/runbooks/staging.md', '# Staging\n\nAttach the database to the staging app:\n\n```sh\nheroku addons:attach acme-prod::DATABASE --app acme-staging\n```\n', {
        expect: { line: 6 },
      }),
      sample('scripts/refresh-staging.sh', '#!/bin/sh\nheroku pg:copy acme-prod::DATABASE_URL DATABASE_URL --app acme-staging --confirm acme-staging\n', { expect: { line: 2 }, note: "production's data copied into staging's database" }),
      sample('bin/seed-staging', '#!/bin/sh\nheroku addons:attach acme-api::DATABASE --as PROD_DATABASE --app acme-api-staging\n', { expect: { line: 2 }, note: "the pipeline's production app carries the bare name" }),
      sample('.github/workflows/preview.yml', 'on: pull_request\njobs:\n  db:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: neondatabase/create-branch-action@v5\n        with:\n          project_id: steep-forest-39402117\n          parent: main\n          branch_name: preview/pr-${{ github.event.number }}\n          api_key: ${{ secrets.NEON_API_KEY }}\n', { expect: { line: 6 }, note: "a Neon branch of production's database for every pull request" }),
      sample('scripts/preview-db.sh', '#!/bin/sh\nneonctl branches create --project-id steep-forest-39402117 --name "preview/$BRANCH"\n', { expect: { line: 2 }, note: "no parent: the default branch, production's" }),
      sample('envs/staging/rds.tf', 'resource "aws_db_instance" "orders" {\n  identifier          = "orders-staging"\n  engine              = "postgres"\n  instance_class      = "db.t4g.medium"\n  snapshot_identifier = "orders-prod-2024-05-01"\n  skip_final_snapshot = true\n}\n', { expect: { line: 5 }, note: "a staging RDS instance restored from production's snapshot" }),
      {
        files: {
          'envs/prod/rds.tf': 'resource "aws_db_instance" "orders" {\n  identifier          = "orders"\n  engine              = "postgres"\n  deletion_protection = true\n}\n',
          'envs/staging/rds.tf': 'data "aws_db_snapshot" "latest" {\n  db_instance_identifier = "orders"\n  most_recent            = true\n}\n\nresource "aws_db_instance" "orders" {\n  identifier          = "orders-staging"\n  snapshot_identifier = data.aws_db_snapshot.latest.id\n}\n',
        },
        expect: { path: 'envs/staging/rds.tf', line: 2 },
        note: "the latest snapshot of the instance production declares",
      },
      sample('infra/staging/sql.tf', 'resource "google_sql_database_instance" "main" {\n  name             = "orders-staging"\n  database_version = "POSTGRES_15"\n  region           = "europe-west1"\n\n  clone {\n    source_instance_name = "orders-prod"\n  }\n}\n', { expect: { line: 7 }, note: "a Cloud SQL clone of production's instance" }),
      sample('infra/staging/postgres.tf', 'data "azurerm_postgresql_flexible_server" "source" {\n  name                = "psql-orders-prod"\n  resource_group_name = "rg-orders-prod"\n}\n\nresource "azurerm_postgresql_flexible_server" "main" {\n  name                              = "psql-orders-staging"\n  resource_group_name               = "rg-orders-staging"\n  create_mode                       = "PointInTimeRestore"\n  source_server_id                  = data.azurerm_postgresql_flexible_server.source.id\n  point_in_time_restore_time_in_utc = "2024-05-01T00:00:00Z"\n}\n', { expect: { line: 10 }, note: "an Azure point-in-time restore of production's server, named through a data source" }),
      sample('infra/rds.tf', 'data "aws_db_snapshot" "prod" {\n  db_instance_identifier = "orders-prod"\n  most_recent            = true\n}\n\nresource "aws_db_instance" "orders" {\n  identifier          = "orders-${terraform.workspace}"\n  instance_class      = terraform.workspace == "prod" ? "db.r6g.large" : "db.t4g.medium"\n  snapshot_identifier = terraform.workspace == "staging" ? data.aws_db_snapshot.prod.id : null\n}\n', { expect: { line: 9 }, note: "one configuration for every workspace: the staging workspace's database restored from production's latest snapshot" }),
      sample('infra/rds.tf', 'data "aws_db_snapshot" "prod" {\n  db_instance_identifier = "orders-prod"\n  most_recent            = true\n}\n\nresource "aws_db_instance" "orders" {\n  identifier          = "orders-${terraform.workspace}"\n  instance_class      = contains(["prod", "production"], terraform.workspace) ? "db.r6g.large" : "db.t4g.medium"\n  snapshot_identifier = contains(["staging", "qa"], terraform.workspace) ? data.aws_db_snapshot.prod.id : null\n}\n', { expect: { line: 9 }, note: 'the workspaces chosen by a list (`contains([...], terraform.workspace)`): staging and QA restored from production' }),
      sample('infra/aurora.tf', 'variable "restore_from" {\n  type = map(string)\n  default = {\n    prod    = null\n    staging = "arn:aws:rds:us-east-1:123456789012:cluster-snapshot:rds:billing-prod-2024-06-01-03-10"\n  }\n}\n\nresource "aws_rds_cluster" "billing" {\n  cluster_identifier  = "billing-${terraform.workspace}"\n  engine              = "aurora-postgresql"\n  snapshot_identifier = lookup(var.restore_from, terraform.workspace, null)\n}\n', { expect: { line: 5 }, note: "a snapshot chosen per workspace from a map, staging's entry naming production's" }),
      {
        files: { 'infra/variables.tf': "variable \"db_snapshots\" {\n  type = map(string)\n  default = {\n    prod    = null\n    staging = \"orders-prod-final-2026-11-30\"\n  }\n}\n", 'infra/main.tf': "resource \"aws_db_instance\" \"orders\" {\n  identifier          = \"orders-${terraform.workspace}\"\n  engine              = \"postgres\"\n  instance_class      = \"db.t4g.medium\"\n  snapshot_identifier = var.db_snapshots[terraform.workspace]\n}\n" },
        expect: { line: 5 },
        note: 'a map of snapshot names per workspace, in another file than the database that restores from it',
      },
      sample('infra/main.tf', 'locals {\n  settings = {\n    prod = {\n      instance_class = "db.r6g.large"\n    }\n    staging = {\n      instance_class = "db.t4g.micro"\n      db_snapshot    = "orders-prod-final"\n    }\n  }\n}\n', { expect: { line: 8 }, note: "each workspace's settings, staging's restoring production's final snapshot" }),
      sample('infra/variables.tf', 'variable "restore_snapshot" {\n  description = "Snapshot each workspace\'s database is restored from"\n  type        = map(string)\n  default = {\n    prod    = null\n    staging = "arn:aws:rds:us-east-1:123456789012:snapshot:rds:orders-prod-2024-06-01-03-10"\n  }\n}\n', { expect: { line: 6 }, note: 'a map of snapshots by workspace, used in another file (`var.restore_snapshot[terraform.workspace]`)' }),
      sample('infra/sql.tf', 'resource "google_sql_database_instance" "main" {\n  name             = "acme-orders-db"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    user_labels = {\n      environment = "production"\n    }\n  }\n}\n\nresource "google_sql_database_instance" "staging" {\n  name             = "acme-orders-db-staging"\n  database_version = "POSTGRES_15"\n  clone {\n    source_instance_name = google_sql_database_instance.main.name\n  }\n}\n', { expect: { line: 16 }, note: "a Cloud SQL clone of the instance this file labels production's, whatever its name" }),
      {
        files: {
          'infra/main.tf': 'resource "google_sql_database_instance" "main" {\n  name             = "acme-orders-db"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    user_labels = {\n      environment = "production"\n    }\n  }\n}\n',
          'infra/staging.tf': 'resource "google_sql_database_instance" "staging" {\n  name             = "acme-orders-db-staging"\n  database_version = "POSTGRES_15"\n  clone {\n    source_instance_name = google_sql_database_instance.main.name\n  }\n}\n',
        },
        expect: { path: 'infra/staging.tf', line: 5 },
        note: 'the clone names, in another file of the module, the instance labelled production',
      },
      sample('scripts/refresh-staging.sh', '#!/usr/bin/env bash\nset -euo pipefail\npg_dump --no-owner --no-acl "$PROD_DATABASE_URL" | psql "$STAGING_DATABASE_URL"\n', { expect: { line: 3 }, note: "production's dump piped into staging's database" }),
      sample('.github/workflows/refresh.yml', 'on:\n  schedule:\n    - cron: "0 3 * * 1"\njobs:\n  refresh:\n    runs-on: ubuntu-latest\n    steps:\n      - run: |\n          pg_dump "${{ secrets.PROD_DATABASE_URL }}" | gzip > prod.sql.gz\n          gunzip -c prod.sql.gz | psql "${{ secrets.STAGING_DATABASE_URL }}"\n', { expect: { line: 10 }, note: 'a dump written to a file and restored from it' }),
    ],
    negative: [
      {
        files: { 'infra/variables.tf': "variable \"db_snapshots\" {\n  type = map(string)\n  default = {\n    prod    = null\n    staging = \"orders-staging-seed-2026-11-30\"\n  }\n}\n", 'infra/main.tf': "resource \"aws_db_instance\" \"orders\" {\n  identifier          = \"orders-${terraform.workspace}\"\n  engine              = \"postgres\"\n  instance_class      = \"db.t4g.medium\"\n  snapshot_identifier = var.db_snapshots[terraform.workspace]\n}\n" },
        note: "staging's entry names a snapshot of its own seed database",
      },
      sample('scripts/refresh-review.sh', '#!/bin/sh\nheroku pg:copy acme-staging::DATABASE_URL DATABASE_URL --app acme-review-42 --confirm acme-review-42\n', { note: "staging's data into a review app" }),
      sample('scripts/create-staging.sh', '#!/usr/bin/env bash\nrailway environment new staging\nrailway add --database postgres --environment staging\n'),
      sample('.github/workflows/preview.yml', 'on: pull_request\njobs:\n  db:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: neondatabase/create-branch-action@v5\n        with:\n          project_id: steep-forest-39402117\n          parent: staging\n          branch_name: preview/pr-${{ github.event.number }}\n', { note: "a branch of staging's data" }),
      sample('scripts/preview.sh', '#!/usr/bin/env bash\n# never: railway environment new preview --duplicate production\nrailway environment new "pr-$PR_NUMBER" --duplicate staging\n'),
      sample('.github/workflows/nightly-snapshot.yml', 'on:\n  schedule:\n    - cron: "0 2 * * *"\njobs:\n  snapshot:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: neondatabase/create-branch-action@v5\n        with:\n          project_id: ${{ vars.NEON_PROJECT_ID }}\n          parent: main\n          branch_name: backup-${{ github.run_id }}\n          api_key: ${{ secrets.NEON_API_KEY }}\n', { note: 'a nightly branch kept as a backup copy' }),
      sample('docs/environments.md', '# Environments\n\nNever run `railway environment new staging --duplicate production`: it copies production\'s variables.\nCreate staging empty and add its own database instead.\n', {
        note: 'documentation warning against the command',
      }),
      sample('envs/staging/rds.tf', 'data "aws_db_snapshot" "latest" {\n  db_instance_identifier = "orders-staging"\n  most_recent            = true\n}\n\nresource "aws_db_instance" "orders" {\n  identifier          = "orders-staging-2"\n  snapshot_identifier = data.aws_db_snapshot.latest.id\n}\n\nresource "aws_db_instance" "masked" {\n  identifier          = "orders-staging-3"\n  snapshot_identifier = "orders-prod-sanitized-2024-05-01"\n}\n', { note: "staging's own snapshot, and a masked copy of production's" }),
      sample('envs/prod/rds.tf', 'data "aws_db_snapshot" "upgrade" {\n  db_snapshot_identifier = "orders-prod-pre-upgrade"\n}\n\nresource "aws_db_instance" "orders" {\n  identifier          = "orders-prod"\n  snapshot_identifier = data.aws_db_snapshot.upgrade.id\n}\n', { note: 'production restored from its own snapshot' }),
      sample('infra/rds.tf', 'data "aws_db_snapshot" "seed" {\n  db_instance_identifier = "orders-staging-seed"\n  most_recent            = true\n}\n\ndata "aws_db_snapshot" "prod" {\n  db_instance_identifier = "orders-prod"\n  most_recent            = true\n}\n\nresource "aws_db_instance" "orders" {\n  identifier                = "orders-${terraform.workspace}"\n  snapshot_identifier       = terraform.workspace == "staging" ? data.aws_db_snapshot.seed.id : null\n  final_snapshot_identifier = terraform.workspace == "prod" ? "orders-prod-final" : null\n}\n\nresource "aws_db_instance" "dr" {\n  identifier          = "orders-dr-${terraform.workspace}"\n  snapshot_identifier = terraform.workspace == "prod" ? data.aws_db_snapshot.prod.id : null\n}\n', { note: "staging restored from a seed of its own; production's snapshot restored only in production" }),
      sample('infra/rds.tf', 'data "aws_db_snapshot" "prod" {\n  db_instance_identifier = "orders-prod"\n  most_recent            = true\n}\n\nresource "aws_db_instance" "orders" {\n  identifier          = "orders-${terraform.workspace}"\n  snapshot_identifier = !contains(["prod", "production"], terraform.workspace) ? null : data.aws_db_snapshot.prod.id\n}\n', { note: "production's snapshot restored only in the production workspaces" }),
      sample('infra/variables.tf', 'variable "restore_snapshot" {\n  type = map(string)\n  default = {\n    prod    = "arn:aws:rds:us-east-1:123456789012:snapshot:orders-prod-pre-upgrade"\n    staging = "arn:aws:rds:us-east-1:123456789012:snapshot:orders-staging-seed"\n  }\n}\n', { note: "each workspace restored from a snapshot of its own" }),
      sample('infra/sql.tf', 'resource "google_sql_database_instance" "main" {\n  name             = "acme-orders-db"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-f1-micro"\n    user_labels = {\n      environment = "staging"\n    }\n  }\n}\n\nresource "google_sql_database_instance" "review" {\n  name             = "acme-orders-db-review"\n  database_version = "POSTGRES_15"\n  clone {\n    source_instance_name = google_sql_database_instance.main.name\n  }\n}\n', { note: "a review clone of the instance labelled staging's" }),
      sample('scripts/backup.sh', '#!/bin/sh\npg_dump "$PROD_DATABASE_URL" | gzip | aws s3 cp - "s3://acme-backups/db-$(date +%F).sql.gz"\npg_dump --schema-only "$PROD_DATABASE_URL" | psql "$STAGING_DATABASE_URL"\npg_dump "$PROD_DATABASE_URL" | ./scripts/anonymize.py | psql "$STAGING_DATABASE_URL"\n', { note: 'a backup, a schema-only copy and a masked copy' }),
    ],
  },
};

/** Arguments run to the end of the command; a quoted one (`"pr-${{ github.event.number }}"`) is one argument. */
const RAILWAY = /\brailway\s+(?:environment|env)\s+(?:new|create|add)\b((?:[^\n`'"|;&]|"[^"\n]*"|'[^'\n]*')*)/g;
/** `heroku pg:copy acme-prod::DATABASE_URL DATABASE_URL --app acme-staging`: production's data copied into another app's database. */
const HEROKU_PG_COPY = /\bheroku\s+pg:copy\s+([a-z0-9-]+)::[A-Za-z0-9_-]+\s+[A-Za-z0-9_:-]+\b[^\n`]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g;
/** `heroku pg:backups:restore acme-prod::b101 DATABASE_URL --app acme-staging`: another app's backup restored into this one's database. */
const HEROKU_BACKUP_RESTORE = /\bheroku\s+pg:backups:restore\s+["']?([a-z0-9-]+)::[A-Za-z0-9_-]+\b[^\n`]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g;
/** `heroku pg:backups:restore "$(heroku pg:backups:url --app acme-prod)" DATABASE_URL --app acme-staging`. */
const HEROKU_BACKUP_URL_RESTORE = /\bheroku\s+pg:backups:restore\s+["']?\$\(heroku\s+pg:backups:(?:public-)?url\b[^)\n]*?(?:--app[=\s]|-a\s)([a-z0-9-]+)[^)\n]*\)["']?[^\n`]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g;
const HEROKU_ATTACH = /\bheroku\s+addons:attach\s+([a-z0-9-]+)::[A-Za-z0-9_-]+\b[^\n`]*?\s(?:--app[=\s]|-a\s)([a-z0-9-]+)/g;

/** Reports the commands of one script, Makefile or document. */
export function scanCommands(file: SourceFile, out: FileEmitter): void {
  // Test and example scripts describe someone else's environments; runbooks under docs/ describe this team's.
  if (isTestOrExamplePath(file.path)) return;
  const text = file.text;
  scanNeonBranches(file, out);
  for (const found of databaseCopies(file)) {
    const label = environmentLabel(found.environment, found.environmentName);
    const dumped = found.dumpLine ? `, the dump written on line ${found.dumpLine}` : '';
    report(file, out, found.index, `The ${label} database is loaded with a copy of production's (\`${found.command}\`${dumped}).`, found.environment, found.evidence, 'copy');
  }
  if (!/railway|heroku|dokku/i.test(text)) return;
  for (const match of text.matchAll(RAILWAY)) {
    const args = [...match[1]!.matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g)].map((word) => word[1] ?? word[2] ?? word[3]!);
    let source: string | undefined;
    let name: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const arg = args[i]!;
      const flag = /^(--duplicate|--copy|-d|-c)(?:=(.+))?$/.exec(arg);
      if (flag) source = flag[2] ?? args[++i];
      else if (!arg.startsWith('-') && name === undefined) name = arg;
    }
    if (!source || canonicalEnvironment(source) !== 'production') continue;
    const created = name ? canonicalEnvironment(name.replace(/^\$\{?|\}$/g, '')) : undefined;
    if (created === 'production') continue;
    report(file, out, match.index, `The ${environmentLabel(created ?? 'non-production', name ?? '')} environment is created as a copy of production (\`railway environment new ... --duplicate ${source}\`).`, created ?? 'staging', `railway-duplicate:${source}:${name ?? ''}`, 'environment');
  }
  for (const command of HEROKU_COMMANDS) {
    for (const match of text.matchAll(command.regex)) {
      const sourceApp = match[1]!;
      const targetApp = match[2]!;
      if (!isProductionApp(sourceApp, targetApp)) continue;
      const target = canonicalEnvironment(targetApp);
      if (target === 'production' || target === undefined) continue;
      report(file, out, match.index, command.message(target, targetApp, sourceApp), target, `${command.id}:${sourceApp}:${targetApp}`, command.kind, command.severity);
    }
  }
  scanDokkuLinks(file, out);
}

/** `neondatabase/create-branch-action` steps and `neonctl branches create` commands, with the parent they name. */
const NEON_BRANCH = /\buses:\s*["']?neondatabase\/create-branch-action@[^\s"']+|\bneonctl\s+branch(?:es)?\s+create\b[^\n`]*/g;
const PRODUCTION_BRANCH = /^(?:main|master|production|prod)$/i;

/**
 * Neon branches made for previews and CI copy their parent's data; with no parent named they copy the project's
 * default branch, which is production's. A workflow step or script creating one from production hands every pull
 * request a copy of production's rows, under credentials the preview's code and agents hold.
 */
function scanNeonBranches(file: SourceFile, out: FileEmitter): void {
  if (!file.text.includes('neon') || isTestOrExamplePath(file.path)) return;
  for (const match of file.text.matchAll(NEON_BRANCH)) {
    const action = match[0].startsWith('uses');
    // The action's inputs sit in the step's `with:` block, within the next few lines.
    const step = action ? file.text.slice(match.index, match.index + 600).split(/\n\s*-\s/)[0]! : match[0];
    const parent = action ? /\n\s+parent:\s*["']?([\w./-]+)/.exec(step)?.[1] : /--parent[=\s]+["']?([\w./-]+)/.exec(match[0])?.[1];
    if (parent !== undefined && !PRODUCTION_BRANCH.test(parent)) continue;
    // A branch kept as a point-in-time copy (`branch_name: backup-${{ github.run_id }}`) is a backup, not an environment.
    const name = (action ? /\n\s+branch_name:\s*["']?([^\s"']+)/.exec(step) : /--name[=\s]+["']?([^\s"']+)/.exec(step))?.[1];
    if (name && /^(?:backup|snapshot|bak|pitr)\b|^(?:backup|snapshot)[-_]/i.test(name)) continue;
    const from = parent ? `its parent ${parent}` : 'the default branch, production\'s';
    report(file, out, match.index, `A Neon branch is created from ${from} (\`${action ? 'neondatabase/create-branch-action' : 'neonctl branches create'}\`): every preview gets a copy of production's data.`, 'preview', `neon-branch:${file.path}:${parent ?? 'default'}`, 'environment');
  }
}

/** `dokku postgres:link <service> <app>`: a datastore service linked into an app, which gets its URL. */
const DOKKU_LINK = /\bdokku\s+(postgres|mysql|mariadb|mongo|redis|elasticsearch|clickhouse):link\s+([A-Za-z0-9_.-]+)\s+([a-z0-9][a-z0-9-]*)/g;

/**
 * Dokku links, published as the environments' resources: each app uses the service linked into it, in the
 * environment its name says (the app others are named after, `crm` beside `crm-staging`, is production's). One
 * service linked into production's app and another's is then a shared database, and a service named for production
 * linked into staging a production-named one, as any configuration's would be.
 */
function scanDokkuLinks(file: SourceFile, out: FileEmitter): void {
  if (!file.text.includes(':link') && !file.text.includes('storage:mount')) return;
  const links = [...file.text.matchAll(DOKKU_LINK)].map((match) => ({ index: match.index, engine: match[1]!, service: match[2]!, app: match[3]! }));
  // `dokku storage:mount <app> <host dir>:<container dir>`: apps on one Dokku host mounting one directory share its files.
  const mounts = [...file.text.matchAll(DOKKU_MOUNT)].map((match) => ({ index: match.index, app: match[1]!, directory: match[2]!.replace(/\/+$/, '') }));
  const apps = [...links, ...mounts].map((use) => use.app);
  const environmentOf = (app: string) => canonicalEnvironment(app) ?? (apps.some((other) => other !== app && isProductionApp(app, other)) ? 'production' : undefined);
  const uses: Array<{ index: number; app: string; kind: EnvironmentResource['kind']; identity: string; display: string; variable: string }> = [
    ...links.map((link) => ({ index: link.index, app: link.app, kind: 'database' as const, identity: `dokku-service:${link.service.toLowerCase()}`, display: `Dokku ${link.engine} service ${link.service}`, variable: `dokku ${link.engine}:link` })),
    ...mounts.map((mount) => ({ index: mount.index, app: mount.app, kind: 'volume' as const, identity: `volume:bind:dokku/${mount.directory}`, display: `Dokku storage ${mount.directory}`, variable: 'dokku storage:mount' })),
  ];
  for (const use of uses) {
    const environment = environmentOf(use.app);
    if (!environment) continue;
    const position = file.positionAt(use.index);
    if (isComment(file.line(position.line), position.column)) continue;
    const resource: EnvironmentResource = {
      environment,
      environmentName: use.app,
      environmentEvidence: 'value',
      kind: use.kind,
      identity: use.identity,
      display: use.display,
      location: { path: file.path, span: lineSpan(file, { line: position.line, column: position.column, endLine: position.line, endColumn: position.column }) },
      variable: use.variable,
    };
    out.publish('environment-resource', resource);
  }
}

/** `dokku storage:mount <app> <host directory>:<container directory>` (a named volume is a directory under Dokku's storage). */
const DOKKU_MOUNT = /\bdokku\s+storage:mount\s+([a-z0-9][a-z0-9-]*)\s+["']?(\/[\w./-]+):\/[\w./-]*/g;

/** Heroku commands that give another app production's database: group 1 is production's app, group 2 the other. */
const HEROKU_COMMANDS: ReadonlyArray<{ id: string; regex: RegExp; kind: Cloned; severity?: 'critical'; message: (target: string, targetApp: string, sourceApp: string) => string }> = [
  {
    id: 'heroku-attach',
    regex: HEROKU_ATTACH,
    kind: 'database',
    // Not a copy: one database, read and written live by both apps (as a shared database URL would be).
    severity: 'critical',
    message: (target, targetApp, sourceApp) => `The ${target} app ${targetApp} is attached to production's database add-on from ${sourceApp} (\`heroku addons:attach\`): both apps read and write the same database.`,
  },
  {
    id: 'heroku-pg-copy',
    regex: HEROKU_PG_COPY,
    kind: 'environment',
    message: (target, targetApp, sourceApp) => `The ${target} app ${targetApp} gets a copy of production's database from ${sourceApp} (\`heroku pg:copy\`): production's data, customers' included, where staging's code and credentials reach it.`,
  },
  {
    id: 'heroku-backup-restore',
    regex: HEROKU_BACKUP_RESTORE,
    kind: 'copy',
    message: (target, targetApp, sourceApp) => `The ${target} app ${targetApp} is restored from a backup of production's database in ${sourceApp} (\`heroku pg:backups:restore\`).`,
  },
  {
    id: 'heroku-backup-restore',
    regex: HEROKU_BACKUP_URL_RESTORE,
    kind: 'copy',
    message: (target, targetApp, sourceApp) => `The ${target} app ${targetApp} is restored from a backup of production's database in ${sourceApp} (\`heroku pg:backups:restore\` of \`pg:backups:url\`).`,
  },
];

/**
 * A Heroku app is production's when its name says so, or when the other app is named after it with an environment
 * (`acme-api` beside `acme-api-staging`: the pipeline's production app carries the bare name).
 */
function isProductionApp(app: string, other: string): boolean {
  const named = canonicalEnvironment(app);
  if (named) return named === 'production';
  return other.startsWith(`${app}-`) && canonicalEnvironment(other.slice(app.length + 1)) !== undefined;
}

/** What a command gives the other environment: production's variables, production's database, or a copy of its data. */
type Cloned = 'environment' | 'database' | 'copy';

const RESOURCE: Record<Cloned, string> = {
  environment: 'production environment variables',
  database: 'production database add-on',
  copy: "copy of production's database",
};

function report(file: SourceFile, out: FileEmitter, index: number, message: string, environment: string, evidence: string, kind: Cloned, severity?: 'critical'): void {
  const position = file.positionAt(index);
  const line = file.line(position.line);
  if (isComment(line, position.column) || warnsAgainst(line.slice(0, position.column - 1))) return;
  const location = { path: file.path, span: lineSpan(file, { line: position.line, column: position.column, endLine: position.line, endColumn: position.column }) };
  const consequence =
    kind === 'copy' ? "Production's data, customers' records included, is then wherever this environment's code, credentials and agents reach." : "It starts out reaching production's resources.";
  out.report({
    ruleId: clonedFromProduction.id,
    severity,
    message: `${message} ${consequence}`,
    location,
    evidence,
    details: { environment, resource: RESOURCE[kind] },
    snippet: file.line(position.line).trim(),
  });
  const canonical = canonicalEnvironment(environment);
  out.publish('environment-crossing', {
    environment: canonical && canonical !== 'production' && canonical !== 'base' ? canonical : 'staging',
    resourceKind: kind === 'environment' ? 'project' : 'database',
    resource: kind === 'environment' ? 'production environment (copied variables)' : RESOURCE[kind],
    location,
    rule: clonedFromProduction.id,
  });
}

/** Prose that warns against the command (`Never run ...`, `instead of ...`) rather than running it. */
function warnsAgainst(before: string): boolean {
  return /\b(never|don'?t|do not|avoid|instead of|not|no longer|deprecated)\b/i.test(before);
}

/** A shell, Makefile or Markdown comment (a shebang is not one), or a trailing `# ...` before the command. */
function isComment(line: string, column: number): boolean {
  const trimmed = line.trimStart();
  if (trimmed.startsWith('#!')) return false;
  if (trimmed.startsWith('#') || trimmed.startsWith('//')) return true;
  const before = line.slice(0, column - 1);
  return /(^|\s)#\s/.test(before) && !before.includes('`');
}

/** A copy made to leave customers' data behind (`orders-prod-sanitized-2024-05-01`, `prod-anonymised`). */
const MASKED = /(?:^|[^a-z])(?:saniti[sz]ed|anonymi[sz]ed|pseudonymi[sz]ed|scrubbed|masked|redacted|obfuscated|synthetic)(?:$|[^a-z])/i;

/**
 * A non-production database made from production's data (published by the configuration readers as a copy: a
 * Terraform `snapshot_identifier`, a snapshot looked up by its instance, a point-in-time restore, a Cloud SQL clone,
 * an Azure restore or copy, a read replica), when production declares or uses the source, or its name says it is
 * production's. A copy is not production's database: it reaches production's data, not production.
 */
export function judgeCloned(resource: EnvironmentResource, model: EnvironmentModel): Verdict | undefined {
  if (!resource.copy || MASKED.test(identityName(resource.identity) ?? '')) return undefined;
  const match = model.productionMatch(resource);
  if (!match && !model.productionNamed(resource)) return undefined;
  const source = match ? `production's ${match.production.display}` : `${resource.display}, which is named for production`;
  const action =
    resource.copy === 'snapshot'
      ? `is restored from ${match ? `a snapshot of ${source}` : source}`
      : resource.copy === 'restore'
        ? `is a point-in-time restore of ${source}`
        : resource.copy === 'clone'
          ? `is a clone of ${source}`
          : `is a read replica of ${source}`;
  return {
    ruleId: clonedFromProduction.id,
    action,
    detail:
      resource.copy === 'replica'
        ? "It holds production's data as production changes it, customers' records included, wherever this environment's code, credentials and agents reach."
        : "It starts out holding production's data, customers' records included, wherever this environment's code, credentials and agents reach.",
    related: match ? productionRelated(model.productionWith(match.identity), 'this database') : [],
    identity: match?.identity ?? resource.identity,
  };
}
