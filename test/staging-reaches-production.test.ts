// The staging-reaches-production detector through scan(): the team's environment aliases, the facts it publishes for
// other stages, identities compared across formats, references, inheritance, precision traps, malformed configs and
// determinism. Per-rule positives and negatives live in the rules' samples; whole repos in fixtures/.
import { afterAll, describe, expect, it } from 'vitest';
import { stagingReachesProduction } from '../detectors/staging-reaches-production/index.js';
import type { EnvironmentCrossing, EnvironmentLayer, EnvironmentResource } from '../src/facts/environment.js';
import type { Detector } from '../src/model.js';
import { scan } from '../src/scan.js';
import { canonicalEnvironment, environmentOfPath, environmentsNamedIn } from '../knowledge/environments/names.js';
import { materialise, FIXTURES } from './helpers/fixture.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

function repo(files: Record<string, string>): TempRepo {
  const made = makeRepo(files);
  repos.push(made);
  return made;
}

interface Facts {
  resources: EnvironmentResource[];
  layers: EnvironmentLayer[];
  crossings: EnvironmentCrossing[];
}

/** Reads what the detector published, as a later stage (backups, blast radius) would. */
function factProbe(into: Facts): Detector {
  return {
    id: 'probe',
    rules: [],
    consumes: ['environment-resource', 'environment-layer', 'environment-crossing'],
    finish(context) {
      into.resources = [...context.facts.all('environment-resource')];
      into.layers = [...context.facts.all('environment-layer')];
      into.crossings = [...context.facts.all('environment-crossing')];
    },
  };
}

async function run(files: Record<string, string>) {
  const facts: Facts = { resources: [], layers: [], crossings: [] };
  const result = await scan({ root: repo(files).root, detectors: [stagingReachesProduction, factProbe(facts)] });
  const found = result.findings.map((finding) => `${finding.ruleId.replace('staging-reaches-production/', '')} ${finding.location.path}:${finding.location.span.line}`);
  return { result, found, facts };
}

const RDS_URL = 'postgres://app:S3cr3tPass@orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders';

describe('environment aliases from .blast-radius.yml', () => {
  const files = {
    'deploy/blue/.env': 'DATABASE_URL=postgres://app:pw@orders.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
    'deploy/green/.env': 'DATABASE_URL=postgres://app:pw@orders.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
    'railway.json': '{\n  "deploy": { "startCommand": "node server.js" },\n  "environments": { "green": { "deploy": { "startCommand": "node server.js --debug" } } }\n}\n',
  };

  it('places team-named environments, so blue (production) and green (staging) sharing a database is reported', async () => {
    const { found, result } = await run({ ...files, '.blast-radius.yml': 'environments:\n  blue: production\n  green: staging\n' });
    expect(found).toEqual(['shared-database deploy/green/.env:1']);
    expect(result.findings[0]!.message).toContain('The staging (`green`) environment uses production');
  });

  it('reports nothing for names it cannot place without the config', async () => {
    expect((await run(files)).found).toEqual([]);
  });

  it('lets an alias make a name production: a live key in a `demo` environment the team calls production is not reported', async () => {
    const key = ['sk', 'live', '51Hx8aQKpL2mZr7Tq9WbY3vN4cD6eF8gH0jK'].join('_');
    const demo = { '.env.demo': `STRIPE_SECRET_KEY=${key}\n` };
    expect((await run(demo)).found).toEqual(['live-payment-key .env.demo:1']);
    expect((await run({ ...demo, '.blast-radius.yml': 'environments:\n  demo: production\n' })).found).toEqual([]);
  });
});

describe('facts for later stages', () => {
  it('publishes normalised identities with environment and location, comparable with data-store identities', async () => {
    const { facts } = await run({
      '.env.staging': `DATABASE_URL=${RDS_URL}\nS3_BUCKET=acme-uploads\n`,
      'k8s/overlays/production/pv.yaml': 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: data\nspec:\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0a1b2c3d4e5f60718\n',
    });
    const summary = facts.resources.map((fact) => ({
      environment: fact.environment,
      kind: fact.kind,
      identity: fact.identity,
      otherIdentities: fact.otherIdentities,
      where: `${fact.location.path}:${fact.location.span.line}`,
    }));
    expect(summary).toEqual([
      {
        environment: 'staging',
        kind: 'database',
        identity: 'rds:orders-prod',
        otherIdentities: ['db:postgres://orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders', 'host:orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com', 'aws:rds:orders-prod'],
        where: '.env.staging:1',
      },
      { environment: 'staging', kind: 'bucket', identity: 'bucket:acme-uploads', otherIdentities: ['aws:s3:acme-uploads', 'gcp:gcs:acme-uploads'], where: '.env.staging:2' },
      { environment: 'production', kind: 'volume', identity: 'volume:vol-0a1b2c3d4e5f60718', otherIdentities: undefined, where: 'k8s/overlays/production/pv.yaml:8' },
      { environment: 'production', kind: 'volume', identity: 'volume:pv:data', otherIdentities: ['k8s:pv:data'], where: 'k8s/overlays/production/pv.yaml:4' },
    ]);
    expect(JSON.stringify(facts.resources)).not.toContain('S3cr3tPass');
  });

  it('publishes one crossing per reported environment, with the production location and identity', async () => {
    const production = `DATABASE_URL=${RDS_URL}`;
    const staging = `DATABASE_URL=${RDS_URL.replace('S3cr3tPass', 'other')}`;
    const { facts, result } = await run({ '.env.production': `${production}\n`, '.env.staging': `${staging}\n` });
    expect(facts.crossings).toEqual([
      {
        environment: 'staging',
        resourceKind: 'database',
        resource: 'database postgres://orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders',
        location: { path: '.env.staging', span: { line: 1, column: 1, endLine: 1, endColumn: staging.length + 1 } },
        productionLocation: { path: '.env.production', span: { line: 1, column: 1, endLine: 1, endColumn: production.length + 1 } },
        identity: 'rds:orders-prod',
        rule: 'staging-reaches-production/shared-database',
        inherited: undefined,
      },
    ]);
    expect(result.summary.crossings).toEqual([{ environment: 'staging', resource: facts.crossings[0]!.resource, location: facts.crossings[0]!.location }]);
    expect(result.findings[0]!.related?.[0]?.location.path).toBe('.env.production');
  });

  it('publishes the layers of each configuration family with the keys they set', async () => {
    const { facts } = await run({
      '.env': 'PORT=3000\nDATABASE_URL=postgres://app:pw@localhost/app\n',
      '.env.staging': 'PORT=8080\nLOG_LEVEL=debug\n',
      'netlify.toml': '[build.environment]\n  NODE_VERSION = "20"\n\n[context.production.environment]\n  API = "https://api.acme.dev"\n',
    });
    expect(facts.layers.map((layer) => `${layer.family} ${layer.environment}/${layer.environmentName} [${layer.keys.join(',')}]${layer.implicit ? ' implicit' : ''}`)).toEqual([
      'dotenv: staging/staging [LOG_LEVEL,PORT]',
      'netlify:netlify.toml production/production [API]',
      'netlify:netlify.toml preview/deploy-preview [] implicit',
      'netlify:netlify.toml preview/branch-deploy [] implicit',
    ]);
  });
});

describe('identities compared across formats', () => {
  it('matches a staging database URL with the RDS instance production declares in Terraform', async () => {
    const { found, result } = await run({
      'envs/prod/db.tf': 'resource "aws_db_instance" "orders" {\n  identifier     = "orders"\n  engine         = "postgres"\n  instance_class = "db.t4g.large"\n}\n',
      'services/api/.env.staging': 'DATABASE_URL=postgres://api:pw@orders.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders_staging\n',
    });
    expect(found).toEqual(['shared-database services/api/.env.staging:1']);
    expect(result.findings[0]!.related?.[0]).toMatchObject({ location: { path: 'envs/prod/db.tf' }, message: 'production declares this database here (prod)' });
  });

  it('does not name production again after its file when the file alone stands for it (fly.toml)', async () => {
    const { found, result } = await run({
      'fly.toml': 'app = "recipes-api"\n\n[env]\n  SUPABASE_URL = "https://xyzabcdefghijklmnopq.supabase.co"\n',
      'fly.staging.toml': 'app = "recipes-api-staging"\n\n[env]\n  SUPABASE_URL = "https://xyzabcdefghijklmnopq.supabase.co"\n',
    });
    expect(found).toEqual(['shared-database fly.staging.toml:4']);
    expect(result.findings[0]!.related?.[0]).toMatchObject({ location: { path: 'fly.toml' }, message: 'production uses this database here' });
  });

  it('matches a bucket named in Terraform with the same bucket as an s3:// URL in a staging manifest', async () => {
    const { found } = await run({
      'infra/production/storage.tf': 'resource "aws_s3_bucket" "exports" {\n  bucket = "acme-data-exports"\n}\n',
      'k8s/staging/cronjob.yaml':
        'apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: export\nspec:\n  schedule: "0 2 * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          containers:\n            - name: export\n              image: ghcr.io/acme/export:1.2.0\n              env:\n                - name: EXPORT_TARGET\n                  value: s3://acme-data-exports/nightly/\n',
    });
    expect(found).toEqual(['shared-bucket k8s/staging/cronjob.yaml:16']);
  });

  it('reports a server shared with production at high, not critical, when the databases differ', async () => {
    const { result } = await run({
      '.env.production': 'DATABASE_URL=postgres://app:pw@db1.acme-internal.net:5432/app_production\n',
      '.env.staging': 'DATABASE_URL=postgres://app:pw@db1.acme-internal.net:5432/app_staging\n',
    });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['staging-reaches-production/shared-database high']);
  });

  it("reads a Helm values file's `database: {host, name}` as one database: staging's own name on production's server is high", async () => {
    const values = (name: string) => `database:\n  host: api-prod.c9akq1z2x3y4.eu-west-1.rds.amazonaws.com\n  name: ${name}\n`;
    const own = await run({ 'charts/api/values-production.yaml': values('api'), 'charts/api/values-staging.yaml': values('api_staging') });
    expect(own.result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['staging-reaches-production/shared-database high']);
    const same = await run({ 'charts/api/values-production.yaml': values('api'), 'charts/api/values-staging.yaml': values('api') });
    expect(same.result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['staging-reaches-production/shared-database critical']);
  });

  it('rates a DigitalOcean app spec on production\'s cluster by its database: its own db_name high, production\'s critical', async () => {
    const spec = (name: string, database: string) =>
      `name: ${name}\nregion: nyc\nservices:\n  - name: api\n    envs:\n      - key: DATABASE_URL\n        value: \${db.DATABASE_URL}\ndatabases:\n  - name: db\n    engine: PG\n    production: true\n    cluster_name: tickets-pg\n    db_name: ${database}\n`;
    const own = await run({ '.do/app.yaml': spec('tickets', 'tickets'), '.do/staging.yaml': spec('tickets-staging', 'tickets_staging') });
    expect(own.result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['staging-reaches-production/shared-database high']);
    const same = await run({ '.do/app.yaml': spec('tickets', 'tickets'), '.do/staging.yaml': spec('tickets-staging', 'tickets') });
    expect(same.result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['staging-reaches-production/shared-database critical']);
  });

  it('reports a database production shares with staging through a read-only user at medium: it reads, cannot change', async () => {
    const { result } = await run({
      '.env.production': 'ANALYTICS_WAREHOUSE_URL=postgresql://analytics_ro@warehouse.acme-internal.net:5439/analytics\n',
      '.env.staging': 'ANALYTICS_WAREHOUSE_URL=postgresql://analytics_ro@warehouse.acme-internal.net:5439/analytics\n',
    });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.severity}`)).toEqual(['staging-reaches-production/shared-database medium']);
  });

  it('compares a Supabase pooler URL by the project ref in its user, not by the shared pooler host', async () => {
    const pooler = (ref: string) => `postgres://postgres.${ref}:pw@aws-0-eu-central-1.pooler.supabase.com:6543/postgres`;
    expect((await run({ '.env.production': `DATABASE_URL=${pooler('abcdefghijklmnopqrst')}\n`, '.env.staging': `DATABASE_URL=${pooler('tsrqponmlkjihgfedcba')}\n` })).found).toEqual([]);
    expect((await run({ '.env.production': `DATABASE_URL=${pooler('abcdefghijklmnopqrst')}\n`, '.env.staging': 'SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\n' })).found).toEqual([
      'shared-database .env.staging:1',
    ]);
  });
});

describe('references and inheritance', () => {
  it('resolves a reference inside the same environment before comparing', async () => {
    const { found } = await run({
      '.env.production': `DATABASE_URL=${RDS_URL}\n`,
      '.env.staging': 'DB_HOST=orders-prod.c9akciq32.eu-west-1.rds.amazonaws.com\nDATABASE_URL=postgres://app:${DB_PASSWORD}@${DB_HOST}:5432/orders\n',
    });
    expect(found).toEqual(['shared-database .env.staging:1', 'shared-database .env.staging:2']);
  });

  it('treats an unresolved reference by its name: a staging file reading PROD_DATABASE_URL', async () => {
    const { found } = await run({ '.env.staging': 'DATABASE_URL=${PROD_DATABASE_URL}\nAPI_URL=${PRODUCTION_SITE_NAME}\n' });
    expect(found).toEqual(['reads-production-secret .env.staging:1']);
  });

  it('reports a YAML anchor shared by several environments once, naming all of them', async () => {
    const { found, result } = await run({
      'config/database.yml':
        'default: &default\n  adapter: postgresql\n  host: crm-db.cqz8vkt1m2ab.us-west-2.rds.amazonaws.com\n  database: crm\n\ndevelopment:\n  <<: *default\n\ntest:\n  <<: *default\n\nproduction:\n  <<: *default\n',
    });
    expect(found).toEqual(['shared-database config/database.yml:3']);
    expect(result.findings[0]!.message).toMatch(/^The development and test environments use production's/);
  });

  it('says which layers inherit a production base value and does not report layers that override it', async () => {
    const { result } = await run({
      '.env': `DATABASE_URL=${RDS_URL}\n`,
      '.env.staging': 'PORT=8080\n',
      '.env.development': 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/orders\n',
    });
    expect(result.findings.map((finding) => [finding.ruleId, finding.message.split(':')[0], finding.related?.map((entry) => entry.location.path)])).toEqual([
      ['staging-reaches-production/inherited-production-value', 'The staging environment inherits a production value from the base configuration', ['.env.staging']],
    ]);
  });
});

describe('precision: what is never evidence', () => {
  it('stays quiet on localhost, compose services, cluster-internal names, placeholders, NODE_ENV, comments, build targets and example files', async () => {
    const { found } = await run({
      '.env.production': `NODE_ENV=production\nDATABASE_URL=${RDS_URL}\nREDIS_URL=redis://redis:6379\n`,
      '.env.staging': '# staging mirrors production settings, pointed at its own database\nNODE_ENV=production\nDATABASE_URL=${STAGING_DATABASE_URL}\nREDIS_URL=redis://redis:6379\nSEARCH_URL=http://opensearch.production.svc.cluster.local:9200\n',
      '.env.development': 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/orders\nCACHE_HOST=127.0.0.1\n',
      '.env.staging.example': 'DATABASE_URL=postgres://app:changeme@<your-staging-db-host>:5432/orders\nS3_BUCKET=your-bucket-name\n',
      '.env.example': `DATABASE_URL=${RDS_URL}\n`,
      '.env.production.example': `DATABASE_URL=${RDS_URL}\n`,
      'docker-compose.staging.yml': 'services:\n  web:\n    build:\n      context: .\n      target: production\n    environment:\n      DATABASE_URL: postgres://app:app@db:5432/app\n  db:\n    image: postgres:16\n',
      'k8s/staging/deploy.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: api\n  namespace: staging\ndata:\n  DB_HOST: postgres.production.svc.cluster.local\n  DATABASE_URL: postgres://api:pw@your-db-host.example.com:5432/api\n',
      'tests/fixtures/.env.staging': `DATABASE_URL=${RDS_URL}\n`,
    });
    expect(found).toEqual([]);
  });

  it('reads a template committed for one non-production environment as that environment\'s', async () => {
    const { found } = await run({
      '.env.production': `DATABASE_URL=${RDS_URL}\n`,
      '.env.staging.example': `APP_ENV=staging\nDATABASE_URL=${RDS_URL.replace('S3cr3tPass', 'changeme')}\n`,
      'config/preview.env.sample': 'GCS_BUCKET=acme-orders-prod-uploads\nREDIS_URL=redis://localhost:6379\n',
      'examples/minimal/.env.staging.example': `DATABASE_URL=${RDS_URL}\n`,
    });
    expect(found).toEqual(['shared-database .env.staging.example:2', 'production-named-resource config/preview.env.sample:1']);
  });

  it('stays quiet when staging has a server of its own, even one whose database is named after an environment', async () => {
    const { found } = await run({
      '.env.production': 'DATABASE_URL=postgres://app:pw@db.acme.com:5432/acme\n',
      '.env.staging': 'DATABASE_URL=postgres://app:pw@db.staging.acme.com:5432/acme_production\n',
    });
    expect(found).toEqual([]);
  });

  it('does not compare generic names (a local MinIO bucket, a compose default volume) between environments', async () => {
    const { found } = await run({
      '.env.production': 'S3_BUCKET=uploads\nS3_ENDPOINT=https://s3.eu-west-1.amazonaws.com\n',
      '.env.development': 'S3_BUCKET=uploads\nS3_ENDPOINT=http://localhost:9000\n',
      'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16\nvolumes:\n  pgdata:\n    name: pgdata\n',
      'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:16\nvolumes:\n  pgdata:\n    name: pgdata\n',
    });
    expect(found).toEqual([]);
  });

  it('does not place a job whose environment is an expression, nor a job that only runs on push', async () => {
    const { found } = await run({
      '.github/workflows/deploy.yml':
        'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    strategy:\n      matrix:\n        target: [staging, production]\n    environment: ${{ matrix.target }}\n    runs-on: ubuntu-latest\n    steps:\n      - run: ./deploy.sh\n        env:\n          DATABASE_URL: ${{ secrets.PROD_DATABASE_URL }}\n',
    });
    expect(found).toEqual([]);
  });

  it('does not compare state buckets, which hold every environment under its own key', async () => {
    const { found } = await run({
      'envs/prod/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "prod/app.tfstate"\n  }\n}\n',
      'envs/staging/backend.tf': 'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "staging/app.tfstate"\n  }\n}\n',
      '.github/workflows/plan-staging.yml': 'on: pull_request\njobs:\n  plan:\n    runs-on: ubuntu-latest\n    env:\n      TF_STATE_BUCKET: acme-tfstate\n    steps:\n      - run: terraform plan\n',
    });
    expect(found).toEqual([]);
  });
});

describe('malformed and partial configs', () => {
  it('never crashes: unreadable files and structures become notifications and the rest is still judged', async () => {
    const fixture = materialise(`${FIXTURES}staging-reaches-production/malformed-configs`);
    repos.push(fixture);
    const result = await scan({ root: fixture.root, detectors: [stagingReachesProduction] });
    expect(result.findings.map((finding) => `${finding.ruleId} ${finding.location.path}:${finding.location.span.line}`)).toEqual([
      'staging-reaches-production/shared-bucket .env.staging:5',
    ]);
    expect(result.notifications.map((notification) => `${notification.code} ${notification.path}`)).toEqual([
      'environment-config-unreadable .firebaserc',
      'parse-error .github/workflows/deploy-staging.yml',
      'parse-error envs/staging/main.tf',
      'environment-config-unreadable render.yaml',
      'environment-config-unreadable serverless.yml',
      'parse-error src/Legacy/appsettings.Staging.json',
    ]);
  });

  it('reads a database.yml whose ERB control tags are not YAML', async () => {
    const { found, result } = await run({
      'config/database.yml':
        'default: &default\n  adapter: postgresql\n<% if ENV["DB_REPLICA"] %>\n  replica: true\n<% end %>\n\nstaging:\n  <<: *default\n  host: crm-db.cqz8vkt1m2ab.us-west-2.rds.amazonaws.com\n\nproduction:\n  <<: *default\n  host: crm-db.cqz8vkt1m2ab.us-west-2.rds.amazonaws.com\n',
    });
    expect(found).toEqual(['shared-database config/database.yml:9']);
    expect(result.notifications).toEqual([]);
  });

  it('says which GitLab includes it cannot read (another project, a remote URL), and not GitLab\'s own templates', async () => {
    const { result } = await run({
      '.gitlab-ci.yml':
        "include:\n  - local: deploy/staging.yml\n  - project: acme/ci-templates\n    ref: v2.3.0\n    file: /templates/deploy.yml\n  - template: Security/SAST.gitlab-ci.yml\n  - remote: https://gitlab.example.com/acme/shared/-/raw/main/lint.yml\n\ntest:\n  stage: test\n  script: [npm test]\n",
    });
    expect(result.notifications.map((notification) => `${notification.level} ${notification.code} ${notification.path}:${notification.line}`)).toEqual([
      'note environment-include-unread .gitlab-ci.yml:3',
      'note environment-include-unread .gitlab-ci.yml:7',
    ]);
  });
});

describe('reusable workflows of other repositories', () => {
  it("says which environments' jobs call a workflow it cannot read, and not untagged or local calls", async () => {
    const { result } = await run({
      '.github/workflows/deploy.yml':
        "on:\n  push:\n    branches: [main, develop]\njobs:\n  lint:\n    uses: acme-platform/workflows/.github/workflows/lint.yml@v2\n  staging:\n    uses: acme-platform/workflows/.github/workflows/deploy-railway.yml@v2\n    with:\n      environment: staging\n    secrets: inherit\n  production:\n    uses: ./.github/workflows/release.yml\n    with:\n      environment: production\n    secrets: inherit\n",
      '.github/workflows/release.yml': 'on:\n  workflow_call:\n    inputs:\n      environment:\n        type: string\njobs:\n  release:\n    runs-on: ubuntu-latest\n    environment: ${{ inputs.environment }}\n    steps:\n      - run: ./release.sh\n',
    });
    expect(result.notifications.map((notification) => `${notification.level} ${notification.code} ${notification.path}:${notification.line}`)).toEqual([
      'note environment-include-unread .github/workflows/deploy.yml:8',
    ]);
  });
});

describe('determinism', () => {
  it('gives the same findings, fingerprints and facts on every run', async () => {
    const fixture = materialise(`${FIXTURES}staging-reaches-production/kustomize-overlays`);
    repos.push(fixture);
    const first = await scan({ root: fixture.root, detectors: [stagingReachesProduction] });
    const second = await scan({ root: fixture.root, detectors: [stagingReachesProduction] });
    expect(second.findings).toEqual(first.findings);
    expect(second.summary).toEqual(first.summary);
  });
});

describe('environments named by explicit keys in other formats', () => {
  it('reads knexfile environments and the literal fallbacks of process.env reads', async () => {
    const { found } = await run({
      'knexfile.js':
        "module.exports = {\n  development: {\n    client: 'pg',\n    connection: 'postgres://localhost/app_dev',\n  },\n  staging: {\n    client: 'pg',\n    connection: {\n      host: process.env.DB_HOST || 'app-prod.c9akciq32.eu-west-1.rds.amazonaws.com',\n      database: 'app',\n    },\n  },\n  production: {\n    client: 'pg',\n    connection: process.env.DATABASE_URL,\n  },\n};\n",
    });
    expect(found).toEqual(['production-named-resource knexfile.js:9']);
  });

  it('reads PM2 ecosystem environments (`env_production`, `env_staging`)', async () => {
    const { found } = await run({
      'ecosystem.config.js':
        "module.exports = {\n  apps: [\n    {\n      name: 'api',\n      script: 'dist/server.js',\n      env: { PORT: 3000 },\n      env_production: { MONGO_URL: 'mongodb+srv://api:pw@cluster0.x7k2m.mongodb.net/api' },\n      env_staging: { MONGO_URL: 'mongodb+srv://api:pw@cluster0.x7k2m.mongodb.net/api' },\n    },\n  ],\n};\n",
    });
    expect(found).toEqual(['shared-database ecosystem.config.js:8']);
  });

  it('reads Terraform workspace conditions: the branch every other workspace gets is non-production', async () => {
    const { found } = await run({
      'main.tf':
        'locals {\n  uploads_bucket = terraform.workspace == "prod" ? "acme-prod-uploads" : "acme-prod-uploads"\n  db_host        = terraform.workspace == "prod" ? "db.acme.dev" : "db.staging.acme.dev"\n}\n',
    });
    expect(found).toEqual(['shared-bucket main.tf:2']);
  });

  it('reads Supabase remotes and Pulumi stack configs', async () => {
    const { found } = await run({
      'supabase/config.toml': 'project_id = "acme"\n\n[remotes.production]\nproject_id = "abcdefghijklmnopqrst"\n\n[remotes.staging]\nproject_id = "abcdefghijklmnopqrst"\n',
      'infra/Pulumi.yaml': 'name: acme-infra\nruntime: nodejs\n',
      'infra/Pulumi.staging.yaml': 'config:\n  aws:region: eu-west-1\n  acme-infra:networkStack: acme/network/prod\n  acme-infra:dbHost: acme-prod.c9akciq32.eu-west-1.rds.amazonaws.com\n',
    });
    expect(found).toEqual([
      'reads-production-state infra/Pulumi.staging.yaml:3',
      'production-named-resource infra/Pulumi.staging.yaml:4',
      'shared-database supabase/config.toml:7',
    ]);
  });

  it('reads the stacks, workspaces and apps a non-production job\'s commands act on', async () => {
    const { found, result } = await run({
      '.github/workflows/staging.yml':
        'name: Staging\non:\n  push:\n    branches: [develop]\njobs:\n  infra:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - uses: actions/checkout@v4\n      - run: |\n          terraform init\n          terraform workspace select prod\n          terraform apply -auto-approve\n      - run: flyctl deploy --app acme-api-prod --remote-only\n',
    });
    expect(found).toEqual(['reads-production-state .github/workflows/staging.yml:13', 'production-named-resource .github/workflows/staging.yml:15']);
    expect(result.findings.map((finding) => finding.severity)).toEqual(['high', 'medium']);
  });

  it('reads node-config and .NET layers as families of the same directory', async () => {
    const { found } = await run({
      'config/default.json': '{\n  "s3": { "bucket": "acme-invoices-prod" }\n}\n',
      'config/production.json': '{\n  "logLevel": "warn"\n}\n',
      'config/test.json': '{\n  "s3": { "bucket": "acme-invoices-test" }\n}\n',
      'config/staging.json': '{\n  "logLevel": "debug"\n}\n',
    });
    expect(found).toEqual(['inherited-production-value config/default.json:2']);
  });
});

describe('production credentials and storage reached by name', () => {
  it('reports credential files, AWS profiles, kube contexts and external secrets named for production', async () => {
    const { found } = await run({
      '.env.staging': 'APP_ENV=staging\nGOOGLE_APPLICATION_CREDENTIALS=./keys/acme-prod-sa.json\nAWS_PROFILE=acme-prod\nAWS_SHARED_CREDENTIALS_FILE=~/.aws/credentials\n',
      'k8s/overlays/staging/external-secret.yaml':
        'apiVersion: external-secrets.io/v1beta1\nkind: ExternalSecret\nmetadata:\n  name: payments-db\nspec:\n  secretStoreRef:\n    name: aws\n    kind: ClusterSecretStore\n  target:\n    name: payments-db\n  data:\n    - secretKey: url\n      remoteRef:\n        key: prod/payments/database-url\n',
      '.github/workflows/deploy-staging.yml':
        'on:\n  push:\n    branches: [develop]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: kubectl --context prod-eks -n payments apply -f k8s/\n',
    });
    expect(found).toEqual([
      'reads-production-secret .env.staging:2',
      'reads-production-secret .env.staging:3',
      'reads-production-secret .github/workflows/deploy-staging.yml:9',
      'reads-production-secret k8s/overlays/staging/external-secret.yaml:14',
    ]);
  });

  it('reports a staging bind mount or hostPath whose path is production\'s, but never compares host paths across hosts', async () => {
    const { found } = await run({
      'docker-compose.staging.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/acme-prod/pgdata:/var/lib/postgresql/data\n',
      'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/acme/pgdata:/var/lib/postgresql/data\n',
      'docker-compose.dev.yml': 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - /srv/acme/pgdata:/var/lib/postgresql/data\n',
      'k8s/staging/pod.yaml': 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: backup-reader\nspec:\n  volumes:\n    - name: data\n      hostPath:\n        path: /mnt/production-data\n  containers:\n    - name: reader\n      image: busybox\n',
    });
    expect(found).toEqual(['production-named-resource docker-compose.staging.yml:5', 'production-named-resource k8s/staging/pod.yaml:9']);
  });
});

describe('tables and instances named by identifier', () => {
  // The Serverless file gives no stage an account or profile of its own: both stages deploy into one account, where the
  // table name is one table (shared), not only a name that says production.
  it('reports a dev stage using production\'s DynamoDB table and a staging module given a production RDS identifier', async () => {
    const { found } = await run({
      'serverless.yml': "service: orders\nprovider:\n  name: aws\n  environment:\n    TABLE_NAME: ${param:tableName}\nparams:\n  prod:\n    tableName: orders-prod\n  dev:\n    tableName: orders-prod\n",
      'envs/staging/main.tf': 'module "reporting" {\n  source                 = "../../modules/reporting"\n  db_instance_identifier = "orders-production"\n}\n',
    });
    expect(found).toEqual(['production-named-resource envs/staging/main.tf:3', 'shared-database serverless.yml:10']);
  });

  it('reads a Django settings module that imports production\'s whole as production plus its own overrides', async () => {
    const { found, result } = await run({
      'mysite/settings/prod.py':
        'from .base import *\nDATABASES = {"default": {"HOST": "shop-db.c9akciq32.eu-west-1.rds.amazonaws.com", "NAME": "shop"}}\nAWS_STORAGE_BUCKET_NAME = "shop-media-uploads"\n',
      'mysite/settings/staging.py': '# Staging.\nfrom mysite.settings.prod import *  # noqa\n\nAWS_STORAGE_BUCKET_NAME = "shop-media-staging"\n',
      'mysite/settings/dev.py': 'from .base import *\nDATABASES = {"default": {"HOST": "shop-db.c9akciq32.eu-west-1.rds.amazonaws.com", "NAME": "shop_dev"}}\n',
    });
    expect(found).toEqual(['shared-database mysite/settings/dev.py:2', 'inherited-production-value mysite/settings/staging.py:2']);
    const inherited = result.findings.find((finding) => finding.ruleId.endsWith('inherited-production-value'))!;
    expect(inherited.severity).toBe('critical');
    expect(inherited.message).toContain("starts from production's configuration (mysite/settings/prod.py)");
    expect(inherited.related?.map((related) => `${related.location.path}:${related.location.span.line}`)).toEqual(['mysite/settings/prod.py:2']);
  });

  it('reads a Spring profile group as inheriting only the production profiles it adds, not every production profile', async () => {
    const { found, result } = await run({
      'src/main/resources/application.properties': 'spring.application.name=billing\nspring.profiles.group.staging[0]=staging\nspring.profiles.group.staging[1]=prod-db\nspring.profiles.group.prod=prod-db,prod-assets\n',
      'src/main/resources/application-prod-db.properties': 'spring.datasource.url=jdbc:postgresql://billing-prod.cluster-c7xk2mqa9zlp.us-east-1.rds.amazonaws.com:5432/billing\n',
      'src/main/resources/application-prod-assets.properties': 'app.s3.bucket=acme-billing-uploads\n',
      'src/main/resources/application-staging.properties': 'logging.level.root=DEBUG\n',
    });
    expect(found).toEqual(['inherited-production-value src/main/resources/application.properties:3']);
    expect(result.findings[0]!.severity).toBe('critical');
    expect(result.findings[0]!.message).toContain("starts from production's configuration (src/main/resources/application-prod-db.properties)");
  });

  it("reads a Django module imported by a longer name than its environment's (`prod_eu`) as that environment's", async () => {
    const { found } = await run({
      'shop/settings/prod_eu.py': 'from .base import *\nDATABASES = {"default": {"HOST": "shop-db.c9akciq32.eu-west-1.rds.amazonaws.com", "NAME": "shop"}}\n',
      'shop/settings/staging.py': 'from .prod_eu import *\nDEBUG = True\n',
    });
    expect(found).toEqual(['inherited-production-value shop/settings/staging.py:1']);
  });

  it('rates a shared cache server high, not critical: it holds sessions and jobs, not the records of truth', async () => {
    const { found, result } = await run({
      '.env.production': 'REDIS_URL=redis://acme-cache-prod.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379\n',
      '.env.staging': 'REDIS_URL=redis://acme-cache-prod.x1y2z3.ng.0001.euw1.cache.amazonaws.com:6379\n',
    });
    expect(found).toEqual(['shared-database .env.staging:1']);
    expect(result.findings[0]!.severity).toBe('high');
    expect(result.findings[0]!.message).toContain("uses production's cache");
  });

  it('reads flat database variables together (DB_HOST with DB_DATABASE): another database on the same server is high', async () => {
    const production = 'APP_ENV=production\nDB_CONNECTION=mysql\nDB_HOST=bookings-prod.cluster-cx2k8d9fmq1a.eu-central-1.rds.amazonaws.com\nDB_PORT=3306\nDB_DATABASE=bookings\n';
    const other = await run({ '.env.production': production, '.env.staging': production.replace('APP_ENV=production', 'APP_ENV=staging').replace('DB_DATABASE=bookings', 'DB_DATABASE=bookings_staging') });
    expect(other.found).toEqual(['shared-database .env.staging:3']);
    expect(other.result.findings[0]!.severity).toBe('high');
    const same = await run({ '.env.production': production, '.env.staging': production.replace('APP_ENV=production', 'APP_ENV=staging') });
    expect(same.result.findings.map((finding) => finding.severity)).toEqual(['critical']);
  });

  it('says when production names the same database too, and points at it', async () => {
    const { found, result } = await run({
      'config/database.yml':
        'production:\n  adapter: postgresql\n  host: <%= ENV["DB_HOST"] %>\n  database: shop_production\n\nstaging:\n  adapter: postgresql\n  host: <%= ENV["DB_HOST"] %>\n  database: shop_production\n',
    });
    expect(found).toEqual(['production-named-resource config/database.yml:9']);
    const [finding] = result.findings;
    expect(finding!.message).toContain("Production's configuration names it too (config/database.yml)");
    expect(finding!.related?.map((related) => related.location.span.line)).toEqual([4]);
  });
});

describe('platform previews that copy production literals', () => {
  const blueprint = (previews: string) =>
    `${previews}services:\n  - type: web\n    name: shop\n    runtime: node\n    envVars:\n      - key: DATABASE_URL\n        value: postgres://shop:pw@shop-db.cqz8vkt1m2ab.us-west-2.rds.amazonaws.com:5432/shop\n      - key: REDIS_URL\n        fromService:\n          type: keyvalue\n          name: cache\n          property: connectionString\n`;

  it('reports a Render Blueprint whose previews copy a literal production database URL', async () => {
    const { found, result } = await run({ 'render.yaml': blueprint('previews:\n  generation: automatic\n') });
    expect(found).toEqual(['shared-database render.yaml:9']);
    expect(result.findings[0]!.message).toContain('preview environments');
  });

  it('stays quiet when previews are off', async () => {
    expect((await run({ 'render.yaml': blueprint('previews:\n  generation: off\n') })).found).toEqual([]);
    expect((await run({ 'render.yaml': blueprint('') })).found).toEqual([]);
  });
});

describe('names that are members of Object.prototype', () => {
  it('never reads `constructor` in a path or key as an environment, with or without team aliases', () => {
    for (const aliases of [{}, { live: 'production' }] as Array<Record<string, string>>) {
      expect(environmentOfPath('deploy/constructor/app.yml', aliases)).toBeUndefined();
      expect(environmentOfPath('config/constructor.yml', aliases)).toBeUndefined();
      expect(canonicalEnvironment('constructor', aliases)).toBeUndefined();
      expect([...environmentsNamedIn('constructor_url', aliases)]).toEqual([]);
    }
    expect(environmentOfPath('deploy/live/app.yml', { live: 'production' })?.environment).toBe('production');
  });
});

describe('ci as a directory', () => {
  it('names no environment: the pipeline deploys every one', () => {
    for (const path of ['ci/.netrc', 'ci/deploy.sh', 'tools/ci/maven-settings.xml']) expect(environmentOfPath(path), path).toBeUndefined();
    expect(environmentOfPath('ci/test/.env')?.environment).toBe('test');
    expect(environmentOfPath('ci/deploy.sh', { ci: 'staging' })?.environment).toBe('staging');
  });
});

describe('qa in file names', () => {
  it('names the QA environment in configuration files, not in code', () => {
    for (const path of ['.env.qa', 'helm/values-qa.yaml', 'src/main/resources/application-qa.properties', 'envs/qa.tfvars', 'docker-compose.qa.yml']) {
      expect(environmentOfPath(path)?.environment, path).toBe('staging');
    }
    for (const path of ['examples/run_qa.py', 'src/qa_pipeline.ts', 'docs/qa.md']) expect(environmentOfPath(path), path).toBeUndefined();
  });

  it('reports a QA dotenv on the production database', async () => {
    const { found } = await run({
      '.env.production': 'DATABASE_URL=postgres://app:pw@orders-main.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
      '.env.qa': 'DATABASE_URL=postgres://app_qa:pw@orders-main.c9akciq32.eu-west-1.rds.amazonaws.com:5432/orders\n',
    });
    expect(found).toEqual(['shared-database .env.qa:1']);
  });
});

describe('Heroku commands that hand staging production database', () => {
  it('rates an attached add-on (one database, shared live) critical and a copy of its data at the rule default', async () => {
    const { result } = await run({
      'bin/setup-staging': '#!/bin/sh\nheroku addons:attach knitly-prod::DATABASE --as DATABASE --app knitly-staging\n',
      'bin/refresh-staging': '#!/bin/sh\nheroku pg:copy knitly-prod::DATABASE_URL DATABASE_URL --app knitly-staging --confirm knitly-staging\n',
    });
    const severities = result.findings.map((finding) => `${finding.location.path} ${finding.severity}`).sort();
    expect(severities).toEqual(['bin/refresh-staging medium', 'bin/setup-staging critical']);
  });
});

describe('databases copied from production', () => {
  it('reads a snapshot lookup of the instance production declares as a copy, not as production\'s database in use', async () => {
    const { found, facts } = await run({
      'envs/prod/rds.tf': 'resource "aws_db_instance" "orders" {\n  identifier = "orders"\n}\n',
      'envs/staging/rds.tf':
        'data "aws_db_snapshot" "latest" {\n  db_instance_identifier = "orders"\n  most_recent            = true\n}\n\nresource "aws_db_instance" "orders" {\n  identifier          = "orders-staging"\n  snapshot_identifier = data.aws_db_snapshot.latest.id\n}\n',
    });
    expect(found).toEqual(['cloned-from-production envs/staging/rds.tf:2']);
    const copy = facts.resources.find((resource) => resource.copy);
    expect(copy).toMatchObject({ environment: 'staging', identity: 'rds:orders', copy: 'snapshot', variable: 'data.aws_db_snapshot.latest.db_instance_identifier' });
    // A copy holds production's data, not production's database: its crossing lands on no production store.
    const crossing = facts.crossings.find((entry) => entry.rule?.endsWith('cloned-from-production'));
    expect(crossing).toMatchObject({ environment: 'staging', resourceKind: 'database' });
    expect(crossing?.identity).toBeUndefined();
  });

  it('matches a snapshot named after production\'s instance (a date after it, or an automated rds: name) with that instance', async () => {
    const { result } = await run({
      'envs/prod/rds.tf': 'resource "aws_db_instance" "billing" {\n  identifier = "billing-main"\n}\n',
      'envs/staging/terraform.tfvars': 'snapshot_identifier = "rds:billing-main-2024-05-01-03-10"\n',
      'envs/dev/terraform.tfvars': 'snapshot_identifier = "billing-main-2024-05-01"\n',
    });
    const findings = result.findings.map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.related?.[0]?.location.path ?? ''}`).sort();
    expect(findings).toEqual(['envs/dev/terraform.tfvars:1 envs/prod/rds.tf', 'envs/staging/terraform.tfvars:1 envs/prod/rds.tf']);
  });

  it('reads restores, clones and replicas by literal, by a block of the same file and by a reference\'s own name', async () => {
    const { found } = await run({
      'envs/staging/db.tf':
        'resource "aws_rds_cluster" "events" {\n  cluster_identifier = "events-staging"\n  restore_to_point_in_time {\n    source_cluster_identifier = "events-prod"\n  }\n}\n\nresource "aws_db_instance" "replica" {\n  identifier          = "orders-staging-ro"\n  replicate_source_db = "arn:aws:rds:eu-west-1:111122223333:db:orders-prod"\n}\n\nresource "aws_db_instance" "audit" {\n  identifier          = "audit-staging"\n  snapshot_identifier = data.terraform_remote_state.production.outputs.audit_snapshot_id\n}\n\nresource "aws_db_instance" "own" {\n  identifier          = "own-staging"\n  replicate_source_db = aws_db_instance.primary.identifier\n}\n\nresource "aws_db_instance" "primary" {\n  identifier = "own-staging-primary"\n}\n',
      'live/staging/db/terragrunt.hcl': 'inputs = {\n  snapshot_identifier = "ledger-prod-final"\n}\n',
      'Pulumi.staging.yaml': 'config:\n  shop:snapshotIdentifier: shop-prod-2024-06-01\n',
    });
    expect(found.sort()).toEqual([
      'cloned-from-production Pulumi.staging.yaml:2',
      'cloned-from-production envs/staging/db.tf:10',
      'cloned-from-production envs/staging/db.tf:15',
      'cloned-from-production envs/staging/db.tf:4',
      'cloned-from-production live/staging/db/terragrunt.hcl:2',
    ]);
  });

  it('reads dumps of production restored into another environment, by pipe or by file, and the clouds\' restore commands', async () => {
    const { found } = await run({
      'scripts/sync-db.sh':
        '#!/bin/sh\nSOURCE_URL=$(heroku config:get DATABASE_URL -a acme-prod)\npg_dump -Fc "$SOURCE_URL" -f /tmp/prod.dump\npg_restore --clean --no-owner -d "$STAGING_DATABASE_URL" /tmp/prod.dump\nmysqldump -h shop-db-prod.c9akciq32.eu-west-1.rds.amazonaws.com -u app shop \\\n  > shop.sql\nmysql -h shop-db-staging.c9akciq32.eu-west-1.rds.amazonaws.com -u app shop < shop.sql\nmongodump --uri="$PROD_MONGO_URI" --archive | mongorestore --uri="$DEV_MONGO_URI" --archive --drop\n',
      'docs/runbook.md': '# Local data\n\n```sh\npg_dump $PRODUCTION_DB_URL > latest.sql\npsql -h localhost -d app < latest.sql\n```\n\nNever run `pg_dump $PROD_DATABASE_URL | psql $STAGING_DATABASE_URL` by hand.\n',
      'bin/refresh': '#!/bin/sh\naws rds restore-db-instance-from-db-snapshot --db-instance-identifier orders-staging --db-snapshot-identifier orders-prod-2024-05-01\ngcloud sql instances clone orders-prod orders-staging\nheroku pg:backups:restore "$(heroku pg:backups:url --app acme-prod)" DATABASE_URL --app acme-staging\n',
      'scripts/deploy-prod.sh': '#!/bin/sh\npg_dump "$PROD_DATABASE_URL" -f before-deploy.sql\npsql "$DATABASE_URL" -f migrations.sql\npg_dump "$STAGING_DATABASE_URL" | psql "$DEV_DATABASE_URL"\npg_dump "$PROD_DATABASE_URL" | psql "$PROD_REPLICA_URL"\n',
    });
    expect(found.sort()).toEqual([
      'cloned-from-production bin/refresh:2',
      'cloned-from-production bin/refresh:3',
      'cloned-from-production bin/refresh:4',
      'cloned-from-production docs/runbook.md:5',
      'cloned-from-production scripts/sync-db.sh:4',
      'cloned-from-production scripts/sync-db.sh:7',
      'cloned-from-production scripts/sync-db.sh:8',
    ]);
  });
});

describe('pull-request jobs in the production environment', () => {
  it('rates a pull_request_target job that checks out the head critical, one that does not medium, and pull_request high', async () => {
    const job = (on: string, checkout: string) => `on: ${on}\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4${checkout}\n      - run: ./deploy.sh\n`;
    const { result } = await run({
      '.github/workflows/a.yml': job('pull_request_target', '\n        with:\n          ref: ${{ github.event.pull_request.head.sha }}'),
      '.github/workflows/b.yml': job('pull_request_target', ''),
      '.github/workflows/c.yml': job('pull_request', ''),
      '.github/workflows/d.yml': job('push', ''),
    });
    const severities = result.findings.filter((finding) => finding.ruleId.endsWith('pull-request-in-production')).map((finding) => `${finding.location.path}:${finding.location.span.line} ${finding.severity}`).sort();
    expect(severities).toEqual(['.github/workflows/a.yml:5 critical', '.github/workflows/b.yml:5 medium', '.github/workflows/c.yml:5 high']);
  });
});

describe("production's Terraform state read by staging", () => {
  const state = 'data "terraform_remote_state" "production" {\n  backend = "s3"\n  config = {\n    bucket = "acme-tfstate"\n    key    = "production/terraform.tfstate"\n    region = "eu-west-1"\n  }\n}\n';
  const severityOf = async (use: string) => {
    const { findings } = await scan({ root: repo({ 'envs/staging/main.tf': `${state}\nmodule "app" {\n  source = "../../modules/app"\n  ${use}\n}\n` }).root });
    return findings.filter((finding) => finding.ruleId === 'staging-reaches-production/reads-production-state').map((finding) => finding.severity);
  };

  it('is high where staging connects to a data store through one of its outputs', async () => {
    expect(await severityOf('database_host = data.terraform_remote_state.production.outputs.db_address')).toEqual(['high']);
    expect(await severityOf('uploads_bucket_name = data.terraform_remote_state.production.outputs.uploads_bucket')).toEqual(['high']);
  });

  it("is high where a Pulumi program takes a data store's output from production's stack, medium for its network", async () => {
    const program = (output: string) => `import pulumi\n\ndata = pulumi.StackReference("acme/shop-data/prod")\nvalue = data.require_output("${output}")\n`;
    const severities = async (output: string) => {
      const { findings } = await scan({ root: repo({ 'infra/staging/__main__.py': program(output) }).root });
      return findings.filter((finding) => finding.ruleId === 'staging-reaches-production/reads-production-state').map((finding) => finding.severity);
    };
    expect(await severities('database_url')).toEqual(['high']);
    expect(await severities('db_subnet_ids')).toEqual(['medium']);
  });

  it('stays medium where the outputs it reads are not a data store', async () => {
    expect(await severityOf('vpc_id = data.terraform_remote_state.production.outputs.vpc_id')).toEqual(['medium']);
    expect(await severityOf('db_subnet_ids = data.terraform_remote_state.production.outputs.private_subnet_ids')).toEqual(['medium']);
  });
});
