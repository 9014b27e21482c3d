// The chain rules: the incident's links lined up, reported once per credential on the place an agent would find it.
import type { RuleMeta, Sample } from '../../src/model.js';

export const DETECTOR_ID = 'blast-radius';

const RAILWAY_IAC = 'import { defineRailway, postgres, project, service } from "railway/iac";\n\nexport default defineRailway(() => {\n  const db = postgres("Postgres");\n  const api = service("api", { source: { repo: "fleetly/api" }, env: { DATABASE_URL: db.env.DATABASE_URL } });\n  return project("fleetly", { resources: [db, api] });\n});\n';
const RAILWAY_IAC_WITH_VOLUME = RAILWAY_IAC.replace('postgres, project, service', 'postgres, project, service, volume').replace('  const api', '  const media = volume("media", { sizeMB: 5000 });\n  const api').replace('[db, api]', '[db, api, media]');
const PACKAGE = '{ "name": "fleetly-api", "private": true, "scripts": { "start": "node dist/server.js", "migrate": "prisma migrate deploy" } }\n';
const ADMIN_SCRIPT = '#!/usr/bin/env bash\nexport RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\nrailway status --json > status.json\n';
const PROJECT_TOKEN_SCRIPT = '#!/usr/bin/env bash\nexport RAILWAY_TOKEN=0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6\nrailway status --json > status.json\n';
const OFFSITE_BACKUP =
  'name: Database backup\non:\n  schedule:\n    - cron: "23 2 * * *"\njobs:\n  dump:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n' +
  '      - run: pg_dump "$DATABASE_URL" --format=custom --file=fleetly.dump\n        env:\n          DATABASE_URL: ${{ secrets.RAILWAY_DATABASE_PUBLIC_URL }}\n' +
  '      - run: aws s3 cp fleetly.dump "s3://fleetly-db-backups/daily/$(date -u +%F).dump" --endpoint-url https://s3.us-west-004.backblazeb2.com\n        env:\n          AWS_ACCESS_KEY_ID: ${{ secrets.B2_KEY_ID }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.B2_APPLICATION_KEY }}\n';
const SHARED_URL = 'DATABASE_URL=postgresql://postgres:${PGPASSWORD}@monorail.proxy.rlwy.net:41923/railway\n';

const AWS_ROOT_MODULE =
  'terraform {\n  required_providers {\n    aws = { source = "hashicorp/aws" }\n  }\n}\n\nprovider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_db_instance" "orders" {\n  identifier              = "orders-prod"\n  engine                  = "postgres"\n  instance_class          = "db.t4g.medium"\n  backup_retention_period = 7\n}\n';

const STAGING_AWS_KEYS = 'APP_ENV=staging\nAWS_ACCESS_KEY_ID=AKIAUS7EQ2XK4MN3PZ6T\nAWS_SECRET_ACCESS_KEY=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\n';

const FLY_APP = 'app = "acme-api"\nprimary_region = "fra"\n\n[mounts]\n  source = "acme_data"\n  destination = "/data"\n';
const superuserScript = (host: string): string => `#!/bin/sh\nexport REPORT_DB=postgres://postgres:Xk29fjq8LmQ2wPz@${host}:5432/warehouse\npsql "$REPORT_DB" -f report.sql\n`;

const AZURE_STORAGE_KEY_SCRIPT =
  '$Account = "acmeuploadsprod"\n$StorageAccountKey = "PlQ/gubsZyMoQ/nLNm0WB5Lqlc8icLskTOJXQAYZxFWG+o4WD2ZyAPOWV0IItLI2co07X4PX7rVZpQDSXCbM7g=="\n' +
  '$ctx = New-AzStorageContext -StorageAccountName $Account -StorageAccountKey $StorageAccountKey\nGet-AzStorageBlob -Container "exports" -Context $ctx | Remove-AzStorageBlob\n';
const azureBicep = (resource: string): string => `param location string = resourceGroup().location\n\n${resource}\n`;
const AZURE_SQL = "resource sql 'Microsoft.Sql/servers@2022-05-01-preview' = {\n  name: 'acme-orders-prod'\n  location: location\n}\n";
const AZURE_STORAGE = "resource uploads 'Microsoft.Storage/storageAccounts@2023-01-01' = {\n  name: 'acmeuploadsprod'\n  location: location\n  sku: { name: 'Standard_LRS' }\n  kind: 'StorageV2'\n}\n";

const railwayRepo = (extra: Record<string, string>, note: string, expect?: Sample['expect']): Sample => ({
  files: { 'README.md': '# fleetly api\n', 'package.json': PACKAGE, '.railway/railway.ts': RAILWAY_IAC, ...extra },
  note,
  ...(expect ? { expect } : {}),
});

/** A Worker bound to one D1 database (production's: the top level of wrangler.toml). */
const D1_WRANGLER = 'name = "linkshelf"\nmain = "src/index.ts"\ncompatibility_date = "2024-08-01"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "linkshelf-db"\ndatabase_id = "7c0e6f2a-3b1d-4e9a-8f5c-2d4b6a8e1c39"\n';
/** A package.json whose script gives a Cloudflare API token (scoped: its permissions are not in the value) to `command`. */
const d1Package = (command: string): string =>
  `{\n  "name": "linkshelf",\n  "scripts": {\n    "deploy": "wrangler deploy",\n    "db:prod": "CLOUDFLARE_API_TOKEN=Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cLaE2iO7uY ${command}"\n  },\n  "devDependencies": { "wrangler": "^3.72.0" }\n}\n`;

export const directChain: RuleMeta = {
  id: `${DETECTOR_ID}/credential-reaches-unbacked-store`,
  title: 'Agent-readable broad credential reaches production data with no off-provider backup',
  severity: 'critical',
  why: 'Every link of the incident lines up: a coding agent working here can read a credential, the credential reaches a production data store, and the store has no copy that would survive losing it. One call made to get past an error deletes the data for good.',
  fix: 'Break any link, best all: replace the credential with one scoped to a non-production environment and keep it out of the repository, add a backup that leaves the provider (a scheduled dump to another provider’s storage), and deny the agent the destructive commands.',
  precision: 'medium',
  tags: ['chain', 'agents', 'backup', 'least-privilege'],
  samples: {
    positive: [
      railwayRepo({ 'scripts/admin.sh': ADMIN_SCRIPT }, 'Railway account token beside a Railway database with volume-only backups', { path: 'scripts/admin.sh', line: 2 }),
      {
        files: {
          'infra/main.tf': AWS_ROOT_MODULE,
          '.env.staging': 'APP_ENV=staging\nDATABASE_URL=postgres://app:${PGPASSWORD}@orders-staging.c9akciqpx1ab.eu-west-1.rds.amazonaws.com:5432/orders\n',
          Makefile: 'deploy:\n\tAWS_ACCESS_KEY_ID=AKIAUS7EQ2XK4MN3PZ6T AWS_SECRET_ACCESS_KEY=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 terraform -chdir=infra apply\n',
        },
        expect: { path: 'Makefile', line: 2 },
        note: 'an admin key nothing places in staging reaches production, staging configs beside it or not',
      },
      {
        files: { 'fly.toml': FLY_APP, 'scripts/report.sh': superuserScript('acme-db.internal') },
        expect: { path: 'scripts/report.sh', line: 2 },
        note: "a superuser connection string to a Fly app's private address, beside the one Fly volume",
      },
      {
        files: { 'README.md': '# fleetly api\n', 'package.json': PACKAGE, '.railway/railway.ts': RAILWAY_IAC_WITH_VOLUME, 'scripts/report.sh': superuserScript('monorail.proxy.rlwy.net') },
        expect: { path: 'scripts/report.sh', line: 2 },
        note: "a superuser Postgres URL on Railway reaches the project's one Postgres database, a volume beside it or not",
      },
      {
        files: { 'infra/main.bicep': azureBicep(AZURE_STORAGE), 'scripts/cleanup-blobs.ps1': AZURE_STORAGE_KEY_SCRIPT },
        expect: { path: 'scripts/cleanup-blobs.ps1', line: 2 },
        note: "a storage account's key reaches the storage account's blobs, which nothing copies elsewhere",
      },
      {
        files: {
          'infra/main.tf': AWS_ROOT_MODULE,
          '.env.staging': STAGING_AWS_KEYS,
          'envs/staging/main.tf': 'data "terraform_remote_state" "production" {\n  backend = "s3"\n  config = {\n    bucket = "acme-tfstate"\n    key    = "production/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n',
        },
        expect: { path: '.env.staging', line: 3 },
        note: "staging reads production's Terraform state: its account key is in production's account",
      },
      {
        files: { 'wrangler.toml': D1_WRANGLER, 'package.json': d1Package('wrangler d1 migrations apply linkshelf-db --remote') },
        expect: { path: 'package.json', line: 5 },
        note: "a Cloudflare token's permissions are not in the value, but the command it is given names production's D1 database",
      },
      railwayRepo(
        { 'scripts/staging-db-fix.sh': ADMIN_SCRIPT, '.env.staging': 'DATABASE_URL=postgresql://postgres:${PGPASSWORD}@viaduct.proxy.rlwy.net:52107/railway\n' },
        "the incident: a token found while working in staging is the account's, and the account holds production",
        { path: 'scripts/staging-db-fix.sh', line: 2 },
      ),
    ],
    negative: [
      railwayRepo({ 'scripts/admin.sh': ADMIN_SCRIPT, '.github/workflows/db-backup.yml': OFFSITE_BACKUP }, 'a nightly dump leaves Railway'),
      railwayRepo(
        { 'scripts/admin.sh': ADMIN_SCRIPT, '.github/workflows/db-backup.yml': OFFSITE_BACKUP.replace('"s3://fleetly-db-backups/daily/$(date -u +%F).dump" --endpoint-url https://s3.us-west-004.backblazeb2.com', '"s3://$BACKUP_BUCKET/daily.dump" --endpoint-url "$BACKUP_ENDPOINT"') },
        "a nightly dump to a bucket the repository does not name: it may survive, so no chain says it cannot",
      ),
      {
        files: {
          'infra/main.tf': AWS_ROOT_MODULE,
          '.env.staging': STAGING_AWS_KEYS,
        },
        note: "a staging file's cloud key is taken to be the staging account's",
      },
      railwayRepo({ 'scripts/admin.sh': PROJECT_TOKEN_SCRIPT }, 'a project token'),
      {
        files: { 'wrangler.toml': D1_WRANGLER, 'package.json': d1Package('wrangler d1 migrations apply linkshelf-db-preview --remote') },
        note: "a scoped Cloudflare token given to a command on another D1 database (whose name starts with production's)",
      },
      {
        files: { 'wrangler.toml': D1_WRANGLER, 'package.json': d1Package('wrangler deploy') },
        note: 'a scoped Cloudflare token given to a deploy names no store',
      },
      railwayRepo(
        { '.env.production': 'DATABASE_URL=${{Postgres.DATABASE_URL}}\nREDIS_URL=redis://default:Hk29dLqPz8MvX4tR@viaduct.proxy.rlwy.net:21877\n' },
        "a Redis URL on Railway reaches the project's Redis, not its Postgres database",
      ),
      {
        files: { 'fly.toml': FLY_APP, 'scripts/report.sh': superuserScript('ip-10-0-1-5.ec2.internal') },
        note: "an EC2 host's internal name is not a Fly app's address, though both end in .internal",
      },
      {
        files: {
          'fly.toml': FLY_APP,
          '.env.production': 'DATABASE_URL=postgres://acme:${PGPASSWORD}@acme-db.flycast:5432/acme\nAWS_ACCESS_KEY_ID=AKIAUS7EQ2XK4MN3PZ6T\nAWS_SECRET_ACCESS_KEY=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\nS3_BUCKET=acme-uploads\n',
        },
        note: "an AWS key for uploads written beside the Fly database's URL is not that database's login",
      },
      {
        files: { 'infra/main.bicep': azureBicep(AZURE_SQL), 'scripts/cleanup-blobs.ps1': AZURE_STORAGE_KEY_SCRIPT },
        note: "a storage account's key is the whole storage account, but it never acts on the SQL database the same subscription holds",
      },
    ],
  },
};

/** A Rails database.yml whose staging block points at production's RDS server, with a password written in it. */
const RAILS_SHARED_DATABASE = (password: string): string =>
  `default: &default\n  adapter: postgresql\n\nstaging:\n  <<: *default\n  host: shop-prod.c9akciq32hx.us-east-1.rds.amazonaws.com\n  database: shop_production\n  username: shop\n  password: ${password}\n\nproduction:\n  <<: *default\n  host: shop-prod.c9akciq32hx.us-east-1.rds.amazonaws.com\n  database: shop_production\n  username: shop\n  password: <%= ENV["DATABASE_PASSWORD"] %>\n`;

export const stagingChain: RuleMeta = {
  id: `${DETECTOR_ID}/staging-reaches-unbacked-store`,
  title: 'Agent-readable credential reaches production data through a shared non-production environment',
  severity: 'critical',
  why: 'The incident’s chain: an agent working in staging reads a credential whose reach covers a database or volume that staging shares with production, and nothing outside the provider keeps a copy. Looser staging controls then apply to production’s data, and a delete meant for staging destroys production with its backups.',
  fix: 'Give staging its own database and volume, scope the credential to the staging environment (and keep it out of the repository), add a backup that leaves the provider, and deny the agent destructive commands.',
  precision: 'medium',
  tags: ['chain', 'agents', 'environments', 'backup'],
  samples: {
    positive: [
      railwayRepo(
        { 'scripts/admin.sh': ADMIN_SCRIPT, '.env.production': SHARED_URL, '.env.staging': SHARED_URL },
        'staging and production use one Railway database; an account token is in a script',
        { path: 'scripts/admin.sh', line: 2 },
      ),
      {
        files: { 'Gemfile': 'gem "rails"\n', 'config/database.yml': RAILS_SHARED_DATABASE('Zr8vK2mQ9xLp4TwN') },
        expect: { path: 'config/database.yml', line: 9 },
        note: "Rails: the password in database.yml's staging block, beside production's RDS host, is staging's though the file names no environment",
      },
      {
        files: {
          '.env.production': 'DATABASE_URL=postgres://shop:${DB_PASSWORD}@shop-prod.c9akciq32hx.us-east-1.rds.amazonaws.com:5432/shop\n',
          '.github/workflows/deploy.yml': 'name: deploy\non: push\njobs:\n  staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    env:\n      DATABASE_URL: postgres://shop:Zr8vK2mQ9xLp4TwN@shop-prod.c9akciq32hx.us-east-1.rds.amazonaws.com:5432/shop\n    steps:\n      - run: npm run migrate\n',
        },
        expect: { path: '.github/workflows/deploy.yml', line: 8 },
        note: "the password in the staging job's connection string to production's server is the staging job's, though neither the file nor the variable names an environment",
      },
      {
        files: {
          '.env.production': 'DB_HOST=shop-prod.c9akciq32hx.us-east-1.rds.amazonaws.com\n',
          '.github/workflows/deploy.yml': 'name: deploy\non: push\njobs:\n  staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    env:\n      DB_HOST: shop-prod.c9akciq32hx.us-east-1.rds.amazonaws.com\n      DB_PASSWORD: Zr8vK2mQ9xLp4TwN\n    steps:\n      - run: npm run migrate\n',
        },
        expect: { path: '.github/workflows/deploy.yml', line: 9 },
        note: "the password beside the staging job's production host is the staging job's",
      },
    ],
    negative: [
      {
        files: { 'Gemfile': 'gem "rails"\n', 'config/database.yml': RAILS_SHARED_DATABASE('Zr8vK2mQ9xLp4TwN').replace('host: shop-prod.c9akciq32hx.us-east-1.rds.amazonaws.com\n  database: shop_production\n  username: shop\n  password: Zr8vK2mQ9xLp4TwN', 'host: shop-staging.c9akciq32hx.us-east-1.rds.amazonaws.com\n  database: shop_staging\n  username: shop\n  password: Zr8vK2mQ9xLp4TwN') },
        note: "Rails: staging's password is for its own server",
      },
      railwayRepo(
        { 'scripts/admin.sh': ADMIN_SCRIPT, '.env.production': SHARED_URL, '.env.staging': 'DATABASE_URL=postgresql://postgres:${PGPASSWORD}@viaduct.proxy.rlwy.net:52107/railway\n' },
        'staging has its own database',
      ),
      railwayRepo(
        { 'scripts/admin.sh': ADMIN_SCRIPT, '.env.production': SHARED_URL, '.env.staging': SHARED_URL, '.github/workflows/db-backup.yml': OFFSITE_BACKUP },
        'shared, but a nightly dump leaves Railway',
      ),
      railwayRepo(
        {
          '.env.production': SHARED_URL,
          '.env.staging': `${SHARED_URL}STRIPE_SECRET_KEY=sk_live_51Hb7QkLmN2pX9vR4tW8yZ3cF6gJ1kD5sA0uE7iO2qT\nAPP_KEY=base64:q3Zk8Vb2Lm9Xn4Rt7Wy1Pc6Fg0Jd5Sa8Ue3Io2Qh4Kw=\nSENDGRID_API_KEY=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\n`,
        },
        'staging shares the database, but its payment key, app key and email key act on their own services only',
      ),
    ],
  },
};

const RAILWAY_MCP = '{\n  "mcpServers": {\n    "railway": {\n      "command": "npx",\n      "args": ["-y", "railway-mcp"],\n      "env": { "RAILWAY_API_TOKEN": "${RAILWAY_API_TOKEN}" }\n    }\n  }\n}\n';
const postgresMcp = (access: string, url: string): string =>
  `{\n  "mcpServers": {\n    "db": {\n      "command": "uvx",\n      "args": ["postgres-mcp", "--access-mode=${access}"],\n      "env": { "DATABASE_URI": "${url}" }\n    }\n  }\n}\n`;
const APPROVED_SQL = '{\n  "permissions": {\n    "allow": ["mcp__db__execute_sql"]\n  }\n}\n';

export const toolChain: RuleMeta = {
  id: `${DETECTOR_ID}/agent-tool-reaches-unbacked-store`,
  title: "Agent's MCP server with write access reaches production data with no off-provider backup",
  severity: 'critical',
  why: 'The incident without a token to find: an MCP server configured for the agent holds the credential itself and can run SQL or delete resources in a production data store that has no copy off its provider. One tool call made to get past an error loses the data for good, and when the tool is approved in advance no human sees the call.',
  fix: 'Turn on the server’s read-only mode (or point it at a read replica or a staging database), keep its tools out of the auto-approved list, and add a backup that leaves the provider.',
  help: 'Reported critical when a setting lets the agent call the server’s tools without a human, high when each call is still asked.',
  precision: 'medium',
  tags: ['chain', 'agents', 'mcp', 'backup'],
  samples: {
    positive: [
      railwayRepo({ '.mcp.json': RAILWAY_MCP }, 'a Railway MCP server holding the account token, beside a Railway database with volume-only backups', { path: '.mcp.json', line: 3 }),
      railwayRepo(
        { '.mcp.json': postgresMcp('unrestricted', '${PROD_DATABASE_URL}'), '.claude/settings.json': APPROVED_SQL },
        "a SQL server given production's URL, its SQL tool approved in advance",
        { path: '.mcp.json', line: 3 },
      ),
    ],
    negative: [
      railwayRepo({ '.mcp.json': postgresMcp('restricted', '${PROD_DATABASE_URL}'), '.claude/settings.json': APPROVED_SQL }, 'the server’s read-only mode is on'),
      railwayRepo({ '.mcp.json': postgresMcp('unrestricted', 'postgresql://postgres:postgres@localhost:5432/fleetly_dev') }, 'the server points at a local database'),
      railwayRepo({ '.mcp.json': RAILWAY_MCP, '.github/workflows/db-backup.yml': OFFSITE_BACKUP }, 'a nightly dump leaves Railway'),
    ],
  },
};


const PSQL_ALLOWED = '{\n  "permissions": {\n    "allow": ["Bash(npm run test:*)", "Bash(psql:*)", "Bash(git status)"],\n    "deny": ["Read(./.env)"]\n  }\n}\n';
const ORDERS_PACKAGE = '{ "name": "orders-api", "private": true, "scripts": { "start": "node src/server.js" }, "dependencies": { "pg": "^8.11.3" } }\n';
const productionEnv = (url: string): string => `NODE_ENV=production\nPORT=8080\nDATABASE_URL=${url}\nLOG_LEVEL=info\n`;
const PG_VARIABLES = 'PGHOST=reports-db.prod.acme-internal.net\nPGPORT=5432\nPGUSER=reporting\nPGPASSWORD=Kq82vLmX4pTz9wRb\nPGDATABASE=warehouse\n';
const ORDERS_URL = 'postgres://orders_app:q7Rk2mVx9LpT4wZs@prod-db.orders.internal:5432/orders';
const DJANGO_SETTINGS = 'import os\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "shop",\n        "USER": "shop_app",\n        "PASSWORD": "Pz8kW3nRq7Tx2Lm",\n        "HOST": "shop-prod.c9akciq32xyz.eu-west-1.rds.amazonaws.com",\n        "PORT": "5432",\n    }\n}\n';
const FLYWAY_CONF = 'flyway.url=jdbc:postgresql://billing-prod.c3fz1xyz2abc.us-east-1.rds.amazonaws.com:5432/billing\nflyway.user=billing_app\nflyway.password=Rk4tNz82xWq9Lm\nflyway.cleanDisabled=false\n';
const ordersRepo = (extra: Record<string, string>, note: string, expect?: Sample['expect']): Sample => ({
  files: { 'README.md': '# orders-api\n', 'package.json': ORDERS_PACKAGE, ...extra },
  note,
  ...(expect ? { expect } : {}),
});

export const clientChain: RuleMeta = {
  id: `${DETECTOR_ID}/agent-client-reaches-production-database`,
  title: "Agent may run a database client unasked with a production database login it can read",
  severity: 'critical',
  why: 'An allow rule lets a coding agent run a database client (or any command) without a human, and the agent can read a login to the production database. The application’s own user owns the tables it serves: one `DROP TABLE` or `DELETE` the agent runs to get past an error empties production, and nothing outside the model stops it.',
  fix: 'Take the database client out of the allow list (or put it under `ask`), keep production logins out of files the agent reads (a secret manager, a deny rule for the file), and give agents a read-only user or a staging database.',
  help: 'Reported high instead of critical when the repository declares the database and a backup that leaves its provider.',
  precision: 'medium',
  tags: ['chain', 'agents', 'least-privilege'],
  samples: {
    positive: [
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED, 'config/production.env': productionEnv(ORDERS_URL) },
        "psql allowed, and production's application login in a config file no deny rule names",
        { path: 'config/production.env', line: 3 },
      ),
      ordersRepo(
        { '.cursor/cli.json': '{\n  "permissions": {\n    "allow": ["Shell(ls)", "Shell(mysql)"],\n    "deny": []\n  }\n}\n', 'config/database.yml': 'default: &default\n  adapter: mysql2\n  pool: 5\n\nproduction:\n  <<: *default\n  url: mysql://shop:Vt7qL2wRb9zX4eKp@shop-prod.c9akciq32xyz.eu-west-1.rds.amazonaws.com:3306/shop\n' },
        "Cursor CLI may run mysql, and the login sits in a Rails database.yml (Cursor's built-in list hides only .env files)",
        { path: 'config/database.yml', line: 7 },
      ),
      ordersRepo(
        { 'opencode.json': '{\n  "$schema": "https://opencode.ai/config.json",\n  "permission": { "bash": "allow" }\n}\n', 'deploy/.env.production': 'MONGODB_URI=mongodb+srv://orders:Hq7vN2xL9pRtKw3z@orders.x1abc.mongodb.net/orders\n' },
        'OpenCode runs every command unasked, and a production MongoDB login sits in the deploy folder',
        { path: 'deploy/.env.production', line: 1 },
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED, '.env.production': PG_VARIABLES },
        "libpq's variables: the password beside the production host it logs in to",
        { path: '.env.production', line: 4 },
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED.replace('Bash(psql:*)', 'Bash(npx prisma:*)'), '.env': `DATABASE_URL=${ORDERS_URL}\n` },
        "Prisma's CLI loads .env itself: `npx prisma migrate reset --force` drops the database it names",
        { path: '.env', line: 1 },
      ),
      ordersRepo(
        { '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(pytest:*)", "Bash(alembic:*)"],\n    "deny": ["Read(./alembic.ini)"]\n  }\n}\n', 'alembic.ini': `[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql+psycopg2://ledger:Wq83nVb2LpZs6Tk@ledger-prod.cluster-c8xk2mzq9a1b.eu-west-1.rds.amazonaws.com:5432/ledger\n` },
        "Alembic connects with alembic.ini's URL itself (`alembic downgrade base`), whatever the agent may read",
        { path: 'alembic.ini', line: 3 },
      ),
      ordersRepo(
        { '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(python manage.py test:*)", "Bash(python manage.py flush:*)"]\n  }\n}\n', 'shop/settings.py': DJANGO_SETTINGS },
        "Django's settings hold the production login `manage.py flush` connects with",
        { path: 'shop/settings.py', line: 8 },
      ),
      ordersRepo(
        { '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(./mvnw test:*)", "Bash(flyway:*)"]\n  }\n}\n', 'conf/flyway.conf': FLYWAY_CONF },
        "`flyway clean` drops every object with the login in flyway.conf, its URL naming the production server",
        { path: 'conf/flyway.conf', line: 3 },
      ),
    ],
    negative: [
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED, 'config/staging.env': productionEnv(ORDERS_URL.replace('prod-db', 'staging-db')) },
        "staging's login",
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED, 'config/production.env': productionEnv(ORDERS_URL.replace('orders_app', 'orders_readonly')) },
        'a read-only user by name',
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED.replace('"Read(./.env)"', '"Read(./.env)", "Read(./config/*.env)"'), 'config/production.env': productionEnv(ORDERS_URL) },
        'a deny rule keeps the file from Claude Code, and psql does not read files',
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED.replace('Bash(psql:*)', 'Bash(mongosh:*)'), 'config/production.env': productionEnv(ORDERS_URL) },
        'the allowed client speaks another engine',
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED.replace('"Bash(psql:*)", ', ''), 'config/production.env': productionEnv(ORDERS_URL) },
        'no client runs unasked',
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED, '.env.production': PG_VARIABLES.replace('reports-db.prod.acme-internal.net', 'localhost') },
        'the password of a database on the developer\'s machine',
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED.replace('Bash(psql:*)', 'Bash(npx prisma:*)').replace('"Read(./.env)"', '"Read(./.env.local)"'), 'config/production.env': productionEnv(ORDERS_URL) },
        'Prisma reads .env, not a production file it is not pointed at',
      ),
      ordersRepo(
        { '.claude/settings.json': PSQL_ALLOWED, 'deploy/production/values.yaml': `api:\n  env:\n    DATABASE_URL: ${ORDERS_URL.replace('prod-db.orders.internal', 'orders-pg-rw.orders-prod.svc.cluster.local')}\n` },
        "a Kubernetes Service's in-cluster name: psql on the developer's machine does not reach it",
      ),
      ordersRepo(
        { '.cursor/cli.json': '{\n  "permissions": {\n    "allow": ["Shell(ls)", "Shell(mysql)"]\n  }\n}\n', '.env': 'DATABASE_URL=mysql://shop:Vt7qL2wRb9zX4eKp@shop-prod.c9akciq32xyz.eu-west-1.rds.amazonaws.com:3306/shop\n' },
        "Cursor's built-in list keeps .env files from its tools, and mysql does not read files",
      ),
      ordersRepo(
        { '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(./mvnw test:*)", "Bash(flyway:*)"]\n  }\n}\n', 'conf/flyway.conf': FLYWAY_CONF.replace('billing-prod', 'billing-staging') },
        "flyway.conf names staging's server",
      ),
      ordersRepo(
        { '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(python manage.py test:*)", "Bash(python manage.py makemigrations:*)"]\n  }\n}\n', 'shop/settings.py': DJANGO_SETTINGS },
        'no command the agent may run unasked opens the database',
      ),
      ordersRepo(
        { '.claude/settings.json': '{\n  "permissions": {\n    "allow": ["Bash(pytest:*)", "Bash(alembic:*)"]\n  }\n}\n', 'alembic.ini': `[alembic]\nscript_location = migrations\nsqlalchemy.url = postgresql://ledger:ledger@localhost:5432/ledger\n`, 'config/production.env': productionEnv(ORDERS_URL) },
        "Alembic connects with its own ini file's local URL, and takes no URL the agent could hand it from the production file",
      ),
    ],
  },
};


const CLAUDE_CI = (databaseSecret: string): string =>
  'name: Claude\non:\n  issue_comment:\n    types: [created]\njobs:\n  claude:\n    if: contains(github.event.comment.body, \'@claude\')\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n' +
  '      - uses: anthropics/claude-code-action@v1\n        with:\n          anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}\n          claude_args: "--dangerously-skip-permissions --max-turns 30"\n' +
  `        env:\n          DATABASE_URL: \${{ secrets.${databaseSecret} }}\n`;
const RENDER_BLUEPRINT =
  'services:\n  - type: web\n    name: invoicer\n    runtime: node\n    startCommand: node src/server.js\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: invoicer-db, property: connectionString }\ndatabases:\n  - name: invoicer-db\n    plan: basic-1gb\n';
const RENDER_OFFSITE_BACKUP =
  'name: backup\non:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  dump:\n    runs-on: ubuntu-latest\n    steps:\n      - run: pg_dump "$DATABASE_URL" -Fc -f invoicer.dump && aws s3 cp invoicer.dump s3://invoicer-db-backups/daily.dump\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n';
const invoicerRepo = (extra: Record<string, string>, note: string, expect?: Sample['expect']): Sample => ({
  files: { 'README.md': '# invoicer\n', 'package.json': '{ "name": "invoicer", "private": true, "dependencies": { "pg": "^8.12.0" } }\n', 'render.yaml': RENDER_BLUEPRINT, ...extra },
  note,
  ...(expect ? { expect } : {}),
});

export const ciAgentChain: RuleMeta = {
  id: `${DETECTOR_ID}/ci-agent-reaches-unbacked-store`,
  title: "CI agent without approvals holds production's database URL, and the database has no off-provider backup",
  severity: 'critical',
  why:
    'A CI job starts a coding agent with approvals off (`--dangerously-skip-permissions`, `--yolo`) and gives the job production\'s database URL. ' +
    'Nobody watches a CI run: every command the agent decides on runs, a migration reset or a DROP against production included, and often on ' +
    'an issue comment anyone can write. With no copy of the database off its provider, what the agent deletes is gone.',
  fix: 'Keep production secrets out of agent jobs (give the job a staging or read-only database), keep approvals on or the tool list narrow, and add a backup that leaves the provider.',
  precision: 'medium',
  tags: ['chain', 'agents', 'ci', 'backup'],
  samples: {
    positive: [
      invoicerRepo({ '.github/workflows/claude.yml': CLAUDE_CI('PROD_DATABASE_URL') }, "Claude Code's action with permissions skipped and production's database URL, beside Render's one database", {
        path: '.github/workflows/claude.yml',
        line: 14,
      }),
    ],
    negative: [
      invoicerRepo({ '.github/workflows/claude.yml': CLAUDE_CI('PROD_DATABASE_URL'), '.github/workflows/backup.yml': RENDER_OFFSITE_BACKUP }, 'a nightly dump leaves Render'),
      invoicerRepo({ '.github/workflows/claude.yml': CLAUDE_CI('STAGING_DATABASE_URL') }, "the agent's job holds staging's database URL"),
      invoicerRepo({ '.github/workflows/claude.yml': CLAUDE_CI('PROD_DATABASE_URL').replace('--dangerously-skip-permissions ', '') }, 'the agent keeps its approvals'),
    ],
  },
};

export const CHAIN_RULES: readonly RuleMeta[] = [directChain, stagingChain, toolChain, clientChain, ciAgentChain];
