// A non-production config that names a resource production owns by its name (`orders-prod.….rds.amazonaws.com`,
// `s3://acme-production-uploads`, `acme-db-prod.flycast`), though no production config in the repo shows it.
import type { EnvironmentResource } from '../../../src/facts/environment.js';
import { sample, type RuleMeta, type Severity } from '../../../src/model.js';
import type { EnvironmentModel } from '../model.js';
import { DETECTOR, type Verdict } from './verdict.js';
import { identityName } from '../../../knowledge/environments/identities.js';
import { environmentsNamedIn } from '../../../knowledge/environments/names.js';

export const productionNamedResource: RuleMeta = {
  id: `${DETECTOR}/production-named-resource`,
  title: 'Non-production config names a production resource',
  severity: 'high',
  why:
    'A non-production environment points at a database, volume, bucket, project or app whose own name says it is production\'s. ' +
    'Even when the production side of the configuration lives outside the repository, whatever runs in this environment reaches production data.',
  fix: 'Point the environment at its own resource (orders-staging, acme-staging-uploads) and keep production names out of non-production configuration.',
  help: 'Only names whose words say production and nothing else count (`orders-prod`, `acme-production`); `live`, `preprod` and mixed names such as `staging-from-prod` do not. A template committed for one non-production environment (`.env.staging.example`, `config/staging.env.sample`, `.env.example.staging`) is read as that environment\'s; its placeholders name nothing. Severity: high for databases and volumes, medium for buckets, apps and projects, low for accounts.',
  precision: 'medium',
  tags: ['environments'],
  samples: {
    positive: [
      {
        files: {
          'k8s/overlays/production/kustomization.yaml': 'namespace: shop-production\nresources:\n  - ../../base\n',
          'k8s/overlays/staging/kustomization.yaml': 'namespace: shop-production\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/shop-api\n    newTag: staging\n',
        },
        expect: { path: 'k8s/overlays/staging/kustomization.yaml', line: 1 },
        note: "Kustomize: the staging overlay deploys into production's namespace, where its objects replace production's and its pods mount production's claims (high)",
      },
      sample('infra/staging.bicepparam', "using './main.bicep'\n\nparam environmentName = 'staging'\n// staging shares the prod server to save cost\nparam postgresServerName = 'psql-payroll-prod'\n", { expect: { line: 5 }, note: "a Bicep parameter file for staging naming production's Azure server" }),
      sample('.env.staging', 'APP_ENV=staging\nDATABASE_URL=postgres://contoso:${PGPASSWORD}@psql-contoso-prod.postgres.database.azure.com:5432/contoso_staging\n', { expect: { line: 2 }, note: "staging's own database, on production's server" }),
      sample('.do/app.staging.yaml', 'name: fieldnote-staging\nservices:\n  - name: web\n    envs:\n      - key: APP_ENV\n        value: staging\n      - key: DB_HOST\n        scope: RUN_TIME\n        value: fieldnote-db-prod-do-user-15203991-0.c.db.ondigitalocean.com\n', { expect: { line: 9 }, note: "DigitalOcean App Platform's `envs` list of key and value" }),
      sample('fly.staging.toml', 'app = "acme-api-staging"\nprimary_region = "fra"\n\n[env]\n  DB_HOST = "acme-db-prod.flycast"\n  PORT = "8080"\n', { expect: { line: 5 } }),
      sample('envs/staging/main.tf', 'module "app" {\n  source  = "../../modules/app"\n  db_host = "orders-prod.c1x2y3z4.eu-west-1.rds.amazonaws.com"\n}\n', { expect: { line: 3 } }),
      sample('config/staging.json', '{\n  "storage": {\n    "bucket": "acme-production-uploads"\n  }\n}\n', { expect: { line: 3 } }),
      sample('config/storage.yml', 'amazon:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n\namazon_staging:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n', { expect: { line: 9 }, note: 'a Rails Active Storage service named for staging' }),
      sample('config/database.yml', 'production:\n  adapter: postgresql\n  host: <%= ENV["DB_HOST"] %>\n  database: shop_production\n\nstaging:\n  adapter: postgresql\n  host: <%= ENV["DB_HOST"] %>\n  database: shop_production\n', { expect: { line: 9 }, note: "Rails: staging's database named for production, its server set at deploy time" }),
      sample('serverless.yml', 'service: orders\nprovider:\n  name: aws\n  profile: ${param:awsProfile}\n  environment:\n    ORDERS_TABLE: ${param:ordersTable}\nparams:\n  prod:\n    awsProfile: acme-prod\n    ordersTable: orders-prod\n  staging:\n    awsProfile: acme-staging\n    ordersTable: orders-prod\n', { expect: { line: 13 }, note: 'a Serverless table parameter, each stage deploying with its own profile: DynamoDB names are per account, so only the name can say production' }),
      sample('k8s/overlays/staging/kustomization.yaml', 'namespace: orders-production\nresources:\n  - ../../base\nimages:\n  - name: ghcr.io/acme/orders\n    newTag: main\n', { expect: { line: 1 }, note: "a staging overlay copied from production's deploys into production's namespace" }),
      sample('.env.staging.example', '# Copy to .env.staging and fill in the password from 1Password.\nAPP_ENV=staging\nDATABASE_HOST=orders-prod.cluster-c9akciq32.us-east-1.rds.amazonaws.com\nDATABASE_PASSWORD=changeme\nREDIS_URL=redis://localhost:6379\n', { expect: { line: 3 }, note: "the template committed for staging points at production's database" }),
      sample('.env.example.staging', '# Copy to .env.staging; passwords are in 1Password.\nAPP_ENV=staging\nDATABASE_HOST=billing-prod.cluster-cx1a2b3c4d5e.eu-west-1.rds.amazonaws.com\nDATABASE_PASSWORD=changeme\n', { expect: { line: 3 }, note: 'the template word before the environment: still the staging template' }),
      sample('config/staging.env.sample', 'GOOGLE_CLOUD_PROJECT=acme-orders-prod\nGCS_BUCKET=<your-bucket>\n', { expect: { line: 1 }, note: "a staging template naming production's project" }),
      sample('.env.staging', 'APP_ENV=staging\nDB_CONNECTION=mysql\nDB_HOST=db-mysql-fra1-48211-do-user-1554431-0.b.db.ondigitalocean.com\nDB_PORT=25060\nDB_DATABASE=shop_production\nDB_USERNAME=doadmin\n', { expect: { line: 3 }, note: "Laravel: a managed server whose name says nothing, with production's database on it" }),
      sample('.env.staging', 'APP_ENV=staging\nDB_CONNECTION=pgsql\nDB_DATABASE=shop_production\nDB_USERNAME=shop\n', { expect: { line: 3 }, note: "production's database by name, the server set at deploy time" }),
      sample('deploy/staging/cronjob.yaml', 'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: purge-sessions\n  namespace: production\nspec:\n  schedule: "0 3 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: purge\n              image: ghcr.io/acme/tools:latest\n          restartPolicy: OnFailure\n', { expect: { line: 5 }, note: "a staging manifest whose object lives in the production namespace" }),
    ],
    negative: [
      sample('.env.staging.example', 'APP_ENV=staging\nDATABASE_HOST=<your-staging-db-host>\nDATABASE_PASSWORD=changeme\nS3_BUCKET=your-staging-bucket\nGOOGLE_CLOUD_PROJECT=your-project-id\nREDIS_URL=redis://localhost:6379\n', { note: "a staging template's placeholders" }),
      sample('.env.example.production', 'APP_ENV=production\nDATABASE_HOST=billing-prod.cluster-cx1a2b3c4d5e.eu-west-1.rds.amazonaws.com\n', { note: "production's own template" }),
      sample('.env.example', 'DATABASE_HOST=orders-prod.cluster-c9akciq32.us-east-1.rds.amazonaws.com\nS3_BUCKET=acme-orders-prod-uploads\n', { note: "a template for every environment names no environment's resources" }),
      sample('infra/staging.bicepparam', "using './main.bicep'\n\nparam environmentName = 'staging'\nparam postgresServerName = 'psql-payroll-staging'\n", { note: 'its own server' }),
      sample('k8s/overlays/staging/kustomization.yaml', 'namespace: orders-staging\nresources:\n  - ../../base\n', { note: "the staging overlay's own namespace" }),
      { files: { 'k8s/overlays/production/kustomization.yaml': 'namespace: shop-production\nresources:\n  - ../../base\n', 'k8s/overlays/staging/kustomization.yaml': 'namespace: shop-staging\nresources:\n  - ../../base\n' }, note: "each overlay deploys into its own namespace" },
      sample('k8s/base/kustomization.yaml', 'namespace: orders-production\nresources:\n  - deployment.yaml\n', { note: 'a base whose path names no environment is placed by its namespace, not judged by it' }),
      sample('fly.staging.toml', 'app = "acme-api-staging"\n\n[env]\n  DB_HOST = "acme-db-staging.flycast"\n'),
      sample('envs/staging/main.tf', 'module "app" {\n  source  = "../../modules/app"\n  db_host = "orders-staging.c1x2y3z4.eu-west-1.rds.amazonaws.com"\n}\n'),
      sample('.env.staging', '# copied from production, then separated\nDATABASE_URL=postgres://app:pw@db.staging.acme.com/orders\nREDIS_URL=redis://redis.production.svc.cluster.local:6379\nNODE_ENV=production\n', { note: 'comments, NODE_ENV and cluster-internal names are not evidence' }),
      sample('config/staging.json', '{\n  "storage": {\n    "bucket": "acme-livestream-uploads"\n  }\n}\n', { note: '"live" is an ordinary word in resource names' }),
      sample('config/database.yml', 'production:\n  adapter: postgresql\n  host: <%= ENV["DB_HOST"] %>\n  database: shop_production\n\nstaging:\n  adapter: postgresql\n  host: <%= ENV["DB_HOST"] %>\n  database: shop_staging\n', { note: 'its own database' }),
      sample('config/storage.yml', 'amazon:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-production\n\namazon_staging:\n  service: S3\n  region: us-east-1\n  bucket: shop-uploads-staging\n', { note: 'the staging service has its own bucket' }),
      sample('.env.staging', 'APP_ENV=staging\nDB_HOST=db-mysql-fra1-48211-do-user-1554431-0.b.db.ondigitalocean.com\nDB_DATABASE=shop_staging\n', { note: 'its own database on a server whose name says nothing' }),
      sample('wrangler.toml', 'name = "links-api"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "links-prod"\ndatabase_id = "4b1e6f2a-93c8-4d7e-a5b0-2c9f8e1d3a64"\n\n[env.staging]\nname = "links-api-staging"\n[[env.staging.d1_databases]]\nbinding = "DB"\ndatabase_name = "links-prod"\ndatabase_id = "4b1e6f2a-93c8-4d7e-a5b0-2c9f8e1d3a64"\n', { note: "production's D1 database by id and by name: reported once, as shared (shared-database), not again by its name" }),
      sample('docker-compose.staging.yml', 'services:\n  db:\n    image: postgres:16\n    environment:\n      POSTGRES_DB: shop_production\n      POSTGRES_PASSWORD: ${DB_PASSWORD}\n', { note: "the image's own database: the name of the database the container creates" }),
    ],
  },
};

const NAMED_KINDS = new Set<EnvironmentResource['kind']>(['database', 'volume', 'bucket', 'project', 'account', 'app']);

function severityOf(kind: EnvironmentResource['kind']): Severity | undefined {
  if (kind === 'database' || kind === 'volume') return undefined;
  if (kind === 'account') return 'low';
  return 'medium';
}

export function judgeNamed(resource: EnvironmentResource, model: EnvironmentModel): Verdict | undefined {
  // A compose bind mount is recorded twice: by its path alone (`volume:hostpath:`, judged here by its name) and with
  // its stack's directory (`volume:bind:`, compared with production's); the name is judged once.
  if (resource.identity.startsWith('volume:bind:')) return undefined;
  if (!NAMED_KINDS.has(resource.kind) || !model.productionNamed(resource)) return undefined;
  // Its own database named for this environment, on a server named for production: the server is what is shared.
  const onServer = environmentsNamedIn(identityName(resource.identity) ?? '').size > 1;
  const declared = model.productionDeclaring(resource.identity);
  // A namespace production deploys into as well, named for production: this environment's objects land among
  // production's, replace those of the same names, and its pods mount production's claims and read its Secrets.
  if (resource.identity.startsWith('project:k8s-namespace:') && declared.length > 0) {
    return {
      ruleId: productionNamedResource.id,
      severity: 'high',
      action: `deploys into ${resource.display}, production's namespace`,
      detail: `Production deploys into it too (${declared[0]!.location.path}): this environment's objects replace production's of the same names, and its pods mount production's volume claims and read production's Secrets.`,
      related: declared.slice(0, 3).map((production) => ({ location: production.location, message: `production deploys into ${production.display}` })),
      identity: resource.identity,
    };
  }
  return {
    ruleId: productionNamedResource.id,
    severity: severityOf(resource.kind),
    action: onServer ? `uses ${resource.display}, a database on a server named for production` : `uses ${resource.display}, which is named for production`,
    detail:
      declared.length > 0
        ? `Production's configuration names it too (${declared[0]!.location.path}), and its name says it is production's.`
        : 'No production configuration in the repository declares it, but its name says it is production\'s.',
    related: declared.slice(0, 3).map((production) => ({ location: production.location, message: `production names ${production.display}` })),
    identity: resource.identity,
  };
}
