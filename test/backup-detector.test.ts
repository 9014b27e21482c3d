// missing-offprovider-backup through scan(): the facts it publishes for the summary and the chain finding, how it
// classifies each backup against the store's own provider and account, the config key for backups kept outside the
// repo, environment aliases, and configs that do not parse.
import { afterAll, describe, expect, it } from 'vitest';
import { missingOffproviderBackup } from '../detectors/missing-offprovider-backup/index.js';
import type { BackupEvidence, DataStore } from '../src/facts/datastore.js';
import type { Detector, ResolvedConfig } from '../src/model.js';
import { emptyConfig } from '../src/config.js';
import { scan } from '../src/scan.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

const PREFIX = 'missing-offprovider-backup/';

async function run(files: Record<string, string>, config?: Partial<ResolvedConfig>) {
  const repo = makeRepo(files);
  repos.push(repo);
  const stores: DataStore[] = [];
  const evidence: BackupEvidence[] = [];
  // Reads the facts after the backup stage has enriched them, as the summary and the chain stage do.
  const probe: Detector = {
    id: 'probe',
    rules: [],
    consumes: ['data-store', 'backup-evidence'],
    finish(context) {
      stores.push(...context.facts.all('data-store'));
      evidence.push(...context.facts.all('backup-evidence'));
    },
  };
  const result = await scan({ root: repo.root, detectors: [missingOffproviderBackup, probe], config: config ? { ...emptyConfig(), ...config } : undefined });
  const findings = result.findings.map((finding) => `${finding.ruleId.slice(PREFIX.length)} ${finding.severity} ${finding.location.path}:${finding.location.span.line}`);
  return { result, findings, stores, evidence };
}

const RAILWAY = `import { defineRailway, postgres, project, service } from "railway/iac";

export default defineRailway(() => {
  const db = postgres("Postgres");
  return project("acme", { resources: [db, service("api")] });
});
`;

const TERRAFORM_ROOT = `terraform {
  backend "s3" {
    bucket = "acme-tfstate"
    key    = "prod.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region              = "eu-west-1"
  allowed_account_ids = ["111122223333"]
}

resource "aws_db_instance" "main" {
  identifier               = "acme-main"
  engine                   = "postgres"
  instance_class           = "db.t4g.medium"
  allocated_storage        = 50
  backup_retention_period  = 7
  deletion_protection      = true
  delete_automated_backups = false

  lifecycle {
    prevent_destroy = true
  }
}
`;

function dumpWorkflow(upload: string, extra = ''): string {
  return `name: backup
on:
  schedule:
    - cron: "0 2 * * *"
jobs:
  backup:
    runs-on: ubuntu-latest
${extra}    steps:
      - run: pg_dump "$DATABASE_URL" -Fc -f db.dump
        env:
          DATABASE_URL: \${{ secrets.DATABASE_URL }}
      - run: ${upload}
`;
}

describe('facts for the summary and the chain stage', () => {
  it('publishes each store with identities, environment, production and its strongest protection', async () => {
    const { stores, result } = await run({
      '.railway/railway.ts': RAILWAY,
      'fly.staging.toml': 'app = "acme-staging"\n\n[[mounts]]\n  source = "data"\n  destination = "/data"\n',
    });
    const railway = stores.find((store) => store.platform === 'railway')!;
    expect(railway).toMatchObject({
      engine: 'postgres',
      name: 'Postgres',
      provider: 'railway',
      production: true,
      protection: 'same-volume',
      testOnly: false,
      declaredBy: 'platform',
    });
    expect(railway.identities).toEqual(['railway:service:postgres', 'host:postgres.railway.internal']);
    const staging = stores.find((store) => store.platform === 'fly')!;
    expect(staging).toMatchObject({ environment: 'staging', production: false });
    expect(result.summary.productionStores).toEqual([{ name: 'Postgres', platform: 'railway', protection: 'same-volume', location: railway.location }]);
  });

  it('names a Supabase project by the ref the repo links to, so other stages can join on it', async () => {
    const { stores } = await run({
      'supabase/config.toml': 'project_id = "potluck"\n\n[db]\nport = 54322\n',
      '.github/workflows/migrate.yml': 'on: { push: { branches: [main] } }\njobs:\n  push:\n    runs-on: ubuntu-latest\n    steps:\n      - run: supabase link --project-ref qwhmzkxrtvbnpalsdjfe\n      - run: supabase db push\n',
    });
    const project = stores.find((store) => store.platform === 'supabase')!;
    expect(project.production).toBe(true);
    expect(project.identities).toContain('supabase:project:qwhmzkxrtvbnpalsdjfe');
    expect(project.identities).toContain('host:db.qwhmzkxrtvbnpalsdjfe.supabase.co');
  });

  it('marks an ORM schema behind a declared database as the same store, not a second one', async () => {
    const { stores, findings } = await run({
      '.railway/railway.ts': RAILWAY,
      'prisma/schema.prisma': 'datasource db {\n  provider = "postgresql"\n  url      = env("DATABASE_URL")\n}\n',
    });
    const prisma = stores.find((store) => store.name === 'Prisma schema')!;
    const railway = stores.find((store) => store.platform === 'railway')!;
    expect(prisma.sameAs).toBe(railway.id);
    expect(prisma.production).toBe(false);
    expect(findings).toEqual(['same-volume-backup critical .railway/railway.ts:4']);
  });

  it('reports a StatefulSet and the static PersistentVolume its claim binds as one store', async () => {
    const { stores, findings } = await run({
      '.github/workflows/deploy.yml': 'on: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -k deploy/base\n',
      'deploy/base/kustomization.yaml': 'resources:\n  - postgres.yaml\n  - pv.yaml\n',
      'deploy/base/postgres.yaml':
        'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\n  namespace: ledger\nspec:\n  serviceName: postgres\n  replicas: 1\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          volumeMounts:\n            - { name: pgdata, mountPath: /var/lib/postgresql/data }\n  volumeClaimTemplates:\n    - metadata:\n        name: pgdata\n      spec:\n        storageClassName: ""\n        resources: { requests: { storage: 50Gi } }\n',
      'deploy/base/pv.yaml':
        'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ledger-pgdata\nspec:\n  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: ""\n  claimRef:\n    namespace: ledger\n    name: pgdata-postgres-0\n  hostPath:\n    path: /mnt/disks/ledger-pgdata\n',
    });
    const volume = stores.find((store) => store.name === 'ledger-pgdata')!;
    const postgres = stores.find((store) => store.name === 'ledger/postgres')!;
    expect(volume.sameAs).toBe(postgres.id);
    expect(findings).toEqual(['no-backup high deploy/base/postgres.yaml:2']);
  });

  it('names a store whose name is a template as production\'s values make it, and keeps what a workspace decides written', async () => {
    const { stores } = await run({
      'infra/main.tf':
        'terraform {\n  backend "s3" {\n    bucket = "ledger-tfstate"\n    key    = "ledger.tfstate"\n    region = "eu-central-1"\n  }\n}\n\nlocals {\n  name = "${var.project}-${var.environment}"\n}\n\nresource "aws_db_instance" "this" {\n  identifier = "${local.name}-db"\n  engine     = "postgres"\n}\n\nresource "aws_s3_bucket" "this" {\n  bucket = "${var.project}-uploads-${terraform.workspace}"\n}\n',
      'infra/variables.tf': 'variable "project" {\n  default = "ledger"\n}\n\nvariable "environment" {\n  type = string\n}\n',
      'infra/prod.tfvars': 'environment = "prod"\n',
      'infra/staging.tfvars': 'environment = "staging"\n',
    });
    const database = stores.find((store) => store.engine === 'postgres')!;
    expect(database).toMatchObject({ name: 'ledger-prod-db', environment: 'production', production: true });
    expect(database.identities).toContain('aws:rds:ledger-prod-db');
    const bucket = stores.find((store) => store.engine === 'object-storage')!;
    expect(bucket).toMatchObject({ name: 'ledger-uploads-${terraform.workspace}', production: true });
    expect(bucket.identities.filter((identity) => identity.startsWith('aws:s3:'))).toEqual([]);
  });

  it('reports a Deployment, its claim and the static PersistentVolume the claim selects by label as one store', async () => {
    const { stores, findings } = await run({
      '.github/workflows/deploy.yml': 'on: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/\n',
      'k8s/pv.yaml':
        'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ledger-pgdata\n  labels:\n    app: postgres\n    tier: database\nspec:\n  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: gp3\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0a1b2c3d4e5f67890\n',
      'k8s/pvc.yaml':
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: pgdata\n  namespace: ledger\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: gp3\n  resources: { requests: { storage: 50Gi } }\n  selector:\n    matchLabels:\n      app: postgres\n',
      'k8s/postgres.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: postgres\n  namespace: ledger\nspec:\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          volumeMounts:\n            - { name: data, mountPath: /var/lib/postgresql/data }\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: pgdata\n',
    });
    const postgres = stores.find((store) => store.name === 'ledger/postgres')!;
    expect(stores.filter((store) => store.sameAs === postgres.id).map((store) => store.name).sort()).toEqual(['ledger-pgdata', 'ledger/pgdata']);
    expect(findings).toEqual(['no-backup high k8s/postgres.yaml:2']);
  });

  it('reports a Deployment, its claim and the static PersistentVolume the claim selects by a label expression (In) as one store', async () => {
    const { stores, findings } = await run({
      '.github/workflows/deploy.yml': 'on: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/\n',
      'k8s/pv.yaml':
        'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ledger-pgdata\n  labels:\n    app: postgres\n    tier: database\nspec:\n  capacity: { storage: 50Gi }\n  accessModes: [ReadWriteOnce]\n  persistentVolumeReclaimPolicy: Retain\n  storageClassName: gp3\n  csi:\n    driver: ebs.csi.aws.com\n    volumeHandle: vol-0a1b2c3d4e5f67890\n',
      'k8s/pvc.yaml':
        'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: pgdata\n  namespace: ledger\nspec:\n  accessModes: [ReadWriteOnce]\n  storageClassName: gp3\n  resources: { requests: { storage: 50Gi } }\n  selector:\n    matchExpressions:\n      - { key: app, operator: In, values: [postgres, postgresql] }\n',
      'k8s/postgres.yaml':
        'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: postgres\n  namespace: ledger\nspec:\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          volumeMounts:\n            - { name: data, mountPath: /var/lib/postgresql/data }\n      volumes:\n        - name: data\n          persistentVolumeClaim:\n            claimName: pgdata\n',
    });
    const postgres = stores.find((store) => store.name === 'ledger/postgres')!;
    expect(stores.filter((store) => store.sameAs === postgres.id).map((store) => store.name).sort()).toEqual(['ledger-pgdata', 'ledger/pgdata']);
    expect(findings).toEqual(['no-backup high k8s/postgres.yaml:2']);
  });

  it('publishes backup evidence with its destination, and relates it to the finding by location', async () => {
    const { evidence, result } = await run({
      'render.yaml': 'databases:\n  - name: acme-db\n    plan: pro-4gb\n',
      'scripts/backup.sh': '#!/bin/sh\nset -eu\npg_dump "$DATABASE_URL" -Fc -f /tmp/db.dump\ngsutil cp /tmp/db.dump gs://acme-offsite/db/\n',
    });
    expect(evidence).toMatchObject([{ mechanism: 'pg_dump -> gsutil', destination: 'gs://acme-offsite/db/', destinationProvider: 'gcp', engines: ['postgres'], restoreTested: false }]);
    const finding = result.findings.find((candidate) => candidate.ruleId === `${PREFIX}restore-never-tested`)!;
    expect(finding.location).toMatchObject({ path: 'render.yaml', span: { line: 2 } });
    expect(finding.related).toEqual([{ location: { path: 'scripts/backup.sh', span: { line: 4, column: 1, endLine: 4, endColumn: 45 } }, message: 'pg_dump -> gsutil: copies leave Render for Google Cloud (gs://acme-offsite/db/)' }]);
  });
});

describe('wording', () => {
  it('calls a server kept as a volume store (a droplet whose name says it runs a database) a server', async () => {
    const { result } = await run({
      'infra/production/main.tf': 'resource "digitalocean_droplet" "db" {\n  image  = "ubuntu-22-04-x64"\n  name   = "orders-db-prod"\n  region = "fra1"\n  size   = "s-2vcpu-4gb"\n}\n\nresource "digitalocean_volume" "pgdata" {\n  region = "fra1"\n  name   = "orders-pgdata-prod"\n  size   = 100\n}\n',
    });
    const messages = result.findings.filter((finding) => finding.ruleId === `${PREFIX}no-backup`).map((finding) => finding.message);
    expect(messages).toHaveLength(2);
    expect(messages.some((message) => message.startsWith('Production server `orders-db-prod` on DigitalOcean'))).toBe(true);
    expect(messages.some((message) => message.startsWith('Production volume `orders-pgdata-prod` on DigitalOcean'))).toBe(true);
  });
});

describe('classifying backups against the store', () => {
  it('cannot tell whether a dump to S3 leaves the account of an RDS database', async () => {
    const { findings } = await run({ 'infra/main.tf': TERRAFORM_ROOT, '.github/workflows/backup.yml': dumpWorkflow('aws s3 cp db.dump s3://acme-db-dumps/') });
    expect(findings).toEqual(['backup-destination-unknown low infra/main.tf:14']);
  });

  it('takes the account of a destination bucket the Terraform declares: its provider block, or the store\'s own', async () => {
    const workflow = dumpWorkflow('aws s3 cp db.dump s3://acme-db-dumps/');
    const bucket = (provider: string) => `resource "aws_s3_bucket" "dumps" {\n${provider}  bucket = "acme-db-dumps"\n}\n`;
    const backupProvider = 'provider "aws" {\n  alias  = "backup"\n  region = "eu-central-1"\n  assume_role {\n    role_arn = "arn:aws:iam::444455556666:role/backup-writer"\n  }\n}\n';
    // Made with the store's own provider block: the same account, whatever account that is.
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/dumps.tf': bucket(''), '.github/workflows/backup.yml': workflow })).findings).toEqual(['provider-only-backup high infra/main.tf:14']);
    // Made with a provider that assumes a role in another account.
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/dumps.tf': backupProvider + bucket('  provider = aws.backup\n'), '.github/workflows/backup.yml': workflow })).findings).toEqual(['restore-never-tested low infra/main.tf:14']);
    // Declared twice (one per workspace directory): which one is meant cannot be told.
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/dumps.tf': bucket(''), 'other/dumps.tf': bucket(''), '.github/workflows/backup.yml': workflow })).findings).toEqual(['backup-destination-unknown low infra/main.tf:14']);
  });

  it('reads a Cloud SQL export into a bucket of another project declared beside the instance as another account', async () => {
    const instance = 'provider "google" {\n  project = "carelog-prod"\n  region  = "europe-west1"\n}\n\nresource "google_sql_database_instance" "main" {\n  name             = "carelog-pg"\n  database_version = "POSTGRES_15"\n  deletion_protection = true\n  settings {\n    tier = "db-custom-2-7680"\n    backup_configuration {\n      enabled = true\n    }\n    retain_backups_on_delete = true\n  }\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
    const vault = (project: string) => `resource "google_storage_bucket" "exports" {\n  project  = "${project}"\n  name     = "carelog-sql-exports"\n  location = "EU"\n}\n`;
    const workflow = 'on:\n  schedule:\n    - cron: "0 4 * * *"\njobs:\n  export:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gcloud sql export sql carelog-pg gs://carelog-sql-exports/$(date +%F).sql.gz --database=carelog\n';
    expect((await run({ 'infra/main.tf': instance, 'infra/exports.tf': vault('carelog-backup-vault'), '.github/workflows/export.yml': workflow })).findings).toEqual(['restore-never-tested low infra/main.tf:6']);
    expect((await run({ 'infra/main.tf': instance, 'infra/exports.tf': vault('carelog-prod'), '.github/workflows/export.yml': workflow })).findings).toEqual(['provider-only-backup high infra/main.tf:6']);
  });

  it('counts a dump uploaded with a role of another AWS account as another account', async () => {
    const roleStep = '    steps:\n      - uses: aws-actions/configure-aws-credentials@v4\n        with:\n          role-to-assume: arn:aws:iam::444455556666:role/backup-writer\n          aws-region: eu-west-1\n';
    const workflow = dumpWorkflow('aws s3 cp db.dump s3://acme-db-dumps/').replace('    steps:\n', roleStep);
    const { findings } = await run({ 'infra/main.tf': TERRAFORM_ROOT, '.github/workflows/backup.yml': workflow });
    expect(findings).toEqual(['restore-never-tested low infra/main.tf:14']);
  });

  it('reads a copy_action into the vault of another account through the provider alias', async () => {
    const backup = `provider "aws" {
  alias  = "dr"
  region = "eu-central-1"
  assume_role {
    role_arn = "arn:aws:iam::444455556666:role/backup"
  }
}

resource "aws_backup_vault" "dr" {
  provider = aws.dr
  name     = "dr"
}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "local"
    copy_action {
      destination_vault_arn = aws_backup_vault.dr.arn
    }
  }
}

resource "aws_backup_selection" "main" {
  name    = "main"
  plan_id = aws_backup_plan.daily.id
  resources = [aws_db_instance.main.arn]
}
`;
    const same = backup.replace('arn:aws:iam::444455556666:role/backup', 'arn:aws:iam::111122223333:role/backup');
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/backup.tf': backup })).findings).toEqual(['restore-never-tested low infra/main.tf:14']);
    // AWS Backup restore testing restores the recovery points the copy_action copies, and validates them.
    const testing = (type: string) => `resource "aws_backup_restore_testing_selection" "db" {\n  name                      = "db"\n  restore_testing_plan_name = "weekly"\n  protected_resource_type   = "${type}"\n  iam_role_arn              = "arn:aws:iam::111122223333:role/restore-testing"\n  protected_resource_arns   = ["*"]\n}\n`;
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/backup.tf': backup, 'infra/restore-testing.tf': testing('RDS') })).findings).toEqual([]);
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/backup.tf': backup, 'infra/restore-testing.tf': testing('DynamoDB') })).findings).toEqual(['restore-never-tested low infra/main.tf:14']);
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/backup.tf': same })).findings).toEqual(['provider-only-backup medium infra/main.tf:14']);
  });

  it('lets an AWS Backup tag selection cover only what carries the tag, or may (computed tags, provider default_tags)', async () => {
    const backup = `resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = "local"
    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-central-1:444455556666:backup-vault:dr"
    }
  }
}

resource "aws_backup_selection" "tagged" {
  name    = "tagged"
  plan_id = aws_backup_plan.daily.id
  selection_tag {
    type  = "STRINGEQUALS"
    key   = "Backup"
    value = "daily"
  }
}
`;
    const tagged = (tags: string) => TERRAFORM_ROOT.replace('  delete_automated_backups = false\n', `  delete_automated_backups = false\n${tags}`);
    const untagged = await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/backup.tf': backup });
    expect(untagged.findings).toEqual(['provider-only-backup high infra/main.tf:14']);
    expect(untagged.result.findings[0]!.message).toContain('the AWS Backup selection in infra/backup.tf picks resources tagged backup=daily, and it has no such tag');
    expect((await run({ 'infra/main.tf': tagged('  tags = { Backup = "daily" }\n'), 'infra/backup.tf': backup })).findings).toEqual(['restore-never-tested low infra/main.tf:14']);
    expect((await run({ 'infra/main.tf': tagged('  tags = { Backup = "weekly" }\n'), 'infra/backup.tf': backup })).findings).toEqual(['provider-only-backup high infra/main.tf:14']);
    expect((await run({ 'infra/main.tf': tagged('  tags = merge(local.tags, { Name = "main" })\n'), 'infra/backup.tf': backup })).findings).toEqual(['restore-never-tested low infra/main.tf:14']);
    const defaults = TERRAFORM_ROOT.replace('  allowed_account_ids = ["111122223333"]\n', '  allowed_account_ids = ["111122223333"]\n  default_tags {\n    tags = { Backup = "daily" }\n  }\n');
    expect((await run({ 'infra/main.tf': defaults, 'infra/backup.tf': backup })).findings).toEqual(['restore-never-tested low infra/main.tf:17']);
  });

  it('reads a DLM policy as snapshots of the volumes carrying its target tags, copied to another region when a schedule says so', async () => {
    const volume = (tags: string) => `provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_ebs_volume" "pgdata" {\n  availability_zone = "eu-west-1a"\n  size              = 500\n  tags = {\n    Name = "pgdata-prod"\n${tags}  }\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n`;
    const policy = (copy: string) => `resource "aws_dlm_lifecycle_policy" "pgdata" {\n  description        = "daily"\n  execution_role_arn = "arn:aws:iam::111122223333:role/dlm"\n  state              = "ENABLED"\n  policy_details {\n    resource_types = ["VOLUME"]\n    schedule {\n      name = "daily"\n      create_rule {\n        interval = 24\n      }\n      retain_rule {\n        count = 14\n      }\n${copy}    }\n    target_tags = {\n      Snapshot = "daily"\n    }\n  }\n}\n`;
    const crossRegion = '      cross_region_copy_rule {\n        target    = "eu-central-1"\n        encrypted = true\n      }\n';
    expect((await run({ 'infra/main.tf': volume('    Snapshot = "daily"\n'), 'infra/dlm.tf': policy('') })).findings).toEqual(['provider-only-backup high infra/main.tf:5']);
    expect((await run({ 'infra/main.tf': volume('    Snapshot = "daily"\n'), 'infra/dlm.tf': policy(crossRegion) })).findings).toEqual(['provider-only-backup medium infra/main.tf:5']);
    const untagged = await run({ 'infra/main.tf': volume(''), 'infra/dlm.tf': policy(crossRegion) });
    expect(untagged.findings).toEqual(['no-backup high infra/main.tf:5']);
    expect(untagged.result.findings[0]!.message).toContain('the DLM snapshot policy in infra/dlm.tf picks resources tagged snapshot=daily, and it has no such tag');
  });

  it('counts a provider snapshot a script takes (doctl, aws ec2 create-snapshot) as a copy the provider holds', async () => {
    const volume = 'resource "digitalocean_volume" "uploads" {\n  region = "fra1"\n  name   = "acme-uploads-prod"\n  size   = 100\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n';
    expect((await run({ 'terraform/main.tf': volume })).findings).toEqual(['no-backup high terraform/main.tf:1']);
    const script = '#!/bin/sh\nset -e\ndoctl compute volume snapshot "$UPLOADS_VOLUME_ID" --snapshot-name "uploads-$(date +%F)"\n';
    const { findings, result } = await run({ 'terraform/main.tf': volume, 'scripts/snapshot-volumes.sh': script });
    expect(findings).toEqual(['provider-only-backup high terraform/main.tf:1']);
    expect(result.findings[0]!.related).toEqual([expect.objectContaining({ message: 'doctl compute volume snapshot: held by DigitalOcean in the same account' })]);
  });

  it('reads managed databases and buckets of smaller providers in Terraform (Spaces, R2, AlloyDB, Scaleway, Linode, Vultr, Aiven)', async () => {
    const main = `terraform {\n  backend "s3" {\n    bucket = "acme-tf"\n    key    = "prod.tfstate"\n    region = "eu-west-1"\n  }\n}\n
resource "digitalocean_spaces_bucket" "media" {\n  name   = "acme-media-prod"\n  region = "fra1"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n
resource "digitalocean_spaces_bucket" "site" {\n  name   = "acme-static-site"\n  region = "fra1"\n}\n
resource "google_alloydb_cluster" "main" {\n  cluster_id = "acme-alloydb-prod"\n  location   = "europe-west1"\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n
resource "scaleway_rdb_instance" "main" {\n  name           = "acme-pg-prod"\n  engine         = "PostgreSQL-15"\n  disable_backup = true\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n
resource "vultr_database" "cache" {\n  database_engine = "redis"\n  label           = "acme-cache-prod"\n}\n`;
    expect((await run({ 'infra/main.tf': main })).findings).toEqual([
      'no-backup high infra/main.tf:9',
      'provider-only-backup high infra/main.tf:22',
      'no-backup high infra/main.tf:30',
      'backups-disabled high infra/main.tf:33',
    ]);
  });

  it('rates copies in a vault locked in compliance mode medium: no credential of the account can delete them', async () => {
    const backup = (lock: string) => `resource "aws_backup_vault" "main" {
  name = "acme-main"
}

resource "aws_backup_vault_lock_configuration" "main" {
  backup_vault_name  = aws_backup_vault.main.name
  min_retention_days = 35
${lock}}

resource "aws_backup_plan" "daily" {
  name = "daily"
  rule {
    rule_name         = "daily"
    target_vault_name = aws_backup_vault.main.name
  }
}

resource "aws_backup_selection" "main" {
  name      = "main"
  plan_id   = aws_backup_plan.daily.id
  resources = [aws_db_instance.main.arn]
}
`;
    const compliance = await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/backup.tf': backup('  changeable_for_days = 3\n') });
    expect(compliance.findings).toEqual(['provider-only-backup medium infra/main.tf:14']);
    expect(compliance.result.findings[0]!.message).toContain('the vault is locked in compliance mode (infra/backup.tf): no credential of the account, root included, can delete its recovery points for 35 days');
    // Governance mode: a user with the right permission removes the lock.
    expect((await run({ 'infra/main.tf': TERRAFORM_ROOT, 'infra/backup.tf': backup('') })).findings).toEqual(['provider-only-backup high infra/main.tf:14']);
  });

  it('lets a selection naming a local module (module.db.arn) cover the resources the module declares', async () => {
    const module = 'variable "identifier" {}\n\nresource "aws_db_instance" "this" {\n  identifier               = var.identifier\n  engine                   = "postgres"\n  instance_class           = "db.t4g.medium"\n  backup_retention_period  = 7\n  deletion_protection      = true\n  delete_automated_backups = false\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n\noutput "arn" {\n  value = aws_db_instance.this.arn\n}\n';
    const root = (resources: string) => `terraform {\n  backend "s3" {\n    bucket = "acme-tf"\n    key    = "prod.tfstate"\n    region = "eu-west-1"\n  }\n}\n\nprovider "aws" {\n  region              = "eu-west-1"\n  allowed_account_ids = ["111122223333"]\n}\n\nmodule "db" {\n  source      = "../../modules/rds"\n  identifier  = "orders-prod"\n  environment = "production"\n}\n\nresource "aws_backup_plan" "daily" {\n  name = "daily"\n  rule {\n    rule_name         = "daily"\n    target_vault_name = "local"\n    copy_action {\n      destination_vault_arn = "arn:aws:backup:eu-central-1:444455556666:backup-vault:dr"\n    }\n  }\n}\n\nresource "aws_backup_selection" "db" {\n  name         = "db"\n  iam_role_arn = "arn:aws:iam::111122223333:role/backup"\n  plan_id      = aws_backup_plan.daily.id\n  resources    = [${resources}]\n}\n`;
    expect((await run({ 'modules/rds/main.tf': module, 'envs/prod/main.tf': root('module.db.arn') })).findings).toEqual(['restore-never-tested low modules/rds/main.tf:3']);
    // Another module's resources are not selected.
    expect((await run({ 'modules/rds/main.tf': module, 'envs/prod/main.tf': root('module.cache.arn') })).findings).toEqual(['provider-only-backup high modules/rds/main.tf:3']);
    // A registry module read as the instance it wraps is named the same way.
    const registry = root('module.db.db_instance_arn').replace('  source      = "../../modules/rds"\n', '  source      = "terraform-aws-modules/rds/aws"\n  engine      = "postgres"\n  deletion_protection = true\n  delete_automated_backups = false\n');
    expect((await run({ 'envs/prod/main.tf': registry })).findings).toEqual(['no-prevent-destroy low envs/prod/main.tf:14', 'restore-never-tested low envs/prod/main.tf:14']);
  });

  it('reads an Azure storage account\'s blob versioning or soft delete as copies Azure holds', async () => {
    const account = (blob: string) => `provider "azurerm" {\n  features {}\n}\n\nresource "azurerm_storage_account" "uploads" {\n  name                     = "acmeuploads"\n  resource_group_name      = "rg-acme-prod"\n  location                 = "westeurope"\n  account_tier             = "Standard"\n  account_replication_type = "LRS"\n${blob}  lifecycle {\n    prevent_destroy = true\n  }\n}\n`;
    expect((await run({ 'infra/main.tf': account('') })).findings).toEqual(['no-backup high infra/main.tf:5']);
    expect((await run({ 'infra/main.tf': account('  blob_properties {\n    versioning_enabled = true\n  }\n') })).findings).toEqual(['provider-only-backup high infra/main.tf:5']);
    expect((await run({ 'infra/main.tf': account('  blob_properties {\n    delete_retention_policy {\n      days = 30\n    }\n  }\n') })).findings).toEqual(['provider-only-backup high infra/main.tf:5']);
  });

  it('reads a dynamic copy_action block (copies made for the workspaces its for_each keeps) like a static one', async () => {
    const files = { 'main.tf': readFixtureLike('dynamic') };
    expect((await run(files)).findings).toEqual(['restore-never-tested low main.tf:3']);
    expect((await run({ 'main.tf': readFixtureLike('none') })).findings).toEqual(['provider-only-backup high main.tf:3']);
  });

  it('keeps a Fly volume replicated to a Tigris bucket inside Fly', async () => {
    const { findings } = await run({
      'fly.toml': 'app = "notes"\n\n[[mounts]]\n  source = "data"\n  destination = "/data"\n',
      'litestream.yml': 'dbs:\n  - path: /data/notes.db\n    replicas:\n      - type: s3\n        bucket: notes-replica\n        endpoint: https://fly.storage.tigris.dev\n',
    });
    expect(findings).toEqual(['provider-only-backup high fly.toml:3']);
  });

  it('treats Velero volume snapshots as the same account, and file-system backups as their storage location', async () => {
    const statefulSet = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: ledger-db
  namespace: ledger
spec:
  selector:
    matchLabels: { app: ledger-db }
  template:
    spec:
      containers:
        - name: postgres
          image: postgres:16
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        storageClassName: gp3
`;
    const schedule = (fsBackup: boolean) => `apiVersion: velero.io/v1
kind: Schedule
metadata:
  name: ledger-nightly
  namespace: velero
spec:
  schedule: "0 1 * * *"
  template:
    includedNamespaces: [ledger]
    storageLocation: offsite
${fsBackup ? '    defaultVolumesToFsBackup: true\n' : ''}`;
    const location = `apiVersion: velero.io/v1
kind: BackupStorageLocation
metadata:
  name: offsite
  namespace: velero
spec:
  provider: aws
  objectStorage:
    bucket: ledger-velero
  config:
    region: us-west-004
    s3Url: https://s3.us-west-004.backblazeb2.com
`;
    const files = { 'clusters/production/ledger-db.yaml': statefulSet, 'clusters/production/velero.yaml': location };
    expect((await run({ ...files, 'clusters/production/schedule.yaml': schedule(false) })).findings).toEqual(['provider-only-backup high clusters/production/ledger-db.yaml:2']);
    expect((await run({ ...files, 'clusters/production/schedule.yaml': schedule(true) })).findings).toEqual(['restore-never-tested low clusters/production/ledger-db.yaml:2']);
  });

  it('sees a PGO volume repository as a copy in the same cluster', async () => {
    const cluster = `apiVersion: postgres-operator.crunchydata.com/v1beta1
kind: PostgresCluster
metadata:
  name: hippo
  namespace: production
spec:
  postgresVersion: 16
  backups:
    pgbackrest:
      repos:
        - name: repo1
          volume:
            volumeClaimSpec:
              accessModes: [ReadWriteOnce]
`;
    expect((await run({ 'k8s/hippo.yaml': cluster })).findings).toEqual(['same-volume-backup high k8s/hippo.yaml:2']);
  });

  it('resolves rclone remotes from rclone.conf, and says so when it cannot', async () => {
    const workflow = dumpWorkflow('rclone copy db.dump offsite:acme-backups/postgres');
    expect((await run({ '.railway/railway.ts': RAILWAY, '.github/workflows/backup.yml': workflow })).findings).toEqual(['backup-destination-unknown low .railway/railway.ts:4']);
    const rclone = '[offsite]\ntype = b2\naccount = 0041a2b3c4d5\n';
    expect((await run({ '.railway/railway.ts': RAILWAY, '.github/workflows/backup.yml': workflow, 'ops/rclone.conf': rclone })).findings).toEqual(['restore-never-tested low .railway/railway.ts:4']);
  });

  it('reads dumps piped straight into an upload, with global options before the command', async () => {
    const script = '#!/bin/sh\nset -eu\npg_dump -Fc --no-owner "$DATABASE_URL" | aws --endpoint-url https://4f1c.r2.cloudflarestorage.com s3 cp - "s3://acme-backups/$(date +%F).dump"\n';
    const { evidence, findings } = await run({ '.railway/railway.ts': RAILWAY, 'ops/backup.sh': script });
    expect(evidence).toMatchObject([{ mechanism: 'pg_dump -> aws s3', destinationProvider: 'cloudflare', location: { path: 'ops/backup.sh', span: { line: 3 } } }]);
    expect(findings).toEqual(['restore-never-tested low .railway/railway.ts:4']);
  });

  it('does not let a staging backup job protect the production database', async () => {
    const workflow = dumpWorkflow('aws s3 cp db.dump s3://acme-backups/ --endpoint-url https://s3.us-west-004.backblazeb2.com', '    environment: staging\n');
    expect((await run({ '.railway/railway.ts': RAILWAY, '.github/workflows/backup.yml': workflow })).findings).toEqual(['same-volume-backup critical .railway/railway.ts:4']);
  });

  it('reads a backup sidecar whose endpoint is MinIO in the same stack as the same host, and MinIO as its target, not a store', async () => {
    const compose = `services:
  db:
    image: postgres:16
    volumes: [pgdata:/var/lib/postgresql/data]
  backup:
    image: offen/docker-volume-backup:v2
    environment:
      AWS_S3_BUCKET_NAME: backups
      AWS_ENDPOINT: http://minio:9000
    volumes: [pgdata:/backup/pgdata:ro]
  minio:
    image: minio/minio
    command: server /data
volumes:
  pgdata: {}
`;
    const { findings } = await run({ 'docker-compose.production.yml': compose });
    expect(findings).toEqual(['same-volume-backup medium docker-compose.production.yml:2']);
  });
});

describe('what counts as production', () => {
  it('maps team environment names through the config aliases', async () => {
    const compose = 'services:\n  db:\n    image: mysql:8.4\n    volumes: [data:/var/lib/mysql]\nvolumes:\n  data: {}\n';
    expect((await run({ 'docker-compose.blue.yml': compose })).findings).toEqual([]);
    expect((await run({ 'docker-compose.blue.yml': compose }, { environmentAliases: { blue: 'production' } })).findings).toEqual(['no-backup medium docker-compose.blue.yml:2']);
  });

  it('turns the findings off for a store whose backup the team records outside the repo, and says why on the fact', async () => {
    const reason = 'Railway volume is exported nightly by the platform team to GCS (runbook OPS-9)';
    const { findings, stores } = await run({ '.railway/railway.ts': RAILWAY }, { externalBackups: [{ store: 'Postgres', reason }] });
    expect(findings).toEqual([]);
    expect(stores[0]).toMatchObject({ externalBackup: reason, protection: 'off-provider', production: true });
  });

  it('reports destructive defaults only on explicitly production resources, and written settings on any deployed one', async () => {
    const base = TERRAFORM_ROOT.replace('  deletion_protection      = true\n', '').replace('  lifecycle {\n    prevent_destroy = true\n  }\n', '');
    const written = base.replace('  backup_retention_period  = 7\n', '  backup_retention_period  = 7\n  skip_final_snapshot      = true\n');
    expect((await run({ 'infra/main.tf': written })).findings).toEqual(['provider-only-backup high infra/main.tf:14', 'skip-final-snapshot medium infra/main.tf:20']);
    expect((await run({ 'infra/prod/main.tf': written })).findings).toEqual([
      'deletion-protection-off low infra/prod/main.tf:14',
      'no-prevent-destroy low infra/prod/main.tf:14',
      'provider-only-backup high infra/prod/main.tf:14',
      'skip-final-snapshot medium infra/prod/main.tf:20',
    ]);
  });
});

describe('Helm charts with database subcharts', () => {
  const chart = 'apiVersion: v2\nname: acme\nversion: 1.4.0\ndependencies:\n  - name: postgresql\n    version: 15.5.0\n    repository: oci://registry-1.docker.io/bitnamicharts\n    condition: postgresql.enabled\n  - name: redis\n    version: 19.0.0\n    repository: oci://registry-1.docker.io/bitnamicharts\n';
  const values = 'image:\n  repository: ghcr.io/acme/app\npostgresql:\n  enabled: true\n  auth:\n    database: acme\n';
  const deploy = 'name: deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: helm upgrade --install acme ./chart -n acme-prod -f chart/values-production.yaml\n';
  const velero = 'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: daily\n  namespace: velero\nspec:\n  schedule: "0 3 * * *"\n  template:\n    includedNamespaces: [acme-prod]\n    defaultVolumesToFsBackup: true\n    storageLocation: b2\n---\napiVersion: velero.io/v1\nkind: BackupStorageLocation\nmetadata:\n  name: b2\n  namespace: velero\nspec:\n  provider: aws\n  objectStorage:\n    bucket: acme-velero\n  config:\n    s3Url: https://s3.eu-central-003.backblazeb2.com\n';
  const files = { 'chart/Chart.yaml': chart, 'chart/values.yaml': values, '.github/workflows/deploy.yml': deploy };

  it('reports the database a deployed release runs from a subchart, in the namespace it installs into', async () => {
    const { findings, stores } = await run({ ...files, 'chart/values-production.yaml': 'postgresql:\n  primary:\n    persistence:\n      size: 200Gi\n' });
    expect(findings).toEqual(['no-backup high chart/Chart.yaml:5']);
    expect(stores.find((store) => store.name === 'acme/postgresql')).toMatchObject({ environment: 'production', production: true });
  });

  it('finds the subchart in a Velero schedule of that namespace', async () => {
    expect((await run({ ...files, 'k8s/velero/schedule.yaml': velero })).findings).toEqual(['restore-never-tested low chart/Chart.yaml:5']);
    // Another namespace's schedule does not cover it.
    expect((await run({ ...files, 'k8s/velero/schedule.yaml': velero.replace('[acme-prod]', '[acme-staging]') })).findings).toEqual(['no-backup high chart/Chart.yaml:5']);
  });

  it('stays quiet when production turns the subchart off, or nothing deploys the chart', async () => {
    expect((await run({ ...files, 'chart/values-production.yaml': 'postgresql:\n  enabled: false\nexternalDatabase:\n  existingSecret: acme-db\n' })).findings).toEqual([]);
    expect((await run({ ...files, 'chart/values.yaml': values.replace('  enabled: true', '  enabled: false') })).findings).toEqual([]);
    expect((await run({ 'chart/Chart.yaml': chart, 'chart/values.yaml': values })).findings).toEqual([]);
  });
});

describe('formats across platform families', () => {
  const cases: Array<{ note: string; files: Record<string, string>; findings: string[] }> = [
    {
      note: "a scheduled GitLab job copies a Fly volume to Backblaze with restic",
      files: {
        "fly.toml": "app = \"x\"\n[[mounts]]\n  source = \"d\"\n  destination = \"/data\"\n",
        ".gitlab-ci.yml": "variables:\n  RESTIC_REPOSITORY: b2:acme-restic:app\nbackup:\n  image: alpine\n  rules:\n    - if: $CI_PIPELINE_SOURCE == \"schedule\"\n  script:\n    - fly ssh sftp get /data/app.db app.db\n    - restic backup app.db\n"
      },
      findings: ["restore-never-tested low fly.toml:2"],
    },
    {
      note: "borgmatic to a Hetzner storage box, with extract checks",
      files: {
        "docker-compose.prod.yml": "services:\n  db:\n    image: postgres:16\n    volumes: [pg:/var/lib/postgresql/data]\nvolumes:\n  pg: {}\n",
        "borgmatic.d/config.yaml": "source_directories:\n  - /srv\nrepositories:\n  - path: ssh://u123@u123.your-storagebox.de:23/./borg\n    label: hetzner\npostgresql_databases:\n  - name: all\nchecks:\n  - name: repository\n  - name: extract\n"
      },
      findings: [],
    },
    {
      note: "pgBackRest to Wasabi",
      files: {
        "k8s/production/pg.yaml": "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: pg\n  namespace: prod\nspec:\n  template:\n    spec:\n      containers:\n        - name: pg\n          image: postgres:16\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n",
        "pgbackrest/pgbackrest.conf": "[global]\nrepo1-type=s3\nrepo1-s3-bucket=acme-pgbackrest\nrepo1-s3-endpoint=s3.eu-central-1.wasabisys.com\nrepo1-s3-region=eu-central-1\nrepo1-retention-full=4\n\n[main]\npg1-path=/var/lib/postgresql/data\n"
      },
      findings: ["restore-never-tested low k8s/production/pg.yaml:2"],
    },
    {
      note: "Zalando operator archiving WAL to S3",
      files: {
        "manifests/production/acid.yaml": "apiVersion: acid.zalan.do/v1\nkind: postgresql\nmetadata:\n  name: acid-main\n  namespace: prod\nspec:\n  teamId: acid\n  volume:\n    size: 50Gi\n  numberOfInstances: 2\n",
        "manifests/operator-config.yaml": "apiVersion: acid.zalan.do/v1\nkind: OperatorConfiguration\nmetadata:\n  name: postgresql-operator-configuration\nconfiguration:\n  aws_or_gcp:\n    wal_s3_bucket: acme-wal\n    aws_region: eu-west-1\n"
      },
      findings: ["restore-never-tested low manifests/production/acid.yaml:2"],
    },
    {
      note: "a DynamoDB table in a Serverless config, named per stage",
      files: {
        "serverless.yml": "service: orders\nprovider:\n  name: aws\n  runtime: nodejs20.x\n  stage: ${opt:stage, 'dev'}\nfunctions:\n  api:\n    handler: src/api.handler\nresources:\n  Resources:\n    OrdersTable:\n      Type: AWS::DynamoDB::Table\n      Properties:\n        TableName: orders-${sls:stage}\n        BillingMode: PAY_PER_REQUEST\n        PointInTimeRecoverySpecification:\n          PointInTimeRecoveryEnabled: true\n        AttributeDefinitions:\n          - AttributeName: id\n            AttributeType: S\n        KeySchema:\n          - AttributeName: id\n            KeyType: HASH\n"
      },
      findings: ["provider-only-backup high serverless.yml:11"],
    },
    {
      note: "Azure, Cloud SQL, DigitalOcean and Atlas databases in Terraform",
      files: {
        "infra/main.tf": "provider \"azurerm\" {\n  features {}\n}\nresource \"azurerm_postgresql_flexible_server\" \"main\" {\n  name = \"acme-pg\"\n  geo_redundant_backup_enabled = true\n}\nresource \"google_sql_database_instance\" \"main\" {\n  name = \"acme-sql\"\n  database_version = \"POSTGRES_16\"\n  deletion_protection = false\n  settings {\n    tier = \"db-f1-micro\"\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\nresource \"digitalocean_database_cluster\" \"pg\" {\n  name = \"acme-do\"\n  engine = \"pg\"\n}\nresource \"mongodbatlas_advanced_cluster\" \"main\" {\n  name = \"acme-atlas\"\n  backup_enabled = true\n}\n"
      },
      findings: ["provider-only-backup medium infra/main.tf:4", "provider-only-backup high infra/main.tf:8", "deletion-protection-off medium infra/main.tf:11", "provider-only-backup high infra/main.tf:19", "provider-only-backup high infra/main.tf:23"],
    },
    {
      note: "a Kamal app volume (Rails SQLite) replicated by Litestream to R2",
      files: {
        "config/deploy.yml": "service: notes\nimage: acme/notes\nservers:\n  - 1.2.3.4\nvolumes:\n  - \"notes_storage:/rails/storage\"\n",
        "config/litestream.yml": "dbs:\n  - path: /rails/storage/production.sqlite3\n    replicas:\n      - url: s3://notes-litestream/production.sqlite3\n        endpoint: https://abc.r2.cloudflarestorage.com\n"
      },
      findings: ["restore-never-tested low config/deploy.yml:6"],
    },
    {
      note: "a Python CDK table with RemovalPolicy.DESTROY",
      files: {
        "app.py": "import aws_cdk as cdk\nfrom aws_cdk import aws_dynamodb as dynamodb, aws_rds as rds, RemovalPolicy\n\nclass DataStack(cdk.Stack):\n    def __init__(self, scope, id, **kwargs):\n        super().__init__(scope, id, **kwargs)\n        dynamodb.Table(self, \"Orders\",\n            table_name=\"orders-prod\",\n            partition_key=dynamodb.Attribute(name=\"pk\", type=dynamodb.AttributeType.STRING),\n            removal_policy=RemovalPolicy.DESTROY,\n        )\n"
      },
      findings: ["deletion-protection-off low app.py:7", "no-backup high app.py:7", "deletion-policy-delete medium app.py:10"],
    },
    {
      note: "an R2 bucket of user uploads bound to a production Worker has no copy of its own; one of build assets, or a starter's my-uploads, is no store",
      files: {
        "wrangler.toml": "name = \"linkpad-api\"\nmain = \"src/index.ts\"\n\n[[r2_buckets]]\nbinding = \"UPLOADS\"\nbucket_name = \"linkpad-user-uploads-prod\"\n\n[[r2_buckets]]\nbinding = \"ASSETS\"\nbucket_name = \"linkpad-static-assets\"\n\n[[r2_buckets]]\nbinding = \"MEDIA\"\nbucket_name = \"my-uploads\"\n\n[vars]\nAPP_ENV = \"production\"\n"
      },
      findings: ["no-backup high wrangler.toml:4"],
    },
    {
      note: "a D1 export covers the database it names, not every D1 database of the project",
      files: {
        "wrangler.toml": "name = \"linkpad\"\n\n[vars]\nAPP_ENV = \"production\"\n\n[[d1_databases]]\nbinding = \"DB\"\ndatabase_name = \"linkpad-prod\"\ndatabase_id = \"3f1c9a2e-7b4d-4e8a-9c1f-2d6b8e0a4c71\"\n\n[[d1_databases]]\nbinding = \"AUDIT\"\ndatabase_name = \"linkpad-audit-prod\"\ndatabase_id = \"8a2e4c6b-1d3f-4a5b-9e7c-0f2a4b6c8d9e\"\n",
        "scripts/backup-audit.sh": "#!/bin/sh\nnpx wrangler d1 export linkpad-audit-prod --remote --output=/tmp/audit.sql\nb2 file upload linkpad-backups /tmp/audit.sql \"d1/audit-$(date -u +%F).sql\"\n"
      },
      findings: ["provider-only-backup high wrangler.toml:6", "restore-never-tested low wrangler.toml:11"],
    },
    {
      note: "a bucket named for its service and its data (billing's uploads) holds data; one named for the service alone does not",
      files: {
        "main.tf": "resource \"aws_s3_bucket\" \"uploads\" {\n  bucket        = \"acme-billing-uploads-prod\"\n  force_destroy = true\n}\n\nresource \"aws_s3_bucket\" \"reports\" {\n  bucket        = \"acme-billing-reports\"\n  force_destroy = true\n}\n"
      },
      findings: ["no-backup high main.tf:1", "no-prevent-destroy low main.tf:1", "force-destroy medium main.tf:3"],
    },
    {
      note: "a starter's .env.example naming template hosts (your-db-your-org.turso.io, ep-your-endpoint…neon.tech) declares no store",
      files: {
        ".env.example": "TURSO_DATABASE_URL=libsql://your-db-your-org.turso.io\nDATABASE_URL=postgresql://user:password@ep-your-endpoint-123456.us-east-2.aws.neon.tech/neondb\nMONGODB_URI=mongodb+srv://<user>:<password>@your-cluster.abc123.mongodb.net/app\n",
        "vercel.json": "{\"framework\":\"nextjs\"}\n"
      },
      findings: [],
    },
    {
      note: "a Pulumi program whose project has a production stack runs as production: an unprotected RDS instance is reported",
      files: {
        "Pulumi.yaml": "name: orders-infra\nruntime: nodejs\n",
        "Pulumi.staging.yaml": "config:\n  aws:region: eu-west-1\n",
        "Pulumi.production.yaml": "config:\n  aws:region: eu-west-1\n",
        "index.ts": "import * as pulumi from \"@pulumi/pulumi\";\nimport * as aws from \"@pulumi/aws\";\n\nconst stack = pulumi.getStack();\nconst db = new aws.rds.Instance(\"orders-db\", {\n  identifier: `orders-${stack}`,\n  engine: \"postgres\",\n  instanceClass: \"db.t4g.medium\",\n  deletionProtection: true,\n});\n"
      },
      findings: ["no-prevent-destroy low index.ts:5", "provider-only-backup high index.ts:5"],
    },
    {
      note: "an SST app removing every stage's resources with `sst remove`, production's Postgres and bucket included",
      files: {
        "sst.config.ts": "export default $config({\n  app(input) {\n    return { name: \"notes\", removal: \"remove\", home: \"aws\" };\n  },\n  async run() {\n    const db = new sst.aws.Postgres(\"Database\", { vpc });\n    const files = new sst.aws.Bucket(\"Files\");\n  },\n});\n"
      },
      findings: ["deletion-policy-delete medium sst.config.ts:3", "deletion-policy-delete medium sst.config.ts:3", "provider-only-backup high sst.config.ts:6", "no-backup high sst.config.ts:7"],
    },
    {
      note: "an SST app retaining production's resources; the other stages create their own",
      files: {
        "sst.config.ts": "export default $config({\n  app(input) {\n    return { name: \"notes\", removal: input?.stage === \"production\" ? \"retain\" : \"remove\", home: \"aws\" };\n  },\n  async run() {\n    const db = $app.stage === \"production\" ? new sst.aws.Postgres(\"Database\", { vpc }) : new sst.aws.Postgres(\"Scratch\", { vpc });\n  },\n});\n"
      },
      findings: ["provider-only-backup high sst.config.ts:6"],
    },
    {
      note: "a Render blueprint offered through a Deploy to Render button is a template",
      files: {
        "README.md": "# Thing\n\n[![Deploy to Render](https://render.com/images/deploy-to-render-button.svg)](https://render.com/deploy?repo=https://github.com/x/thing)\n",
        "render.yaml": "databases:\n  - name: thing-db\n    plan: free\n"
      },
      findings: [],
    },
    {
      note: "a Supabase dump uploaded to R2 under a dated name (an unquoted $(date) inside the word)",
      files: {".github/workflows/backup.yml": "name: supabase backup\non: { schedule: [{ cron: \"0 4 * * *\" }] }\njobs:\n  backup:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: supabase/setup-cli@v1\n      - run: |\n          supabase db dump --db-url \"$SUPABASE_DB_URL\" -f roles.sql --role-only\n          supabase db dump --db-url \"$SUPABASE_DB_URL\" -f schema.sql\n          supabase db dump --db-url \"$SUPABASE_DB_URL\" -f data.sql --use-copy --data-only\n          tar czf supabase-$(date +%F).tgz roles.sql schema.sql data.sql\n          aws s3 cp supabase-$(date +%F).tgz s3://acme-supabase-offsite/ --endpoint-url https://0123456789abcdef.r2.cloudflarestorage.com\n        env:\n          SUPABASE_DB_URL: ${{ secrets.SUPABASE_DB_URL }}\n          AWS_ACCESS_KEY_ID: ${{ secrets.R2_KEY }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.R2_SECRET }}\n", ".github/workflows/supabase-deploy.yml": "name: supabase deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: supabase/setup-cli@v1\n      - run: supabase link --project-ref abcdefghijklmnopqrst && supabase db push\n        env: { SUPABASE_ACCESS_TOKEN: \"${{ secrets.SUPABASE_ACCESS_TOKEN }}\", SUPABASE_DB_PASSWORD: \"${{ secrets.SUPABASE_DB_PASSWORD }}\" }\n", "supabase/config.toml": "project_id = \"acme\"\n[api]\nenabled = true\nport = 54321\n[db]\nport = 54322\nmajor_version = 15\n", "supabase/migrations/20240101000000_init.sql": "create table notes (id bigint generated always as identity primary key, body text);\n"},
      findings: ["restore-never-tested low supabase/config.toml:1"],
    },
    {
      note: "a Kubernetes CronJob dumping to restic with the repository given by -r",
      files: {".github/workflows/deploy.yml": "name: deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/prod/\n", "k8s/prod/backup-cronjob.yaml": "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: postgres-backup\n  namespace: acme-prod\nspec:\n  schedule: \"15 2 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: backup\n              image: ghcr.io/acme/pg-restic:16\n              envFrom: [{ secretRef: { name: restic-b2 } }]\n              command: [\"/bin/sh\", \"-c\"]\n              args:\n                - |\n                  pg_dump -h postgres -U app -Fc app > /tmp/app.dump\n                  restic -r b2:acme-restic:/pg backup /tmp/app.dump --host acme-prod\n                  restic -r b2:acme-restic:/pg forget --keep-daily 14 --keep-weekly 8 --prune\n", "k8s/prod/postgres.yaml": "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\n  namespace: acme-prod\nspec:\n  serviceName: postgres\n  replicas: 1\n  selector: { matchLabels: { app: postgres } }\n  template:\n    metadata: { labels: { app: postgres } }\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          envFrom: [{ secretRef: { name: postgres } }]\n          volumeMounts:\n            - { name: data, mountPath: /var/lib/postgresql/data }\n  volumeClaimTemplates:\n    - metadata: { name: data }\n      spec:\n        accessModes: [ReadWriteOnce]\n        storageClassName: gp3\n        resources: { requests: { storage: 50Gi } }\n"},
      findings: ["restore-never-tested low k8s/prod/postgres.yaml:2"],
    },
    {
      note: "a restore drill in restore-test.yml is production's drill, not a test environment's",
      files: {".github/workflows/backup.yml": "name: nightly-backup\non: { schedule: [{ cron: \"17 3 * * *\" }] }\njobs:\n  backup:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: pg_dump \"$DATABASE_URL\" -Fc -f orders.dump\n        env: { DATABASE_URL: \"${{ secrets.DATABASE_URL }}\" }\n      - run: aws s3 cp orders.dump \"s3://acme-db-dr/orders/$(date +%F).dump\" --endpoint-url \"https://${{ vars.R2_ACCOUNT_ID }}.r2.cloudflarestorage.com\"\n        env: { AWS_ACCESS_KEY_ID: \"${{ secrets.R2_WRITE_KEY_ID }}\", AWS_SECRET_ACCESS_KEY: \"${{ secrets.R2_WRITE_SECRET }}\" }\n", ".github/workflows/restore-test.yml": "name: restore-test\non: { schedule: [{ cron: \"0 6 * * 1\" }], workflow_dispatch: {} }\njobs:\n  restore:\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:16\n        env: { POSTGRES_PASSWORD: postgres }\n        ports: [\"5432:5432\"]\n    steps:\n      - run: aws s3 cp \"s3://acme-db-dr/orders/latest.dump\" latest.dump --endpoint-url \"https://${{ vars.R2_ACCOUNT_ID }}.r2.cloudflarestorage.com\"\n        env: { AWS_ACCESS_KEY_ID: \"${{ secrets.R2_READ_KEY_ID }}\", AWS_SECRET_ACCESS_KEY: \"${{ secrets.R2_READ_SECRET }}\" }\n      - run: createdb -h localhost -U postgres scratch && pg_restore -h localhost -U postgres -d scratch latest.dump\n        env: { PGPASSWORD: postgres }\n      - run: psql -h localhost -U postgres -d scratch -c \"select count(*) from orders\"\n        env: { PGPASSWORD: postgres }\n", ".github/workflows/terraform.yml": "name: terraform\non: { push: { branches: [main] } }\njobs:\n  apply:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: hashicorp/setup-terraform@v3\n      - run: terraform -chdir=infra/prod init && terraform -chdir=infra/prod apply -auto-approve\n", "infra/prod/main.tf": "terraform {\n  required_providers { aws = { source = \"hashicorp/aws\", version = \"~> 5.0\" } }\n  backend \"s3\" {\n    bucket = \"acme-tfstate\"\n    key    = \"prod/terraform.tfstate\"\n    region = \"eu-west-1\"\n  }\n}\nprovider \"aws\" {\n  region              = \"eu-west-1\"\n  allowed_account_ids = [\"111111111111\"]\n}\n\nresource \"aws_db_instance\" \"orders\" {\n  identifier               = \"orders-prod\"\n  engine                   = \"postgres\"\n  engine_version           = \"16.3\"\n  instance_class           = \"db.t4g.medium\"\n  allocated_storage        = 50\n  username                 = \"app\"\n  manage_master_user_password = true\n  backup_retention_period  = 14\n  deletion_protection      = true\n  delete_automated_backups = false\n  skip_final_snapshot      = false\n  final_snapshot_identifier = \"orders-prod-final\"\n  lifecycle { prevent_destroy = true }\n}\n"},
      findings: [],
    },
    {
      note: "Heroku's backup downloaded through $(heroku pg:backups:url) and copied to S3",
      files: {".github/workflows/heroku-backup.yml": "name: heroku offsite backup\non: { schedule: [{ cron: \"30 2 * * *\" }] }\njobs:\n  backup:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: |\n          heroku pg:backups:capture --app acme-api\n          curl -sSL -o latest.dump \"$(heroku pg:backups:url --app acme-api)\"\n          aws s3 cp latest.dump s3://acme-heroku-offsite/pg/latest.dump\n        env:\n          HEROKU_API_KEY: ${{ secrets.HEROKU_API_KEY }}\n          AWS_ACCESS_KEY_ID: ${{ secrets.BACKUP_AWS_KEY }}\n          AWS_SECRET_ACCESS_KEY: ${{ secrets.BACKUP_AWS_SECRET }}\n", "Procfile": "release: npm run migrate\nweb: node server.js\n", "app.json": "{\n  \"name\": \"acme-api\",\n  \"stack\": \"heroku-24\",\n  \"formation\": { \"web\": { \"quantity\": 2, \"size\": \"standard-1x\" } },\n  \"addons\": [ { \"plan\": \"heroku-postgresql:standard-0\", \"as\": \"DATABASE\" }, \"heroku-redis:premium-0\" ],\n  \"scripts\": { \"postdeploy\": \"npm run migrate\" },\n  \"environments\": { \"test\": { \"addons\": [\"heroku-postgresql:in-dyno\"], \"scripts\": { \"test\": \"npm test\" } } }\n}\n"},
      findings: ["restore-never-tested low app.json:5"],
    },
    {
      note: "a dump from docker compose -f ... exec piped over ssh to a storage box",
      files: {".github/workflows/deploy.yml": "name: deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: appleboy/ssh-action@v1\n        with:\n          host: ${{ secrets.PROD_HOST }}\n          username: deploy\n          key: ${{ secrets.PROD_SSH_KEY }}\n          script: cd /srv/acme && git pull && docker compose -f docker-compose.prod.yml up -d\n", "deploy/crontab": "30 2 * * * /srv/acme/scripts/backup.sh\n", "docker-compose.prod.yml": "services:\n  db:\n    image: postgres:16\n    volumes: [pgdata:/var/lib/postgresql/data]\nvolumes:\n  pgdata:\n", "scripts/backup.sh": "#!/usr/bin/env bash\n# runs nightly from cron on the production droplet\nset -euo pipefail\ndocker compose -f /srv/acme/docker-compose.prod.yml exec -T db pg_dumpall -U postgres | gzip | ssh -i /root/.ssh/backup u123456@u123456.your-storagebox.de \"cat > backups/acme-$(date +%F).sql.gz\"\n"},
      findings: ["restore-never-tested low docker-compose.prod.yml:2"],
    },
    {
      note: "RDS created through the terraform-aws-modules/rds registry module",
      files: {".github/workflows/terraform.yml": "name: terraform\non: { push: { branches: [main] } }\njobs:\n  apply:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: hashicorp/setup-terraform@v3\n      - run: terraform -chdir=infra/prod init && terraform -chdir=infra/prod apply -auto-approve\n", "infra/prod/main.tf": "terraform {\n  required_providers { aws = { source = \"hashicorp/aws\", version = \"~> 5.0\" } }\n  backend \"s3\" {\n    bucket = \"acme-tfstate\"\n    key    = \"prod/terraform.tfstate\"\n    region = \"eu-west-1\"\n  }\n}\nprovider \"aws\" {\n  region              = \"eu-west-1\"\n  allowed_account_ids = [\"111111111111\"]\n}\nmodule \"db\" {\n  source  = \"terraform-aws-modules/rds/aws\"\n  version = \"~> 6.5\"\n  identifier = \"orders-prod\"\n  engine            = \"postgres\"\n  engine_version    = \"16\"\n  family            = \"postgres16\"\n  instance_class    = \"db.t4g.large\"\n  allocated_storage = 50\n  db_name  = \"orders\"\n  username = \"app\"\n  backup_retention_period = 7\n  deletion_protection     = true\n}\n"},
      findings: ["backups-die-with-instance low infra/prod/main.tf:13", "no-prevent-destroy low infra/prod/main.tf:13", "provider-only-backup high infra/prod/main.tf:13"],
    },
    {
      note: "duplicity and kopia sending dumps to Backblaze",
      files: {
        "docker-compose.prod.yml": "services:\n  db:\n    image: postgres:16\n    volumes: [pg:/var/lib/postgresql/data]\nvolumes:\n  pg: {}\n",
        "scripts/backup-db.sh": "#!/bin/sh\nset -e\ndocker compose -f docker-compose.prod.yml exec -T db pg_dump -U app app > /srv/backup/app.sql\nduplicity full /srv/backup b2://${B2_KEY_ID}:${B2_KEY}@acme-duplicity/db\n",
        "scripts/backup-files.sh": "#!/bin/sh\nkopia repository connect b2 --bucket=acme-kopia --key-id=\"$B2_KEY_ID\" --key=\"$B2_KEY\"\nkopia snapshot create /srv/backup\n",
      },
      findings: ["restore-never-tested low docker-compose.prod.yml:2"],
    },
    {
      note: "Velero installed from its Helm chart, file-system backups to Backblaze",
      files: {".github/workflows/deploy.yml": "name: deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/prod/ && helm upgrade --install velero vmware-tanzu/velero -n velero -f k8s/velero/values.yaml\n", "k8s/prod/postgres.yaml": "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\n  namespace: acme-prod\nspec:\n  serviceName: postgres\n  replicas: 1\n  selector: { matchLabels: { app: postgres } }\n  template:\n    metadata: { labels: { app: postgres } }\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          envFrom: [{ secretRef: { name: postgres } }]\n          volumeMounts:\n            - { name: data, mountPath: /var/lib/postgresql/data }\n  volumeClaimTemplates:\n    - metadata: { name: data }\n      spec:\n        accessModes: [ReadWriteOnce]\n        storageClassName: gp3\n        resources: { requests: { storage: 50Gi } }\n", "k8s/velero/values.yaml": "configuration:\n  backupStorageLocation:\n    - name: default\n      provider: aws\n      bucket: acme-velero\n      config:\n        region: eu-central-003\n        s3ForcePathStyle: true\n        s3Url: https://s3.eu-central-003.backblazeb2.com\n  volumeSnapshotLocation: []\n  defaultVolumesToFsBackup: true\ndeployNodeAgent: true\nschedules:\n  daily-prod:\n    schedule: \"0 3 * * *\"\n    template:\n      ttl: \"720h\"\n      includedNamespaces: [acme-prod]\n      snapshotVolumes: false\n      defaultVolumesToFsBackup: true\n"},
      findings: ["restore-never-tested low k8s/prod/postgres.yaml:2"],
    },
    {
      note: "an EBS volume, a Redshift cluster and a Lightsail database in production Terraform",
      files: {".github/workflows/terraform.yml": "name: terraform\non: { push: { branches: [main] } }\njobs:\n  apply:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: hashicorp/setup-terraform@v3\n      - run: terraform -chdir=infra/prod init && terraform -chdir=infra/prod apply -auto-approve\n", "infra/prod/main.tf": "terraform {\n  required_providers { aws = { source = \"hashicorp/aws\", version = \"~> 5.0\" } }\n  backend \"s3\" {\n    bucket = \"acme-tfstate\"\n    key    = \"prod/terraform.tfstate\"\n    region = \"eu-west-1\"\n  }\n}\nprovider \"aws\" {\n  region              = \"eu-west-1\"\n  allowed_account_ids = [\"111111111111\"]\n}\nresource \"aws_ebs_volume\" \"pgdata\" {\n  availability_zone = \"eu-west-1a\"\n  size              = 200\n  type              = \"gp3\"\n  tags = { Name = \"pgdata-prod\" }\n}\nresource \"aws_lightsail_database\" \"app\" {\n  relational_database_name = \"app-prod\"\n  availability_zone        = \"eu-west-1a\"\n  master_database_name     = \"app\"\n  master_username          = \"app\"\n  master_password          = var.db_password\n  blueprint_id             = \"postgres_16\"\n  bundle_id                = \"micro_2_0\"\n}\nresource \"aws_redshift_cluster\" \"dw\" {\n  cluster_identifier = \"dw-prod\"\n  database_name      = \"dw\"\n  master_username    = \"admin\"\n  node_type          = \"ra3.xlplus\"\n  cluster_type       = \"single-node\"\n  manage_master_password = true\n}\nresource \"aws_opensearch_domain\" \"search\" {\n  domain_name    = \"search-prod\"\n  engine_version = \"OpenSearch_2.11\"\n}\n"},
      findings: ["no-backup high infra/prod/main.tf:13", "no-prevent-destroy low infra/prod/main.tf:13", "no-prevent-destroy low infra/prod/main.tf:19", "provider-only-backup high infra/prod/main.tf:19", "no-prevent-destroy low infra/prod/main.tf:28", "provider-only-backup high infra/prod/main.tf:28"],
    },
    {
      note: "CloudNativePG through its Helm chart with backups off",
      files: {".github/workflows/deploy.yml": "name: deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - run: helmfile -f deploy/helmfile.yaml apply\n", "deploy/helm/values-prod.yaml": "type: postgresql\nmode: standalone\ncluster:\n  instances: 3\n  storage:\n    size: 50Gi\n    storageClass: gp3\nbackups:\n  enabled: false\n", "deploy/helmfile.yaml": "repositories:\n  - name: cnpg\n    url: https://cloudnative-pg.github.io/charts\nreleases:\n  - name: acme-pg\n    namespace: acme-prod\n    chart: cnpg/cluster\n    values: [helm/values-prod.yaml]\n"},
      findings: ["no-backup high deploy/helm/values-prod.yaml:1"],
    },
    {
      note: "CloudNativePG through its Helm chart, backing up to R2",
      files: {
        "deploy/helm/values-prod.yaml": "type: postgresql\nmode: standalone\ncluster:\n  instances: 3\n  storage:\n    size: 50Gi\nbackups:\n  enabled: true\n  endpointURL: https://0123456789abcdef0123456789abcdef.r2.cloudflarestorage.com\n  destinationPath: s3://acme-pg-backups/\n  provider: s3\n"
      },
      findings: ["restore-never-tested low deploy/helm/values-prod.yaml:1"],
    },
    {
      note: "a Kamal backup accessory whose S3 endpoint is one of Kamal's secrets: the bucket may be at any provider",
      files: {"config/deploy.yml": "service: acme\nimage: acme/app\nservers:\n  web:\n    - 203.0.113.10\naccessories:\n  db:\n    image: postgres:16\n    host: 203.0.113.10\n    directories:\n      - data:/var/lib/postgresql/data\n  db-backup:\n    image: eeshugerman/postgres-backup-s3:16\n    host: 203.0.113.10\n    env:\n      clear:\n        SCHEDULE: \"@daily\"\n        S3_BUCKET: acme-db-backups\n      secret:\n        - S3_ACCESS_KEY_ID\n        - S3_SECRET_ACCESS_KEY\n        - S3_ENDPOINT\n"},
      findings: ["backup-destination-unknown low config/deploy.yml:7"],
    },
    {
      note: "the same accessory with no endpoint set: the bucket is on AWS S3",
      files: {"config/deploy.yml": "service: acme\nimage: acme/app\nservers:\n  web:\n    - 203.0.113.10\naccessories:\n  db:\n    image: postgres:16\n    host: 203.0.113.10\n    directories:\n      - data:/var/lib/postgresql/data\n  db-backup:\n    image: eeshugerman/postgres-backup-s3:16\n    host: 203.0.113.10\n    env:\n      clear:\n        SCHEDULE: \"@daily\"\n        S3_BUCKET: acme-db-backups\n      secret:\n        - S3_ACCESS_KEY_ID\n        - S3_SECRET_ACCESS_KEY\n"},
      findings: ["restore-never-tested low config/deploy.yml:7"],
    },
    {
      note: "a team's own Postgres image, known by the data directory it mounts, with nothing copying it",
      files: {"deploy/docker-compose.prod.yml": "services:\n  db:\n    image: ghcr.io/acme/postgres-walg:16\n    environment:\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  web:\n    image: ghcr.io/acme/web:latest\n    volumes:\n      - ./uploads:/app/uploads\nvolumes:\n  pgdata:\n", ".github/workflows/deploy.yml": "name: deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ssh deploy@db.acme.io \"cd /srv/acme && docker compose -f deploy/docker-compose.prod.yml up -d\"\n"},
      findings: ["no-backup high deploy/docker-compose.prod.yml:2"],
    },
    {
      note: "the same image archiving its WAL to Backblaze with WAL-G",
      files: {"deploy/docker-compose.prod.yml": "services:\n  db:\n    image: ghcr.io/acme/postgres-walg:16\n    environment:\n      WALG_S3_PREFIX: s3://acme-walg/prod\n      AWS_ENDPOINT: https://s3.eu-central-003.backblazeb2.com\n      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD}\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  web:\n    image: ghcr.io/acme/web:latest\n    volumes:\n      - ./uploads:/app/uploads\nvolumes:\n  pgdata:\n", ".github/workflows/deploy.yml": "name: deploy\non: { push: { branches: [main] } }\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: ssh deploy@db.acme.io \"cd /srv/acme && docker compose -f deploy/docker-compose.prod.yml up -d\"\n"},
      findings: ["restore-never-tested low deploy/docker-compose.prod.yml:2"],
    },
  ];
  for (const { note, files, findings } of cases) {
    it(note, async () => {
      expect((await run(files)).findings).toEqual(findings);
    });
  }
});

describe('configs that cannot be read', () => {
  it('turns broken configs into notifications and still reads the rest', async () => {
    const { result, findings } = await run({
      'render.yaml': 'databases:\n  - name: acme-db\n    plan: [free\n',
      'fly.toml': 'app = "notes"\n[[mounts]\n  source = "data"\n',
      'infra/main.tf': 'resource "aws_db_instance" "main" {\n  identifier = \n',
      'litestream.yml': 'dbs:\n  - path: /data/x.db\n    replicas: [ {\n',
      'k8s/production/db.yaml': 'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: db\n  namespace: "prod\n',
      '.railway/railway.ts': 'export default defineRailway(() => {\n  const db = postgres("Postgres"\n',
      '.github/workflows/backup.yml': 'on:\n  schedule:\n    - cron: "0 1 * * *"\njobs:\n  backup:\n    steps:\n      - run: pg_dump "$DB" | gzip > db.gz\n     - run: aws s3 cp db.gz s3://x/\n',
      'docker-compose.prod.yml': 'services:\n  db:\n    image: postgres:16\n    volumes: [pgdata:/var/lib/postgresql/data]\nvolumes:\n  pgdata: {}\n',
    });
    const parseErrors = result.notifications.filter((notification) => notification.code === 'parse-error').map((notification) => notification.path).sort();
    expect(parseErrors).toEqual(['.github/workflows/backup.yml', '.railway/railway.ts', 'fly.toml', 'infra/main.tf', 'k8s/production/db.yaml', 'litestream.yml', 'render.yaml']);
    expect(result.notifications.filter((notification) => notification.code === 'detector-error')).toEqual([]);
    expect(findings).toEqual(['no-backup medium docker-compose.prod.yml:2']);
  });
});

describe('where the repo shows the app deployed', () => {
  it("cites production's deploy config, not a staging destination's", async () => {
    const { result } = await run({
      'config/database.yml': 'production:\n  adapter: postgresql\n  host: shop-prod.cbx7xq1w2e.us-east-1.rds.amazonaws.com\n  database: shop_production\n',
      'config/deploy.yml': 'service: shop\nimage: acme/shop\nservers:\n  web:\n    - 203.0.113.10\nenv:\n  clear:\n    RAILS_ENV: production\n',
      'config/deploy.staging.yml': 'servers:\n  web:\n    - 203.0.113.30\nenv:\n  clear:\n    RAILS_ENV: staging\naccessories:\n  db:\n    image: postgres:16\n    host: 203.0.113.20\n    directories:\n      - data:/var/lib/postgresql/data\n',
      'Gemfile': "source 'https://rubygems.org'\ngem 'rails'\ngem 'pg'\ngem 'kamal'\n",
    });
    const cited = result.findings.flatMap((finding) => finding.related ?? []).filter((related) => related.message === 'where the repo shows this app deployed');
    expect(cited.length).toBeGreaterThan(0);
    expect(cited.map((related) => related.location.path)).not.toContain('config/deploy.staging.yml');
  });
});

describe('names of stores', () => {
  it('names a module resource with a computed identifier by the name production\'s module call makes, and one with no name by its label', async () => {
    const { stores } = await run({
      'infra/modules/rds/main.tf': 'variable "name" {}\nvariable "env" {}\nresource "aws_db_instance" "this" {\n  identifier = "${var.name}-${var.env}"\n  engine = "postgres"\n  backup_retention_period = 7\n}\n',
      'infra/envs/prod/main.tf': 'module "db" {\n  source = "../../modules/rds"\n  name = "orbitly"\n  env = "prod"\n}\n',
      'infra/modules/orders/main.tf': 'resource "aws_db_instance" "orders" {\n  engine = "postgres"\n}\n',
    });
    expect(stores.map((store) => store.name).sort()).toEqual(['orbitly-prod', 'orders']);
  });
});

describe('environments of Terraform resources', () => {
  it("places a GCP resource outside a root module by the project it names (`project = \"carelog-prod\"`)", async () => {
    const sql = (project: string) => `resource "google_sql_database_instance" "carelog" {\n  name = "carelog-pg"\n  project = "${project}"\n  database_version = "POSTGRES_16"\n  settings {\n    tier = "db-custom-2-7680"\n    backup_configuration { enabled = true }\n  }\n}\n`;
    const { findings } = await run({ 'infra/cloudsql.tf': sql('carelog-prod'), 'infra-staging/cloudsql.tf': sql('carelog-staging') });
    expect(findings.filter((finding) => finding.startsWith('provider-only-backup'))).toEqual(['provider-only-backup high infra/cloudsql.tf:1']);
  });
});

describe('production compose files nothing deploys', () => {
  it('rates a production-named stack high when the repo deploys it over ssh, medium when nothing does (a self-hosting template)', async () => {
    const compose = 'services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n';
    const deploy = 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ssh deploy@203.0.113.7 "cd /srv/app && docker compose -f docker-compose.prod.yml up -d"\n';
    expect((await run({ 'docker-compose.prod.yml': compose })).findings).toEqual(['no-backup medium docker-compose.prod.yml:2']);
    expect((await run({ 'docker-compose.prod.yml': compose, '.github/workflows/deploy.yml': deploy })).findings).toEqual(['no-backup high docker-compose.prod.yml:2']);
  });
});

describe('Pulumi programs', () => {
  it("credits an aws.backup.Plan whose copy action names another account's vault, and names the cluster as written", async () => {
    const program = (copy: string) =>
      `import * as aws from "@pulumi/aws";\nconst env = "prod";\nconst cluster = new aws.rds.Cluster(\`billing-\${env}\`, { engine: "aurora-postgresql", backupRetentionPeriod: 7 });\nconst plan = new aws.backup.Plan("billing-prod", {\n  rules: [{\n    ruleName: "daily",\n    targetVaultName: "billing-prod",\n    schedule: "cron(0 3 * * ? *)",${copy}\n  }],\n});\n`;
    const copy = '\n    copyActions: [{ destinationVaultArn: "arn:aws:backup:us-west-2:552211009988:backup-vault:billing-dr" }],';
    const { findings, stores } = await run({ 'Pulumi.yaml': 'name: billing\nruntime: nodejs\n', 'index.ts': program(copy) });
    expect(stores.map((store) => store.name)).toEqual(['billing-${env}']);
    expect(findings.filter((finding) => finding.startsWith('provider-only-backup'))).toEqual([]);
    expect((await run({ 'Pulumi.yaml': 'name: billing\nruntime: nodejs\n', 'index.ts': program('') })).findings.filter((finding) => finding.startsWith('provider-only-backup'))).toEqual(['provider-only-backup high index.ts:3']);
  });
});

describe('Serverless Framework names', () => {
  it('names a table by what custom: says its ${self:custom.x} name is', async () => {
    const serverless = 'service: events\nprovider:\n  name: aws\ncustom:\n  eventsTable: events-${sls:stage}\nresources:\n  Resources:\n    EventsTable:\n      Type: AWS::DynamoDB::Table\n      Properties:\n        TableName: ${self:custom.eventsTable}\n        BillingMode: PAY_PER_REQUEST\n';
    const { stores } = await run({ 'serverless.yml': serverless });
    expect(stores.map((store) => store.name)).toEqual(['events-${sls:stage}']);
  });
});

/** An RDS instance backed up by AWS Backup: with a dynamic copy_action to another account's vault, or with none. */
function readFixtureLike(copy: 'dynamic' | 'none'): string {
  const dynamic = copy === 'dynamic' ? '    dynamic "copy_action" {\n      for_each = var.environment == "production" ? [1] : []\n      content {\n        destination_vault_arn = "arn:aws:backup:us-west-2:771902548113:backup-vault:billing-dr"\n      }\n    }\n' : '';
  return `variable "environment" { type = string }\n\nresource "aws_db_instance" "billing" {\n  identifier              = "billing-prod"\n  engine                  = "postgres"\n  backup_retention_period = 14\n  delete_automated_backups = false\n  deletion_protection     = true\n  lifecycle { prevent_destroy = true }\n}\n\nresource "aws_backup_plan" "rds" {\n  name = "billing-rds"\n  rule {\n    rule_name         = "nightly"\n    target_vault_name = "billing"\n${dynamic}  }\n}\n\nresource "aws_backup_selection" "rds" {\n  name         = "billing-rds"\n  plan_id      = aws_backup_plan.rds.id\n  iam_role_arn = "arn:aws:iam::604812337915:role/aws-backup"\n  resources    = [aws_db_instance.billing.arn]\n}\n`;
}

describe('Kubernetes backups inside the cluster', () => {
  const postgres =
    'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\n  namespace: shop-prod\nspec:\n  serviceName: postgres\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        storageClassName: longhorn\n';
  const schedule = 'apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: nightly\n  namespace: velero\nspec:\n  schedule: "0 2 * * *"\n  template:\n    includedNamespaces: ["shop-prod"]\n    defaultVolumesToFsBackup: true\n';
  const location = (name: string, s3Url: string, isDefault: boolean) =>
    `apiVersion: velero.io/v1\nkind: BackupStorageLocation\nmetadata:\n  name: ${name}\n  namespace: velero\nspec:\n  provider: aws\n${isDefault ? '  default: true\n' : ''}  objectStorage:\n    bucket: velero\n  config:\n    region: minio\n    s3Url: ${s3Url}\n`;
  const minio = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: minio\n  namespace: velero\nspec:\n  template:\n    spec:\n      containers:\n        - name: minio\n          image: quay.io/minio/minio:RELEASE.2024-05-10T01-41-38Z\n      volumes:\n        - name: storage\n          persistentVolumeClaim:\n            claimName: minio-storage\n';
  const applied = '.github/workflows/deploy.yml';
  const deploy = 'on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: kubectl apply -k k8s/\n';

  it('keeps a copy sent to a MinIO Service of the same cluster on the same volume, and does not take that MinIO for a store', async () => {
    const { findings } = await run({ 'k8s/postgres.yaml': postgres, 'k8s/velero/schedule.yaml': schedule, 'k8s/velero/location.yaml': location('default', 'http://minio.velero.svc:9000', false), 'k8s/velero/minio.yaml': minio, [applied]: deploy });
    expect(findings).toEqual(['same-volume-backup high k8s/postgres.yaml:2']);
  });

  it('sends schedules that name no location to the one marked default, whatever its name', async () => {
    const offsite = location('aws-offsite', 'https://s3.us-east-1.amazonaws.com', true);
    const { findings } = await run({ 'k8s/postgres.yaml': postgres, 'k8s/velero/schedule.yaml': schedule, 'k8s/velero/location.yaml': offsite, [applied]: deploy });
    expect(findings).toEqual(['restore-never-tested low k8s/postgres.yaml:2']);
  });

  it('reads a claim bound to a volume by name as that volume, and a claim for backups as no store', async () => {
    const pv = 'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: uploads-prod\nspec:\n  persistentVolumeReclaimPolicy: Retain\n  csi:\n    driver: efs.csi.aws.com\n    volumeHandle: fs-0a1b2c3d4e5f60718\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: uploads\n  namespace: forms-prod\nspec:\n  volumeName: uploads-prod\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: postgres-backups\n  namespace: forms-prod\nspec:\n  storageClassName: gp3\n';
    const { findings } = await run({ 'k8s/uploads.yaml': pv, [applied]: deploy });
    expect(findings).toEqual(['no-backup high k8s/uploads.yaml:2']);
  });
});

describe('restore-never-tested wording', () => {
  it('says where the copy goes and what a restore would be, for a bucket replicated to another account', async () => {
    const main = 'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "prod.tfstate"\n  }\n}\n\nprovider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_s3_bucket" "documents" {\n  bucket = "acme-customer-documents-prod"\n}\n';
    const replication = 'resource "aws_s3_bucket_replication_configuration" "documents" {\n  bucket = aws_s3_bucket.documents.id\n  rule {\n    status = "Enabled"\n    destination {\n      bucket  = "arn:aws:s3:::acme-documents-vault"\n      account = "771245093318"\n    }\n  }\n}\n';
    const { result } = await run({ 'infra/prod/main.tf': main, 'infra/prod/replication.tf': replication });
    const message = result.findings.find((finding) => finding.ruleId === `${PREFIX}restore-never-tested`)?.message;
    expect(message).toBe('Production bucket `acme-customer-documents-prod` on AWS is backed up to another account (s3-replication), but nothing in the repo ever restores a copy and checks it.');
  });
});

describe('MongoDB Atlas backup schedules', () => {
  const cluster = 'resource "mongodbatlas_advanced_cluster" "orders" {\n  project_id     = var.atlas_project_id\n  name           = "orders-prod"\n  cluster_type   = "REPLICASET"\n  backup_enabled = true\n}\n\n';
  const schedule = (inner: string) =>
    `resource "mongodbatlas_cloud_backup_schedule" "orders" {\n  project_id   = mongodbatlas_advanced_cluster.orders.project_id\n  cluster_name = mongodbatlas_advanced_cluster.orders.name\n${inner}}\n`;

  it('rates copies to another Atlas region as a copy in the same account, not the cluster alone', async () => {
    const { findings } = await run({ 'infra/main.tf': cluster + schedule('  copy_settings {\n    cloud_provider = "AWS"\n    region_name    = "EU_WEST_1"\n    frequencies    = ["DAILY"]\n  }\n') });
    expect(findings).toContain('provider-only-backup medium infra/main.tf:1');
    const { findings: alone } = await run({ 'infra/main.tf': cluster });
    expect(alone).toContain('provider-only-backup high infra/main.tf:1');
  });

  it('reads an automatic export to an S3 bucket as a copy outside Atlas, never restored', async () => {
    const exportBucket = 'resource "mongodbatlas_cloud_backup_snapshot_export_bucket" "dr" {\n  project_id     = var.atlas_project_id\n  bucket_name    = "acme-atlas-exports"\n  cloud_provider = "AWS"\n  iam_role_id    = var.atlas_role_id\n}\n\n';
    const { findings } = await run({
      'infra/main.tf': cluster + exportBucket + schedule('  auto_export_enabled = true\n  export {\n    export_bucket_id = mongodbatlas_cloud_backup_snapshot_export_bucket.dr.export_bucket_id\n    frequency_type   = "daily"\n  }\n'),
    });
    expect(findings.filter((finding) => !finding.startsWith('no-prevent-destroy'))).toEqual(['restore-never-tested low infra/main.tf:1']);
  });
});

describe('cloud servers and disks the team runs a database on', () => {
  const vm = (name: string) => `resource "azurerm_linux_virtual_machine" "vm" {\n  name                = "${name}"\n  resource_group_name = "claims"\n  location            = "westeurope"\n  size                = "Standard_E4s_v5"\n}\n`;

  it('reads a VM named for its database as a store, backed up by Azure Backup in the same subscription', async () => {
    const protectedVm = 'resource "azurerm_backup_protected_vm" "vm" {\n  resource_group_name = "claims"\n  recovery_vault_name = "claims-rsv"\n  source_vm_id        = azurerm_linux_virtual_machine.vm.id\n  backup_policy_id    = var.policy_id\n}\n';
    const { findings } = await run({ 'infra/main.tf': vm('claims-mongo-prod') + protectedVm });
    expect(findings).toContain('provider-only-backup high infra/main.tf:1');
    const { findings: bare } = await run({ 'infra/main.tf': vm('claims-mongo-prod') });
    expect(bare).toContain('no-backup high infra/main.tf:1');
    const { findings: web } = await run({ 'infra/main.tf': vm('claims-web-prod') });
    expect(web).toEqual([]);
  });

  it('rates a geo-redundant Data Protection vault as a copy in another region of the same subscription', async () => {
    const server = 'resource "azurerm_postgresql_flexible_server" "claims" {\n  name     = "claims-prod-pg"\n  location = "westeurope"\n  version  = "16"\n}\n';
    const vault = (redundancy: string) => `resource "azurerm_data_protection_backup_vault" "claims" {\n  name           = "claims-backup-vault"\n  location       = "westeurope"\n  datastore_type = "VaultStore"\n  redundancy     = "${redundancy}"\n}\n`;
    const instance = 'resource "azurerm_data_protection_backup_instance_postgresql_flexible_server" "claims" {\n  name             = "claims-pg"\n  location         = "westeurope"\n  vault_id         = azurerm_data_protection_backup_vault.claims.id\n  server_id        = azurerm_postgresql_flexible_server.claims.id\n  backup_policy_id = var.policy_id\n}\n';
    const geo = await run({ 'infra/main.tf': server + vault('GeoRedundant') + instance });
    expect(geo.findings).toContain('provider-only-backup medium infra/main.tf:1');
    const local = await run({ 'infra/main.tf': server + vault('LocallyRedundant') + instance });
    expect(local.findings).toContain('provider-only-backup high infra/main.tf:1');
  });
});

describe('stores known from their use', () => {
  it("rates production's own Railway database, known from .env.production, as the incident's store", async () => {
    const url = 'DATABASE_URL=postgresql://postgres:${PGPASSWORD}@postgres.railway.internal:5432/railway\n';
    const production = await run({ '.env.production': url, 'railway.toml': '[deploy]\nstartCommand = "uvicorn app:app"\n' });
    expect(production.findings).toContain('same-volume-backup critical .env.production:1');
    const unplaced = await run({ 'config/settings.env': url, 'railway.toml': '[deploy]\nstartCommand = "uvicorn app:app"\n' });
    expect(unplaced.findings.filter((finding) => finding.startsWith('same-volume-backup'))).toEqual(['same-volume-backup medium config/settings.env:1']);
  });
});

describe('Kubernetes stores: who holds their copies', () => {
  const cluster = (storage: string) =>
    `apiVersion: postgresql.cnpg.io/v1\nkind: Cluster\nmetadata:\n  name: shop-db\n  namespace: production\nspec:\n  instances: 3\n  storage:\n    size: 50Gi\n${storage}  backup:\n    volumeSnapshot:\n      className: csi-snapclass\n`;

  it("names the cluster's cloud, from its storage class, as the holder of volume snapshots", async () => {
    const { result } = await run({ 'k8s/production/cluster.yaml': cluster('    storageClass: hcloud-volumes\n') });
    const [finding] = result.findings;
    expect(finding?.ruleId).toBe(`${PREFIX}provider-only-backup`);
    expect(finding?.message).toContain('held by Hetzner, where the cluster runs, which go with the Hetzner account');
    expect(finding?.message).not.toContain('Kubernetes in the same account');
  });

  it('says the cluster, not "Kubernetes", holds them when nothing names its cloud', async () => {
    const { result } = await run({ 'k8s/production/cluster.yaml': cluster('') });
    const [finding] = result.findings;
    expect(finding?.ruleId).toBe(`${PREFIX}provider-only-backup`);
    expect(finding?.message).toContain("held by the cluster's storage provider, which go with the cluster's cloud account");
    expect(finding?.message).not.toMatch(/held by Kubernetes|same Kubernetes account/);
  });

  it('keeps volume snapshots on Longhorn with the cluster', async () => {
    const { result } = await run({ 'k8s/production/cluster.yaml': cluster('    storageClass: longhorn\n') });
    expect(result.findings.map((finding) => finding.message).join('\n')).toContain("held by the cluster's own storage, which go with the cluster");
  });
});

describe('Supabase: the local project_id is not a hosted project', () => {
  const config = (projectId: string) => `project_id = "${projectId}"\n\n[api]\nport = 54321\n\n[db]\nport = 54322\nmajor_version = 15\n\n[remotes.staging]\nproject_id = "qwertyuiopasdfghjklz"\n`;

  it("names the store by the ref production's configuration uses", async () => {
    const { result } = await run({ 'supabase/config.toml': config('acme-app'), '.env.production': 'NEXT_PUBLIC_SUPABASE_URL=https://abcdefghijklmnopqrst.supabase.co\n' });
    const resources = result.findings.map((finding) => finding.details?.resource);
    expect(resources).toEqual(['abcdefghijklmnopqrst']);
  });

  it('does not read the local id as a name, nor its words as an environment', async () => {
    const { result, stores } = await run({ 'supabase/config.toml': config('acme-local') });
    expect(result.findings.map((finding) => `${finding.ruleId.slice(PREFIX.length)} ${finding.location.path}:${finding.location.span.line}`)).toEqual(['provider-only-backup supabase/config.toml:1']);
    const store = stores.find((candidate) => candidate.location.path === 'supabase/config.toml')!;
    expect(store.name).not.toContain('acme-local');
    expect(store.identities).not.toContain('supabase:project:acme-local');
  });
});

describe('dotenv templates', () => {
  const PRODUCTION = 'DATABASE_URL=postgresql://postgres:${PGPASSWORD}@postgres.railway.internal:5432/railway\n';
  const RAILWAY_JSON = '{\n  "$schema": "https://railway.com/railway.schema.json",\n  "deploy": { "startCommand": "node dist/server.js" }\n}\n';
  const TEMPLATE = '# external access for migrations\nDATABASE_PUBLIC_URL=postgresql://postgres:password@roundhouse.proxy.rlwy.net:41872/railway\n';

  it("reads a template's host as the database production's configuration names on the same provider", async () => {
    const { findings } = await run({ 'railway.json': RAILWAY_JSON, '.env.production': PRODUCTION, '.env.production.local.example': TEMPLATE });
    expect(findings).toEqual(['same-volume-backup critical .env.production:1']);
  });

  it('keeps a template that is the only mention of its database', async () => {
    const { findings } = await run({ 'railway.json': RAILWAY_JSON, '.env.production.local.example': TEMPLATE });
    expect(findings).toEqual(['same-volume-backup medium .env.production.local.example:2']);
  });
});
