// Rules on settings that let one call delete a production store or its backups: deletion protection off, no final
// snapshot, backups off or deleted with the instance, buckets destroyed with their objects, no prevent_destroy,
// CloudFormation/CDK deletion policies and Kubernetes reclaim policies that delete.
import type { RuleMeta } from '../../../src/model.js';
import { sample } from '../../../src/model.js';
import { STATE_DELETION_PROTECTION_OFF, STATE_NO_LIFECYCLE, STATE_PROTECTED, STATE_SKIP_FINAL_SNAPSHOT } from './state-samples.js';

const ROOT = `terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/data.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}
`;

/** A module's database, named by the environment its caller passes. */
const MODULE_DB = `variable "environment" {}\n\nresource "aws_db_instance" "main" {\n  identifier          = "orders-\${var.environment}"\n  engine              = "postgres"\n  instance_class      = "db.t4g.large"\n  deletion_protection = true\n  skip_final_snapshot = true\n}\n`;

/** A Terraform RDS instance with every guard in place, minus what a sample changes. */
function rds(overrides: Record<string, string>, lifecycle = true): string {
  const attributes: Record<string, string> = {
    identifier: '"orders-prod"',
    engine: '"postgres"',
    instance_class: '"db.t4g.large"',
    allocated_storage: '200',
    backup_retention_period: '14',
    deletion_protection: 'true',
    skip_final_snapshot: 'false',
    final_snapshot_identifier: '"orders-prod-final"',
    delete_automated_backups: 'false',
    ...overrides,
  };
  const width = Math.max(...Object.keys(attributes).map((key) => key.length));
  const body = Object.entries(attributes)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `  ${key.padEnd(width)} = ${value}`)
    .join('\n');
  return `${ROOT}\nresource "aws_db_instance" "orders" {\n${body}\n${lifecycle ? '\n  lifecycle {\n    prevent_destroy = true\n  }\n' : ''}}\n`;
}

/** Line of `key` in a generated file. */
function lineOf(text: string, key: string): number {
  return text.split('\n').findIndex((line) => line.trimStart().startsWith(key)) + 1;
}

const SKIP = rds({ skip_final_snapshot: 'true', final_snapshot_identifier: '' });
const PROTECTION_OFF = rds({ deletion_protection: 'false' });
const RETENTION_ZERO = rds({ backup_retention_period: '0' });
const DELETE_AUTOMATED = rds({ delete_automated_backups: 'true' });
const NO_LIFECYCLE = rds({}, false);

/** The same instance with its guard written as an input variable, declared beside it. */
const PROTECTION_BY_VARIABLE = rds({ deletion_protection: 'var.deletion_protection' });
const variableDefault = (name: string, value: string) => `variable "${name}" {\n  type    = ${/^\d+$/.test(value) ? 'number' : 'bool'}\n  default = ${value}\n}\n`;
const RETENTION_BY_VARIABLE = rds({ backup_retention_period: 'var.backup_retention_days' });
/** A module whose guard its callers set. */
/** The guards written as local values, set once for the module: `locals { deletion_protection = false }`. */
const BY_LOCALS = rds({ deletion_protection: 'local.deletion_protection', skip_final_snapshot: '!local.keep_final_snapshot', final_snapshot_identifier: '' });
const localsOf = (protect: string, keep: string) => `locals {\n  deletion_protection = ${protect}\n  keep_final_snapshot = ${keep}\n}\n`;
const MODULE_DB_BY_VARIABLE = `variable "identifier" {}\n\nvariable "deletion_protection" {\n  type    = bool\n  default = true\n}\n\nresource "aws_db_instance" "main" {\n  identifier          = var.identifier\n  engine              = "postgres"\n  instance_class      = "db.t4g.large"\n  deletion_protection = var.deletion_protection\n  skip_final_snapshot = false\n  final_snapshot_identifier = "\${var.identifier}-final"\n  delete_automated_backups = false\n\n  lifecycle {\n    prevent_destroy = true\n  }\n}\n`;
const moduleCall = (environment: string, input: string) => `${ROOT}\nmodule "db" {\n  source     = "../../modules/db"\n  identifier = "orders-${environment}"\n${input}}\n`;

const STAGING_SKIP = rds({ identifier: '"orders-staging"', skip_final_snapshot: 'true', final_snapshot_identifier: '' }).replace('prod/data.tfstate', 'staging/data.tfstate');

const CFN_DELETE = `AWSTemplateFormatVersion: "2010-09-09"
Description: Orders service data layer (production)
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Delete
    Properties:
      TableName: orders-prod
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true
      PointInTimeRecoverySpecification:
        PointInTimeRecoveryEnabled: true
      AttributeDefinitions:
        - AttributeName: pk
          AttributeType: S
      KeySchema:
        - AttributeName: pk
          KeyType: HASH
`;

const CDK_DELETE_AUTOMATED = `import { Duration, Stack, StackProps } from 'aws-cdk-lib';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export class DataStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new rds.DatabaseInstance(this, 'Database', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      instanceIdentifier: 'billing-prod',
      backupRetention: Duration.days(7),
      deletionProtection: true,
      deleteAutomatedBackups: true,
    });
  }
}
`;

const CDK_DESTROY = `import { Stack, StackProps, RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';

export class LedgerStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    new dynamodb.Table(this, 'LedgerTable', {
      tableName: 'ledger-prod',
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      pointInTimeRecovery: true,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.DESTROY,
    });
  }
}
`;

const UPLOADS_BUCKET = `${ROOT}
resource "aws_s3_bucket" "uploads" {
  bucket        = "acme-prod-user-uploads"
  force_destroy = true

  lifecycle {
    prevent_destroy = true
  }
}
`;

/** A GCS bucket named from the project (`"${var.project_id}-statements"`): its words say neither data nor production. */
const STATEMENTS_BUCKET = 'provider "google" {\n  project = var.project_id\n  region  = "europe-west1"\n}\n\nresource "google_storage_bucket" "statements" {\n  name          = "${var.project_id}-statements"\n  location      = "EU"\n  force_destroy = true\n}\n';
const PROJECT_VARIABLE = 'variable "project_id" {\n  type = string\n}\n';

const PV_DELETE = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: ledger-pg-data
spec:
  capacity:
    storage: 200Gi
  accessModes: ["ReadWriteOnce"]
  persistentVolumeReclaimPolicy: Delete
  storageClassName: gp3
  claimRef:
    namespace: production
    name: ledger-pg-data
  csi:
    driver: ebs.csi.aws.com
    volumeHandle: vol-0a1b2c3d4e5f67890
`;

export const destructiveRules: RuleMeta[] = [
  {
    id: 'missing-offprovider-backup/deletion-protection-off',
    title: 'Production database with deletion protection off',
    severity: 'medium',
    why: 'With deletion protection off, one API call (or one `terraform destroy` an agent runs) deletes the database; the provider asks nobody. Protection turns that call into an error someone has to consciously undo first.',
    fix: 'Set `deletion_protection = true` (Terraform), `DeletionProtection: true` (CloudFormation), `deletionProtection: true` (CDK/Pulumi), `deletion_protection_enabled = true` (DynamoDB).',
    helpUri: 'https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/USER_DeleteInstance.html',
    precision: 'high',
    tags: ['destructive-setting'],
    samples: {
      positive: [
        STATE_DELETION_PROTECTION_OFF,
        sample('infra/prod/rds.tf', PROTECTION_OFF, { expect: { line: lineOf(PROTECTION_OFF, 'deletion_protection') } }),
        sample('k8s/ack/orders-db.yaml', 'apiVersion: rds.services.k8s.aws/v1alpha1\nkind: DBInstance\nmetadata:\n  name: orders\n  namespace: production\nspec:\n  dbInstanceIdentifier: orders-prod\n  engine: postgres\n  backupRetentionPeriod: 7\n  deletionProtection: false\n', { expect: { line: 10 }, note: 'an RDS instance declared through ACK' }),
        {
          files: { 'infra/prod/rds.tf': PROTECTION_BY_VARIABLE, 'infra/prod/variables.tf': variableDefault('deletion_protection', 'false') },
          expect: { line: lineOf(PROTECTION_BY_VARIABLE, 'deletion_protection') },
          note: 'an input variable whose default turns it off',
        },
        {
          files: { 'infra/prod/rds.tf': PROTECTION_BY_VARIABLE, 'infra/prod/variables.tf': variableDefault('deletion_protection', 'true'), 'infra/prod/terraform.tfvars': 'deletion_protection = false\n' },
          expect: { line: lineOf(PROTECTION_BY_VARIABLE, 'deletion_protection') },
          note: 'terraform.tfvars overrides the default',
        },
        {
          files: {
            'infra/modules/db/main.tf': MODULE_DB_BY_VARIABLE,
            'infra/envs/production/main.tf': moduleCall('production', '  deletion_protection = var.protect_database\n'),
            'infra/envs/production/variables.tf': variableDefault('protect_database', 'false'),
          },
          expect: { path: 'infra/modules/db/main.tf', line: lineOf(MODULE_DB_BY_VARIABLE, 'deletion_protection =') },
          note: "production's module call passes on its own variable, which defaults to false",
        },
        {
          files: { 'infra/prod/rds.tf': BY_LOCALS, 'infra/prod/locals.tf': localsOf('false', 'true') },
          expect: { path: 'infra/prod/rds.tf', line: lineOf(BY_LOCALS, 'deletion_protection') },
          note: 'a local value the module sets once',
        },
        {
          files: { 'infra/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_db_instance" "app" {\n  identifier          = "acme-app-${terraform.workspace}"\n  engine              = "postgres"\n  instance_class      = "db.t4g.medium"\n  deletion_protection = terraform.workspace == "production"\n}\n', '.github/workflows/terraform.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  apply:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: terraform -chdir=infra init\n      - run: terraform -chdir=infra workspace select prod\n      - run: terraform -chdir=infra apply -auto-approve\n' },
          expect: { path: 'infra/main.tf', line: 9 },
          note: 'protection is on in the "production" workspace, but production\'s CI job applies in the workspace "prod"',
        },
      ],
      negative: [
        STATE_PROTECTED,
        {
          files: { 'infra/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_db_instance" "app" {\n  identifier          = "acme-app-${terraform.workspace}"\n  engine              = "postgres"\n  instance_class      = "db.t4g.medium"\n  deletion_protection = terraform.workspace == "prod"\n}\n', '.github/workflows/terraform.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  apply:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: terraform -chdir=infra init\n      - run: terraform -chdir=infra workspace select prod\n      - run: terraform -chdir=infra apply -auto-approve\n' },
          note: "protection is on in the workspace production's CI job selects",
        },
        sample('infra/prod/rds.tf', rds({})),
        { files: { 'infra/prod/rds.tf': BY_LOCALS, 'infra/prod/locals.tf': localsOf('true', 'true') }, note: 'the local turns it on' },
        sample('infra/staging/rds.tf', rds({ deletion_protection: 'false', identifier: '"orders-staging"' }), { note: 'staging database' }),
        { files: { 'infra/prod/rds.tf': PROTECTION_BY_VARIABLE, 'infra/prod/variables.tf': variableDefault('deletion_protection', 'true') }, note: 'the default turns it on' },
        {
          files: { 'infra/prod/rds.tf': PROTECTION_BY_VARIABLE, 'infra/prod/variables.tf': variableDefault('deletion_protection', 'false'), 'infra/prod/terraform.tfvars': 'deletion_protection = true\n' },
          note: 'terraform.tfvars turns it on',
        },
        { files: { 'infra/prod/rds.tf': PROTECTION_BY_VARIABLE, 'infra/prod/variables.tf': 'variable "deletion_protection" {\n  type = bool\n}\n' }, note: 'no default: the value is not in the repo' },
        {
          files: {
            'infra/modules/db/main.tf': MODULE_DB_BY_VARIABLE,
            'infra/envs/production/main.tf': moduleCall('production', ''),
            'infra/envs/staging/main.tf': moduleCall('staging', '  deletion_protection = false\n'),
          },
          note: "only staging's call turns it off; production's keeps the module's default",
        },
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/skip-final-snapshot',
    title: 'Production database deleted without a final snapshot',
    severity: 'medium',
    why: '`skip_final_snapshot = true` means deleting the instance keeps no last copy: together with automated backups that are deleted with the instance, nothing is left.',
    fix: 'Set `skip_final_snapshot = false` with a `final_snapshot_identifier` (Pulumi `skipFinalSnapshot: false`).',
    precision: 'high',
    tags: ['destructive-setting'],
    samples: {
      positive: [
        STATE_SKIP_FINAL_SNAPSHOT,
        sample('infra/prod/rds.tf', SKIP, { expect: { line: lineOf(SKIP, 'skip_final_snapshot') } }),
        {
          files: {
            'infra/modules/db/main.tf': MODULE_DB,
            'infra/envs/production/main.tf': `${ROOT}\nmodule "db" {\n  source      = "../../modules/db"\n  environment = "production"\n}\n`,
          },
          expect: { path: 'infra/modules/db/main.tf', line: lineOf(MODULE_DB, 'skip_final_snapshot') },
          note: 'a local module called for production',
        },
        {
          files: { 'infra/prod/rds.tf': BY_LOCALS, 'infra/prod/locals.tf': localsOf('true', 'false') },
          expect: { path: 'infra/prod/rds.tf', line: lineOf(BY_LOCALS, 'skip_final_snapshot') },
          note: 'the negation of a local that says not to keep one',
        },
      ],
      negative: [
        STATE_PROTECTED,
        sample('infra/prod/rds.tf', rds({})),
        { files: { 'infra/prod/rds.tf': BY_LOCALS, 'infra/prod/locals.tf': localsOf('true', 'true') }, note: 'the local keeps the final snapshot' },
        sample('infra/staging/rds.tf', STAGING_SKIP, { note: 'staging database' }),
        {
          files: {
            'infra/modules/db/main.tf': MODULE_DB,
            'infra/envs/staging/main.tf': `${ROOT}\nmodule "db" {\n  source      = "../../modules/db"\n  environment = "staging"\n}\n`,
          },
          note: 'the module is called for staging only',
        },
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/backups-disabled',
    title: 'Production database with automated backups turned off',
    severity: 'high',
    why: 'A retention of zero days (or backups disabled) means the provider keeps no copies at all: there is nothing to restore after a bad migration or a deletion.',
    fix: 'Set a retention of at least 7 days (`backup_retention_period`, `BackupRetentionPeriod`, `backupRetention: Duration.days(14)`) or enable `backup_configuration` on Cloud SQL, and copy backups off the provider.',
    precision: 'high',
    tags: ['destructive-setting'],
    samples: {
      positive: [
        sample('infra/prod/rds.tf', RETENTION_ZERO, { expect: { line: lineOf(RETENTION_ZERO, 'backup_retention_period') } }),
        {
          files: { 'infra/prod/rds.tf': RETENTION_BY_VARIABLE, 'infra/prod/variables.tf': variableDefault('backup_retention_days', '0') },
          expect: { line: lineOf(RETENTION_BY_VARIABLE, 'backup_retention_period') },
          note: 'an input variable whose default is zero days',
        },
      ],
      negative: [
        sample('infra/prod/rds.tf', rds({})),
        {
          files: { 'infra/prod/rds.tf': RETENTION_BY_VARIABLE, 'infra/prod/variables.tf': variableDefault('backup_retention_days', '0'), 'infra/prod/production.tfvars': 'backup_retention_days = 14\n' },
          note: "production's var file keeps backups for 14 days",
        },
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/backups-die-with-instance',
    title: 'Production database whose automated backups are deleted with it',
    severity: 'medium',
    why: 'By default RDS deletes automated backups when the instance is deleted (`delete_automated_backups` defaults to true), and Cloud SQL does the same unless `retain_backups_on_delete` is set: the delete that loses the data loses the backups too.',
    fix: 'Set `delete_automated_backups = false` (RDS) or `settings.retain_backups_on_delete = true` (Cloud SQL), and keep a copy in another account or provider.',
    precision: 'high',
    tags: ['destructive-setting'],
    samples: {
      positive: [
        sample('infra/prod/rds.tf', DELETE_AUTOMATED, { expect: { line: lineOf(DELETE_AUTOMATED, 'delete_automated_backups') } }),
        sample('infra/lib/data-stack.ts', CDK_DELETE_AUTOMATED, { expect: { line: lineOf(CDK_DELETE_AUTOMATED, 'deleteAutomatedBackups') }, note: 'the CDK property' }),
      ],
      negative: [sample('infra/prod/rds.tf', rds({}))],
    },
  },
  {
    id: 'missing-offprovider-backup/force-destroy',
    title: 'Production bucket that can be destroyed with all its objects',
    severity: 'medium',
    why: '`force_destroy = true` (or CDK `autoDeleteObjects: true`) lets one destroy delete a non-empty bucket and every object in it, where otherwise the provider refuses.',
    fix: 'Remove `force_destroy` / `autoDeleteObjects` from production buckets and enable versioning and replication to another account.',
    precision: 'high',
    tags: ['destructive-setting'],
    samples: {
      positive: [
        sample('infra/prod/storage.tf', UPLOADS_BUCKET, { expect: { line: lineOf(UPLOADS_BUCKET, 'force_destroy') } }),
        {
          files: { 'infra/main.tf': STATEMENTS_BUCKET, 'infra/variables.tf': PROJECT_VARIABLE, 'infra/prod.tfvars': 'project_id = "acme-ledger-prod"\n' },
          expect: { path: 'infra/main.tf', line: lineOf(STATEMENTS_BUCKET, 'force_destroy') },
          note: "a bucket named from a variable: production's tfvars name it for production",
        },
        {
          files: {
            'terraform/main.tf': 'provider "aws" {\n  region = "eu-west-1"\n}\n\nresource "aws_s3_bucket" "statements" {\n  bucket        = var.statements_bucket\n  force_destroy = true\n}\n',
            'terraform/variables.tf': 'variable "statements_bucket" {\n  type = string\n}\n',
            'terraform/environments/production.tfvars': 'statements_bucket = "acme-ledger-statements-production"\n',
          },
          expect: { path: 'terraform/main.tf', line: 7 },
          note: "a bucket named by a variable alone (bucket = var.statements_bucket), which production's tfvars set",
        },
      ],
      negative: [
        sample('infra/prod/storage.tf', UPLOADS_BUCKET.replace('  force_destroy = true\n', '')),
        {
          files: { 'infra/main.tf': STATEMENTS_BUCKET, 'infra/variables.tf': PROJECT_VARIABLE, 'infra/staging.tfvars': 'project_id = "acme-ledger-staging"\n' },
          note: 'a bucket named from a variable that only a staging tfvars sets: nothing says it is production data',
        },
        sample('infra/prod/logs.tf', `${ROOT}\nresource "aws_s3_bucket" "access_logs" {\n  bucket        = "acme-prod-alb-access-logs"\n  force_destroy = true\n}\n`, { note: 'log buckets are not data stores' }),
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/no-prevent-destroy',
    title: 'Production data store without lifecycle prevent_destroy',
    severity: 'low',
    why: 'Without `lifecycle { prevent_destroy = true }` (or Pulumi `protect`), a plan that replaces or removes the resource (a renamed block, a `terraform destroy` in the wrong workspace) deletes the store without an extra step.',
    fix: 'Add `lifecycle { prevent_destroy = true }` to production data stores (Pulumi: the `protect: true` resource option).',
    precision: 'medium',
    tags: ['destructive-setting'],
    samples: {
      positive: [sample('infra/prod/rds.tf', NO_LIFECYCLE, { expect: { line: lineOf(NO_LIFECYCLE, 'resource "aws_db_instance"') } })],
      negative: [STATE_NO_LIFECYCLE, sample('infra/prod/rds.tf', rds({})), sample('infra/main.tf', rds({ identifier: '"orders"' }, false), { note: 'not explicitly production: only written settings count there' })],
    },
  },
  {
    id: 'missing-offprovider-backup/deletion-policy-delete',
    title: 'Production data store deleted with its stack',
    severity: 'medium',
    why: 'CloudFormation `DeletionPolicy: Delete` (the default for everything but RDS) and CDK `RemovalPolicy.DESTROY` delete the table or bucket when the stack is deleted or the resource is replaced: a stack delete is a data delete.',
    fix: 'Set `DeletionPolicy: Retain` or `Snapshot` (CDK `removalPolicy: RemovalPolicy.RETAIN`), with `UpdateReplacePolicy` to match.',
    helpUri: 'https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-attribute-deletionpolicy.html',
    precision: 'high',
    tags: ['destructive-setting'],
    samples: {
      positive: [
        sample('template.yaml', CFN_DELETE, { expect: { line: lineOf(CFN_DELETE, 'DeletionPolicy') } }),
        sample('lib/ledger-stack.ts', CDK_DESTROY, { expect: { line: lineOf(CDK_DESTROY, 'removalPolicy') } }),
      ],
      negative: [sample('template.yaml', CFN_DELETE.replace('DeletionPolicy: Delete', 'DeletionPolicy: Retain')), sample('lib/ledger-stack.ts', CDK_DESTROY.replace('RemovalPolicy.DESTROY', 'RemovalPolicy.RETAIN'))],
    },
  },
  {
    id: 'missing-offprovider-backup/reclaim-policy-delete',
    title: 'Production volume deleted when its claim or workload is removed',
    severity: 'medium',
    why: 'A PersistentVolume with reclaim policy `Delete` (the default of most storage classes) deletes the cloud disk when its claim is deleted; a StatefulSet with `whenDeleted: Delete` deletes its claims with it. `kubectl delete` of the wrong namespace is then a data delete.',
    fix: 'Use `persistentVolumeReclaimPolicy: Retain` (and a storage class with `reclaimPolicy: Retain`) for production data, and `persistentVolumeClaimRetentionPolicy.whenDeleted: Retain`.',
    precision: 'medium',
    tags: ['destructive-setting'],
    samples: {
      positive: [sample('k8s/production/ledger-pv.yaml', PV_DELETE, { expect: { line: lineOf(PV_DELETE, 'persistentVolumeReclaimPolicy') } })],
      negative: [sample('k8s/production/ledger-pv.yaml', PV_DELETE.replace('Delete', 'Retain')), sample('k8s/dev/ledger-pv.yaml', PV_DELETE.replace('production', 'dev'), { note: 'development cluster' })],
    },
  },
];
