// A non-production environment that uses production's own database, volume, bucket, project or app: the same
// identity declared or used by production elsewhere in the repo.
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import { sample, type RuleMeta, type Severity } from '../../../src/model.js';
import type { EnvironmentModel } from '../model.js';
import { UNPINNED_NODE_SCOPE, identityName, scopedIdentityOf } from '../../../knowledge/environments/identities.js';
import { READ_ONLY_USER } from '../../../knowledge/credentials/names.js';
import { DETECTOR, productionRelated, type Verdict } from './verdict.js';

/** A Kamal base config that deploys on its own: servers and a Postgres accessory, no environment named. */
const KAMAL_BASE = 'service: ledger\nimage: acme/ledger\nservers:\n  web:\n    - 167.99.10.21\naccessories:\n  db:\n    image: postgres:16\n    host: 167.99.10.40\n    directories:\n      - data:/var/lib/postgresql/data\n';

/** A workflow applying one Terraform root per environment, giving its variables on the command line or as TF_VAR_s. */
const TERRAFORM_VARS_WORKFLOW = (stagingHost: string) =>
  `on:\n  push:\n    branches: [main, develop]\njobs:\n  apply-staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: terraform -chdir=infra apply -auto-approve -var "environment=staging" -var "db_host=${stagingHost}"\n  apply-production:\n    runs-on: ubuntu-latest\n    environment: production\n    env:\n      TF_VAR_environment: production\n      TF_VAR_db_host: orders-prod.c1x2y3z4kq.eu-west-1.rds.amazonaws.com\n    steps:\n      - uses: actions/checkout@v4\n      - run: terraform -chdir=infra apply -auto-approve\n`;

/** A base compose file with a Postgres volume and no project name, layered per environment by the commands beside it. */
const COMPOSE_BASE = 'services:\n  api:\n    build: .\n    environment:\n      DATABASE_URL: postgres://app:${POSTGRES_PASSWORD}@db:5432/app\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n';
const COMPOSE_OVERRIDE = (environment: string) => `services:\n  api:\n    environment:\n      APP_ENV: ${environment}\n`;
const COMPOSE_MAKEFILE = (staging: string, production: string) =>
  `COMPOSE_PROJECT_NAME ?= shopfront\nexport COMPOSE_PROJECT_NAME\n\ndeploy-staging:\n\t${staging}\n\ndeploy-prod:\n\t${production}\n`;

/** A Serverless service that picks each stage's DynamoDB table from a `custom` map, in one account and region unless `extra` says otherwise. */
const SERVERLESS_TABLE_MAP = (staging: string, extra = '') => `service: orders-api
frameworkVersion: '3'

custom:
  tableNames:
    prod: orders-prod
    staging: ${staging}
    dev: orders-dev
  ordersTable: \${self:custom.tableNames.\${sls:stage}}

provider:
  name: aws
  runtime: nodejs20.x
  region: eu-west-1
  stage: \${opt:stage, 'dev'}
${extra}  environment:
    ORDERS_TABLE: \${self:custom.ordersTable}

functions:
  createOrder:
    handler: src/create.handler
`;

/** A Serverless service whose stages take their DynamoDB table's ARN from `params`. */
const SERVERLESS_TABLE_ARNS = (production: string, staging: string) => `service: orders-api
frameworkVersion: '3'

params:
  prod:
    ordersTableArn: arn:aws:dynamodb:eu-west-1:482915730216:table/${production}
  staging:
    ordersTableArn: arn:aws:dynamodb:eu-west-1:482915730216:table/${staging}

provider:
  name: aws
  runtime: nodejs20.x
  stage: \${opt:stage, 'staging'}
  iam:
    role:
      statements:
        - Effect: Allow
          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:Query]
          Resource: \${param:ordersTableArn}

functions:
  createOrder:
    handler: src/create.handler
`;

export const sharedDatabase: RuleMeta = {
  id: `${DETECTOR}/shared-database`,
  title: 'Non-production environment uses the production database',
  severity: 'critical',
  why:
    'A staging, preview, development or test environment is configured with the same database (or database server) as production. ' +
    'Whatever runs there, including a coding agent working "in staging", a migration under test or a seed script, reads, changes and can drop production data; ' +
    'deleting or restoring the shared instance takes production with it.',
  fix:
    'Give each non-production environment its own database instance and credentials (a Railway/Render environment of its own, a separate RDS instance, a Neon branch or Supabase branch), ' +
    'and keep production connection strings only in production-scoped secrets.',
  help: 'Compared identities: database URLs (host, port, database; the user on shared poolers), RDS identifiers, DynamoDB table ARNs (a bare table name only says the table is named for production: tables are per account and region; within one Serverless service whose file gives no stage an account, profile or region of its own, the bare name is one table: high), Supabase project refs, Neon endpoints, Render and Railway database ids, Cloud SQL instances. Severity: critical for the same database, high for another database on the same server, a shared cache (Redis, Valkey, Memcached) or a shared message broker or queue (MSK, Confluent, Amazon MQ, Service Bus, SQS), medium when the environment logs in as a read-only user (`analytics_ro`, `reporting_reader`).',
  precision: 'high',
  tags: ['environments', 'database'],
  samples: {
    positive: [
      {
        files: {
          'app.yaml': 'runtime: nodejs20\nenv_variables:\n  INSTANCE_UNIX_SOCKET: /cloudsql/fernleaf-prod:europe-west1:catalog\n',
          'app.staging.yaml': 'runtime: nodejs20\nservice: api-staging\nenv_variables:\n  INSTANCE_UNIX_SOCKET: /cloudsql/fernleaf-prod:europe-west1:catalog\n',
        },
        expect: { path: 'app.staging.yaml', line: 4 },
        note: "App Engine: the staging service's Cloud SQL socket is production's instance",
      },
      {
        files: { '.github/workflows/terraform.yml': TERRAFORM_VARS_WORKFLOW('orders-prod.c1x2y3z4kq.eu-west-1.rds.amazonaws.com') },
        expect: { path: '.github/workflows/terraform.yml', line: 10 },
        note: "a staging job's `terraform apply -var` giving production's database host",
      },
      {
        files: {
          'config/deploy.yml': 'service: tallyho\nimage: tallyho/app\nservers:\n  web:\n    - 10.0.0.2\nenv:\n  clear:\n    DB_HOST: 10.0.0.5\naccessories:\n  db:\n    image: postgres:16\n    host: 10.0.0.5\n    env:\n      clear:\n        POSTGRES_DB: tallyho_production\n',
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 10.0.0.3\nenv:\n  clear:\n    RAILS_ENV: staging\n    DB_HOST: 10.0.0.5\n',
        },
        expect: { path: 'config/deploy.staging.yml', line: 7 },
        note: "Kamal: the base deploy is production's, as its database accessory's name says",
      },
      {
        files: {
          'scripts/deploy-prod.sh': '#!/bin/sh\ngcloud run deploy sightings-api --region us-central1 --add-cloudsql-instances trailcam-prod:us-central1:sightings-prod\n',
          '.github/workflows/deploy-staging.yml': 'on:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: |\n          gcloud run deploy sightings-api-staging \\\n            --region us-central1 \\\n            --add-cloudsql-instances trailcam-prod:us-central1:sightings-prod\n',
        },
        expect: { path: '.github/workflows/deploy-staging.yml', line: 12 },
        note: "a staging job's Cloud Run deploy connecting production's Cloud SQL instance",
      },
      {
        files: {
          'config/production.env': 'DATABASE_URL=postgres://quill:${DB_PASSWORD}@192.168.151.20:5432/quillstack\n',
          'config/staging.env': 'DATABASE_URL=postgres://quill:${DB_PASSWORD}@192.168.151.20:5432/quillstack\n',
        },
        expect: { path: 'config/staging.env', line: 1 },
        note: "Linode's private network (192.168.128.0/17)",
      },
      {
        files: {
          'config/production.env.example': 'NODE_ENV=production\n# Password: ask in #ops.\nDATABASE_URL=postgresql://postgres:<password>@shinkansen.proxy.rlwy.net:48213/railway\n',
          'config/staging.env': 'NODE_ENV=staging\nDATABASE_URL=postgresql://postgres:Vb8kq2LmN4xZ7pRt@shinkansen.proxy.rlwy.net:48213/railway\n',
        },
        expect: { path: 'config/staging.env', line: 2 },
        note: "production's template names its database; staging's file uses the same one",
      },
      {
        files: {
          '.env.production': 'CONVEX_DEPLOYMENT=prod:tidy-otter-482\n',
          '.env.staging': 'CONVEX_DEPLOYMENT=prod:tidy-otter-482\n',
        },
        expect: { path: '.env.staging', line: 1 },
        note: "Convex: the deployment is the database",
      },
      {
        files: {
          '.env.production': 'KAFKA_BROKERS=b-1.events-prod.k3x9qa.c4.kafka.us-west-2.amazonaws.com:9096,b-2.events-prod.k3x9qa.c4.kafka.us-west-2.amazonaws.com:9096\nKAFKA_CONSUMER_GROUP=events-ingest\n',
          '.env.staging': 'KAFKA_BROKERS=b-2.events-prod.k3x9qa.c4.kafka.us-west-2.amazonaws.com:9096,b-1.events-prod.k3x9qa.c4.kafka.us-west-2.amazonaws.com:9096\nKAFKA_CONSUMER_GROUP=events-ingest\n',
        },
        expect: { path: '.env.staging', line: 1 },
        note: "production's MSK cluster, its brokers listed in another order",
      },
      {
        files: {
          '.env.production': 'NOTIFICATIONS_QUEUE_URL=https://sqs.us-east-1.amazonaws.com/111122223333/notifications\n',
          '.env.staging': 'NOTIFICATIONS_QUEUE_URL=https://sqs.us-east-1.amazonaws.com/111122223333/notifications\n',
        },
        expect: { path: '.env.staging', line: 1 },
        note: "production's SQS queue",
      },
      {
        files: {
          'src/Worker/appsettings.Production.json': '{\n  "Cosmos": {\n    "AccountEndpoint": "https://acme-fulfilment-prod.documents.azure.com:443/",\n    "DatabaseName": "fulfilment"\n  }\n}\n',
          'src/Worker/appsettings.Staging.json': '{\n  "Cosmos": {\n    "AccountEndpoint": "https://acme-fulfilment-prod.documents.azure.com:443/",\n    "DatabaseName": "fulfilment"\n  }\n}\n',
        },
        expect: { path: 'src/Worker/appsettings.Staging.json', line: 3 },
        note: "a Cosmos DB account by its endpoint",
      },
      {
        files: {
          'config/production.env': 'MYSQL_DSN=tracker:${MYSQL_PASSWORD}@tcp(tracker-prod.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:3306)/tracker?parseTime=true\n',
          'config/staging.env': 'MYSQL_DSN=tracker:${MYSQL_PASSWORD}@tcp(tracker-prod.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:3306)/tracker?parseTime=true\n',
        },
        expect: { path: 'config/staging.env', line: 1 },
        note: "Go's MySQL DSN, user@tcp(host:port)/db",
      },
      {
        files: {
          'config/prod.exs': 'import Config\n\nconfig :shop, Shop.Repo,\n  hostname: "shop-prod.c7hx2k9qzvne.eu-west-1.rds.amazonaws.com",\n  database: "shop_prod",\n  pool_size: 20\n',
          'config/staging.exs': 'import Config\n\n# Copied from prod.exs.\nconfig :shop, Shop.Repo,\n  url: "ecto://shop:${DB_PASSWORD}@shop-prod.c7hx2k9qzvne.eu-west-1.rds.amazonaws.com/shop_prod",\n  pool_size: 5\n',
        },
        expect: { path: 'config/staging.exs', line: 5 },
        note: "Phoenix: staging's Ecto URL names production's RDS host and database",
      },
      {
        files: { 'config.py': 'import os\n\nclass Config:\n    SQLALCHEMY_TRACK_MODIFICATIONS = False\n\nclass StagingConfig(Config):\n    SQLALCHEMY_DATABASE_URI = "postgresql://notes:${STAGING_PW}@notes-prod.c9akciq32hx.us-east-1.rds.amazonaws.com/notes"\n\nclass ProductionConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://notes@notes-prod.c9akciq32hx.us-east-1.rds.amazonaws.com/notes")\n' },
        expect: { path: 'config.py', line: 7 },
        note: "Flask: the staging configuration class uses the database production's class falls back to",
      },
      {
        files: {
          'config/deploy/production.rb': 'server "app1.shopfront.io", user: "deploy", roles: %w{app web}\nserver "db1.shopfront.io", user: "deploy", roles: %w{db}, primary: true\n',
          'config/deploy/staging.rb': '# staging shares the production database box for now\nserver "staging.shopfront.io", user: "deploy", roles: %w{app web}\nserver "db1.shopfront.io", user: "deploy", roles: %w{db}, primary: true\n',
        },
        expect: { path: 'config/deploy/staging.rb', line: 3 },
        note: "Capistrano: `cap staging deploy` runs the migrations on production's database server",
      },
      sample('infra/vercel.tf', 'resource "vercel_project_environment_variable" "database_url" {\n  project_id = vercel_project.web.id\n  key        = "DATABASE_URL"\n  value      = var.planetscale_main_url\n  target     = ["production", "preview"]\n}\n', { expect: { line: 4 }, note: 'one Vercel variable, whatever its value, for production and every preview' }),
      {
        files: {
          '.github/workflows/migrate.yml':
            'on: push\njobs:\n  migrate:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: supabase link --project-ref vkrmyqzxtbhlnwjdpcsa\n      - run: supabase db push\n',
          '.env.staging': 'NEXT_PUBLIC_SUPABASE_URL=https://vkrmyqzxtbhlnwjdpcsa.supabase.co\n',
        },
        expect: { path: '.env.staging', line: 1 },
        note: 'production\'s migration job links the Supabase project staging points at',
      },
      sample('bin/billing.ts', "#!/usr/bin/env node\nimport * as cdk from 'aws-cdk-lib';\nimport { DataStack } from '../lib/data-stack';\nimport { ApiStack } from '../lib/api-stack';\n\nconst app = new cdk.App();\nconst prodData = new DataStack(app, 'BillingData-prod', { stage: 'prod' });\nconst stagingData = new DataStack(app, 'BillingData-staging', { stage: 'staging' });\nnew ApiStack(app, 'BillingApi-prod', { stage: 'prod', database: prodData.database });\nnew ApiStack(app, 'BillingApi-staging', { stage: 'staging', database: prodData.database });\n", { expect: { line: 10 }, note: "a CDK app handing the staging stack production's database" }),
      sample('app.py', 'import aws_cdk as cdk\nfrom stacks.data import DataStack\nfrom stacks.api import ApiStack\n\napp = cdk.App()\ndata = DataStack(app, "Shop-Data-Prod")\nApiStack(app, "Shop-Api-Prod", database=data.database)\nApiStack(app, "Shop-Api-Staging", database=data.database)\napp.synth()\n', { expect: { line: 8 }, note: 'a Python CDK app: stacks wired by keyword arguments' }),
      sample('sst.config.ts', 'export default $config({\n  app(input) {\n    return { name: "ledger", removal: input?.stage === "production" ? "retain" : "remove", home: "aws" };\n  },\n  async run() {\n    const isProd = $app.stage === "production";\n    const database = isProd\n      ? new sst.aws.Postgres("Database", { vpc, instance: "t4g.medium" })\n      : sst.aws.Postgres.get("Database", { id: "ledger-databaseinstance-bchtmzsd" });\n    new sst.aws.Function("Api", { handler: "src/api.handler", link: [database] });\n  },\n});\n', { expect: { line: 9 }, note: "SST: the stages that are not production borrow production's database by id" }),
      {
        files: { '.do/app.yaml': 'name: ticketing\nregion: nyc\nservices:\n  - name: api\n    envs:\n      - key: DATABASE_URL\n        value: ${ticketing-db.DATABASE_URL}\ndatabases:\n  - name: ticketing-db\n    engine: PG\n    production: true\n    cluster_name: ticketing-pg-prod\n', '.do/staging.yaml': 'name: ticketing-staging\nregion: nyc\nservices:\n  - name: api\n    envs:\n      - key: DATABASE_URL\n        value: ${ticketing-db.DATABASE_URL}\ndatabases:\n  - name: ticketing-db\n    engine: PG\n    production: true\n    cluster_name: ticketing-pg-prod\n' },
        expect: { path: '.do/staging.yaml', line: 12 },
        note: "a DigitalOcean App Platform spec for staging attaching production's managed cluster",
      },
      {
        files: {
          'config/environments/production.rb': 'Rails.application.configure do\n  config.cache_store = :redis_cache_store, { url: "redis://acme-cache-prod.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379/0" }\nend\n',
          'config/environments/staging.rb': 'Rails.application.configure do\n  config.cache_store = :redis_cache_store, { url: "redis://acme-cache-prod.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379/0" }\nend\n',
        },
        expect: { path: 'config/environments/staging.rb', line: 2 },
        note: "Rails: staging.rb copied from production.rb keeps production's Redis",
      },
      {
        files: {
          'src/environments/environment.prod.ts': "export const environment = {\n  production: true,\n  supabaseUrl: 'https://qvhxkzjwmnbtrplsodfa.supabase.co',\n};\n",
          'src/environments/environment.staging.ts': "export const environment = {\n  production: false,\n  supabaseUrl: 'https://qvhxkzjwmnbtrplsodfa.supabase.co',\n};\n",
        },
        expect: { path: 'src/environments/environment.staging.ts', line: 3 },
        note: "Angular's environment files: the staging build talks to production's Supabase project",
      },
      sample(
        'wrangler.toml',
        'name = "acme-worker"\nmain = "src/index.ts"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "acme"\ndatabase_id = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b"\n\n[env.staging]\nname = "acme-worker-staging"\n\n[[env.staging.d1_databases]]\nbinding = "DB"\ndatabase_name = "acme"\ndatabase_id = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b"\n',
        { expect: { line: 15 }, note: "wrangler's top level is what `wrangler deploy` ships: production" },
      ),
      {
        files: {
          '.env.production': 'APP_ENV=production\nDATABASE_URL=postgres://shop@10.0.1.20:5432/shop\n',
          '.env.staging': 'APP_ENV=staging\nDATABASE_URL=postgres://shop@10.0.1.20:5432/shop\n',
        },
        expect: { path: '.env.staging', line: 2 },
        note: "one VPC's private address: staging's VM reaches production's database",
      },
      sample('wrangler.toml', 'name = "links"\n\n[vars]\nTURSO_DATABASE_URL = "libsql://links-acme.turso.io"\n\n[env.staging.vars]\nTURSO_DATABASE_URL = "libsql://links-acme.turso.io"\n', {
        expect: { line: 7 },
        note: "a libSQL URL: the staging Worker on production's Turso database",
      }),
      {
        files: {
          'config/deploy.yml': 'service: shop\nimage: acme/shop\nservers:\n  web:\n    - 203.0.113.10\nenv:\n  clear:\n    RAILS_ENV: production\naccessories:\n  db:\n    image: postgres:16\n    host: 203.0.113.20\n    directories:\n      - data:/var/lib/postgresql/data\n',
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 203.0.113.30\nenv:\n  clear:\n    RAILS_ENV: staging\naccessories:\n  db:\n    image: postgres:16\n    host: 203.0.113.20\n    directories:\n      - data:/var/lib/postgresql/data\n',
        },
        expect: { path: 'config/deploy.staging.yml', line: 10 },
        note: "Kamal: the staging destination's database accessory on production's host",
      },
      {
        files: {
          'config/deploy.yml': KAMAL_BASE,
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 167.99.10.55\naccessories:\n  db:\n    image: postgres:16\n    host: 167.99.10.40\n    directories:\n      - data:/var/lib/postgresql/data\n',
        },
        expect: { path: 'config/deploy.staging.yml', line: 7 },
        note: 'Kamal: a base that deploys on its own (servers and a database accessory, no environment named) is what a plain `kamal deploy` ships, production',
      },
      {
        files: {
          'config/deploy.yml': 'service: shop\nimage: acme/shop\nservers:\n  web:\n    - 203.0.113.10\nenv:\n  clear:\n    RAILS_ENV: production\n    DATABASE_URL: postgres://shop@shop-db.acme.io:5432/shop\n',
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 203.0.113.30\nenv:\n  clear:\n    RAILS_ENV: staging\n    DATABASE_URL: postgres://shop@shop-db.acme.io:5432/shop\n',
        },
        expect: { path: 'config/deploy.staging.yml', line: 7 },
        note: "Kamal: the staging destination's containers get production's database URL",
      },
      {
        files: {
          'config/deploy.yml': 'service: shop\nimage: acme/shop\nservers:\n  web:\n    - 10.0.1.10\nenv:\n  clear:\n    RAILS_ENV: production\naccessories:\n  db:\n    image: postgres:16\n    host: 10.0.1.20\n',
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 10.0.2.30\nenv:\n  clear:\n    RAILS_ENV: staging\n    POSTGRES_HOST: 10.0.1.20\n',
        },
        expect: { path: 'config/deploy.staging.yml', line: 7 },
        note: "Kamal: staging's containers pointed at production's database accessory by its VPC address",
      },
      {
        files: {
          'jobs/ledger-api.nomad.hcl': 'job "ledger-api" {\n  namespace = "production"\n  group "api" {\n    task "api" {\n      driver = "docker"\n      env {\n        DATABASE_URL = "postgres://ledger@pg-ledger.db.acme.io:5432/ledger"\n      }\n    }\n  }\n}\n',
          'jobs/ledger-api-next.nomad.hcl': 'job "ledger-api-next" {\n  namespace = "staging"\n  group "api" {\n    task "api" {\n      driver = "docker"\n      env {\n        DATABASE_URL = "postgres://ledger@pg-ledger.db.acme.io:5432/ledger"\n      }\n    }\n  }\n}\n',
        },
        expect: { path: 'jobs/ledger-api-next.nomad.hcl', line: 7 },
        note: 'Nomad jobs placed by their namespace: the staging job runs against production\'s database',
      },
      {
        files: {
          'scripts/deploy-prod.sh': '#!/bin/sh\ngcloud run deploy orders-api-prod --region europe-west1 \\\n  --add-cloudsql-instances acme-orders:europe-west1:orders-db\n',
          'scripts/deploy-staging.sh': '#!/bin/sh\ngcloud run deploy orders-api-staging --region europe-west1 \\\n  --add-cloudsql-instances acme-orders:europe-west1:orders-db\n',
        },
        expect: { path: 'scripts/deploy-staging.sh', line: 3 },
        note: "Cloud Run: the staging service connects to production's Cloud SQL instance",
      },
      sample('ops/provision.sh', '#!/bin/sh\ndokku apps:create crm\ndokku apps:create crm-staging\ndokku postgres:create crm-db\ndokku postgres:link crm-db crm\ndokku postgres:link crm-db crm-staging\n', { expect: { line: 6 }, note: "Dokku: one Postgres service linked into production's app and staging's" }),
      {
        files: {
          '.env.production': 'APP_ENV=production\nDATABASE_URL=postgres://app:Sup3rS3cret@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
          '.env.staging': 'APP_ENV=staging\nDATABASE_URL=postgres://app_stg:Stg0nly@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\nLOG_LEVEL=debug\n',
        },
        expect: { path: '.env.staging', line: 2 },
        note: 'staging dotenv points at the production RDS instance',
      },
      {
        files: {
          'config/database.yml':
            'default: &default\n  adapter: postgresql\n  pool: 5\n\ndevelopment:\n  <<: *default\n  database: shop_development\n\nstaging:\n  <<: *default\n  host: shop-db.cluster-cx81kq2.us-east-1.rds.amazonaws.com\n  database: shop\n\nproduction:\n  <<: *default\n  host: shop-db.cluster-cx81kq2.us-east-1.rds.amazonaws.com\n  database: shop\n  username: shop\n',
        },
        expect: { path: 'config/database.yml', line: 11 },
        note: 'Rails database.yml: staging and production on one Aurora cluster and database',
      },
      {
        files: {
          'render.yaml':
            'projects:\n  - name: acme\n    environments:\n      - name: production\n        databases:\n          - name: acme-db\n            plan: pro-4gb\n        services:\n          - type: web\n            name: api\n            runtime: node\n            envVars:\n              - key: DATABASE_URL\n                fromDatabase:\n                  name: acme-db\n                  property: connectionString\n      - name: staging\n        services:\n          - type: web\n            name: api-staging\n            runtime: node\n            envVars:\n              - key: DATABASE_URL\n                fromDatabase:\n                  name: acme-db\n                  property: connectionString\n',
        },
        expect: { path: 'render.yaml', line: 25 },
        note: 'Render Blueprint: the staging environment reads the production environment\'s database',
      },
      {
        files: {
          'render.yaml':
            'services:\n  - type: web\n    name: ledger-api\n    runtime: python\n    envVars:\n      - fromGroup: ledger-prod\n  - type: worker\n    name: ledger-worker-staging\n    runtime: python\n    envVars:\n      - fromGroup: ledger-prod\n      - key: LOG_LEVEL\n        value: debug\nenvVarGroups:\n  - name: ledger-prod\n    envVars:\n      - key: DATABASE_URL\n        value: postgresql://ledger@dpg-cq7mlh3v2p9s73b1kd0g-a.frankfurt-postgres.render.com/ledger\n  - name: ledger-staging\n    envVars:\n      - key: DATABASE_URL\n        value: postgresql://ledger@dpg-cr2tq8lds78s73e5g6ug-a.frankfurt-postgres.render.com/ledger_staging\n',
        },
        expect: { path: 'render.yaml', line: 11 },
        note: "Render Blueprint: the staging worker takes production's environment group (`fromGroup`), database URL included",
      },
      {
        files: {
          'k8s/overlays/prod/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - target:\n      kind: Deployment\n      name: tracker\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/env/-\n        value:\n          name: DATABASE_URL\n          value: postgres://tracker@tracker-prod.cu7d1xk0pq3z.us-east-2.rds.amazonaws.com:5432/tracker\n',
          'k8s/overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - target:\n      kind: Deployment\n      name: tracker\n    patch: |-\n      - op: add\n        path: /spec/template/spec/containers/0/env/-\n        value:\n          name: DATABASE_URL\n          value: postgres://tracker@tracker-prod.cu7d1xk0pq3z.us-east-2.rds.amazonaws.com:5432/tracker\n',
        },
        expect: { path: 'k8s/overlays/staging/kustomization.yaml', line: 12 },
        note: "Kustomize: the staging overlay's inline JSON 6902 patch adds an env entry with production's database URL",
      },
      {
        files: { 'infra/main.tf': 'module "production" {\n  source      = "./modules/service"\n  environment = "production"\n  db_host     = "quarry-prod.c3vq8x1mz0ab.ap-southeast-2.rds.amazonaws.com"\n}\n\nmodule "uat" {\n  source      = "./modules/service"\n  environment = "uat"\n  db_host     = "quarry-prod.c3vq8x1mz0ab.ap-southeast-2.rds.amazonaws.com"\n}\n' },
        expect: { path: 'infra/main.tf', line: 10 },
        note: "Terraform: one configuration calling a module per environment, the UAT call given production's database host",
      },
      {
        files: {
          'src/Storefront/appsettings.Production.json': '{\n  "ConnectionStrings": {\n    "Redis": "pinecrest-prod.redis.cache.windows.net:6380,ssl=True,abortConnect=False"\n  }\n}\n',
          'src/Storefront/appsettings.Staging.json': '{\n  "ConnectionStrings": {\n    "Redis": "pinecrest-prod.redis.cache.windows.net:6380,ssl=True,abortConnect=False"\n  }\n}\n',
        },
        expect: { path: 'src/Storefront/appsettings.Staging.json', line: 3 },
        note: "ASP.NET: staging's StackExchange.Redis configuration string names production's Azure cache",
      },
      sample('.gitlab-ci.yml', 'deploy_staging:\n  stage: deploy\n  environment: staging\n  script:\n    - helm upgrade --install orders ./chart --namespace orders-staging --set image.tag=$CI_COMMIT_SHA --set database.host=orders-prod.cx9q2w8e7r6t.us-west-2.rds.amazonaws.com\n\ndeploy_production:\n  stage: deploy\n  environment: production\n  script:\n    - helm upgrade --install orders ./chart --namespace orders --set image.tag=$CI_COMMIT_SHA --set database.host=orders-prod.cx9q2w8e7r6t.us-west-2.rds.amazonaws.com\n', { expect: { line: 5 }, note: "a staging GitLab job's `helm --set` giving production's database host" }),
      {
        files: {
          'inventories/production/hosts': '[web]\nweb1.tollgate.io\n\n[all:vars]\nansible_user=deploy\npostgres_host=tollgate-prod.cl8x2mq7v1ab.eu-central-1.rds.amazonaws.com\n',
          'inventories/staging/hosts': '[web]\nweb1.staging.tollgate.io\n\n[worker]\nworker1.staging.tollgate.io\n\n[all:vars]\nansible_user=deploy\npostgres_host=tollgate-prod.cl8x2mq7v1ab.eu-central-1.rds.amazonaws.com\n',
        },
        expect: { path: 'inventories/staging/hosts', line: 9 },
        note: "Ansible: the staging inventory (an INI file without an extension, as Ansible's layout names it) sets production's database host for every host",
      },
      {
        files: {
          'app/settings/production.py':
            'import os\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "postgres",\n        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",\n        "PASSWORD": os.environ["DB_PASSWORD"],\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n        "PORT": "6543",\n    }\n}\n',
          'app/settings/staging.py':
            'from .base import *\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "NAME": "postgres",\n        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n        "PORT": "6543",\n    },\n    "analytics": {"HOST": "analytics.internal.acme.io", "USER": "reader"},\n}\n',
        },
        expect: { path: 'app/settings/staging.py', line: 8 },
        note: 'Django settings on the Supabase pooler: the user names the project',
      },
      {
        files: {
          'deploy/overlays/production/db-secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: orders-production\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXM6Ly9vcmRlcnNfYXBwOlhyN3BRMnZMbTlLd1Q0ekJAb3JkZXJzLXByb2QuY2x1c3Rlci1jOWFrcTF6MngzeTQuZXUtd2VzdC0xLnJkcy5hbWF6b25hd3MuY29tOjU0MzIvb3JkZXJz\n',
          'deploy/overlays/staging/db-secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: orders-staging\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXM6Ly9vcmRlcnNfYXBwOlhyN3BRMnZMbTlLd1Q0ekJAb3JkZXJzLXByb2QuY2x1c3Rlci1jOWFrcTF6MngzeTQuZXUtd2VzdC0xLnJkcy5hbWF6b25hd3MuY29tOjU0MzIvb3JkZXJz\n',
        },
        expect: { path: 'deploy/overlays/staging/db-secret.yaml', line: 8 },
        note: 'Kubernetes Secrets hold the URL base64-encoded',
      },
      {
        files: {
          'infra/main.tf':
            'locals {\n  db_identifier = {\n    staging    = "orders-prod"\n    production = "orders-prod"\n  }\n}\n\ndata "aws_db_instance" "main" {\n  db_instance_identifier = local.db_identifier[terraform.workspace]\n}\n',
        },
        expect: { path: 'infra/main.tf', line: 3 },
        note: 'a lookup map by Terraform workspace: the value under each environment is named by the map\'s key',
      },
      {
        files: {
          'charts/api/values-production.yaml': 'externalDatabase:\n  host: orders-prod.cluster-c9akciq32.eu-west-1.rds.amazonaws.com\n  port: 5432\n  database: orders\n',
          'charts/api/values-staging.yaml': 'externalDatabase:\n  host: orders-prod.cluster-c9akciq32.eu-west-1.rds.amazonaws.com\n  port: 5432\n  database: orders_staging\n',
        },
        expect: { path: 'charts/api/values-staging.yaml', line: 2 },
        note: 'another database on production\'s instance: reported at high, as the instance is one',
      },
      {
        files: {
          'fly.toml': 'app = "acme-api"\nprimary_region = "fra"\n\n[env]\n  DATABASE_HOST = "acme-db.flycast"\n',
          'fly.staging.toml': 'app = "acme-api-staging"\nprimary_region = "fra"\n\n[env]\n  DATABASE_HOST = "acme-db.flycast"\n',
        },
        expect: { path: 'fly.staging.toml', line: 5 },
        note: 'fly.toml is the app `fly deploy` ships by default: production',
      },
      {
        files: {
          '.gitlab-ci.yml':
            'deploy_production:\n  stage: deploy\n  environment: production\n  variables:\n    DATABASE_HOST: acme-main.c9akciq32.eu-west-1.rds.amazonaws.com\n  script: [./deploy.sh]\ndeploy_staging:\n  stage: deploy\n  environment:\n    name: staging\n  variables:\n    DATABASE_HOST: acme-main.c9akciq32.eu-west-1.rds.amazonaws.com\n  script: [./deploy.sh]\n',
        },
        expect: { path: '.gitlab-ci.yml', line: 12 },
        note: 'GitLab CI jobs placed by their environment',
      },
      {
        files: {
          'render.yaml':
            'databases:\n  - name: shop-db\n    plan: pro-4gb\nservices:\n  - type: web\n    name: shop-api\n    runtime: node\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: shop-db, property: connectionString }\n  - type: web\n    name: shop-api-staging\n    runtime: node\n    branch: develop\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: shop-db, property: connectionString }\n',
        },
        expect: { path: 'render.yaml', line: 17 },
        note: 'a flat Render Blueprint: the staging service is named for its environment',
      },
      {
        files: {
          'deploy/overlays/prod/kustomization.yaml': 'namespace: orders-prod\nresources: [../../base]\nconfigMapGenerator:\n  - name: orders\n    literals:\n      - DATABASE_HOST=orders-pg-rw.orders-prod.svc.cluster.local\n',
          'deploy/overlays/staging/kustomization.yaml': 'namespace: orders-staging\nresources: [../../base]\nconfigMapGenerator:\n  - name: orders\n    literals:\n      - DATABASE_HOST=orders-pg-rw.orders-prod.svc.cluster.local\n',
        },
        expect: { path: 'deploy/overlays/staging/kustomization.yaml', line: 6 },
        note: "a Service in production's namespace, named from staging's (high: one cluster is assumed)",
      },
      sample(
        'samconfig.toml',
        'version = 0.1\n\n[staging.deploy.parameters]\nstack_name = "billing-api-staging"\nparameter_overrides = "Stage=\\"staging\\" DBHost=\\"billing-prod.cluster-c7x2hjk1qz9a.eu-west-1.rds.amazonaws.com\\" DBName=\\"billing\\""\n\n[prod.deploy.parameters]\nstack_name = "billing-api-prod"\nparameter_overrides = "Stage=\\"prod\\" DBHost=\\"billing-prod.cluster-c7x2hjk1qz9a.eu-west-1.rds.amazonaws.com\\" DBName=\\"billing\\""\n',
        { expect: { line: 5 }, note: "AWS SAM: the staging config-env's parameter overrides name production's Aurora cluster" },
      ),
      sample(
        'profiles.yml',
        "acme_analytics:\n  target: dev\n  outputs:\n    dev:\n      type: redshift\n      host: analytics-prod.cq1w2e3r4t5y.us-east-1.redshift.amazonaws.com\n      port: 5439\n      user: \"{{ env_var('DBT_USER') }}\"\n      dbname: analytics\n      schema: analytics\n    prod:\n      type: redshift\n      host: analytics-prod.cq1w2e3r4t5y.us-east-1.redshift.amazonaws.com\n      port: 5439\n      user: \"{{ env_var('DBT_PROD_USER') }}\"\n      dbname: analytics\n      schema: analytics\n",
        { expect: { line: 6 }, note: "dbt: the dev target builds into production's Redshift schema" },
      ),
      sample(
        'profiles.yml',
        "jaffle_shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: warehouse.acme-data.io\n      dbname: jaffle\n      schema: marts\n    prod:\n      type: postgres\n      host: warehouse.acme-data.io\n      dbname: jaffle\n      schema: marts\n",
        { expect: { line: 6 }, note: "dbt: a target's `type` says the `host` beside it is a database server" },
      ),
      sample('src/main/resources/application.properties', 'quarkus.datasource.db-kind=postgresql\n%dev.quarkus.datasource.devservices.enabled=true\n%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://inventory-prod.cluster-cq8x1y2z3abc.us-east-2.rds.amazonaws.com:5432/inventory\n%staging.quarkus.datasource.jdbc.url=jdbc:postgresql://inventory-prod.cluster-cq8x1y2z3abc.us-east-2.rds.amazonaws.com:5432/inventory\n', { expect: { line: 4 }, note: "Quarkus: the %staging profile's datasource is production's" }),
      sample('src/main/resources/application.yaml', 'quarkus:\n  datasource:\n    db-kind: postgresql\n"%prod":\n  quarkus:\n    datasource:\n      jdbc:\n        url: jdbc:postgresql://inventory-prod.cluster-cq8x1y2z3abc.us-east-2.rds.amazonaws.com:5432/inventory\n"%staging":\n  quarkus:\n    datasource:\n      jdbc:\n        url: jdbc:postgresql://inventory-prod.cluster-cq8x1y2z3abc.us-east-2.rds.amazonaws.com:5432/inventory\n', { expect: { line: 13 }, note: 'Quarkus YAML: a profile under a "%staging" key' }),
      sample('serverless.yml', SERVERLESS_TABLE_ARNS('orders', 'orders'), { expect: { line: 8 }, note: "Serverless: the staging stage's parameter is production's DynamoDB table ARN (account and region make it one table)" }),
      sample('scripts/setup-fly.sh', '#!/bin/sh\nset -e\nfly postgres create --name reel-db --region ams --volume-size 40\nfly postgres attach reel-db --app reel-prod\nfly postgres attach reel-db --app reel-staging --database-name reel\n', { expect: { line: 5 }, note: 'Fly: the staging app is attached to the Postgres app production is attached to' }),
      {
        files: {
          'fly.toml': 'app = "quayline-api"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n',
          'fly.staging.toml': 'app = "quayline-api-staging"\nprimary_region = "ams"\n\n[env]\n  APP_ENV = "staging"\n',
          'scripts/setup-fly.sh': '#!/bin/sh\nset -e\nfly postgres create --name quayline-db --region ams --volume-size 20\nfly postgres attach quayline-db --app quayline-api\n',
          Makefile: 'deploy-staging:\n\tflyctl deploy --config fly.staging.toml\n\ndb-attach-staging:\n\tflyctl postgres attach quayline-db --app quayline-api-staging --database-user quayline_staging\n',
        },
        expect: { path: 'Makefile', line: 5 },
        note: "Fly: production's app has no environment word, but fly.toml (deployed by default) declares it; the staging app is attached to the same Postgres app",
      },
      {
        files: {
          'deploy/overlays/production/kustomization.yaml': 'namespace: prod\nresources:\n  - ../../base\n',
          'deploy/overlays/staging/kustomization.yaml': 'namespace: staging\nresources:\n  - ../../base\npatches:\n  - path: orders-db.yaml\n',
          'deploy/overlays/staging/orders-db.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          env:\n            - name: DATABASE_HOST\n              value: postgres.prod.svc.cluster.local\n',
        },
        expect: { path: 'deploy/overlays/staging/orders-db.yaml', line: 12 },
        note: "Kustomize: staging's patch names a Service in the namespace production's overlay deploys into (high: one cluster is assumed)",
      },
      sample(
        'scripts/vercel-env.sh',
        '#!/bin/sh\n# preview shares the prod DB until Neon branching is set up\nPROD_DB="postgresql://tidyhome_owner:${NEON_PASSWORD}@ep-cool-darkness-a5h8k2x1.eu-central-1.aws.neon.tech/tidyhome?sslmode=require"\necho "$PROD_DB" | vercel env add DATABASE_URL production\necho "$PROD_DB" | vercel env add DATABASE_URL preview\n',
        { expect: { line: 5 }, note: "Vercel: one value piped into production's and preview's DATABASE_URL" },
      ),
      sample('serverless.yml', SERVERLESS_TABLE_MAP('orders-prod'), { expect: { line: 7 }, note: "Serverless: a per-stage `custom` map gives staging production's table by its bare name; every stage deploys to one account and region" }),
      {
        files: {
          'deploy/values/api/production.yaml.gotmpl': 'replicaCount: {{ .Values.replicas }}\nenv:\n  DATABASE_HOST: ledger-prod.cq8x2hzk4tyu.eu-central-1.rds.amazonaws.com\n  DOMAIN: "{{ .Values.domain }}"\n',
          'deploy/values/api/staging.yaml.gotmpl': 'replicaCount: {{ .Values.replicas }}\nenv:\n  DATABASE_HOST: ledger-prod.cq8x2hzk4tyu.eu-central-1.rds.amazonaws.com\n  DOMAIN: "{{ .Values.domain }}"\n',
        },
        expect: { path: 'deploy/values/api/staging.yaml.gotmpl', line: 3 },
        note: "helmfile: the values template (`.yaml.gotmpl`) rendered for staging names production's RDS instance",
      },
      sample('vapor.yml', "id: 48213\nname: acme-portal\nenvironments:\n  production:\n    memory: 1024\n    database: acme-portal-prod\n    storage: acme-portal-prod-uploads\n    deploy:\n      - 'php artisan migrate --force'\n  staging:\n    memory: 1024\n    database: acme-portal-prod\n    storage: acme-portal-prod-uploads\n    deploy:\n      - 'php artisan migrate --force'\n", { expect: { line: 12 }, note: "Laravel Vapor: the staging environment attaches production's database by name" }),
    ],
    negative: [
      {
        files: {
          'app.yaml': 'runtime: python312\nenv_variables:\n  CLOUD_SQL_CONNECTION_NAME: "fernleaf-prod:europe-west1:catalog"\n  INSTANCE_UNIX_SOCKET: /cloudsql/fernleaf-prod:europe-west1:catalog\n',
          'app.staging.yaml': 'runtime: python312\nservice: staging\nenv_variables:\n  CLOUD_SQL_CONNECTION_NAME: "fernleaf-staging:europe-west1:catalog"\n  INSTANCE_UNIX_SOCKET: /cloudsql/fernleaf-staging:europe-west1:catalog\n',
        },
        note: 'App Engine: an instance named alike in the staging project is another instance (names are unique per project)',
      },
      {
        files: {
          'config/deploy/production.rb': 'role :app, %w{deploy@app1.shopfront.io}\nrole :db, %w{deploy@db1.shopfront.io}\n',
          'config/deploy/staging.rb': 'role :app, %w{deploy@app1.shopfront.io}\nrole :db, %w{deploy@db-staging.shopfront.io}\n',
        },
        note: "Capistrano: the staging stage has its own database server (an app server shared is not a database)",
      },
      { files: { 'config.py': 'import os\n\nclass Config:\n    SQLALCHEMY_TRACK_MODIFICATIONS = False\n\nclass StagingConfig(Config):\n    SQLALCHEMY_DATABASE_URI = "postgresql://notes:${STAGING_PW}@notes-staging.c9akciq32hx.us-east-1.rds.amazonaws.com/notes"\n\nclass ProductionConfig(Config):\n    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://notes@notes-prod.c9akciq32hx.us-east-1.rds.amazonaws.com/notes")\n' }, note: "Flask: the staging class has its own server" },
      { files: { '.github/workflows/terraform.yml': TERRAFORM_VARS_WORKFLOW('orders-staging.c1x2y3z4kq.eu-west-1.rds.amazonaws.com') }, note: "the staging job's `-var` gives staging's own database" },
      sample('serverless.yml', SERVERLESS_TABLE_ARNS('orders', 'orders-staging'), { note: "Serverless: the staging stage's table ARN is a table of its own" }),
      sample('scripts/setup-fly.sh', '#!/bin/sh\nset -e\nfly postgres attach reel-db --app reel-prod\nfly postgres attach reel-db-staging --app reel-staging\n', { note: 'Fly: each app is attached to a Postgres app of its own' }),
      {
        files: {
          'fly.toml': 'app = "quayline-api"\nprimary_region = "ams"\n',
          'fly.staging.toml': 'app = "quayline-api-staging"\nprimary_region = "ams"\n',
          'scripts/setup-fly.sh': '#!/bin/sh\nfly postgres attach quayline-db --app quayline-api\nfly postgres attach quayline-db --app quayline-worker\nfly postgres attach quayline-db-staging --app quayline-api-staging\n',
        },
        note: "Fly: staging has a Postgres app of its own; a worker app no Fly config declares stays unplaced",
      },
      {
        files: {
          'deploy/overlays/production/kustomization.yaml': 'namespace: prod\nresources:\n  - ../../base\n',
          'deploy/overlays/staging/kustomization.yaml': 'namespace: staging\nresources:\n  - ../../base\npatches:\n  - path: orders-db.yaml\n',
          'deploy/overlays/staging/orders-db.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  template:\n    spec:\n      containers:\n        - name: orders\n          env:\n            - name: DATABASE_HOST\n              value: postgres.staging.svc.cluster.local\n            - name: METRICS_HOST\n              value: prometheus.monitoring.svc.cluster.local\n',
        },
        note: "Kustomize: staging's Service in its own namespace (and a monitoring namespace production does not deploy into)",
      },
      sample(
        'scripts/vercel-env.sh',
        '#!/bin/sh\nPROD_DB="postgresql://tidyhome_owner:${NEON_PASSWORD}@ep-cool-darkness-a5h8k2x1.eu-central-1.aws.neon.tech/tidyhome?sslmode=require"\nPREVIEW_DB="postgresql://tidyhome_owner:${NEON_PASSWORD}@ep-quiet-meadow-b7k1m3q9.eu-central-1.aws.neon.tech/tidyhome?sslmode=require"\necho "$PROD_DB" | vercel env add DATABASE_URL production\necho "$PREVIEW_DB" | vercel env add DATABASE_URL preview\n',
        { note: "Vercel: preview's DATABASE_URL is a Neon branch of its own" },
      ),
      sample('serverless.yml', SERVERLESS_TABLE_MAP('orders-staging'), { note: "Serverless: the `custom` map gives staging a table of its own" }),
      sample('serverless.yml', SERVERLESS_TABLE_MAP('orders', '  profile: \${self:custom.profiles.\${sls:stage}}\n'), { note: 'Serverless: each stage deploys with its own profile (its own account), so a table named alike in two stages is two tables' }),
      {
        files: {
          'config/deploy.yml': KAMAL_BASE,
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 167.99.10.55\naccessories:\n  db:\n    image: postgres:16\n    host: 167.99.10.56\n    directories:\n      - data:/var/lib/postgresql/data\n',
        },
        note: 'Kamal: the staging destination runs its database accessory on a host of its own',
      },
      {
        files: {
          'config/production.env': 'DATABASE_URL=postgres://quill:${DB_PASSWORD}@192.168.1.20:5432/quillstack\n',
          'config/staging.env': 'DATABASE_URL=postgres://quill:${DB_PASSWORD}@192.168.1.20:5432/quillstack\n',
        },
        note: 'a home network address, each machine its own',
      },
      {
        files: {
          '.env.production': 'CONVEX_DEPLOYMENT=prod:tidy-otter-482\nVITE_CONVEX_URL=https://tidy-otter-482.convex.cloud\n',
          '.env.staging': 'CONVEX_DEPLOYMENT=dev:brave-lynx-915\nVITE_CONVEX_URL=https://brave-lynx-915.convex.cloud\n',
        },
        note: 'its own Convex deployment',
      },
      {
        files: {
          '.env.production': 'KAFKA_BROKERS=b-1.events-prod.k3x9qa.c4.kafka.us-west-2.amazonaws.com:9096\nNOTIFICATIONS_QUEUE_URL=https://sqs.us-east-1.amazonaws.com/111122223333/notifications\n',
          '.env.staging': 'KAFKA_BROKERS=b-1.events-stg.p2m8zz.c2.kafka.us-west-2.amazonaws.com:9096\nNOTIFICATIONS_QUEUE_URL=https://sqs.us-east-1.amazonaws.com/444455556666/notifications\n',
        },
        note: 'its own cluster, and a queue of the same name in its own account',
      },
      {
        files: {
          'src/Worker/appsettings.Production.json': '{\n  "Cosmos": { "AccountEndpoint": "https://acme-fulfilment-prod.documents.azure.com:443/" }\n}\n',
          'src/Worker/appsettings.Staging.json': '{\n  "Cosmos": { "AccountEndpoint": "https://acme-fulfilment-stg.documents.azure.com:443/" }\n}\n',
        },
        note: 'its own Cosmos DB account',
      },
      sample(
        'samconfig.toml',
        'version = 0.1\n\n[staging.deploy.parameters]\nparameter_overrides = "Stage=\\"staging\\" DBHost=\\"billing-staging.cluster-c7x2hjk1qz9a.eu-west-1.rds.amazonaws.com\\""\n\n[prod.deploy.parameters]\nparameter_overrides = "Stage=\\"prod\\" DBHost=\\"billing-prod.cluster-c7x2hjk1qz9a.eu-west-1.rds.amazonaws.com\\""\n',
        { note: 'AWS SAM: each config-env its own cluster' },
      ),
      sample(
        'profiles.yml',
        "jaffle_shop:\n  target: dev\n  outputs:\n    dev:\n      type: postgres\n      host: warehouse-dev.acme-data.io\n      dbname: jaffle\n      schema: marts\n    prod:\n      type: postgres\n      host: warehouse.acme-data.io\n      dbname: jaffle\n      schema: marts\n",
        { note: 'dbt: the dev target on its own warehouse' },
      ),
      sample('src/main/resources/application.properties', 'quarkus.datasource.db-kind=postgresql\n%prod.quarkus.datasource.jdbc.url=jdbc:postgresql://inventory-prod.cluster-cq8x1y2z3abc.us-east-2.rds.amazonaws.com:5432/inventory\n%staging.quarkus.datasource.jdbc.url=jdbc:postgresql://inventory-staging.cluster-cq8x1y2z3abc.us-east-2.rds.amazonaws.com:5432/inventory\n', { note: 'Quarkus: each profile its own datasource' }),
      sample('vapor.yml', "id: 48213\nname: acme-portal\nenvironments:\n  production:\n    database: acme-portal-prod\n    storage: acme-portal-prod-uploads\n  staging:\n    database: acme-portal-staging\n    storage: acme-portal-staging-uploads\n", { note: 'Laravel Vapor: each environment its own database and bucket' }),
      {
        files: {
          'config/prod.exs': 'import Config\n\nconfig :shop, Shop.Repo,\n  hostname: "shop-prod.c7hx2k9qzvne.eu-west-1.rds.amazonaws.com",\n  database: "shop_prod",\n  pool_size: 20\n',
          'config/staging.exs': 'import Config\n\nconfig :shop, Shop.Repo,\n  hostname: "shop-staging.c7hx2k9qzvne.eu-west-1.rds.amazonaws.com",\n  database: "shop_staging"\n',
        },
        note: 'Phoenix: staging has its own RDS instance',
      },
      sample('infra/vercel.tf', 'resource "vercel_project_environment_variable" "database_url" {\n  project_id = vercel_project.web.id\n  key        = "DATABASE_URL"\n  value      = var.planetscale_main_url\n  target     = ["production"]\n}\n\nresource "vercel_project_environment_variable" "preview_database_url" {\n  project_id = vercel_project.web.id\n  key        = "DATABASE_URL"\n  value      = var.planetscale_preview_url\n  target     = ["preview"]\n}\n', { note: 'each target its own variable' }),
      {
        files: {
          'scripts/deploy-prod.sh': '#!/bin/sh\ngcloud run deploy orders-api-prod --region europe-west1 \\\n  --add-cloudsql-instances acme-orders:europe-west1:orders-db\n',
          'scripts/deploy-staging.sh': '#!/bin/sh\ngcloud run deploy orders-api-staging --region europe-west1 \\\n  --add-cloudsql-instances acme-orders-staging:europe-west1:orders-db-staging\n',
        },
        note: "Cloud Run: staging's instance in staging's own project",
      },
      sample('ops/provision.sh', '#!/bin/sh\ndokku postgres:create crm-db\ndokku postgres:create crm-db-staging\ndokku postgres:link crm-db crm\ndokku postgres:link crm-db-staging crm-staging\n', { note: 'Dokku: each app its own service' }),
      {
        files: {
          '.env.production': 'APP_ENV=production\nDATABASE_URL=postgres://shop@172.17.0.1:5432/shop\n',
          '.env.staging': 'APP_ENV=staging\nDATABASE_URL=postgres://shop@172.17.0.1:5432/shop\n',
        },
        note: "Docker's bridge gateway: each machine's own host",
      },
      sample('bin/billing.ts', "#!/usr/bin/env node\nimport * as cdk from 'aws-cdk-lib';\nimport { DataStack } from '../lib/data-stack';\nimport { ApiStack } from '../lib/api-stack';\n\nconst app = new cdk.App();\nconst prodData = new DataStack(app, 'BillingData-prod', { stage: 'prod' });\nconst stagingData = new DataStack(app, 'BillingData-staging', { stage: 'staging' });\nnew ApiStack(app, 'BillingApi-prod', { stage: 'prod', database: prodData.database });\nnew ApiStack(app, 'BillingApi-staging', { stage: 'staging', database: stagingData.database });\n", { note: 'each stack gets its own environment\'s database' }),
      sample('app.py', 'import aws_cdk as cdk\nfrom stacks.data import DataStack\nfrom stacks.api import ApiStack\n\napp = cdk.App()\nprod = DataStack(app, "Shop-Data", stage="prod")\nstaging = DataStack(app, "Shop-Data-Staging", stage="staging")\nApiStack(app, "Shop-Api", stage="prod", database=prod.database)\nApiStack(app, "Shop-Api-Staging", database=staging.database)\napp.synth()\n', { note: "a Python CDK app giving each stack its own environment's database" }),
      sample('sst.config.ts', 'export default $config({\n  app(input) {\n    return { name: "ledger", home: "aws" };\n  },\n  async run() {\n    const isProd = $app.stage === "production";\n    const database = isProd\n      ? sst.aws.Postgres.get("Database", { id: "ledger-databaseinstance-bchtmzsd" })\n      : new sst.aws.Postgres("Database", { vpc, instance: "t4g.micro" });\n    new sst.aws.Function("Api", { handler: "src/api.handler", link: [database] });\n  },\n});\n', { note: 'SST: production borrows a database made elsewhere; every other stage creates its own' }),
      {
        files: { '.do/app.yaml': 'name: ticketing\nregion: nyc\nservices:\n  - name: api\n    envs:\n      - key: DATABASE_URL\n        value: ${ticketing-db.DATABASE_URL}\ndatabases:\n  - name: ticketing-db\n    engine: PG\n    production: true\n    cluster_name: ticketing-pg-prod\n', '.do/staging.yaml': 'name: ticketing-staging\nregion: nyc\nservices:\n  - name: api\n    envs:\n      - key: DATABASE_URL\n        value: ${ticketing-db.DATABASE_URL}\ndatabases:\n  - name: ticketing-db\n    engine: PG\n    production: true\n    cluster_name: ticketing-pg-staging\n' },
        note: 'staging attaches a cluster of its own',
      },
      {
        files: {
          'config/environments/production.rb': 'Rails.application.configure do\n  config.cache_store = :redis_cache_store, { url: "redis://acme-cache-prod.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379/0" }\nend\n',
          'config/environments/staging.rb': 'Rails.application.configure do\n  config.cache_store = :redis_cache_store, { url: "redis://localhost:6379/1" }\n  # config.cache_store = :redis_cache_store, { url: "redis://acme-cache-prod.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379/0" }\nend\n',
        },
        note: "Rails: staging's own Redis; production's only in a comment",
      },
      sample(
        'wrangler.toml',
        'name = "acme-worker"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "acme"\ndatabase_id = "6f1c2b3a-4d5e-4f60-8a7b-9c0d1e2f3a4b"\n\n[env.staging]\nname = "acme-worker-staging"\n\n[[env.staging.d1_databases]]\nbinding = "DB"\ndatabase_name = "acme-staging"\ndatabase_id = "0b7d9e21-7c3a-4b8e-9f11-2d4c6a8e0f13"\n',
        { note: 'staging has its own D1 database' },
      ),
      {
        files: {
          'config/deploy.yml': 'service: shop\nimage: acme/shop\nservers:\n  web:\n    - 203.0.113.10\nenv:\n  clear:\n    RAILS_ENV: production\naccessories:\n  db:\n    image: postgres:16\n    host: 203.0.113.20\n    directories:\n      - data:/var/lib/postgresql/data\n',
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 203.0.113.30\nenv:\n  clear:\n    RAILS_ENV: staging\naccessories:\n  db:\n    image: postgres:16\n    host: 203.0.113.40\n',
        },
        note: 'each destination its own database host',
      },
      {
        files: {
          'render.yaml':
            'databases:\n  - name: tidy-db\n  - name: tidy-db-staging\nservices:\n  - type: web\n    name: tidy-api\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: tidy-db, property: connectionString }\n  - type: web\n    name: tidy-api-staging\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: tidy-db-staging, property: connectionString }\n',
        },
        note: 'a flat Blueprint whose staging service has a staging database of its own',
      },
      {
        files: {
          'render.yaml':
            'services:\n  - type: web\n    name: ledger-api\n    runtime: python\n    envVars:\n      - fromGroup: ledger-prod\n  - type: worker\n    name: ledger-worker-staging\n    runtime: python\n    envVars:\n      - fromGroup: ledger-staging\n      - key: LOG_LEVEL\n        value: debug\nenvVarGroups:\n  - name: ledger-prod\n    envVars:\n      - key: DATABASE_URL\n        value: postgresql://ledger@dpg-cq7mlh3v2p9s73b1kd0g-a.frankfurt-postgres.render.com/ledger\n  - name: ledger-staging\n    envVars:\n      - key: DATABASE_URL\n        value: postgresql://ledger@dpg-cr2tq8lds78s73e5g6ug-a.frankfurt-postgres.render.com/ledger_staging\n',
        },
        note: "Render Blueprint: the staging worker takes staging's own environment group",
      },
      {
        files: { 'infra/main.tf': 'module "production" {\n  source      = "./modules/service"\n  environment = "production"\n  db_host     = "quarry-prod.c3vq8x1mz0ab.ap-southeast-2.rds.amazonaws.com"\n}\n\nmodule "uat" {\n  source      = "./modules/service"\n  environment = "uat"\n  db_host     = "quarry-uat.c3vq8x1mz0ab.ap-southeast-2.rds.amazonaws.com"\n}\n' },
        note: 'Terraform: one configuration calling a module per environment, each with its own database host',
      },
      {
        files: {
          'src/Storefront/appsettings.Production.json': '{\n  "ConnectionStrings": {\n    "Redis": "pinecrest-prod.redis.cache.windows.net:6380,ssl=True,abortConnect=False"\n  }\n}\n',
          'src/Storefront/appsettings.Staging.json': '{\n  "ConnectionStrings": {\n    "Redis": "pinecrest-staging.redis.cache.windows.net:6380,ssl=True,abortConnect=False"\n  }\n}\n',
        },
        note: "ASP.NET: staging's StackExchange.Redis configuration string names its own cache",
      },
      sample('.gitlab-ci.yml', 'deploy_staging:\n  stage: deploy\n  environment: staging\n  script:\n    - helm upgrade --install orders ./chart --namespace orders-staging --set image.tag=$CI_COMMIT_SHA --set database.host=orders-staging.cx9q2w8e7r6t.us-west-2.rds.amazonaws.com\n\ndeploy_production:\n  stage: deploy\n  environment: production\n  script:\n    - helm upgrade --install orders ./chart --namespace orders --set image.tag=$CI_COMMIT_SHA --set database.host=orders-prod.cx9q2w8e7r6t.us-west-2.rds.amazonaws.com\n', { note: "a staging GitLab job's `helm --set` giving staging's own database host" }),
      {
        files: {
          'inventories/production/hosts': '[web]\nweb1.tollgate.io\n\n[all:vars]\nansible_user=deploy\npostgres_host=tollgate-prod.cl8x2mq7v1ab.eu-central-1.rds.amazonaws.com\n',
          'inventories/staging/hosts': '[web]\nweb1.staging.tollgate.io\n\n[worker]\nworker1.staging.tollgate.io\n\n[all:vars]\nansible_user=deploy\npostgres_host=tollgate-staging.cl8x2mq7v1ab.eu-central-1.rds.amazonaws.com\n',
        },
        note: "Ansible: the staging inventory (an INI file without an extension, as Ansible's layout names it) sets staging's own database host",
      },
      {
        files: {
          'app/settings/production.py': 'DATABASES = {\n    "default": {\n        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n    }\n}\n',
          'app/settings/staging.py': 'DATABASES = {\n    "default": {\n        "USER": "postgres.kmnwqzxrtyplvbhgfdsa",\n        "HOST": "aws-0-eu-central-1.pooler.supabase.com",\n    }\n}\n',
        },
        note: 'one pooler host, two Supabase projects: the users differ',
      },
      {
        files: {
          'infra/main.tf':
            'locals {\n  db_identifier = {\n    staging    = "orders-staging"\n    production = "orders-prod"\n  }\n}\n',
        },
        note: 'each workspace its own database',
      },

      sample('.env.staging', 'APP_ENV=staging\nDATABASE_URL=postgres://app:pw@db.staging.acme.com:5432/orders\n', { note: 'staging has its own server' }),
      {
        files: {
          '.env.production': 'DATABASE_URL=postgres://app:pw@db.acme.com:5432/orders\n',
          '.env.staging': 'DATABASE_URL=postgres://app:pw@db.staging.acme.com:5432/orders\n',
          '.env.example': 'DATABASE_URL=postgres://app:pw@db.acme.com:5432/orders\n',
        },
        note: 'separated environments; the example file copies production but is only a template',
      },
      {
        files: {
          '.env.production.example': 'DATABASE_URL=postgres://app:<password>@db:5432/app\n',
          '.env.staging': 'DATABASE_URL=postgres://app:s3cr3t-staging@db:5432/app\n',
        },
        note: "production's template and staging both name a compose service, which each environment runs on its own",
      },
      {
        files: {
          'docker-compose.yml': 'services:\n  api:\n    build: .\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n  db:\n    image: postgres:16\n',
          'docker-compose.prod.yml': 'services:\n  api:\n    environment:\n      DATABASE_URL: postgres://postgres:postgres@db:5432/app\n',
          '.env.development': 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app\n',
          '.env.production': 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/app\n',
        },
        note: 'compose service names and localhost are per-host, not shared resources',
      },
    ],
  },
};

/** A Nomad job whose Postgres task keeps its data on a claimed volume. */
const NOMAD_VOLUME_JOB = (job: string, datacenter: string, type: 'host' | 'csi', source: string, namespace?: string): string =>
  `job "${job}" {\n${namespace ? `  namespace   = "${namespace}"\n` : ''}  datacenters = ["${datacenter}"]\n  group "db" {\n    volume "pgdata" {\n      type      = "${type}"\n      source    = "${source}"\n${type === 'csi' ? '      attachment_mode = "file-system"\n      access_mode     = "single-node-writer"\n' : ''}    }\n    task "postgres" {\n      driver = "docker"\n      config {\n        image = "postgres:16"\n      }\n      volume_mount {\n        volume      = "pgdata"\n        destination = "/var/lib/postgresql/data"\n      }\n    }\n  }\n}\n`;

/** A Kustomize layout: production's overlay creates a claim; staging's overlay (in `namespace`) patches a claim into its pods. */
const KUSTOMIZE_CLAIM = (namespace: string, claim: string, stagingDeclares = false): Record<string, string> => ({
  'k8s/base/kustomization.yaml': 'resources:\n  - deployment.yaml\n',
  'k8s/base/deployment.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop-api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/shop-api:latest\n          volumeMounts:\n            - name: uploads\n              mountPath: /var/lib/shop/uploads\n      volumes:\n        - name: uploads\n          emptyDir: {}\n',
  'k8s/overlays/production/kustomization.yaml': 'namespace: shop\nresources:\n  - ../../base\n  - pvc.yaml\n',
  'k8s/overlays/production/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: shop-uploads\nspec:\n  accessModes: [ReadWriteMany]\n  resources:\n    requests:\n      storage: 100Gi\n',
  'k8s/overlays/staging/kustomization.yaml': `namespace: ${namespace}\nnameSuffix: -staging\nresources:\n  - ../../base\n${stagingDeclares ? '  - pvc.yaml\n' : ''}patches:\n  - path: uploads-patch.yaml\n`,
  'k8s/overlays/staging/uploads-patch.yaml': `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: shop-api\nspec:\n  template:\n    spec:\n      volumes:\n        - name: uploads\n          persistentVolumeClaim:\n            claimName: ${claim}\n`,
  ...(stagingDeclares ? { 'k8s/overlays/staging/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: shop-uploads\nspec:\n  accessModes: [ReadWriteMany]\n  resources:\n    requests:\n      storage: 5Gi\n' } : {}),
});

/** A helmfile rendering one Postgres release per environment (`release` its name) with `values/postgres/<env>.yaml`. */
const HELMFILE_CLAIM = (release: string, stagingClaim: string): Record<string, string> => ({
  'deploy/helmfile.yaml': `environments:\n  staging:\n    values:\n      - environments/staging.yaml\n  production:\n    values:\n      - environments/production.yaml\n---\nreleases:\n  - name: ${release}\n    namespace: ledger\n    chart: bitnami/postgresql\n    values:\n      - values/postgres/{{ .Environment.Name }}.yaml\n`,
  'deploy/values/postgres/production.yaml': 'primary:\n  persistence:\n    existingClaim: ledger-pgdata\n    size: 200Gi\n',
  'deploy/values/postgres/staging.yaml': `primary:\n  persistence:\n    existingClaim: ${stagingClaim}\n    size: 20Gi\n`,
});

export const sharedVolume: RuleMeta = {
  id: `${DETECTOR}/shared-volume`,
  title: 'Non-production environment mounts the production volume',
  severity: 'critical',
  why:
    'A non-production environment mounts the same volume or disk as production. One delete, wipe or restore aimed at staging destroys production data, ' +
    'and on platforms that keep backups on the volume itself (Railway) the backups go with it.',
  fix: 'Give the non-production environment its own volume or disk; never mount production storage by name, id or NFS export outside production.',
  help: "Compared identities: EBS volume ids, CSI volume handles, NFS exports of PersistentVolumes, explicitly named Docker volumes, the names Compose gives production's volumes (`<project>_<volume>`), the Nomad host and CSI volumes jobs of one directory claim, and PersistentVolumeClaims by name inside one namespace (a manifest's own `metadata.namespace` or the `namespace:` of the kustomization beside it) that production creates or mounts and the environment mounts without creating its own, where the environment shares the namespace on purpose (a kustomize overlay with `nameSuffix`/`namePrefix`, an object or helmfile release named for its environment): high.",
  precision: 'high',
  tags: ['environments', 'volume'],
  samples: {
    positive: [
      {
        files: {
          'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - ./pgdata:/var/lib/postgresql/data\n',
        },
        expect: { path: 'docker-compose.staging.yml', line: 5 },
        note: "the checkout's own ./pgdata, where both stacks keep Postgres's data",
      },
      {
        files: {
          'deploy/docker-compose.prod.yml': 'name: app-prod\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/pgdata:/var/lib/postgresql/data\n',
          'deploy/docker-compose.staging.yml': 'name: app-staging\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - type: bind\n        source: /srv/pgdata\n        target: /var/lib/postgresql/data\n',
        },
        expect: { path: 'deploy/docker-compose.staging.yml', line: 6 },
        note: "staging's stack, started beside production's, mounts the same host directory",
      },
      {
        files: {
          'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    name: app_pgdata\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: app_pgdata\n',
        },
        expect: { path: 'docker-compose.staging.yml', line: 9 },
        note: 'a plainly named volume, the same one on the host both stacks run on',
      },
      {
        files: {
          'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    name: acme_pgdata\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: acme_pgdata\n',
        },
        expect: { path: 'docker-compose.staging.yml', line: 9 },
        note: 'staging compose stack attaches production\'s named volume',
      },
      {
        files: {
          'docker-compose.prod.yaml': 'name: tinyfeed\nservices:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - pg-data:/var/lib/postgresql/data\nvolumes:\n  pg-data:\n',
          'docker-compose.staging.yaml': 'services:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - pg-data:/var/lib/postgresql/data\nvolumes:\n  pg-data:\n    external: true\n    name: tinyfeed_pg-data\n',
        },
        expect: { path: 'docker-compose.staging.yaml', line: 9 },
        note: 'Docker names production\'s volume after its project (`tinyfeed_pg-data`); staging attaches it by that name',
      },
      {
        files: {
          'docker-compose.yml': 'name: tidepool\nservices:\n  app:\n    image: ghcr.io/tidepool/cms:latest\n    env_file: .env.production\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: tidepool_pgdata\n',
          'docker-compose.staging.yml': 'name: tidepool-staging\nservices:\n  app:\n    image: ghcr.io/tidepool/cms:main\n    env_file: .env.staging\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: tidepool_pgdata\n',
        },
        expect: { path: 'docker-compose.staging.yml', line: 13 },
        note: 'the unnamed docker-compose.yml is production\'s: its app loads .env.production',
      },
      {
        files: {
          'docker-compose.yml': 'name: acme\nservices:\n  api:\n    build: .\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
          'docker-compose.prod.yml': 'services:\n  api:\n    image: ghcr.io/acme/api:latest\n    restart: always\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: acme_pgdata\n',
        },
        expect: { path: 'docker-compose.staging.yml', line: 8 },
        note: "the base file's project `name: acme` makes its volume acme_pgdata, which the production override runs with and staging's attaches",
      },
      {
        files: {
          'scripts/reset-staging.sh': "#!/usr/bin/env bash\n# Wipes staging data before a QA run.\nset -euo pipefail\ncurl -sS https://backboard.railway.com/graphql/v2 \\\n  -H \"Authorization: Bearer $RAILWAY_API_TOKEN\" \\\n  -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"9b2e7c4d-1a3f-4d5e-8c6b-7a9f0e1d2c3b\\\") }\"}'\n",
          '.env.production': 'RAILWAY_ENVIRONMENT_NAME=production\nRAILWAY_VOLUME_ID=9b2e7c4d-1a3f-4d5e-8c6b-7a9f0e1d2c3b\n',
        },
        expect: { line: 6 },
        note: "Railway: staging's reset script deletes a volume by id, and the id is production's volume",
      },
      {
        files: { 'k8s/staging/pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-staging\nspec:\n  capacity:\n    storage: 200Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: local-storage\n  local:\n    path: /mnt/disks/pg-data\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: kubernetes.io/hostname\n              operator: In\n              values: [k3s-node-1]\n', 'k8s/production/pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-prod\nspec:\n  capacity:\n    storage: 200Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: local-storage\n  local:\n    path: /mnt/disks/pg-data\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: kubernetes.io/hostname\n              operator: In\n              values: [k3s-node-1]\n' },
        expect: { line: 11 },
        note: "local PersistentVolumes of staging and production: the same directory of the same node",
      },
      {
        files: { 'k8s/staging/postgres-pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-staging\nspec:\n  capacity:\n    storage: 20Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /mnt/data/postgres\n', 'k8s/production/postgres-pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-production\nspec:\n  capacity:\n    storage: 20Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /mnt/data/postgres/\n' },
        expect: { path: 'k8s/staging/postgres-pv.yaml', line: 12 },
        note: 'hostPath PersistentVolumes pinned to no node: on a single-node cluster, one directory',
      },
      {
        files: {
          'docker-compose.yml': COMPOSE_BASE,
          'docker-compose.staging.yml': COMPOSE_OVERRIDE('staging'),
          'docker-compose.prod.yml': COMPOSE_OVERRIDE('production'),
          Makefile: COMPOSE_MAKEFILE('docker compose -f docker-compose.yml -f docker-compose.staging.yml up -d', 'docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d'),
        },
        expect: { path: 'Makefile', line: 5 },
        note: 'compose: one project name for the staging and production stacks, so one `shopfront_pgdata` volume',
      },
      {
        files: {
          'deploy/compose.yaml': COMPOSE_BASE,
          'deploy/compose.staging.yaml': COMPOSE_OVERRIDE('staging'),
          'deploy/compose.production.yaml': COMPOSE_OVERRIDE('production'),
          'scripts/deploy.sh': '#!/usr/bin/env bash\nset -euo pipefail\ncase "$1" in\n  staging) docker compose -p ledger -f deploy/compose.yaml -f deploy/compose.staging.yaml up -d --build ;;\n  production) docker compose -p ledger -f deploy/compose.yaml -f deploy/compose.production.yaml up -d --build ;;\nesac\n',
        },
        expect: { path: 'scripts/deploy.sh', line: 4 },
        note: 'compose: `-p` names both stacks the same, whatever the files say',
      },
      {
        files: {
          'fly.toml': 'app = "acme-notes"\nprimary_region = "fra"\n\n[[mounts]]\n  source = "notes_data"\n  destination = "/data"\n',
          'fly.staging.toml': 'app = "acme-notes"\nprimary_region = "fra"\n\n[env]\n  APP_ENV = "staging"\n\n[[mounts]]\n  source = "notes_data"\n  destination = "/data"\n',
        },
        expect: { path: 'fly.staging.toml', line: 8 },
        note: "Fly: the staging config deploys production's app, so it mounts production's volume",
      },
      sample('ops/provision.sh', '#!/usr/bin/env bash\nset -euo pipefail\ndokku apps:create shop\ndokku storage:ensure-directory shop-uploads\ndokku storage:mount shop /var/lib/dokku/data/storage/shop-uploads:/app/uploads\ndokku apps:create shop-staging\ndokku storage:mount shop-staging /var/lib/dokku/data/storage/shop-uploads:/app/uploads\n', { expect: { line: 7 }, note: "Dokku: the staging app mounts the production app's storage directory" }),
      {
        files: {
          'docker-compose.yml': COMPOSE_BASE,
          'docker-compose.staging.yml': COMPOSE_OVERRIDE('staging'),
          'docker-compose.prod.yml': COMPOSE_OVERRIDE('production'),
          '.env': 'COMPOSE_PROJECT_NAME=shopfront\nPOSTGRES_USER=app\n',
          Makefile: 'COMPOSE = docker compose\n\ndeploy-staging:\n\tgit pull\n\t$(COMPOSE) -f docker-compose.yml -f docker-compose.staging.yml up -d --build\n\ndeploy-prod:\n\tgit pull\n\t$(COMPOSE) -f docker-compose.yml -f docker-compose.prod.yml up -d --build\n',
        },
        expect: { path: 'Makefile', line: 5 },
        note: 'compose: no project name on the command line, so both stacks take the one Compose derives (the `.env` beside the files, else the directory)',
      },
      {
        files: {
          'k8s/overlays/production/pv.yaml':
            'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: uploads-pv\nspec:\n  capacity:\n    storage: 100Gi\n  accessModes: [ReadWriteOnce]\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0a1b2c3d4e5f60718\n',
          'k8s/overlays/staging/pv.yaml':
            'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: uploads-pv-staging\nspec:\n  capacity:\n    storage: 100Gi\n  accessModes: [ReadWriteOnce]\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0a1b2c3d4e5f60718\n',
        },
        expect: { path: 'k8s/overlays/staging/pv.yaml', line: 11 },
        note: 'two PersistentVolumes over one EBS volume',
      },
      {
        files: {
          '.aws/task-definition-production.json': '{\n  "family": "orders-api-production",\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": [\n    {\n      "name": "orders-api",\n      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:production",\n      "mountPoints": [{ "sourceVolume": "uploads", "containerPath": "/app/uploads" }]\n    }\n  ],\n  "volumes": [\n    { "name": "uploads", "efsVolumeConfiguration": { "fileSystemId": "fs-0f1e2d3c4b5a69788", "transitEncryption": "ENABLED" } }\n  ]\n}\n',
          '.aws/task-definition-staging.json': '{\n  "family": "orders-api-staging",\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": [\n    {\n      "name": "orders-api",\n      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:staging",\n      "mountPoints": [{ "sourceVolume": "uploads", "containerPath": "/app/uploads" }]\n    }\n  ],\n  "volumes": [\n    { "name": "uploads", "efsVolumeConfiguration": { "fileSystemId": "fs-0f1e2d3c4b5a69788", "transitEncryption": "ENABLED" } }\n  ]\n}\n',
        },
        expect: { path: '.aws/task-definition-staging.json', line: 12 },
        note: "ECS: the staging task mounts production's EFS file system",
      },
      {
        files: {
          'nomad/wiki-production.nomad.hcl': NOMAD_VOLUME_JOB('wiki-production', 'dc1', 'host', 'wiki_pgdata'),
          'nomad/wiki-staging.nomad.hcl': NOMAD_VOLUME_JOB('wiki-staging', 'dc1', 'host', 'wiki_pgdata'),
        },
        expect: { path: 'nomad/wiki-staging.nomad.hcl', line: 6 },
        note: "Nomad: the staging job claims the host volume production's job keeps Postgres on, in the same datacenter",
      },
      {
        files: { 'infra/production/volumes.tf': 'resource "digitalocean_volume" "pgdata" {\n  region = "fra1"\n  name   = "orders-pgdata-prod"\n  size   = 100\n}\n', 'infra/staging/volumes.tf': 'data "digitalocean_volume" "pgdata" {\n  name   = "orders-pgdata-prod"\n  region = "fra1"\n}\n\nresource "digitalocean_volume_attachment" "pgdata" {\n  droplet_id = digitalocean_droplet.db.id\n  volume_id  = data.digitalocean_volume.pgdata.id\n}\n' },
        expect: { path: 'infra/staging/volumes.tf', line: 2 },
        note: "Terraform: staging's configuration looks production's DigitalOcean volume up by name and attaches it",
      },
      { files: KUSTOMIZE_CLAIM('shop', 'shop-uploads'), expect: { path: 'k8s/overlays/staging/uploads-patch.yaml', line: 11 }, note: "Kustomize: the staging overlay, in production's namespace, patches production's claim into its pods" },
      { files: HELMFILE_CLAIM('ledger-db-{{ .Environment.Name }}', 'ledger-pgdata'), expect: { path: 'deploy/values/postgres/staging.yaml', line: 3 }, note: "helmfile: a release named per environment in one namespace; staging's values file mounts production's existing claim" },
      {
        files: {
          'k8s/production/pvc.yaml': 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: media-store\n  namespace: media\nspec:\n  accessModes: [ReadWriteMany]\n  resources:\n    requests:\n      storage: 500Gi\n',
          'k8s/staging/worker.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: media-worker-staging\n  namespace: media\nspec:\n  template:\n    spec:\n      containers:\n        - name: worker\n          image: ghcr.io/acme/media-worker:staging\n      volumes:\n        - name: media\n          persistentVolumeClaim:\n            claimName: media-store\n',
        },
        expect: { path: 'k8s/staging/worker.yaml', line: 15 },
        note: "a staging Deployment in production's namespace mounting the claim production's manifest creates there",
      },
    ],
    negative: [
      { files: KUSTOMIZE_CLAIM('shop-staging', 'shop-uploads'), note: 'Kustomize: the staging overlay deploys into a namespace of its own, where the claim name is its own claim' },
      { files: KUSTOMIZE_CLAIM('shop', 'shop-uploads', true), note: 'Kustomize: the staging overlay creates the claim it mounts (renamed by its suffix, or in a cluster of its own)' },
      {
        files: { ...KUSTOMIZE_CLAIM('shop', 'shop-uploads'), 'k8s/overlays/staging/kustomization.yaml': 'namespace: shop\nresources:\n  - ../../base\npatches:\n  - path: uploads-patch.yaml\n' },
        note: "Kustomize: a staging overlay that keeps production's namespace and object names would replace production's own objects: it deploys to a cluster of its own",
      },
      { files: HELMFILE_CLAIM('ledger-db', 'ledger-pgdata'), note: 'helmfile: one release name in one namespace for every environment is one Helm release only in one cluster: each environment runs in a cluster of its own' },
      { files: HELMFILE_CLAIM('ledger-db-{{ .Environment.Name }}', 'ledger-pgdata-staging'), note: 'helmfile: staging mounts a claim of its own' },
      {
        files: {
          'infra/production/volumes.tf': 'resource "digitalocean_volume" "pgdata" {\n  region = "fra1"\n  name   = "orders-pgdata-prod"\n  size   = 100\n}\n',
          'infra/staging/volumes.tf': 'data "digitalocean_volume" "pgdata" {\n  name   = "orders-pgdata-staging"\n  region = "fra1"\n}\n',
          'infra/qa/volumes.tf': 'resource "digitalocean_volume" "pgdata" {\n  region = "fra1"\n  name   = "orders-pgdata-prod"\n  size   = 20\n}\n',
        },
        note: "staging looks up its own volume; QA creates one under production's name, so in another account (names are unique in one)",
      },
      {
        files: {
          'nomad/wiki-production.nomad.hcl': NOMAD_VOLUME_JOB('wiki-production', 'dc1', 'host', 'wiki_pgdata'),
          'nomad/wiki-staging.nomad.hcl': NOMAD_VOLUME_JOB('wiki-staging', 'dc-staging', 'host', 'wiki_pgdata'),
        },
        note: 'Nomad: a host volume of the same name on the clients of another datacenter is another directory',
      },
      {
        files: {
          'nomad/wiki-production.nomad.hcl': NOMAD_VOLUME_JOB('wiki-production', 'dc1', 'csi', 'wiki-pgdata', 'production'),
          'nomad/wiki-staging.nomad.hcl': NOMAD_VOLUME_JOB('wiki-staging', 'dc1', 'csi', 'wiki-pgdata', 'staging'),
        },
        note: 'Nomad: CSI volumes are registered per namespace, so the same id in two namespaces is two volumes',
      },
      {
        files: {
          '.aws/task-definition-production.json': '{\n  "family": "orders-api-production",\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": [\n    {\n      "name": "orders-api",\n      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:production",\n      "mountPoints": [{ "sourceVolume": "uploads", "containerPath": "/app/uploads" }]\n    }\n  ],\n  "volumes": [\n    { "name": "uploads", "efsVolumeConfiguration": { "fileSystemId": "fs-0f1e2d3c4b5a69788", "transitEncryption": "ENABLED" } }\n  ]\n}\n',
          '.aws/task-definition-staging.json': '{\n  "family": "orders-api-staging",\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": [\n    {\n      "name": "orders-api",\n      "image": "123456789012.dkr.ecr.us-east-1.amazonaws.com/orders-api:staging",\n      "mountPoints": [{ "sourceVolume": "uploads", "containerPath": "/app/uploads" }]\n    }\n  ],\n  "volumes": [\n    { "name": "uploads", "efsVolumeConfiguration": { "fileSystemId": "fs-07a6b5c4d3e2f1098", "transitEncryption": "ENABLED" } }\n  ]\n}\n',
        },
        note: 'ECS: each task mounts its own EFS file system',
      },
      {
        files: {
          'docker-compose.prod.yml': 'services:\n  api:\n    image: node:20\n    volumes:\n      - ./src:/app/src\n',
          'docker-compose.staging.yml': 'services:\n  api:\n    image: node:20\n    volumes:\n      - ./src:/app/src\n',
        },
        note: 'the same code mounted in both: not data',
      },
      {
        files: {
          'hosts/prod/docker-compose.yml': 'name: app-prod\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/pgdata:/var/lib/postgresql/data\n',
          'hosts/staging/docker-compose.staging.yml': 'name: app-staging\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/pgdata:/var/lib/postgresql/data\n',
        },
        note: 'the same path in stacks kept for different hosts',
      },
      {
        files: {
          'docker-compose.yml': 'services:\n  app:\n    image: ghcr.io/tidepool/cms:latest\n    env_file: .env.development\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: tidepool_pgdata\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: tidepool_pgdata\n',
        },
        note: 'the unnamed file is the development stack',
      },
      {
        files: {
          'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n',
        },
        note: 'unnamed compose volumes are prefixed by each project',
      },
      {
        files: {
          'docker-compose.yml': 'name: acme\nservices:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    name: acme_staging_pgdata\n',
        },
        note: "staging's override names a volume of its own instead of the base project's acme_pgdata",
      },
      {
        files: {
          'scripts/reset-staging.sh': "#!/usr/bin/env bash\n# Wipes staging data before a QA run.\nset -euo pipefail\ncurl -sS https://backboard.railway.com/graphql/v2 \\\n  -H \"Authorization: Bearer $RAILWAY_API_TOKEN\" \\\n  -d '{\"query\":\"mutation { volumeDelete(volumeId: \\\"4c1d8e2f-7b3a-4f6e-9d0c-2e5a8b7f1c6d\\\") }\"}'\n",
          '.env.production': 'RAILWAY_ENVIRONMENT_NAME=production\nRAILWAY_VOLUME_ID=9b2e7c4d-1a3f-4d5e-8c6b-7a9f0e1d2c3b\n',
        },
        note: "Railway: staging's reset script deletes staging's own volume",
      },
      {
        files: { 'k8s/staging/pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-staging\nspec:\n  capacity:\n    storage: 200Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: local-storage\n  local:\n    path: /mnt/disks/pg-data\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: kubernetes.io/hostname\n              operator: In\n              values: [k3s-node-2]\n', 'k8s/production/pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-prod\nspec:\n  capacity:\n    storage: 200Gi\n  accessModes: [ReadWriteOnce]\n  storageClassName: local-storage\n  local:\n    path: /mnt/disks/pg-data\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: kubernetes.io/hostname\n              operator: In\n              values: [k3s-node-1]\n' },
        note: 'the same path on two different nodes is two directories',
      },
      {
        files: { 'k8s/staging/postgres-pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-staging\nspec:\n  capacity:\n    storage: 20Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /mnt/data/postgres-staging\n', 'k8s/production/postgres-pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-production\nspec:\n  capacity:\n    storage: 20Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /mnt/data/postgres-production\n' },
        note: 'hostPath volumes in directories of their own',
      },
      {
        files: {
          'docker-compose.yml': COMPOSE_BASE,
          'docker-compose.staging.yml': COMPOSE_OVERRIDE('staging'),
          'docker-compose.prod.yml': COMPOSE_OVERRIDE('production'),
          Makefile: COMPOSE_MAKEFILE('docker compose -p shopfront-staging -f docker-compose.yml -f docker-compose.staging.yml up -d', 'docker compose -p shopfront-prod -f docker-compose.yml -f docker-compose.prod.yml up -d'),
        },
        note: 'compose: a project name per environment, so a volume per environment',
      },
      {
        files: {
          'docker-compose.yml': COMPOSE_BASE,
          'docker-compose.staging.yml': COMPOSE_OVERRIDE('staging'),
          'docker-compose.prod.yml': COMPOSE_OVERRIDE('production'),
          Makefile: COMPOSE_MAKEFILE('DOCKER_HOST=ssh://deploy@staging.shopfront.io docker compose -f docker-compose.yml -f docker-compose.staging.yml up -d', 'DOCKER_HOST=ssh://deploy@shopfront.io docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d'),
        },
        note: 'compose: the same project name on two hosts',
      },
      {
        files: {
          'docker-compose.yml': COMPOSE_BASE,
          'docker-compose.staging.yml': COMPOSE_OVERRIDE('staging'),
          'docker-compose.prod.yml': COMPOSE_OVERRIDE('production'),
          Makefile: 'ENV ?= staging\n\nup:\n\tdocker compose -p shopfront-$(ENV) -f docker-compose.yml -f docker-compose.$(ENV).yml up -d\n\ndeploy-staging:\n\tdocker compose -p shopfront-staging -f docker-compose.yml -f docker-compose.staging.yml up -d\n\ndeploy-prod:\n\tCOMPOSE_PROJECT_NAME=shopfront-prod docker compose -f docker-compose.yml -f docker-compose.prod.yml up -d\n',
        },
        note: 'compose: names built per environment, on the command line or in COMPOSE_PROJECT_NAME',
      },
      {
        files: {
          'docker-compose.yml': COMPOSE_BASE,
          'docker-compose.staging.yml': COMPOSE_OVERRIDE('staging'),
          'docker-compose.prod.yml': COMPOSE_OVERRIDE('production'),
          Makefile: 'deploy-staging:\n\tdocker compose --env-file .env.staging -f docker-compose.yml -f docker-compose.staging.yml up -d\n\ndeploy-prod:\n\tdocker compose --env-file .env.production -f docker-compose.yml -f docker-compose.prod.yml up -d\n',
        },
        note: 'compose: a derived project name read from an env file per environment',
      },
      {
        files: {
          'fly.toml': 'app = "acme-notes"\nprimary_region = "fra"\n\n[[mounts]]\n  source = "notes_data"\n  destination = "/data"\n',
          'fly.staging.toml': 'app = "acme-notes-staging"\nprimary_region = "fra"\n\n[[mounts]]\n  source = "notes_data"\n  destination = "/data"\n',
        },
        note: 'Fly: volumes of the same name in two apps are two volumes',
      },
      sample('ops/provision.sh', '#!/usr/bin/env bash\ndokku storage:mount shop /var/lib/dokku/data/storage/shop-uploads:/app/uploads\ndokku storage:mount shop-staging /var/lib/dokku/data/storage/shop-staging-uploads:/app/uploads\n', { note: 'Dokku: each app its own storage directory' }),
      {
        files: {
          'docker-compose.yml': COMPOSE_BASE,
          'docker-compose.test.yml': COMPOSE_OVERRIDE('test'),
          'docker-compose.prod.yml': COMPOSE_OVERRIDE('production'),
          Makefile: 'test:\n\tdocker compose -f docker-compose.yml -f docker-compose.test.yml run --rm api npm test\n\nimage:\n\tdocker compose -f docker-compose.yml -f docker-compose.prod.yml build api\n',
        },
        note: 'compose: a test stack on a CI runner beside a production stack that is only built',
      },
      {
        files: { 'k8s/staging/postgres-pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-staging\nspec:\n  capacity:\n    storage: 20Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /mnt/data/postgres\n', 'k8s/production/postgres-pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pg-data-production\nspec:\n  capacity:\n    storage: 20Gi\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: manual\n  hostPath:\n    path: /mnt/data/postgres\n  nodeAffinity:\n    required:\n      nodeSelectorTerms:\n        - matchExpressions:\n            - key: kubernetes.io/hostname\n              operator: In\n              values: [k3s-node-1]\n' },
        note: 'an unpinned hostPath volume beside one pinned to a node: the repo does not say the pod lands there',
      },
      {
        files: {
          'docker-compose.yml': 'name: acme\nservices:\n  app:\n    build: .\n    env_file: .env.development\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n',
          'docker-compose.staging.yml': 'services:\n  db:\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n    external: true\n    name: acme_pgdata\n',
        },
        note: 'the base file loads .env.development: its volume is the development stack\'s',
      },
      {
        files: {
          'chart/values-production.yaml': 'persistence:\n  enabled: true\n  existingClaim: app-data\n',
          'chart/values-staging.yaml': 'persistence:\n  enabled: true\n  existingClaim: app-data\n',
        },
        note: 'a claim name is per namespace: same name, different claims',
      },
    ],
  },
};

export const sharedBucket: RuleMeta = {
  id: `${DETECTOR}/shared-bucket`,
  title: 'Non-production environment uses the production bucket',
  severity: 'high',
  why:
    'A non-production environment reads and writes the same object-storage bucket as production: test uploads land next to customer files, ' +
    'and a cleanup job, lifecycle rule or agent running against staging can delete production objects (or backups kept in that bucket).',
  fix: 'Give each environment its own bucket (and credentials scoped to it); if staging must read production assets, grant read-only access to a copy.',
  help: 'Compared identities: S3/GCS/Spaces bucket names from `s3://`, `gs://`, ARNs, virtual-host and path-style URLs and `*BUCKET*` variables; Azure storage accounts (connection strings and endpoints) and containers; R2 buckets.',
  precision: 'high',
  tags: ['environments', 'storage'],
  samples: {
    positive: [
      {
        files: {
          'deploy/overlays/production/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - target:\n      kind: ConfigMap\n      name: web-config\n    patch: |-\n      - op: replace\n        path: /data/MEDIA_BUCKET\n        value: harbor-media-prod\n',
          'deploy/overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - target:\n      kind: ConfigMap\n      name: web-config\n    patch: |-\n      - op: replace\n        path: /data/MEDIA_BUCKET\n        value: harbor-media-prod\n',
        },
        expect: { path: 'deploy/overlays/staging/kustomization.yaml', line: 10 },
        note: "Kustomize: the staging overlay's inline JSON 6902 patch writes production's bucket into the ConfigMap",
      },
      {
        files: {
          'group_vars/production': '---\nnginx_worker_processes: 2\nmedia_bucket: kestrel-media-prod\n',
          'group_vars/staging': '---\nnginx_worker_processes: 2\nmedia_bucket: kestrel-media-prod\n',
        },
        expect: { path: 'group_vars/staging', line: 3 },
        note: "Ansible: group variables in files without an extension (`group_vars/staging`), staging's naming production's bucket",
      },
      {
        files: {
          'app.yaml': 'runtime: python312\nentrypoint: gunicorn -b :$PORT main:app\nenv_variables:\n  GCS_BUCKET: acme-api-uploads\n',
          'app.staging.yaml': 'runtime: python312\nservice: api-staging\nenv_variables:\n  GCS_BUCKET: acme-api-uploads\n',
        },
        expect: { path: 'app.staging.yaml', line: 4 },
        note: "App Engine: app.yaml is the default service's, production's, and staging's version writes to its bucket",
      },
      sample('vapor.yml', "id: 48213\nname: acme-portal\nenvironments:\n  production:\n    memory: 1024\n    database: acme-portal-prod\n    storage: acme-portal-prod-uploads\n    deploy:\n      - 'php artisan migrate --force'\n  staging:\n    memory: 1024\n    database: acme-portal-prod\n    storage: acme-portal-prod-uploads\n    deploy:\n      - 'php artisan migrate --force'\n", { expect: { line: 13 }, note: "Laravel Vapor: the staging environment's `storage` is production's bucket" }),
      {
        files: {
          'src/Billing.Api/appsettings.Production.json': '{\n  "Storage": {\n    "ServiceUri": "https://acmebillingprod.blob.core.windows.net/"\n  }\n}\n',
          'src/Billing.Api/appsettings.Staging.json': '{\n  "ConnectionStrings": {\n    "Blob": "DefaultEndpointsProtocol=https;AccountName=acmebillingprod;AccountKey=${BLOB_KEY};EndpointSuffix=core.windows.net"\n  }\n}\n',
        },
        expect: { path: 'src/Billing.Api/appsettings.Staging.json', line: 3 },
        note: "ASP.NET: staging's storage connection string names production's storage account",
      },
      sample(
        '.github/workflows/deploy.yml',
        'on: push\njobs:\n  deploy-production:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: aws s3 sync dist/ s3://acme-web/ --delete\n  deploy-staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: aws s3 sync dist/ s3://acme-web/ --delete\n',
        { expect: { line: 12 }, note: "a staging job syncs (and deletes) into production's bucket" },
      ),
      {
        files: {
          'config/environments/production.rb': 'Rails.application.configure do\n  config.active_storage.service = :amazon\nend\n',
          'config/environments/staging.rb': 'Rails.application.configure do\n  config.eager_load = true\n  config.active_storage.service = :amazon\nend\n',
        },
        expect: { path: 'config/environments/staging.rb', line: 3 },
        note: "staging.rb copied from production.rb: the same Active Storage service, so the same bucket",
      },
      {
        files: {
          'config/storage.yml': 'test:\n  service: Disk\n  root: <%= Rails.root.join("tmp/storage") %>\n\nlocal:\n  service: Disk\n  root: <%= Rails.root.join("storage") %>\n\namazon:\n  service: S3\n  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>\n  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>\n  region: eu-west-1\n  bucket: acme-uploads\n',
          'config/environments/production.rb': 'Rails.application.configure do\n  config.active_storage.service = :amazon\nend\n',
          'config/environments/staging.rb': 'Rails.application.configure do\n  config.eager_load = true\n  config.active_storage.service = :amazon\nend\n',
        },
        expect: { path: 'config/environments/staging.rb', line: 3 },
        note: "storage.yml's amazon service names one bucket, whichever environment runs it",
      },
      {
        files: {
          'deploy/production.env': 'APP_ENV=production\nAWS_REGION=eu-west-1\nS3_BUCKET=acme-user-uploads\n',
          'deploy/staging.env': 'APP_ENV=staging\nAWS_REGION=eu-west-1\nS3_BUCKET=acme-user-uploads\n',
        },
        expect: { path: 'deploy/staging.env', line: 3 },
      },
      {
        files: {
          'envs/prod/terraform.tfvars': 'environment = "prod"\nassets_bucket = "northwind-assets"\n',
          'envs/staging/terraform.tfvars': 'environment = "staging"\nassets_bucket = "northwind-assets"\n',
        },
        expect: { path: 'envs/staging/terraform.tfvars', line: 2 },
        note: 'per-environment Terraform directories share one bucket',
      },
      {
        files: {
          'litestream.staging.yml': 'dbs:\n  - path: /data/shop.db\n    replicas:\n      - type: s3\n        bucket: acme-shop-backups\n        path: production/shop.db\n',
          'litestream.yml': 'dbs:\n  - path: /data/shop.db\n    replicas:\n      - type: s3\n        bucket: acme-shop-backups\n        path: production/shop.db\n        retention: 720h\n',
        },
        expect: { line: 5 },
        note: "Litestream: litestream.yml is what the image replicates with; staging's copy replicates into production's bucket",
      },
    ],
    negative: [
      {
        files: {
          'deploy/overlays/production/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - target:\n      kind: ConfigMap\n      name: web-config\n    patch: |-\n      - op: replace\n        path: /data/MEDIA_BUCKET\n        value: harbor-media-prod\n',
          'deploy/overlays/staging/kustomization.yaml': 'resources:\n  - ../../base\npatches:\n  - target:\n      kind: ConfigMap\n      name: web-config\n    patch: |-\n      - op: replace\n        path: /data/MEDIA_BUCKET\n        value: harbor-media-staging\n',
        },
        note: "Kustomize: the staging overlay's inline JSON 6902 patch writes staging's own bucket",
      },
      {
        files: {
          'group_vars/production': '---\nnginx_worker_processes: 2\nmedia_bucket: kestrel-media-prod\n',
          'group_vars/staging': '---\nnginx_worker_processes: 2\nmedia_bucket: kestrel-media-staging\n',
        },
        note: "Ansible: each environment's group variables (files without an extension) name its own bucket",
      },
      {
        files: {
          'app.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: app\ndata:\n  GCS_BUCKET: acme-api-uploads\n',
          'app.staging.yaml': 'runtime: python312\nservice: api-staging\nenv_variables:\n  GCS_BUCKET: acme-api-uploads\n',
        },
        note: 'an app.yaml without App Engine\'s runtime is no default service: nothing places it in production',
      },
      sample('vapor.yml', "id: 48213\nname: acme-portal\nenvironments:\n  production:\n    database: acme-portal-prod\n    storage: acme-portal-prod-uploads\n  staging:\n    database: acme-portal-staging\n    storage: acme-portal-staging-uploads\n"),
      {
        files: {
          'src/Billing.Api/appsettings.Production.json': '{\n  "Storage": {\n    "ServiceUri": "https://acmebillingprod.blob.core.windows.net/"\n  }\n}\n',
          'src/Billing.Api/appsettings.Staging.json': '{\n  "ConnectionStrings": {\n    "Blob": "DefaultEndpointsProtocol=https;AccountName=acmebillingstg;AccountKey=${BLOB_KEY};EndpointSuffix=core.windows.net"\n  }\n}\n',
        },
        note: 'staging has its own storage account',
      },
      {
        files: {
          'config/environments/production.rb': 'Rails.application.configure do\n  config.active_storage.service = :local\nend\n',
          'config/environments/staging.rb': 'Rails.application.configure do\n  config.active_storage.service = :local\nend\n',
        },
        note: 'a disk service keeps files on each machine',
      },
      {
        files: {
          'config/storage.yml': 'test:\n  service: Disk\n  root: <%= Rails.root.join("tmp/storage") %>\n\nlocal:\n  service: Disk\n  root: <%= Rails.root.join("storage") %>\n\namazon:\n  service: S3\n  access_key_id: <%= Rails.application.credentials.dig(:aws, :access_key_id) %>\n  secret_access_key: <%= Rails.application.credentials.dig(:aws, :secret_access_key) %>\n  region: eu-west-1\n  bucket: acme-uploads-<%= Rails.env %>\n',
          'config/environments/production.rb': 'Rails.application.configure do\n  config.active_storage.service = :amazon\nend\n',
          'config/environments/staging.rb': 'Rails.application.configure do\n  config.eager_load = true\n  config.active_storage.service = :amazon\nend\n',
        },
        note: "Rails' own storage.yml names the bucket for the environment that runs it (`-<%= Rails.env %>`): one service, a bucket each",
      },
      {
        files: {
          'config/storage.yml': 'amazon:\n  service: S3\n  access_key_id: <%= ENV["AWS_ACCESS_KEY_ID"] %>\n  secret_access_key: <%= ENV["AWS_SECRET_ACCESS_KEY"] %>\n  region: eu-west-1\n  bucket: <%= Rails.env.production? ? "acme-assets-production" : "acme-assets-staging" %>\n',
          'config/environments/production.rb': 'Rails.application.configure do\n  config.active_storage.service = :amazon\nend\n',
          'config/environments/staging.rb': 'require_relative "production"\n\nRails.application.configure do\n  config.active_storage.service = :amazon\nend\n',
        },
        note: 'the bucket chosen in an ERB tag, which is YAML only once Rails renders it',
      },
      {
        files: {
          'config/environments/production.rb': 'Rails.application.configure do\n  config.active_storage.service = ENV.fetch("ACTIVE_STORAGE_SERVICE", "local").to_sym\nend\n',
          'config/environments/staging.rb': 'Rails.application.configure do\n  config.active_storage.service = ENV.fetch("ACTIVE_STORAGE_SERVICE", "local").to_sym\nend\n',
        },
        note: 'the service is chosen by each deployment\'s environment variable: the files name no service',
      },
      {
        files: {
          'helm/values-production.yaml': 'env:\n  LOG_BUCKET: acme-shared-logs\n  GEOIP_DB_BUCKET: maxmind-geoip-public\n',
          'helm/values-staging.yaml': 'env:\n  LOG_BUCKET: acme-shared-logs\n  GEOIP_DB_BUCKET: maxmind-geoip-public\n',
        },
        note: 'buckets named as shared or public: every environment uses them on purpose',
      },
      {
        files: {
          'litestream.staging.yml': 'dbs:\n  - path: /data/shop.db\n    replicas:\n      - type: s3\n        bucket: acme-shop-staging-backups\n        path: shop.db\n',
          'litestream.yml': 'dbs:\n  - path: /data/shop.db\n    replicas:\n      - type: s3\n        bucket: acme-shop-backups\n        path: production/shop.db\n',
        },
        note: 'Litestream: staging replicates into a bucket of its own',
      },
      {
        files: {
          'deploy/production.env': 'S3_BUCKET=acme-user-uploads-production\n',
          'deploy/staging.env': 'S3_BUCKET=acme-user-uploads-staging\n',
        },
      },
    ],
  },
};

export const sharedProject: RuleMeta = {
  id: `${DETECTOR}/shared-project`,
  title: 'Non-production environment uses the production project, app or account',
  severity: 'medium',
  why:
    'A non-production environment deploys into the same cloud project, platform app or account as production. Its credentials and tooling then act where production lives: ' +
    'a Firebase alias or Fly/Heroku app shared with production is production; a shared GCP project or AWS account puts both behind the same permissions.',
  fix: 'Use a separate project, app or account per environment (a Firebase project, Fly app or Heroku app for staging; an AWS account or GCP project per environment).',
  help: 'Severity follows what is shared: high for a Firebase project or a Fly/Heroku app (the data and the deploys are production\'s), medium for a GCP or Neon project, low for an AWS account.',
  precision: 'medium',
  tags: ['environments', 'account'],
  samples: {
    positive: [
      sample('.firebaserc', '{\n  "projects": {\n    "default": "acme-recipes-dev",\n    "production": "acme-recipes-prod"\n  },\n  "targets": {\n    "acme-recipes-prod": {\n      "hosting": {\n        "web": ["acme-recipes"],\n        "staging": ["acme-recipes-staging"]\n      }\n    }\n  }\n}\n', { expect: { line: 10 }, note: "a staging hosting target inside production's Firebase project" }),
      {
        files: {
          '.firebaserc': '{ "projects": { "staging": "quokka-app-staging", "production": "quokka-app-prod" } }\n',
          '.github/workflows/deploy.yml': 'on: push\njobs:\n  deploy-staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: npx firebase-tools deploy --only functions --project production\n',
        },
        expect: { path: '.github/workflows/deploy.yml', line: 8 },
        note: "a staging job deploying to production's Firebase project by its .firebaserc alias",
      },
      {
        files: { '.firebaserc': '{\n  "projects": {\n    "default": "acme-web-dev",\n    "production": "acme-web",\n    "staging": "acme-web"\n  }\n}\n' },
        expect: { path: '.firebaserc', line: 5 },
        note: 'the staging alias deploys to the production Firebase project',
      },
      {
        files: {
          'fly.production.toml': 'app = "acme-api"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n',
          'fly.staging.toml': 'app = "acme-api"\nprimary_region = "ams"\n\n[http_service]\n  internal_port = 8080\n',
        },
        expect: { path: 'fly.staging.toml', line: 1 },
      },
    ],
    negative: [
      sample('.firebaserc', '{\n  "projects": { "production": "acme-recipes-prod", "staging": "acme-recipes-staging" },\n  "targets": {\n    "acme-recipes-prod": { "hosting": { "web": ["acme-recipes"] } },\n    "acme-recipes-staging": { "hosting": { "web": ["acme-recipes-staging"] } }\n  }\n}\n', { note: "each project's own targets" }),
      sample('.firebaserc', '{\n  "projects": {\n    "default": "acme-web-dev",\n    "production": "acme-web",\n    "staging": "acme-web-staging"\n  }\n}\n'),
    ],
  },
};

const SHARED_RULES: Partial<Record<EnvironmentResource['kind'], RuleMeta>> = {
  database: sharedDatabase,
  volume: sharedVolume,
  bucket: sharedBucket,
  project: sharedProject,
  account: sharedProject,
  app: sharedProject,
};

/** Severity of sharing a project-like resource, by what it is. */
function projectSeverity(identity: string): Severity {
  if (/^(firebase|firebase-alias|fly-app|heroku-app|railway-environment):/.test(identity)) return 'high';
  if (/^account:/.test(identity)) return 'low';
  return 'medium';
}

/** The user of a database URL, when its name says read-only (`analytics_ro`, `readonly`, `reporting_reader`). */
function readOnlyUser(resource: EnvironmentResource): string | undefined {
  return resource.user && READ_ONLY_USER.test(resource.user) ? resource.user : undefined;
}

/** Redis, Valkey and Memcached by URL scheme, managed host (ElastiCache, Azure Cache, Memorystore) or variable. */
function isCache(resource: EnvironmentResource): boolean {
  return CACHE.test(resource.identity) || CACHE.test(resource.display) || CACHE_VARIABLE.test(resource.variable ?? '');
}

const CACHE = /\brediss?:\/\/|\bvalkey|memcache|\.cache\.amazonaws\.com|\.redis\.cache\.windows\.net|\.redis\.azure\.net/i;
const CACHE_VARIABLE = /(?:^|[_.])(?:REDIS|VALKEY|MEMCACHED?|CACHE|SESSION_STORE)(?:[_.]|$)/i;

/** A bucket whose name says every environment uses it on purpose (`acme-shared-logs`, `maxmind-geoip-public`). */
const SHARED_BY_NAME = /(?:^|[-_.])(?:shared|public|common|global)(?:$|[-_.])/i;

/** Why one name in one scope is one resource. */
function scopeDetail(scope: string, volume: boolean): string {
  const [kind, ...rest] = scope.split(':');
  const where = rest.join(':');
  if (kind === 'serverless') return `Every stage of the Serverless service in ${where} deploys with the same credentials into the same region (the file gives no stage an account, profile or region of its own): one table name there is one table, and whatever runs in this stage reads and writes production's items.`;
  return `Both deploy into the Kubernetes namespace ${where}: one claim name there is one claim, bound to one volume${volume ? ', and this environment reads, writes and can delete production\'s files' : ''}.`;
}

export function judgeShared(resource: EnvironmentResource, model: EnvironmentModel): Verdict | undefined {
  const rule = SHARED_RULES[resource.kind];
  if (!rule) return undefined;
  if (rule === sharedBucket && SHARED_BY_NAME.test(identityName(resource.identity) ?? resource.display)) return undefined;
  const match = model.productionMatch(resource);
  if (!match || model.resolvedPerEnvironment(match.identity)) return undefined;
  const production = match.production;
  const what = production.display;
  // A name that is one resource only inside a scope both sides were configured in (one Serverless service's account
  // and region, one namespace): the scope is what the repo shows, not the account or cluster itself.
  const scoped = scopedIdentityOf(match.identity);
  if (scoped) {
    return {
      ruleId: rule.id,
      severity: 'high',
      action: `uses production's ${what}`,
      detail: scopeDetail(scoped.scope, rule === sharedVolume),
      related: productionRelated(model.productionWith(match.identity), rule === sharedVolume ? 'this volume' : 'this database'),
      identity: match.identity,
    };
  }
  if (rule === sharedDatabase) {
    // A read-only user (`analytics_ro`, `reporting_reader`) reads production's data but cannot change or drop it.
    const reader = readOnlyUser(resource);
    if (reader) {
      return {
        ruleId: rule.id,
        severity: 'medium',
        action: `reads production's ${what} as the read-only user ${reader}`,
        detail: 'It cannot change production data through this user, but everything that runs here reads it.',
        related: productionRelated(model.productionWith(match.identity), 'this database'),
        identity: match.identity,
      };
    }
    // A cache or queue server (Redis, Valkey, Memcached) holds sessions, jobs and cached copies: sharing it corrupts
    // and can flush production's, but the records of truth are elsewhere.
    if (isCache(resource) || isCache(production)) {
      return {
        ruleId: rule.id,
        severity: 'high',
        action: `uses production's cache ${what}`,
        detail: "It reads and writes production's sessions, queued jobs and cached data; a flush or eviction aimed at this environment empties production's.",
        related: productionRelated(model.productionWith(match.identity), 'this cache'),
        identity: match.identity,
      };
    }
    // A broker or queue: a consumer here takes and acknowledges production's messages, which production then never sees.
    if (match.identity.startsWith('broker:') || match.identity.startsWith('sqs:')) {
      return {
        ruleId: rule.id,
        severity: 'high',
        action: `uses production's ${what}`,
        detail: "Its consumers read, acknowledge and delete production's messages, and what it publishes reaches production's consumers.",
        related: productionRelated(model.productionWith(match.identity), 'this broker'),
        identity: match.identity,
      };
    }
    // A Service named with production's namespace is production's only inside one cluster, which the repo rarely shows.
    const inCluster = match.identity.startsWith('k8s-service:');
    return {
      ruleId: rule.id,
      severity: match.sameDatabase && !inCluster ? 'critical' : 'high',
      action: match.sameDatabase ? `uses production's ${what}` : `uses a database on production's server (${resource.display}; production uses ${what})`,
      detail: inCluster
        ? "Where it runs in production's cluster, it reads and writes production data across namespaces."
        : match.sameDatabase
          ? 'Anything that runs with this configuration reads and writes production data.'
          : 'The databases differ, but the instance is one: deleting, restoring or overloading it hits production.',
      related: productionRelated(model.productionWith(match.identity), 'this database'),
      identity: match.identity,
    };
  }
  const noun = rule === sharedVolume ? 'volume' : rule === sharedBucket ? 'bucket' : production.kind === 'account' ? 'account' : production.kind === 'app' ? 'app' : 'project';
  if (match.identity.startsWith(`volume:bind:${UNPINNED_NODE_SCOPE}/`)) {
    return {
      ruleId: rule.id,
      severity: 'high',
      action: `uses the directory production's volume keeps its data in (${what})`,
      detail: "Neither volume is pinned to a node: on a single-node cluster, what hostPath volumes are for, both are one directory, and wherever both pods land on one node they write the same files.",
      related: productionRelated(model.productionWith(match.identity), 'this directory'),
      identity: match.identity,
    };
  }
  return {
    ruleId: rule.id,
    severity: rule === sharedProject ? projectSeverity(match.identity) : undefined,
    action: `uses production's ${what}`,
    detail: rule === sharedVolume ? 'Deleting or restoring it for this environment destroys production data.' : undefined,
    related: productionRelated(model.productionWith(match.identity), `this ${noun}`),
    identity: match.identity,
  };
}
