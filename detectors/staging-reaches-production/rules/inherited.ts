// A base value (plain `.env`, `values.yaml`, `terraform.tfvars`, `[build.environment]`, workflow-level `env`) that is
// production's, inherited by a non-production layer of the same family that does not set it; or a production value
// inherited by a non-production layer built on production's own (Django's `from .production import *`, a Spring
// profile group or include that adds a production profile).
import { sample, type RuleMeta } from '../../../src/model.js';
import { DETECTOR } from './verdict.js';

/** GitLab CI: a root file including a file of job templates and a file of jobs that extend them. */
const GITLAB_TEMPLATE_ROOT = "stages: [migrate]\n\ninclude:\n  - local: .gitlab/ci/templates.yml\n  - local: .gitlab/ci/migrate.yml\n";
const GITLAB_MIGRATE_TEMPLATE = '.db-migrate:\n  image: node:20\n  variables:\n    DATABASE_URL: $PROD_DATABASE_URL\n  script:\n    - npx prisma migrate deploy\n';
const GITLAB_MIGRATE_JOBS = (stagingVariables: string) =>
  `migrate-staging:\n  extends: .db-migrate\n  stage: migrate\n  environment: staging\n${stagingVariables}\nmigrate-production:\n  extends: .db-migrate\n  stage: migrate\n  environment: production\n`;

/** Fly: one app per environment, both built from the directory that holds `litestream.yml`. */
const FLY_APP = (app: string) => `app = "${app}"\nprimary_region = "ams"\n\n[env]\n  DATABASE_PATH = "/data/notely.db"\n\n[[mounts]]\n  source = "notely_data"\n  destination = "/data"\n`;
const LITESTREAM = (bucket: string) => `dbs:\n  - path: /data/notely.db\n    replicas:\n      - type: s3\n        bucket: ${bucket}\n        path: notely.db\n        endpoint: https://fly.storage.tigris.dev\n`;

/** Serverless: stages listed by their params, and a DynamoDB table every stage's functions are granted. */
const SLS_SHARED_TABLE = (table: string) =>
  `service: orders-api\nparams:\n  prod:\n    logLevel: warn\n  staging:\n    logLevel: debug\nprovider:\n  name: aws\n  region: eu-west-1\n  environment:\n    LOG_LEVEL: \${param:logLevel}\n  iam:\n    role:\n      statements:\n        - Effect: Allow\n          Action: [dynamodb:GetItem, dynamodb:PutItem, dynamodb:DeleteItem]\n          Resource: arn:aws:dynamodb:eu-west-1:482915730216:table/${table}\n`;

/** A Serverless service whose base gives every stage one table by its bare name; `extra` goes under `provider`. */
const SLS_BARE_TABLE = (table: string, extra = '') =>
  `service: loyalty\nframeworkVersion: '3'\n\nparams:\n  prod:\n    logLevel: warn\n  staging:\n    logLevel: debug\n\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  region: eu-west-1\n${extra}  environment:\n    LOG_LEVEL: \${param:logLevel}\n    POINTS_TABLE: ${table}\n\nfunctions:\n  award:\n    handler: src/award.handler\n`;

/** An AWS Copilot service manifest: top-level settings, then per-environment overrides (`host` names each's database). */
const COPILOT_SERVICE = (top: string, host: string) =>
  `name: api\ntype: Load Balanced Web Service\nimage:\n  build: Dockerfile\n  port: 8080\n${top}environments:\n  prod:\n    count: 3\n${host ? `    variables:\n      DB_HOST: ${host}-prod.c3kq9xz1mnop.eu-west-1.rds.amazonaws.com\n` : ''}  staging:\n    count: 1\n${host ? `    variables:\n      DB_HOST: ${host}-staging.c3kq9xz1mnop.eu-west-1.rds.amazonaws.com\n` : ''}`;

export const inheritedProductionValue: RuleMeta = {
  id: `${DETECTOR}/inherited-production-value`,
  title: 'Production value inherited by a non-production environment',
  severity: 'medium',
  why:
    'A shared base file holds a production value (a production database, bucket, live key or secret), and a non-production layer built on that base does not override it. ' +
    'The staging, preview or development environment therefore runs against production without any file of its own saying so.',
  fix: 'Move the production value into the production layer (`.env.production`, `values-prod.yaml`, `[context.production.environment]`) and give the base a safe default or none.',
  help: 'The finding is on the base line (or on the line of a layer that imports production\'s whole, such as `from .production import *` in Django settings, or of the profile group or include that adds a production profile in Spring, `spring.profiles.group.staging: staging,prod-db`); the inheriting layers and the production declaration are related locations. Severity follows what is inherited (a shared database is critical).',
  precision: 'medium',
  tags: ['environments', 'inheritance'],
  samples: {
    positive: [
      {
        files: { 'fly.toml': FLY_APP('notely-prod'), 'fly.staging.toml': FLY_APP('notely-staging'), 'litestream.yml': LITESTREAM('notely-litestream') },
        expect: { path: 'litestream.yml', line: 5 },
        note: "Litestream: the staging Fly app runs the same image and replicates into production's replica",
      },
      {
        files: { '.gitlab-ci.yml': GITLAB_TEMPLATE_ROOT, '.gitlab/ci/templates.yml': GITLAB_MIGRATE_TEMPLATE, '.gitlab/ci/migrate.yml': GITLAB_MIGRATE_JOBS('') },
        expect: { path: '.gitlab/ci/templates.yml', line: 4 },
        note: "GitLab CI: a staging job extends a template, in another included file, that reads production's variable",
      },
      {
        files: {
          '.env': 'PORT=3000\nDATABASE_URL=postgres://app:Sup3rS3cret@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
          '.env.staging': 'PORT=3000\nAPP_URL=https://staging.acme.com\n',
        },
        expect: { path: '.env', line: 2 },
        note: 'staging never overrides the production database set in the base file',
      },
      {
        files: {
          'netlify.toml':
            '[build]\n  command = "npm run build"\n  publish = "dist"\n\n[build.environment]\n  NODE_VERSION = "20"\n  DATABASE_URL = "postgres://web:pw@acme-prod.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n\n[context.production.environment]\n  SITE_ENV = "production"\n',
        },
        expect: { path: 'netlify.toml', line: 7 },
        note: 'Netlify deploy previews build with [build.environment] unless a context overrides it',
      },
      {
        files: {
          'shop/settings/production.py':
            'from .base import *\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "HOST": "shop-db.c9akciq32.eu-west-1.rds.amazonaws.com",\n        "NAME": "shop",\n    }\n}\n',
          'shop/settings/staging.py': 'from .production import *\n\nDEBUG = True\n',
        },
        expect: { path: 'shop/settings/staging.py', line: 1 },
        note: "Django: staging's settings start from production's and never set DATABASES",
      },
      {
        files: {
          'config/environments/production.rb': 'Rails.application.configure do\n  config.eager_load = true\n  config.active_storage.service = :amazon_production\n  config.force_ssl = true\nend\n',
          'config/environments/staging.rb': '# Staging is production on another host.\nrequire_relative "production"\n\nRails.application.configure do\n  config.action_mailer.default_url_options = { host: "staging.ledger.example" }\nend\n',
        },
        expect: { path: 'config/environments/staging.rb', line: 2 },
        note: "Rails: staging.rb loads production.rb and keeps its Active Storage service",
      },
      {
        files: {
          'src/main/resources/application.yml': 'spring:\n  application:\n    name: billing\n  profiles:\n    group:\n      staging: "staging,prod-db"\n      prod: "prod,prod-db"\n',
          'src/main/resources/application-prod-db.yml': 'spring:\n  datasource:\n    url: jdbc:postgresql://billing-prod.cluster-c7xk2mqa9zlp.us-east-1.rds.amazonaws.com:5432/billing\n    username: billing_app\n',
          'src/main/resources/application-prod.yml': 'app:\n  uploads-bucket: acme-billing-uploads\n',
          'src/main/resources/application-staging.yml': 'logging:\n  level:\n    root: DEBUG\n',
        },
        expect: { path: 'src/main/resources/application.yml', line: 6 },
        note: "Spring Boot: the staging profile group adds the prod-db profile, and staging never sets its own datasource (prod's bucket is not in the group)",
      },
      {
        files: {
          'src/main/resources/application-prod.properties': 'spring.datasource.url=jdbc:mysql://orders-prod.cxk1ab2cd3ef.eu-west-1.rds.amazonaws.com:3306/orders\nspring.datasource.username=orders\n',
          'src/main/resources/application-staging.properties': 'spring.profiles.include=prod,metrics\nlogging.level.com.acme=DEBUG\n',
        },
        expect: { path: 'src/main/resources/application-staging.properties', line: 1 },
        note: 'Spring Boot before 2.4: the staging profile includes prod and keeps its datasource',
      },
      sample(
        'eas.json',
        '{\n  "build": {\n    "production": {\n      "channel": "production",\n      "env": {\n        "APP_VARIANT": "production",\n        "EXPO_PUBLIC_API_URL": "https://api.fieldnotes.app",\n        "EXPO_PUBLIC_SUPABASE_URL": "https://qwhzkvyxnmtrplsdbafe.supabase.co"\n      }\n    },\n    "preview": {\n      "extends": "production",\n      "distribution": "internal",\n      "env": { "APP_VARIANT": "preview" }\n    }\n  }\n}\n',
        { expect: { line: 12 }, note: "Expo EAS: the preview profile extends production's and keeps its Supabase project" },
      ),
      sample(
        'serverless.yml',
        "service: orders-api\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  stage: ${opt:stage, 'dev'}\n  environment:\n    DATABASE_URL: ${ssm:/orders-api/prod/database-url}\nfunctions:\n  create:\n    handler: src/handler.create\n",
        { expect: { line: 7 }, note: 'Serverless: the stage a bare `serverless deploy` picks (dev) inherits a production SSM path written into provider.environment' },
      ),
      sample(
        'serverless.yml',
        SLS_SHARED_TABLE('orders'),
        { expect: { line: 17 }, note: 'Serverless: the table every stage is given, production and staging alike, is one table' },
      ),
      {
        files: {
          'infra/Pulumi.yaml': 'name: shop-app\nruntime: nodejs\n',
          'infra/Pulumi.staging.yaml': 'config:\n  aws:region: eu-west-1\n  shop-app:desiredCount: "1"\n',
          'infra/Pulumi.prod.yaml': 'config:\n  aws:region: eu-west-1\n  shop-app:desiredCount: "3"\n',
          'infra/index.ts': 'import * as pulumi from "@pulumi/pulumi";\n\nconst config = new pulumi.Config();\nconst data = new pulumi.StackReference("acme/shop-data/prod");\nconst databaseUrl = data.requireOutput("databaseUrl");\nexport const desired = config.requireNumber("desiredCount");\n',
        },
        expect: { path: 'infra/index.ts', line: 4 },
        note: "Pulumi: the program every stack runs, staging's included, takes its database from production's stack",
      },
      sample('serverless.yml', SLS_BARE_TABLE('loyalty-points'), { expect: { line: 16 }, note: "Serverless: a bare table name in the base, with no stage in it, is one table in the one account and region every stage deploys to" }),
      sample('copilot/api/manifest.yml', COPILOT_SERVICE('variables:\n  DB_HOST: ledger.c3kq9xz1mnop.eu-west-1.rds.amazonaws.com\n', ''), {
        expect: { line: 7 },
        note: "AWS Copilot: the service's top-level variables are every environment's, and only count differs per environment",
      }),
    ],
    negative: [
      {
        files: { 'fly.toml': FLY_APP('notely-prod'), 'fly.staging.toml': FLY_APP('notely-staging'), 'litestream.yml': LITESTREAM('${LITESTREAM_BUCKET}') },
        note: "Litestream: each app's bucket comes from its own secrets",
      },
      {
        files: {
          'fly.toml': FLY_APP('notely-prod'),
          'fly.staging.toml': FLY_APP('notely-staging'),
          'etc/litestream.yml': LITESTREAM('notely-litestream'),
          'etc/litestream.staging.yml': 'dbs:\n  - path: /data/notely.db\n    replicas:\n      - type: s3\n        bucket: notely-litestream-staging\n        path: notely.db\n',
        },
        note: 'Litestream: staging has a configuration of its own',
      },
      {
        files: { '.gitlab-ci.yml': GITLAB_TEMPLATE_ROOT, '.gitlab/ci/templates.yml': GITLAB_MIGRATE_TEMPLATE, '.gitlab/ci/migrate.yml': GITLAB_MIGRATE_JOBS('  variables:\n    DATABASE_URL: $STAGING_DATABASE_URL\n') },
        note: "the staging job sets the template's variable to staging's own",
      },
      {
        files: {
          'config/deploy.yml': 'service: ledger\nimage: acme/ledger\nservers:\n  web:\n    - 167.99.10.21\naccessories:\n  db:\n    image: postgres:16\n    host: 167.99.10.40\n    directories:\n      - data:/var/lib/postgresql/data\n',
          'config/deploy.production.yml': 'servers:\n  web:\n    - 167.99.20.11\naccessories:\n  db:\n    host: 167.99.20.40\n',
          'config/deploy.staging.yml': 'servers:\n  web:\n    - 167.99.10.55\n',
        },
        note: "Kamal: the production destination moves the database accessory to a host of its own, so the base's host staging keeps is not production's",
      },
      sample(
        'eas.json',
        '{\n  "build": {\n    "production": {\n      "channel": "production",\n      "env": {\n        "APP_VARIANT": "production",\n        "EXPO_PUBLIC_API_URL": "https://api.fieldnotes.app",\n        "EXPO_PUBLIC_SUPABASE_URL": "https://qwhzkvyxnmtrplsdbafe.supabase.co"\n      }\n    },\n    "preview": {\n      "extends": "production",\n      "env": { "APP_VARIANT": "preview", "EXPO_PUBLIC_SUPABASE_URL": "https://lmnbvcxzasdfghjklpoi.supabase.co" }\n    },\n    "development": {\n      "extends": "preview",\n      "env": { "APP_VARIANT": "development" }\n    }\n  }\n}\n',
        { note: 'preview sets its own project, and development extends preview' },
      ),
      sample(
        'serverless.yml',
        "service: orders-api\nprovider:\n  name: aws\n  stage: ${opt:stage, 'dev'}\n  environment:\n    DATABASE_URL: ${ssm:/orders-api/${sls:stage}/database-url}\n",
        { note: "the SSM path follows the stage" },
      ),
      sample('serverless.yml', SLS_SHARED_TABLE('orders-${sls:stage}'), { note: "Serverless: each stage's table is named for the stage" }),
      sample('serverless.yml', `${SLS_BARE_TABLE('loyalty-points')}\nresources:\n  Resources:\n    PointsTable:\n      Type: AWS::DynamoDB::Table\n      Properties:\n        TableName: loyalty-points\n        BillingMode: PAY_PER_REQUEST\n`, { note: 'Serverless: the service creates the table under a fixed name, which a second stage in the same account could not create again: each stage deploys to an account of its own' }),
      sample('serverless.yml', SLS_BARE_TABLE('loyalty-points', '  profile: \${param:awsProfile}\n'), { note: 'Serverless: each stage deploys with a profile of its own, so the bare name is a table in each stage\'s account' }),
      sample('copilot/api/manifest.yml', COPILOT_SERVICE('', 'ledger'), { note: 'AWS Copilot: each environment sets its own database host' }),
      {
        files: {
          '.env': 'DATABASE_URL=postgres://app:pw@db.acme-dev.net:5432/orders\n',
          '.env.staging': 'LOG_LEVEL=debug\n',
          '.env.production': 'LOG_LEVEL=warn\n',
        },
        note: "a dotenv base is often a developer's, which the platform's variables replace in production",
      },
      sample(
        'serverless.yml',
        "service: orders-api\nprovider:\n  name: aws\n  stage: ${opt:stage, 'prod'}\n  environment:\n    DATABASE_URL: ${ssm:/orders-api/prod/database-url}\n",
        { note: 'the default stage is production itself' },
      ),
      {
        files: {
          'config/environments/production.rb': 'Rails.application.configure do\n  config.eager_load = true\n  config.active_storage.service = :amazon_production\n  config.force_ssl = true\nend\n',
          'config/environments/staging.rb': 'require_relative "production"\n\nRails.application.configure do\n  config.active_storage.service = :amazon_staging\nend\n',
        },
        note: 'staging sets its own Active Storage service',
      },
      sample('serverless.yml', 'service: orders-api\nprovider:\n  name: aws\n  stage: ${opt:stage, \'dev\'}\nparams:\n  production:\n    tableName: orders-production\n  staging:\n    tableName: orders-staging\nresources:\n  Resources:\n    OrdersTable:\n      Type: AWS::DynamoDB::Table\n      Condition: IsProduction\n      Properties:\n        TableName: orders-production\n  Conditions:\n    IsProduction:\n      Fn::Equals: [\"${sls:stage}\", \"production\"]\n', { note: 'a table created only when the stage is production (its Condition) is not inherited by staging' }),
      {
        files: {
          '.env': 'PORT=3000\nDATABASE_URL=postgres://app:pw@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
          '.env.staging': 'DATABASE_URL=postgres://app:pw@orders-staging.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
        },
        note: 'staging overrides the base value',
      },
      {
        files: {
          '.env': 'DATABASE_URL=postgres://app:pw@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
          '.env.production': 'LOG_LEVEL=warn\n',
        },
        note: 'no non-production layer inherits the base',
      },
      {
        files: {
          'netlify.toml':
            '[build.environment]\n  DATABASE_URL = "postgres://web:pw@acme-prod.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n\n[context.deploy-preview.environment]\n  DATABASE_URL = "postgres://web:pw@acme-preview.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n\n[context.branch-deploy.environment]\n  DATABASE_URL = "postgres://web:pw@acme-preview.cjx8eqz1abcd.us-east-1.rds.amazonaws.com:5432/web"\n',
        },
        note: 'every preview context overrides the base',
      },
      {
        files: {
          'config/storage.yml':
            'test:\n  service: Disk\n  root: <%= Rails.root.join("tmp/storage") %>\n\nlocal:\n  service: Disk\n  root: <%= Rails.root.join("storage") %>\n\namazon:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n',
        },
        note: "Rails' stock storage.yml: services are alternatives, `test` and `local` inherit nothing from `amazon`",
      },
      {
        files: {
          'src/main/resources/application.yml': 'spring:\n  profiles:\n    group:\n      staging: "staging,prod-db"\n',
          'src/main/resources/application-prod-db.yml': 'spring:\n  datasource:\n    url: jdbc:postgresql://billing-prod.cluster-c7xk2mqa9zlp.us-east-1.rds.amazonaws.com:5432/billing\n',
          'src/main/resources/application-staging.yml': 'spring:\n  datasource:\n    url: jdbc:postgresql://billing-staging.cluster-c7xk2mqa9zlp.us-east-1.rds.amazonaws.com:5432/billing\n',
        },
        note: "Spring Boot: the staging group adds prod-db, but staging's own file sets the datasource after it",
      },
      {
        files: {
          'src/main/resources/application.properties': 'spring.profiles.group.staging=staging,staging-db\nspring.profiles.group.prod=prod-db,prod-mq\n',
          'src/main/resources/application-prod-db.properties': 'spring.datasource.url=jdbc:postgresql://billing-prod.cluster-c7xk2mqa9zlp.us-east-1.rds.amazonaws.com:5432/billing\n',
          'src/main/resources/application-staging-db.properties': 'spring.datasource.url=jdbc:postgresql://billing-staging.cluster-c7xk2mqa9zlp.us-east-1.rds.amazonaws.com:5432/billing\n',
        },
        note: 'Spring Boot: only the production group holds the prod-db profile',
      },
      {
        files: {
          'shop/settings/production.py':
            'from .base import *\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "HOST": "shop-db.c9akciq32.eu-west-1.rds.amazonaws.com",\n        "NAME": "shop",\n    }\n}\n',
          'shop/settings/staging.py':
            'from .production import *\n\nDATABASES = {\n    "default": {\n        "ENGINE": "django.db.backends.postgresql",\n        "HOST": "shop-staging-db.c9akciq32.eu-west-1.rds.amazonaws.com",\n        "NAME": "shop",\n    }\n}\n',
        },
        note: 'Django: staging starts from production but sets its own DATABASES',
      },
    ],
  },
};
