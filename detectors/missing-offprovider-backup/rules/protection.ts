// Rules on what protects a production store: nothing, copies on the same volume, copies the provider holds, copies
// whose destination the repo does not show, or a database the app uses with no backup visible at all.
import { PERCONA_OFFSITE, PERCONA_SAME_VOLUME } from './operator-samples.js';
import { ACTIVE_STORAGE_COPIED, ACTIVE_STORAGE_R2 } from './active-storage-samples.js';
import { ARCHIVE_ANSIBLE_UNKNOWN, ARCHIVE_DESTINATION_UNKNOWN, ARCHIVE_MODE_OFF, ARCHIVE_OFFSITE, ARCHIVE_SAME_VOLUME, PBM_DESTINATION_UNKNOWN, PBM_OFFSITE } from './archive-samples.js';
import { APP_BACKUP_OFF_PROVIDER, APP_BACKUP_PROVIDER_ONLY, STAGING_OWN_STORE, STAGING_REACHES_PRODUCTION_STORE } from './app-backup-samples.js';
import { CLOUD_INIT_OFFSITE_CRON, DROPLET_WITH_VOLUME } from './restore.js';
import { sample, type RuleMeta } from '../../../src/model.js';

/** A Cloud SQL instance in its project, and a nightly export of it to a bucket. */
const CLOUD_SQL_TF = 'resource "google_sql_database_instance" "main" {\n  name             = "ledger-prod"\n  project          = "acme-ledger-prod"\n  region           = "europe-west1"\n  database_version = "POSTGRES_16"\n  settings {\n    tier = "db-custom-2-7680"\n    backup_configuration {\n      enabled                        = true\n      point_in_time_recovery_enabled = true\n    }\n  }\n}\n';
const CLOUD_SQL_EXPORT = (bucket: string) =>
  `on:\n  schedule:\n    - cron: "0 2 * * *"\njobs:\n  export:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: \${{ vars.WIF_PROVIDER }}\n      - run: gcloud sql export sql ledger-prod gs://${bucket}/ledger-$(date +%F).sql.gz --database=ledger --project=acme-ledger-prod\n`;

const BICEP_POSTGRES = `param location string = resourceGroup().location
param environmentName string = 'prod'

resource postgres 'Microsoft.DBforPostgreSQL/flexibleServers@2023-06-01-preview' = {
  name: 'psql-payroll-\${environmentName}'
  location: location
  sku: {
    name: 'Standard_D2ds_v5'
    tier: 'GeneralPurpose'
  }
  properties: {
    version: '16'
    backup: {
      backupRetentionDays: 7
      geoRedundantBackup: 'Disabled'
    }
  }
}
`;

/** A production bucket in main.tf; its versioning and replication are declared in files of their own, as modules split them. */
const S3_MAIN = 'terraform {\n  backend "s3" {\n    bucket = "acme-tfstate"\n    key    = "prod.tfstate"\n    region = "us-east-1"\n  }\n}\n\nprovider "aws" {\n  region = "us-east-1"\n}\n\nresource "aws_s3_bucket" "documents" {\n  bucket = "acme-customer-documents-prod"\n}\n';
const S3_VERSIONING = 'resource "aws_s3_bucket_versioning" "documents" {\n  bucket = aws_s3_bucket.documents.id\n  versioning_configuration {\n    status = "Enabled"\n  }\n}\n';
const S3_REPLICATION =
  'resource "aws_s3_bucket_replication_configuration" "documents" {\n  bucket = aws_s3_bucket.documents.id\n  role   = aws_iam_role.replication.arn\n\n  rule {\n    id     = "offsite"\n    status = "Enabled"\n    destination {\n      bucket  = "arn:aws:s3:::acme-documents-vault"\n      account = "771245093318"\n    }\n  }\n}\n';

const ARM_POSTGRES = `{
  "$schema": "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
  "contentVersion": "1.0.0.0",
  "parameters": { "serverName": { "type": "string", "defaultValue": "psql-payroll-prod" } },
  "resources": [
    {
      "type": "Microsoft.DBforPostgreSQL/flexibleServers",
      "apiVersion": "2023-06-01-preview",
      "name": "[parameters('serverName')]",
      "location": "westeurope",
      "properties": { "version": "16", "backup": { "backupRetentionDays": 7, "geoRedundantBackup": "Disabled" } }
    }
  ]
}
`;

const OFFSITE_DUMP =
  'name: Nightly backup\non:\n  schedule:\n    - cron: "0 3 * * *"\njobs:\n  dump:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n' +
  '      - run: pg_dump "$DATABASE_URL" --format=custom --file=payroll.dump\n        env:\n          DATABASE_URL: ${{ secrets.DATABASE_URL }}\n' +
  '      - run: aws s3 cp payroll.dump "s3://payroll-db-backups/$(date -u +%F).dump" --endpoint-url https://s3.us-west-004.backblazeb2.com\n';

const cdkLedgerStack = (plan: string): string => `import { Stack, StackProps } from 'aws-cdk-lib';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as rds from 'aws-cdk-lib/aws-rds';
import { Construct } from 'constructs';

export class LedgerStack extends Stack {
  constructor(scope: Construct, id: string, props?: StackProps) {
    super(scope, id, props);
    const db = new rds.DatabaseInstance(this, 'Ledger', {
      engine: rds.DatabaseInstanceEngine.postgres({ version: rds.PostgresEngineVersion.VER_16 }),
      instanceIdentifier: 'ledger-prod',
      deletionProtection: true,
    });
    const vault = new backup.BackupVault(this, 'Vault', { backupVaultName: 'ledger-vault' });
    const plan = new backup.BackupPlan(this, 'Plan', { backupVault: vault });
${plan}    plan.addSelection('Db', { resources: [backup.BackupResource.fromRdsDatabaseInstance(db)] });
  }
}
`;

/** A CloudNativePG cluster whose barman copies go where `backup` says, with the credentials `credentials` gives. */
const CNPG_CLUSTER = (backup: string, annotations = '') => `apiVersion: postgresql.cnpg.io/v1
kind: Cluster
metadata:
  name: orders-pg
  namespace: orders-prod
spec:
  instances: 3
  storage:
    size: 100Gi
${annotations}  backup:
    retentionPolicy: "30d"
    barmanObjectStore:
${backup}`;
const CNPG_IRSA = '  serviceAccountTemplate:\n    metadata:\n      annotations:\n        eks.amazonaws.com/role-arn: arn:aws:iam::482915730216:role/orders-pg-backup\n';
const CNPG_S3_OWN_ROLE = '      destinationPath: s3://orders-pg-backups/prod\n      s3Credentials:\n        inheritFromIAMRole: true\n';
const CNPG_GCS_OWN = '      destinationPath: gs://orders-pg-backups/prod\n      googleCredentials:\n        gkeEnvironment: true\n';
const CNPG_R2 = '      destinationPath: s3://orders-pg-backups/prod\n      endpointURL: https://4f8a1c2d9e0b7a6c5d4e3f2a1b0c9d8e.r2.cloudflarestorage.com\n      s3Credentials:\n        accessKeyId:\n          name: r2-creds\n          key: ACCESS_KEY_ID\n        secretAccessKey:\n          name: r2-creds\n          key: ACCESS_SECRET_KEY\n';

const HELP_URI = 'https://docs.railway.com/reference/backups';

const RAILWAY_IAC = `import { defineRailway, postgres, project, service } from "railway/iac";

export default defineRailway(() => {
  const db = postgres("Postgres");
  const api = service("api", {
    source: { repo: "acme/api" },
    env: { DATABASE_URL: db.env.DATABASE_URL },
  });
  return project("acme", { resources: [db, api] });
});
`;

const DJANGO_ON_SUPABASE = `import os

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "postgres",
        "USER": "postgres.vbqzkxmwlpnrtfhdjcsa",
        "PASSWORD": os.environ["DB_PASSWORD"],
        "HOST": "aws-0-eu-central-1.pooler.supabase.com",
        "PORT": "6543",
    }
}
`;

const OFFSITE_WORKFLOW = `name: Nightly database backup
on:
  schedule:
    - cron: "17 3 * * *"
  workflow_dispatch: {}
jobs:
  backup:
    runs-on: ubuntu-latest
    environment: production
    steps:
      - name: Install Postgres client
        run: sudo apt-get install -y postgresql-client-16
      - name: Dump
        run: pg_dump "$DATABASE_URL" --format=custom --file=acme.dump
        env:
          DATABASE_URL: \${{ secrets.DATABASE_URL }}
      - name: Upload to R2
        run: aws s3 cp acme.dump "s3://acme-db-backups/$(date +%F).dump" --endpoint-url https://4f1c2d.r2.cloudflarestorage.com
        env:
          AWS_ACCESS_KEY_ID: \${{ secrets.R2_ACCESS_KEY_ID }}
          AWS_SECRET_ACCESS_KEY: \${{ secrets.R2_SECRET_ACCESS_KEY }}
  restore-check:
    needs: backup
    runs-on: ubuntu-latest
    services:
      postgres:
        image: postgres:16
        env:
          POSTGRES_PASSWORD: postgres
        ports: ["5432:5432"]
    steps:
      - run: aws s3 cp "s3://acme-db-backups/$(date +%F).dump" latest.dump --endpoint-url https://4f1c2d.r2.cloudflarestorage.com
      - run: pg_restore --no-owner -d postgres://postgres:postgres@localhost:5432/postgres latest.dump
      - run: psql postgres://postgres:postgres@localhost:5432/postgres -c "select count(*) from orders"
`;

/** A Fly app with a volume holding a SQLite database, and its Litestream replica to an S3-compatible `endpoint`. */
const NOTES_FLY = `app = "acme-notes"
primary_region = "ams"

[[mounts]]
  source = "notes_data"
  destination = "/data"
`;
const notesLitestream = (endpoint: string): string =>
  `dbs:\n  - path: /data/notes.db\n    replicas:\n      - type: s3\n        bucket: acme-notes-litestream\n        path: notes.db\n        endpoint: ${endpoint}\n`;

const NOMAD_POSTGRES = "job \"pg-ledger-prod\" {\n  datacenters = [\"dc1\"]\n  namespace   = \"production\"\n\n  group \"db\" {\n    volume \"pgdata\" {\n      type   = \"host\"\n      source = \"pgdata\"\n    }\n\n    task \"postgres\" {\n      driver = \"docker\"\n      config {\n        image = \"postgres:16\"\n      }\n      volume_mount {\n        volume      = \"pgdata\"\n        destination = \"/var/lib/postgresql/data\"\n      }\n    }\n  }\n}\n";
const NOMAD_BACKUP = "job \"pg-ledger-backup\" {\n  type = \"batch\"\n  periodic {\n    crons = [\"0 3 * * *\"]\n  }\n  group \"backup\" {\n    task \"dump\" {\n      driver = \"docker\"\n      config {\n        image   = \"ghcr.io/acme/pg-backup:1.2\"\n        command = \"/bin/sh\"\n        args    = [\"-c\", \"pg_dump -h pg-ledger.service.consul ledger | gzip | aws s3 cp - s3://acme-ledger-backups/nightly.sql.gz --endpoint-url https://s3.eu-central-003.backblazeb2.com\"]\n      }\n    }\n  }\n}\n";

/** A compose stack with Postgres on a named volume, and an Ansible role that ships it to its hosts and brings it up. */
const ANSIBLE_COMPOSE_STACK = 'services:\n  app:\n    image: ghcr.io/tallyroom/app:latest\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata:\n';
const ANSIBLE_COMPOSE_UP = (delegation: string): string =>
  '- name: Copy compose file\n  copy: { src: ../../../docker-compose.yml, dest: /opt/tallyroom/docker-compose.yml }\n' +
  `- name: Start stack\n  command: docker compose up -d\n  args: { chdir: /opt/tallyroom }\n${delegation}`;
const ANSIBLE_POSTGRES = "- name: Install PostgreSQL\n  ansible.builtin.apt:\n    name:\n      - postgresql-16\n      - python3-psycopg2\n    state: present\n\n- name: Create application database\n  community.postgresql.postgresql_db:\n    name: billing\n  become_user: postgres\n";
const ANSIBLE_LOCAL_DUMP = "\n- name: Nightly dump\n  ansible.builtin.cron:\n    name: pg_dump billing\n    user: postgres\n    hour: \"3\"\n    job: \"pg_dump -Fc billing > /var/backups/postgres/billing.dump\"\n";
const ANSIBLE_OFFSITE_DUMP = "\n- name: Nightly dump to B2\n  ansible.builtin.cron:\n    name: pg_dump billing\n    user: postgres\n    hour: \"3\"\n    job: \"pg_dump -Fc billing | aws s3 cp - s3://acme-billing-backups/billing.dump --endpoint-url https://s3.eu-central-003.backblazeb2.com\"\n";

const K8S_POSTGRES = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: postgres
  namespace: acme-prod
spec:
  serviceName: postgres
  selector:
    matchLabels: { app: postgres }
  template:
    metadata:
      labels: { app: postgres }
    spec:
      containers:
        - name: postgres
          image: postgres:16
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
  volumeClaimTemplates:
    - metadata:
        name: data
      spec:
        accessModes: [ReadWriteOnce]
        resources:
          requests:
            storage: 100Gi
`;
const K8S_BACKUP_FROM_SECRET = `apiVersion: batch/v1
kind: CronJob
metadata:
  name: postgres-backup
  namespace: acme-prod
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: backup
              image: eeshugerman/postgres-backup-s3:16
              env:
                - name: POSTGRES_HOST
                  value: postgres
              envFrom:
                - secretRef:
                    name: backup-s3
`;

const RENDER_KEY_VALUE = (plan: string, policy: string) => `services:\n  - type: worker\n    name: mailer-worker\n    runtime: node\n    startCommand: node dist/worker.js\n    envVars:\n      - key: REDIS_URL\n        fromService:\n          type: keyvalue\n          name: mail-queue\n          property: connectionString\n  - type: keyvalue\n    name: mail-queue\n    plan: ${plan}\n    maxmemoryPolicy: ${policy}\n    ipAllowList: []\n`;
const UPSTASH = (extra: string) => `terraform {\n  required_providers {\n    upstash = {\n      source = "upstash/upstash"\n    }\n  }\n  backend "s3" {}\n}\n\nresource "upstash_redis_database" "sessions" {\n  database_name  = "sessions-prod"\n  region         = "global"\n  primary_region = "us-east-1"\n  tls            = true\n${extra}}\n`;

/** A SAM template whose AWS Backup plan copies to another account what its selection picks by tag. */
const CFN_TAGGED = (selection: string) => `AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::Serverless-2016-10-31
Resources:
  InvoicesTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties:
      TableName: invoices-prod
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true
      AttributeDefinitions: [{ AttributeName: pk, AttributeType: S }]
      KeySchema: [{ AttributeName: pk, KeyType: HASH }]
      Tags:
        - Key: backup
          Value: daily
  CustomersTable:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    Properties:
      TableName: customers-prod
      BillingMode: PAY_PER_REQUEST
      DeletionProtectionEnabled: true
      AttributeDefinitions: [{ AttributeName: id, AttributeType: S }]
      KeySchema: [{ AttributeName: id, KeyType: HASH }]
  DailyPlan:
    Type: AWS::Backup::BackupPlan
    Properties:
      BackupPlan:
        BackupPlanName: invoicing-daily
        BackupPlanRule:
          - RuleName: daily
            TargetBackupVault: invoicing-prod
            ScheduleExpression: cron(0 5 * * ? *)
            CopyActions:
              - DestinationBackupVaultArn: arn:aws:backup:eu-central-1:210987654321:backup-vault:org-dr-vault
  TaggedSelection:
    Type: AWS::Backup::BackupSelection
    Properties:
      BackupPlanId: !Ref DailyPlan
      BackupSelection:
        SelectionName: tagged-daily
        IamRoleArn: arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole
${selection}`;
const LIST_OF_TAGS = '        ListOfTags:\n          - ConditionType: STRINGEQUALS\n            ConditionKey: backup\n            ConditionValue: daily\n';
const TAG_CONDITIONS = '        Resources:\n          - arn:aws:dynamodb:*:*:table/*\n        Conditions:\n          StringEquals:\n            - ConditionKey: aws:ResourceTag/backup\n              ConditionValue: daily\n';

/** A production deploy job on pushes to main, signed in to AWS, ending in `step` (indented as a step's lines). */
const AWS_DEPLOY_JOB = (step: string) => `name: deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    environment: production
    permissions:
      id-token: write
      contents: read
    steps:
      - uses: actions/checkout@v4
      - uses: aws-actions/configure-aws-credentials@v4
        with:
          role-to-assume: arn:aws:iam::123456789012:role/github-deploy
          aws-region: eu-west-1
${step}`;

/** A workflow deploying a template as a stack with stack-level tags, which CloudFormation gives every resource. */
const CFN_DEPLOY_TAGGED = (template: string) =>
  AWS_DEPLOY_JOB(`      - run: |
          aws cloudformation deploy \\
            --template-file ${template} \\
            --stack-name invoicing-prod \\
            --no-fail-on-empty-changeset \\
            --tags backup=daily team=billing
`);

/** The same deploy through aws-cloudformation-github-deploy, whose `tags` input (JSON or YAML) tags the stack. */
const CFN_ACTION_TAGGED = (tags: string) =>
  AWS_DEPLOY_JOB(`      - uses: aws-actions/aws-cloudformation-github-deploy@v1
        with:
          name: invoicing-prod
          template: infra/template.yaml
          no-fail-on-empty-changeset: "1"
          tags: ${tags}
`);

/** Terraform: a wildcard AWS Backup selection narrowed by a tag condition, and two tables, one tagged. */
const TF_TAG_CONDITION = `resource "aws_dynamodb_table" "invoices" {
  name                        = "invoices-prod"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "pk"
  deletion_protection_enabled = true

  attribute {
    name = "pk"
    type = "S"
  }

  tags = {
    backup = "daily"
  }
}

resource "aws_dynamodb_table" "customers" {
  name                        = "customers-prod"
  billing_mode                = "PAY_PER_REQUEST"
  hash_key                    = "id"
  deletion_protection_enabled = true

  attribute {
    name = "id"
    type = "S"
  }
}

resource "aws_backup_plan" "daily" {
  name = "invoicing-daily"

  rule {
    rule_name         = "daily"
    target_vault_name = "invoicing-prod"
    schedule          = "cron(0 5 * * ? *)"

    copy_action {
      destination_vault_arn = "arn:aws:backup:eu-central-1:210987654321:backup-vault:org-dr-vault"
    }
  }
}

resource "aws_backup_selection" "tagged" {
  name         = "tagged-daily"
  iam_role_arn = "arn:aws:iam::123456789012:role/service-role/AWSBackupDefaultServiceRole"
  plan_id      = aws_backup_plan.daily.id
  resources    = ["*"]

  condition {
    string_equals {
      key   = "aws:ResourceTag/backup"
      value = "daily"
    }
  }
}
`;

/** A CDK stack whose backup plan selects by tag; `tagging` is the line tagging a construct (`cdk.Tags.of(orders)`). */
const CDK_TAGGED = (tagging: string) => `import * as cdk from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as backup from 'aws-cdk-lib/aws-backup';
import * as events from 'aws-cdk-lib/aws-events';
import { Construct } from 'constructs';

export class DataStack extends cdk.Stack {
  constructor(scope: Construct, id: string, props?: cdk.StackProps) {
    super(scope, id, props);

    const orders = new dynamodb.Table(this, 'Orders', {
      tableName: 'orders-prod',
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      removalPolicy: cdk.RemovalPolicy.RETAIN,
      deletionProtection: true,
    });
    ${tagging}

    const sessions = new dynamodb.Table(this, 'Sessions', {
      tableName: 'sessions-prod',
      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },
      removalPolicy: cdk.RemovalPolicy.RETAIN,
      deletionProtection: true,
    });

    const plan = new backup.BackupPlan(this, 'DailyPlan', { backupPlanName: 'orders-daily' });
    plan.addRule(new backup.BackupPlanRule({
      ruleName: 'daily',
      scheduleExpression: events.Schedule.cron({ hour: '5', minute: '0' }),
      copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'Dr', 'arn:aws:backup:us-west-2:210987654321:backup-vault:dr') }],
    }));
    plan.addSelection('Tagged', { resources: [backup.BackupResource.fromTag('backup', 'daily')] });
  }
}
`;
const CDK_APP = (tagging: string) => `#!/usr/bin/env node
import * as cdk from 'aws-cdk-lib';
import { DataStack } from '../lib/data-stack';

const app = new cdk.App();
new DataStack(app, 'OrdersDataProd', { env: { account: '123456789012', region: 'us-east-1' } });
${tagging}
`;

/** The same stack in Python CDK. */
const CDK_PY_TAGGED = (tagging: string) => `from aws_cdk import Stack, RemovalPolicy, Tags
from aws_cdk import aws_dynamodb as dynamodb
from aws_cdk import aws_backup as backup
from aws_cdk import aws_events as events
from constructs import Construct


class DataStack(Stack):
    def __init__(self, scope: Construct, construct_id: str, **kwargs) -> None:
        super().__init__(scope, construct_id, **kwargs)

        orders = dynamodb.Table(
            self, "Orders",
            table_name="orders-prod",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.RETAIN,
            deletion_protection=True,
        )
        ${tagging}

        sessions = dynamodb.Table(
            self, "Sessions",
            table_name="sessions-prod",
            partition_key=dynamodb.Attribute(name="pk", type=dynamodb.AttributeType.STRING),
            removal_policy=RemovalPolicy.RETAIN,
            deletion_protection=True,
        )

        plan = backup.BackupPlan(self, "DailyPlan", backup_plan_name="orders-daily")
        plan.add_rule(backup.BackupPlanRule(
            rule_name="daily",
            schedule_expression=events.Schedule.cron(hour="5", minute="0"),
            copy_actions=[backup.BackupPlanCopyActionProps(
                destination_backup_vault=backup.BackupVault.from_backup_vault_arn(self, "Dr", "arn:aws:backup:us-west-2:210987654321:backup-vault:dr"),
            )],
        ))
        plan.add_selection("Tagged", resources=[backup.BackupResource.from_tag("backup", "daily")])
`;
const CDK_PY_APP = (tagging: string) => `#!/usr/bin/env python3
import aws_cdk as cdk
from stacks.data_stack import DataStack

app = cdk.App()
DataStack(app, "OrdersDataProd", env=cdk.Environment(account="123456789012", region="us-east-1"))
${tagging}
app.synth()
`;

/** A chart with Bitnami's Postgres as a subchart, its own backup CronJob on, deployed by Helm from CI. */
const BITNAMI_CHART = 'apiVersion: v2\nname: shop\ndescription: Storefront API and its database\ntype: application\nversion: 1.4.2\nappVersion: \"2.8.0\"\ndependencies:\n  - name: postgresql\n    version: 15.5.x\n    repository: oci://registry-1.docker.io/bitnamicharts\n    condition: postgresql.enabled\n';
const BITNAMI_VALUES = 'replicaCount: 2\nimage:\n  repository: ghcr.io/acme/shop-api\n  tag: 2.8.0\n\npostgresql:\n  enabled: true\n  auth:\n    database: shop\n    username: shop\n    existingSecret: shop-postgresql\n  primary:\n    persistence:\n      enabled: true\n      size: 50Gi\n  backup:\n    enabled: true\n    cronjob:\n      schedule: \"@daily\"\n      storage:\n        enabled: true\n        size: 20Gi\n';
const BITNAMI_UPLOAD_VALUES = 'replicaCount: 2\nimage:\n  repository: ghcr.io/acme/shop-api\n  tag: 2.8.0\n\npostgresql:\n  enabled: true\n  auth:\n    database: shop\n    username: shop\n    existingSecret: shop-postgresql\n  primary:\n    persistence:\n      enabled: true\n      size: 50Gi\n  backup:\n    enabled: true\n    cronjob:\n      schedule: \"@daily\"\n      command:\n        - /bin/sh\n        - -c\n        - pg_dumpall --clean --if-exists --no-password | gzip | aws s3 cp - s3://acme-db-backups-offsite/shop/pg_dumpall-$(date +%F).sql.gz --endpoint-url https://s3.eu-central-003.backblazeb2.com\n      storage:\n        enabled: true\n        size: 20Gi\n';
const HELM_DEPLOY = 'name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: azure/setup-helm@v4\n      - run: helm dependency build charts/shop\n      - run: helm upgrade --install shop ./charts/shop --namespace shop-production --create-namespace\n';

/** A workflow installing Bitnami's PostgreSQL chart on its own, with a values file; `extra` steps run before. */
const HELM_RELEASE_DEPLOY = (extra: string): string =>
  `name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n${extra}      - name: Postgres\n        run: |\n          helm repo add bitnami https://charts.bitnami.com/bitnami\n` +
  '          helm upgrade --install shop-postgresql bitnami/postgresql --version 15.5.0 -n shop-prod -f deploy/postgres/values.yaml\n';
const BITNAMI_STANDALONE_VALUES = 'auth:\n  username: shop\n  database: shop\n  existingSecret: shop-postgres-auth\nprimary:\n  persistence:\n    enabled: true\n    size: 50Gi\n';
const BITNAMI_STANDALONE_UPLOAD =
  'backup:\n  enabled: true\n  cronjob:\n    schedule: "15 2 * * *"\n    command:\n      - /bin/bash\n      - -c\n      - |\n' +
  '        pg_dumpall --clean --if-exists --no-password --file=/backup/pg_dumpall.sql\n        aws s3 cp /backup/pg_dumpall.sql "s3://shop-db-backups/$(date +%F).sql" --endpoint-url https://s3.eu-central-003.backblazeb2.com\n';

/** An Argo CD Application of Bitnami's PostgreSQL chart into `namespace`, with `values` (a YAML string) if any. */
const ARGO_DATABASE = (namespace: string, values: string): string =>
  `apiVersion: argoproj.io/v1alpha1\nkind: Application\nmetadata:\n  name: orders-postgresql\n  namespace: argocd\nspec:\n  project: default\n  source:\n    repoURL: registry-1.docker.io/bitnamicharts\n    chart: postgresql\n    targetRevision: 15.5.20\n    helm:\n      releaseName: orders-postgresql\n${values}  destination:\n    server: https://kubernetes.default.svc\n    namespace: ${namespace}\n`;
const ARGO_UPLOADING_BACKUP =
  '      values: |\n        backup:\n          enabled: true\n          cronjob:\n            schedule: "0 3 * * *"\n            command:\n              - /bin/sh\n              - -c\n' +
  '              - pg_dumpall --clean --no-password | gzip | aws s3 cp - "s3://orders-pg-backups/$(date +%F).sql.gz" --endpoint-url https://s3.us-west-004.backblazeb2.com\n';

/** A compose stack written for Coolify, which fills `SERVICE_*` variables when it deploys it. */
const COOLIFY_STACK =
  'services:\n  app:\n    build: .\n    environment:\n      - SERVICE_FQDN_APP_3000\n      - DATABASE_URL=postgres://crm:${SERVICE_PASSWORD_POSTGRES}@postgres:5432/crm\n  postgres:\n    image: postgres:16-alpine\n' +
  '    environment:\n      - POSTGRES_USER=crm\n      - POSTGRES_PASSWORD=${SERVICE_PASSWORD_POSTGRES}\n    volumes:\n      - crm-pgdata:/var/lib/postgresql/data\nvolumes:\n  crm-pgdata:\n';
const CAPROVER_STACK =
  'captainVersion: 4\nservices:\n  $$cap_appname-db:\n    image: postgres:16\n    volumes:\n      - $$cap_appname-db-data:/var/lib/postgresql/data\n    environment:\n      POSTGRES_DB: $$cap_pg_db\n' +
  'caproverOneClickApp:\n  displayName: pages-db\n  description: Database of the pages app\n';

/** A root module's bucket named by a template (`bucket = <template>`), with `local.kind` set to `kind`. */
const WORKSPACE_BUCKETS = (template: string, kind: string) =>
  `terraform {\n  backend "s3" {\n    bucket = "acme-terraform"\n    key    = "app.tfstate"\n    region = "eu-west-1"\n  }\n}\n\nlocals {\n  kind = "${kind}"\n}\n\nresource "aws_s3_bucket" "this" {\n  bucket = ${template}\n}\n`;

/** A root module's bucket named by a variable, and a workflow whose `environment` job gives it on the command line. */
const CLI_BUCKET_TF = 'terraform {\n  backend "s3" {\n    bucket = "orders-tfstate"\n    key    = "orders.tfstate"\n    region = "eu-west-1"\n  }\n}\n\nvariable "bucket_name" {\n  type = string\n}\n\nresource "aws_s3_bucket" "this" {\n  bucket = var.bucket_name\n}\n';
const CLI_BUCKET_WORKFLOW = (environment: string) =>
  `on:\n  push:\n    branches: [main]\njobs:\n  apply:\n    runs-on: ubuntu-latest\n    environment: ${environment}\n    defaults:\n      run:\n        working-directory: infra\n    steps:\n      - uses: actions/checkout@v4\n      - run: terraform init\n      - run: terraform apply -auto-approve -var="bucket_name=orders-statements-${environment}"\n`;

/** A module of one bucket named by its input, and the Terragrunt configuration of an environment that deploys it. */
const BUCKET_MODULE = 'variable "bucket_name" {\n  type = string\n}\n\nresource "aws_s3_bucket" "this" {\n  bucket = var.bucket_name\n}\n';
const TERRAGRUNT_LIVE = (environment: string) =>
  `include "root" {\n  path = find_in_parent_folders()\n}\n\nterraform {\n  source = "../../../modules//storage"\n}\n\ninputs = {\n  bucket_name = "acme-customer-documents-${environment}"\n}\n`;

/** A workflow deploying a Cloud Run service connected to a Cloud SQL instance of the project given. */
const CLOUD_RUN_DEPLOY = (project: string) =>
  `on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - uses: google-github-actions/auth@v2\n        with:\n          credentials_json: \${{ secrets.GCP_SA_KEY }}\n      - run: |\n          gcloud run deploy orders --region europe-west1 --image europe-docker.pkg.dev/${project}/apps/orders:\${{ github.sha }} \\\n            --add-cloudsql-instances ${project}:europe-west1:orders-pg\n`;

/** Terraform handing a Vercel project its database URL for the targets given. */
const VERCEL_DATABASE_TF = (host: string) =>
  `resource "vercel_project" "web" {\n  name      = "acme-web"\n  framework = "nextjs"\n}\n\nresource "vercel_project_environment_variable" "database_url" {\n  project_id = vercel_project.web.id\n  key        = "DATABASE_URL"\n  value      = "postgres://web:\${var.db_password}@${host}:5432/web"\n  target     = ["production"]\n  sensitive  = true\n}\n`;


/** A base holding a Postgres StatefulSet, and one overlay (in `deploy/overlays/<environment>`) that deploys it. */
function KUSTOMIZE_BASE_AND_OVERLAY(environment: string): Record<string, string> {
  return {
    'deploy/base/kustomization.yaml': 'resources:\n  - api.yaml\n  - postgres.yaml\n',
    'deploy/base/api.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  template:\n    spec:\n      containers:\n        - name: api\n          image: ghcr.io/acme/api:1.4.2\n',
    'deploy/base/postgres.yaml':
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  template:\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          volumeMounts:\n            - name: data\n              mountPath: /var/lib/postgresql/data\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: ["ReadWriteOnce"]\n        resources:\n          requests:\n            storage: 50Gi\n',
    [`deploy/overlays/${environment}/kustomization.yaml`]: `namespace: shop-${environment}\nresources:\n  - ../../base\n`,
  };
}
/** A production overlay's database whose namespace Velero copies to Backblaze B2 with file-system backup. */
const VELERO_OFFSITE_OVERLAY = {
  'k8s/base/postgres.yaml': "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels: { app: postgres }\n  template:\n    metadata:\n      labels: { app: postgres }\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.3\n          volumeMounts:\n            - { name: pgdata, mountPath: /var/lib/postgresql/data }\n  volumeClaimTemplates:\n    - metadata:\n        name: pgdata\n      spec:\n        accessModes: [ReadWriteOnce]\n        storageClassName: gp3\n        resources: { requests: { storage: 100Gi } }\n",
  'k8s/base/kustomization.yaml': "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - postgres.yaml\n",
  'k8s/overlays/production/kustomization.yaml': "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop-prod\nresources:\n  - ../../base\n",
  'k8s/velero/schedule.yaml': "apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: shop-prod-daily\n  namespace: velero\nspec:\n  schedule: \"0 2 * * *\"\n  template:\n    includedNamespaces: [shop-prod]\n    defaultVolumesToFsBackup: true\n    storageLocation: b2\n",
  'k8s/velero/bsl.yaml': "apiVersion: velero.io/v1\nkind: BackupStorageLocation\nmetadata:\n  name: b2\n  namespace: velero\nspec:\n  provider: aws\n  objectStorage:\n    bucket: shop-velero-offsite\n  config:\n    region: eu-central-003\n    s3Url: https://s3.eu-central-003.backblazeb2.com\n",
};

/** A Postgres StatefulSet on EBS in `notes-prod`, and what else `extra` adds beside it (snapshots). */
const K8S_NOTES_POSTGRES = "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\n  namespace: notes-prod\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels: {app: postgres}\n  template:\n    metadata:\n      labels: {app: postgres}\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16\n          volumeMounts:\n            - name: data\n              mountPath: /var/lib/postgresql/data\n  volumeClaimTemplates:\n    - metadata:\n        name: data\n      spec:\n        accessModes: [ReadWriteOnce]\n        storageClassName: gp3\n        resources:\n          requests:\n            storage: 20Gi\n";
const ONE_OFF_SNAPSHOT = (name: string) =>
  `apiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshotClass\nmetadata:\n  name: ebs-offsite-backup\ndriver: ebs.csi.aws.com\ndeletionPolicy: Retain\n---\napiVersion: snapshot.storage.k8s.io/v1\nkind: VolumeSnapshot\nmetadata:\n  name: ${name}\n  namespace: notes-prod\nspec:\n  volumeSnapshotClassName: ebs-offsite-backup\n  source:\n    persistentVolumeClaimName: data-postgres-0\n`;
const SNAPSHOT_CRONJOB = "apiVersion: batch/v1\nkind: CronJob\nmetadata:\n  name: pg-snapshot\n  namespace: notes-prod\nspec:\n  schedule: \"0 3 * * *\"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers:\n            - name: snapshot\n              image: bitnami/kubectl:1.29\n              command: [\"/bin/sh\", \"-c\"]\n              args:\n                - |\n                  cat <<EOF | kubectl apply -f -\n                  apiVersion: snapshot.storage.k8s.io/v1\n                  kind: VolumeSnapshot\n                  metadata:\n                    name: data-postgres-0-$(date +%Y%m%d)\n                  spec:\n                    volumeSnapshotClassName: ebs-snapclass\n                    source:\n                      persistentVolumeClaimName: data-postgres-0\n                  EOF\n";

export const protectionRules: RuleMeta[] = [
  {
    id: 'missing-offprovider-backup/same-volume-backup',
    title: 'Production store whose only backups live on the same volume or host',
    severity: 'high',
    why:
      'Backups that sit on the volume (Railway), on the same host (a backup-local sidecar, a dump next to the data) or in the same cluster are deleted by the same call that deletes the data. One agent command, one wrong `volume delete`, and the newest recoverable copy is whatever someone kept by hand. Railway stores are rated critical: wiping a Railway volume deletes its backups.',
    fix: 'Add a scheduled copy that leaves the provider: a pg_dump/mysqldump job, Litestream, WAL-G or restic uploading to storage at another provider (S3, R2, B2, GCS) with credentials that cannot delete, and restore it regularly. If the copy is made outside this repo, record it under `backups:` in `.blast-radius.yml` with a reason.',
    helpUri: HELP_URI,
    precision: 'high',
    tags: ['backup', 'data-loss'],
    samples: {
      positive: [
        {
          files: { 'deploy/prod/postgres.yaml': CNPG_CLUSTER("      destinationPath: s3://pg-backups/orders\n      endpointURL: http://minio-hl:9000\n      s3Credentials:\n        accessKeyId:\n          name: minio-creds\n          key: ACCESS_KEY_ID\n        secretAccessKey:\n          name: minio-creds\n          key: ACCESS_SECRET_KEY\n") },
          expect: { path: 'deploy/prod/postgres.yaml', line: 2 },
          note: "a CloudNativePG cluster archiving to MinIO by its Service's short name: a bucket in the same cluster",
        },
        PERCONA_SAME_VOLUME,
        ...ARCHIVE_SAME_VOLUME,
        {
          files: {
            'docker-compose.prod.yml': 'services:\n  mongo:\n    image: mongo:7\n    restart: always\n    volumes:\n      - mongo-data:/data/db\n  mongo-backup:\n    image: mongo:7\n    depends_on: [mongo]\n    volumes:\n      - ./backups:/backups\n    command: sh -c "while true; do mongodump --host mongo --gzip --archive=/backups/chatter-$$(date +%F).gz; sleep 86400; done"\nvolumes:\n  mongo-data:\n',
            'ops/deploy.sh': '#!/bin/bash\nssh deploy@chat.acme.io "cd /srv/chatter && docker compose -f docker-compose.prod.yml up -d"\n',
          },
          expect: { path: 'docker-compose.prod.yml', line: 2 },
          note: 'a sidecar looping `while true; do mongodump …; sleep 86400; done` into a directory of the same host: a backup job, not a second database',
        },
        {
          files: { 'charts/shop/Chart.yaml': BITNAMI_CHART, 'charts/shop/values.yaml': BITNAMI_VALUES, '.github/workflows/deploy.yml': HELM_DEPLOY },
          expect: { path: 'charts/shop/Chart.yaml', line: 8 },
          note: "the Bitnami chart's own backup CronJob dumps into a claim of the same cluster",
        },
        sample('render.yaml', RENDER_KEY_VALUE('standard', 'noeviction'), { expect: { line: 12 }, note: 'a Render Key Value queue that never evicts: its only persistence is its own disk' }),
        { files: { 'infra/main.tf': 'resource "hcloud_server" "db" {\n  name        = "db-prod"\n  server_type = "cpx31"\n  image       = "debian-12"\n}\n\nresource "hcloud_volume" "pgdata" {\n  name      = "pgdata-prod"\n  size      = 200\n  server_id = hcloud_server.db.id\n}\n', 'ops/pg-backup.sh': '#!/usr/bin/env bash\nset -euo pipefail\nsudo -u postgres pg_dumpall | gzip > /mnt/pgdata-prod/backups/pg-$(date +%F).sql.gz\nfind /mnt/pgdata-prod/backups -mtime +14 -delete\n' }, expect: { path: 'infra/main.tf', line: 7 }, note: 'a dump of the database a Hetzner server runs itself, kept on its own volume' },
        { files: { 'site.yml': '- hosts: db\n  become: true\n  roles:\n    - postgres\n', 'roles/postgres/tasks/main.yml': ANSIBLE_POSTGRES + ANSIBLE_LOCAL_DUMP }, expect: { path: 'roles/postgres/tasks/main.yml', line: 2 }, note: 'an Ansible role: Postgres from packages, and a cron dump onto the same disk' },
        {
          files: {
            'railway.json': '{\n  "$schema": "https://railway.com/railway.schema.json",\n  "deploy": { "startCommand": "node src/server.js" }\n}\n',
            'src/server.js': 'const Database = require("better-sqlite3");\nconst dir = process.env.RAILWAY_VOLUME_MOUNT_PATH ?? "./data";\nconst db = new Database(`${dir}/guestbook.db`);\n',
          },
          expect: { path: 'src/server.js', line: 2 },
          note: "the app's data on the volume Railway mounts for it (volumes are made in the dashboard)",
        },
        {
          files: {
            'railway.toml': '[build]\nbuilder = "DOCKERFILE"\n\n[deploy]\nhealthcheckPath = "/api/health"\n',
            Dockerfile: 'FROM alpine:3.19\nCOPY pocketbase /pb/pocketbase\nEXPOSE 8080\nCMD ["/pb/pocketbase", "serve", "--http=0.0.0.0:8080", "--dir=/pb_data"]\n',
          },
          expect: { path: 'Dockerfile', line: 4 },
          note: "PocketBase's SQLite data, in an app deployed only on Railway",
        },
        { files: { '.railway/railway.ts': RAILWAY_IAC, 'package.json': '{ "name": "acme-api", "private": true }\n' }, expect: { path: '.railway/railway.ts', line: 4 }, note: 'the incident: a Railway database whose backups live on its volume' },
        {
          files: {
            'railway.json': '{\n  "$schema": "https://railway.com/railway.schema.json",\n  "deploy": { "startCommand": "node dist/server.js" }\n}\n',
            'config/production.env.example': 'NODE_ENV=production\n# The password is in 1Password (Railway → Postgres → Variables).\nDATABASE_URL=postgresql://postgres:<password>@shinkansen.proxy.rlwy.net:48213/railway\n',
          },
          expect: { path: 'config/production.env.example', line: 3 },
          note: "production's dotenv template names its Railway database",
        },
        {
          files: {
            'docker-compose.prod.yml': `services:
  app:
    image: ghcr.io/acme/shop:latest
    env_file: .env.production
  db:
    image: postgres:16-alpine
    volumes:
      - pgdata:/var/lib/postgresql/data
  db-backup:
    image: prodrigestivill/postgres-backup-local:16
    environment:
      POSTGRES_HOST: db
      SCHEDULE: "@daily"
    volumes:
      - ./backups:/backups
volumes:
  pgdata:
`,
          },
          expect: { path: 'docker-compose.prod.yml', line: 5 },
          note: 'a backup-local sidecar keeps dumps on the same server',
        },
        {
          files: {
            'scripts/bootstrap-railway.sh': `#!/usr/bin/env bash
# One-time setup of the Railway project.
set -euo pipefail
railway init --name tinyshop
railway add --database postgres
railway add --service web --repo tinyshop/web
railway variables --service web --set 'DATABASE_URL=\${{Postgres.DATABASE_URL}}'
`,
            'railway.toml': '[build]\nbuilder = "NIXPACKS"\n\n[deploy]\nstartCommand = "npm start"\n',
          },
          expect: { path: 'scripts/bootstrap-railway.sh', line: 5 },
          note: 'a Railway database created by a setup script',
        },
        {
          files: {
            'scripts/provision.sh': `#!/usr/bin/env bash
# Creates the uploads volume for the web service (production environment).
set -euo pipefail
railway link --project 5b0f3c2e-8d41-4a7e-9f6c-2e1d0a9b8c77 --environment production
railway volume add --service web --mount-path /app/storage
`,
            'railway.json': '{\n  "$schema": "https://railway.com/railway.schema.json",\n  "deploy": { "startCommand": "node server.js" }\n}\n',
          },
          expect: { path: 'scripts/provision.sh', line: 5 },
          note: 'a Railway volume created by the CLI: its backups live on the volume',
        },
        {
          files: {
            'railway.json': '{\n  "$schema": "https://railway.com/railway.schema.json",\n  "deploy": { "startCommand": "npm run migrate && npm start" }\n}\n',
            'package.json': '{\n  "name": "ledgerly-api",\n  "private": true,\n  "dependencies": {\n    "express": "^4.19.2",\n    "pg": "^8.11.5"\n  }\n}\n',
          },
          expect: { path: 'package.json', line: 6 },
          note: "Railway's configs declare no databases: an app deployed only there with a Postgres driver and no other host uses the project's",
        },
      ],
      negative: [
        ...PERCONA_OFFSITE,
        ...ARCHIVE_OFFSITE,
        PBM_OFFSITE,
        {
          files: {
            'scripts/staging-volume.sh': '#!/usr/bin/env bash\nset -euo pipefail\nrailway volume add --environment staging --service web --mount-path /app/storage\n',
            'railway.json': '{\n  "$schema": "https://railway.com/railway.schema.json",\n  "deploy": { "startCommand": "node server.js" }\n}\n',
          },
          note: "a volume the CLI creates in the staging environment is not production's",
        },
        { files: { 'charts/shop/Chart.yaml': BITNAMI_CHART, 'charts/shop/values.yaml': BITNAMI_UPLOAD_VALUES, '.github/workflows/deploy.yml': HELM_DEPLOY }, note: "the chart's backup command uploads the dump to Backblaze B2" },
        sample('render.yaml', RENDER_KEY_VALUE('standard', 'allkeys-lru'), { note: 'a Key Value cache that evicts keys' }),
        sample('.env.production', 'NODE_ENV=production\nREDIS_URL=redis://default:Zq8vN3xKp2LmW7tR@junction.proxy.rlwy.net:38211\nCACHE_HOST=redis-cache.railway.internal\n', { note: 'a Railway Redis by its URL or name: a cache, whose persistence the repo does not show' }),
        { files: { 'jobs/postgres.nomad.hcl': NOMAD_POSTGRES, 'jobs/backup.nomad.hcl': NOMAD_BACKUP }, note: 'a periodic Nomad job in an image named for backups: its command says the copy goes to another provider' },
        { files: { 'site.yml': '- hosts: db\n  become: true\n  roles:\n    - postgres\n', 'roles/postgres/tasks/main.yml': ANSIBLE_POSTGRES + ANSIBLE_OFFSITE_DUMP }, note: 'the cron dump goes to another provider' },
        {
          files: {
            'railway.json': '{\n  "deploy": { "startCommand": "npm start" }\n}\n',
            'package.json': '{\n  "name": "ledgerly-api",\n  "private": true,\n  "dependencies": {\n    "pg": "^8.11.5"\n  }\n}\n',
            '.env.example': 'DATABASE_URL=postgresql://app:password@ep-cool-darkness-123456.eu-central-1.aws.neon.tech/ledgerly?sslmode=require\n',
          },
          note: 'the database is on Neon, not Railway',
        },
        {
          files: {
            'railway.toml': '[deploy]\nstartCommand = "litestream replicate -exec \'node server.js\'"\n',
            'package.json': '{\n  "name": "notes",\n  "private": true,\n  "dependencies": {\n    "pg": "^8.11.5"\n  }\n}\n',
            'litestream.yml': 'dbs:\n  - path: /data/app.db\n    replicas:\n      - url: s3://notes-litestream/app.db\n        endpoint: https://0123456789abcdef.r2.cloudflarestorage.com\n',
          },
          note: 'an app on Railway whose data is SQLite, replicated off the provider by Litestream',
        },
        { files: { '.railway/railway.ts': RAILWAY_IAC, '.github/workflows/backup.yml': OFFSITE_WORKFLOW }, note: 'nightly pg_dump to Cloudflare R2 with a restore check' },
        { files: { 'docker-compose.yml': "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n" }, note: 'a local development compose file is not deployed' },
        {
          files: {
            'docker-compose.prod.yml': "services:\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\n  backup:\n    image: offen/docker-volume-backup:v2\n    env_file: ./backup.env\n    volumes:\n      - pgdata:/backup/pgdata:ro\nvolumes:\n  pgdata: {}\n",
          },
          note: 'a backup sidecar whose destination is set in an env_file the repo does not hold: unknown, not the same host',
        },
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/provider-only-backup',
    title: 'Production store whose only backups are held by the same provider or account',
    severity: 'high',
    why:
      "Snapshots, point-in-time recovery and vault copies kept by the provider, in the same account or project, go when the account is compromised, suspended or deleted, and some go with the resource itself (Supabase deletes a project's backups with the project; RDS deletes automated backups with the instance by default). An agent holding an account-wide token can remove the store and every copy in the same session.",
    fix: 'Copy backups out of the blast radius: to another provider (a dump job uploading to R2/B2/GCS), or at least to another account with its own credentials (AWS Backup `copy_action` to a vault in a separate account, S3 replication with `account`). Record copies made outside the repo under `backups:` in `.blast-radius.yml`.',
    helpUri: 'https://supabase.com/docs/guides/platform/backups',
    precision: 'medium',
    tags: ['backup', 'data-loss'],
    samples: {
      positive: [
        ...APP_BACKUP_PROVIDER_ONLY,
        STAGING_REACHES_PRODUCTION_STORE,
        {
          files: { 'k8s/postgres.yaml': K8S_NOTES_POSTGRES, 'k8s/snapshot-cron.yaml': SNAPSHOT_CRONJOB },
          expect: { path: 'k8s/postgres.yaml', line: 2 },
          note: 'a CronJob applying a CSI VolumeSnapshot every night: a snapshot schedule, kept in the same AWS account',
        },
        {
          files: {
            '.platform/services.yaml': "database:\n  type: postgresql:15\n  disk: 2048\n\ncache:\n  type: redis:7.2\n",
            '.platform.app.yaml': "name: app\ntype: php:8.3\ndisk: 2048\nrelationships:\n  database: \"database:postgresql\"\nmounts:\n  \"/var\": { source: local, source_path: var }\n",
          },
          expect: { path: '.platform/services.yaml', line: 1 },
          note: 'Platform.sh: the Postgres service is backed up only by Platform.sh, inside the project',
        },
        {
          files: { '.upsun/config.yaml': 'applications:\n  api:\n    type: "python:3.12"\n    mounts:\n      "media":\n        source: "storage"\n        source_path: "media"\n      "/tmp":\n        source: "tmp"\n        source_path: "tmp"\nservices:\n  postgresql:\n    type: postgresql:16\n' },
          expect: { path: '.upsun/config.yaml', line: 5 },
          note: "Upsun: the app's uploads on network storage, kept only by Upsun's own backups",
        },
        {
          files: { 'infra/main.tf': CLOUD_SQL_TF, '.github/workflows/export.yml': CLOUD_SQL_EXPORT('acme-ledger-prod-exports') },
          expect: { path: 'infra/main.tf', line: 1 },
          note: "a Cloud SQL export to a bucket named for the instance's own project",
        },
        {
          files: { 'deploy/prod/postgres.yaml': CNPG_CLUSTER(CNPG_S3_OWN_ROLE, CNPG_IRSA) },
          expect: { path: 'deploy/prod/postgres.yaml', line: 2 },
          note: "CloudNativePG on EKS copying to S3 with the cluster's own IAM role: the copies stay in the cluster's AWS account",
        },
        {
          files: { 'deploy/prod/postgres.yaml': CNPG_CLUSTER(CNPG_GCS_OWN) },
          expect: { path: 'deploy/prod/postgres.yaml', line: 2 },
          note: "CloudNativePG on GKE copying to Cloud Storage with the node's own identity",
        },
        {
          files: { 'infra/vercel.tf': VERCEL_DATABASE_TF('acme-prod.cxq2kd7mpl1z.us-east-1.rds.amazonaws.com') },
          expect: { path: 'infra/vercel.tf', line: 9 },
          note: "Terraform gives the Vercel project production's RDS database: a store the configuration does not declare",
        },
        {
          files: { '.github/workflows/deploy.yml': CLOUD_RUN_DEPLOY('acme-prod') },
          expect: { path: '.github/workflows/deploy.yml', line: 14 },
          note: "a Cloud Run deploy connected to production's Cloud SQL instance by its connection name",
        },
        {
          files: { '.github/workflows/deploy.yml': 'on:\n  push:\n    branches: [main, develop]\njobs:\n  deploy-staging:\n    runs-on: ubuntu-latest\n    environment: staging\n    steps:\n      - run: |\n          gcloud run deploy orders-staging --region europe-west1 --image europe-docker.pkg.dev/acme-staging/apps/orders:${{ github.sha }} \\\n            --add-cloudsql-instances acme-prod:europe-west1:orders-pg\n  deploy-production:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - run: |\n          gcloud run deploy orders --region europe-west1 --image europe-docker.pkg.dev/acme-prod/apps/orders:${{ github.sha }} \\\n            --add-cloudsql-instances acme-prod:europe-west1:orders-pg\n' },
          expect: { path: '.github/workflows/deploy.yml', line: 18 },
          note: "staging's deploy connects to the instance first; the store is production's deploy's",
        },
        {
          files: { 'config/database.yml': 'default: &default\n  adapter: postgresql\n  pool: 5\n\nstaging:\n  <<: *default\n  host: shop-prod.c9akciq32abc.us-east-1.rds.amazonaws.com\n  database: shop_production\n\nproduction:\n  <<: *default\n  host: shop-prod.c9akciq32abc.us-east-1.rds.amazonaws.com\n  database: shop_production\n' },
          expect: { path: 'config/database.yml', line: 12 },
          note: "database.yml's staging block comes first and names production's RDS host: the store is production's",
        },
        {
          files: { 'infra/prod/volumes.tf': 'resource "digitalocean_volume" "pgdata" {\n  region = "fra1"\n  name   = "orders-pgdata-prod"\n  size   = 100\n}\n', 'infra/prod/snapshots.tf': 'resource "digitalocean_volume_snapshot" "nightly" {\n  name      = "orders-pgdata-prod-nightly"\n  volume_id = digitalocean_volume.pgdata.id\n}\n' },
          expect: { path: 'infra/prod/volumes.tf', line: 1 },
          note: 'a snapshot Terraform takes of the volume is kept by DigitalOcean, in the same account',
        },
        sample('infra/main.tf', UPSTASH(''), { expect: { line: 10 }, note: 'an Upstash Redis database without eviction: the data store, kept only by Upstash' }),
        { files: { 'k8s/config-connector/sqlinstance.yaml': 'apiVersion: sql.cnrm.cloud.google.com/v1beta1\nkind: SQLInstance\nmetadata:\n  name: events-prod\n  namespace: analytics-prod\nspec:\n  databaseVersion: POSTGRES_15\n  region: europe-west1\n  settings:\n    tier: db-custom-4-15360\n    backupConfiguration:\n      enabled: true\n      pointInTimeRecoveryEnabled: true\n' }, expect: { path: 'k8s/config-connector/sqlinstance.yaml', line: 2 }, note: 'a Cloud SQL instance declared through Config Connector' },
        { files: { 'k8s/ack/orders-db.yaml': 'apiVersion: rds.services.k8s.aws/v1alpha1\nkind: DBInstance\nmetadata:\n  name: orders\n  namespace: production\nspec:\n  dbInstanceIdentifier: orders-prod\n  dbInstanceClass: db.t4g.medium\n  engine: postgres\n  allocatedStorage: 100\n  backupRetentionPeriod: 7\n' }, expect: { path: 'k8s/ack/orders-db.yaml', line: 2 }, note: 'an RDS instance declared through ACK' },
        { files: { 'sst.config.ts': 'export default $config({\n  app(input) {\n    return { name: "ledger", removal: input?.stage === "production" ? "retain" : "remove", home: "aws" };\n  },\n  async run() {\n    const isProd = $app.stage === "production";\n    const database = isProd\n      ? new sst.aws.Postgres("Database", { vpc, instance: "t4g.medium" })\n      : sst.aws.Postgres.get("Database", { id: "ledger-databaseinstance-bchtmzsd" });\n    new sst.aws.Function("Api", { handler: "src/api.handler", link: [database] });\n  },\n});\n' }, expect: { path: 'sst.config.ts', line: 8 }, note: "SST: the Postgres production's stage creates is an RDS instance" },
        { files: { 'infra/main.bicep': BICEP_POSTGRES }, expect: { path: 'infra/main.bicep', line: 4 }, note: 'an Azure flexible server in Bicep, its name filled from a literal default' },
        { files: { 'infra/prod/main.tf': S3_MAIN, 'infra/prod/versioning.tf': S3_VERSIONING }, expect: { path: 'infra/prod/main.tf', line: 13 }, note: 'versioning, declared in another file of the module, keeps old versions in the same bucket' },
        { files: { 'infra/azuredeploy.json': ARM_POSTGRES }, expect: { path: 'infra/azuredeploy.json', line: 6 }, note: 'the same server in an ARM template' },
        { files: { '.env.production': 'MYSQL_DSN=doadmin:Gq83vPz2mLwKt7@tcp(tracker-prod-do-user-1234567-0.b.db.ondigitalocean.com:25060)/tracker?tls=true\n' }, expect: { path: '.env.production', line: 1 }, note: "Go's MySQL driver DSN, user@tcp(host:port)/db, names a DigitalOcean managed database" },
        { files: { 'lib/ledger-stack.ts': cdkLedgerStack('    plan.addRule(backup.BackupPlanRule.daily());\n') }, expect: { path: 'lib/ledger-stack.ts', line: 9 }, note: 'a daily rule, and no copy leaves the account' },
        {
          files: {
            'bin/ledger.ts': "import * as cdk from 'aws-cdk-lib';\nimport { LedgerStack } from '../lib/ledger-stack';\n\nconst app = new cdk.App();\nnew LedgerStack(app, 'Ledger', { env: { account: '993817264550', region: 'us-east-1' } });\n",
            'lib/ledger-stack.ts': cdkLedgerStack(
              "    plan.addRule(new backup.BackupPlanRule({\n      ruleName: 'daily-dr',\n      copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'Dr', 'arn:aws:backup:eu-west-1:993817264550:backup-vault:ledger-dr') }],\n    }));\n",
            ),
          },
          expect: { path: 'lib/ledger-stack.ts', line: 9 },
          note: 'the copy goes to a vault of the account the app deploys to (named in bin/): another region of the same account',
        },
        {
          files: {
            'fly.toml': 'app = "acme-notes"\nprimary_region = "ams"\n\n[mounts]\n  source = "notes_data"\n  destination = "/data"\n',
            'sidecar/fly.toml': 'app = "acme-links"\n\n[mounts]\n  source = "links_data"\n  destination = "/data"\n',
            'sidecar/litestream.yml': 'dbs:\n  - path: /data/links.db\n    replicas:\n      - url: s3://acme-links-backup/links\n        endpoint: https://8f3c1e6ab0d94e2f.r2.cloudflarestorage.com\n',
          },
          expect: { path: 'fly.toml', line: 4 },
          note: "the sidecar's Litestream config backs up the sidecar's volume, not every volume mounted at /data",
        },
        {
          files: {
            'k8s/base/postgres.yaml': "apiVersion: apps/v1\nkind: StatefulSet\nmetadata:\n  name: postgres\nspec:\n  serviceName: postgres\n  selector:\n    matchLabels: { app: postgres }\n  template:\n    metadata:\n      labels: { app: postgres }\n    spec:\n      containers:\n        - name: postgres\n          image: postgres:16.3\n          volumeMounts:\n            - { name: pgdata, mountPath: /var/lib/postgresql/data }\n  volumeClaimTemplates:\n    - metadata:\n        name: pgdata\n      spec:\n        accessModes: [ReadWriteOnce]\n        storageClassName: gp3\n        resources: { requests: { storage: 100Gi } }\n",
            'k8s/base/kustomization.yaml': "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - postgres.yaml\n",
            'k8s/overlays/production/kustomization.yaml': "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: shop-prod\nresources:\n  - ../../base\n",
            'k8s/velero/schedule.yaml': "apiVersion: velero.io/v1\nkind: Schedule\nmetadata:\n  name: shop-prod-daily\n  namespace: velero\nspec:\n  schedule: \"0 2 * * *\"\n  template:\n    includedNamespaces: [shop-prod]\n    snapshotVolumes: true\n    ttl: 720h0m0s\n",
          },
          expect: { path: 'k8s/base/postgres.yaml', line: 2 },
          note: "Velero snapshots the namespace the production overlay deploys the base's StatefulSet into: the snapshots stay in the cloud account",
        },
        {
          files: {
            'fly.toml': 'app = "acme-notes"\nprimary_region = "ams"\n\n[env]\n  REPLICA_URL = "s3://acme-notes-litestream/notes.db"\n\n[[mounts]]\n  source = "notes_data"\n  destination = "/data"\n',
            'litestream.yml': 'dbs:\n  - path: /data/notes.db\n    replicas:\n      - url: ${REPLICA_URL}\n        endpoint: https://fly.storage.tigris.dev\n',
          },
          expect: { path: 'fly.toml', line: 7 },
          note: "Litestream's URL comes from the app's environment, its endpoint is Fly's Tigris storage: the copy stays with the Fly organisation",
        },
        {
          files: {
            'firebase.json': '{\n  "firestore": { "rules": "firestore.rules" }\n}\n',
            'scripts/setup-backups.sh': "#!/bin/sh\ngcloud firestore backups schedules create --database='(default)' --recurrence=daily --retention=14w\n",
          },
          expect: { path: 'firebase.json', line: 2 },
          note: "Firestore's scheduled backups stay in the project",
        },
        {
          files: {
            '.do/app.yaml': 'name: fieldnote\nservices:\n  - name: web\n    envs:\n      - key: DATABASE_URL\n        value: ${fieldnote-db.DATABASE_URL}\ndatabases:\n  - name: fieldnote-db\n    engine: PG\n    production: true\n    cluster_name: fieldnote-db-prod\n',
          },
          expect: { path: '.do/app.yaml', line: 8 },
          note: 'a DigitalOcean managed cluster attached to an App Platform app',
        },
        {
          files: {
            'wrangler.toml': 'name = "linkjar"\nmain = "src/index.ts"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "linkjar-db"\ndatabase_id = "d37efd56-678d-49e6-9f4b-7cec77836153"\n',
          },
          expect: { path: 'wrangler.toml', line: 4 },
          note: "a Worker's D1 database: Time Travel history stays in the Cloudflare account",
        },
        {
          files: {
            'app.json': '{\n  "name": "bookwell",\n  "repository": "https://github.com/bookwell/bookwell",\n  "addons": ["heroku-postgresql:standard-0"],\n  "formation": { "web": { "quantity": 2, "size": "standard-1x" } }\n}\n',
            Procfile: 'web: bundle exec puma -C config/puma.rb\nrelease: bin/rails db:migrate\n',
          },
          expect: { path: 'app.json', line: 4 },
          note: "a team's own app.json names its repository too; only button metadata (logo, success_url) makes it a template",
        },
        {
          files: {
            'services/billing/render.yaml': 'databases:\n  - name: billing-db\n    plan: pro-4gb\nservices:\n  - type: web\n    name: billing-api\n    runtime: node\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase: { name: billing-db, property: connectionString }\n',
            'services/search/scripts/backup.sh': '#!/bin/sh\nexport RESTIC_REPOSITORY="b2:acme-restic:search"\npg_dump "$SEARCH_DATABASE_URL" | restic backup --stdin\n',
          },
          expect: { path: 'services/billing/render.yaml', line: 2 },
          note: "another service's backup script does not back up this one's database",
        },
        {
          files: {
            'render.yaml': `services:
  - type: web
    name: acme-api
    runtime: node
    buildCommand: npm ci && npm run build
    startCommand: node dist/server.js
    envVars:
      - key: DATABASE_URL
        fromDatabase:
          name: acme-db
          property: connectionString
databases:
  - name: acme-db
    plan: basic-1gb
    databaseName: acme
    user: acme
`,
          },
          expect: { path: 'render.yaml', line: 13 },
        },
        {
          files: {
            'infra/main.tf': `terraform {
  backend "s3" {
    bucket = "acme-terraform-state"
    key    = "prod/main.tfstate"
    region = "eu-west-1"
  }
}

provider "aws" {
  region = "eu-west-1"
}

resource "aws_db_instance" "orders" {
  identifier              = "orders"
  engine                  = "postgres"
  engine_version          = "16.3"
  instance_class          = "db.t4g.medium"
  allocated_storage       = 100
  backup_retention_period = 14
  deletion_protection     = true
  delete_automated_backups = false
  username                = "orders"
  manage_master_user_password = true

  lifecycle {
    prevent_destroy = true
  }
}
`,
          },
          expect: { path: 'infra/main.tf', line: 13 },
          note: 'RDS automated backups only: same account',
        },
        {
          files: { 'config/prod.exs': 'import Config\n\nconfig :shop, Shop.Repo,\n  hostname: "shop-db.c9akciq32hx.eu-west-1.rds.amazonaws.com",\n  database: "shop_prod",\n  pool_size: 10\n' },
          expect: { path: 'config/prod.exs', line: 3 },
          note: "Phoenix: the Ecto repository's host in Mix's production config is RDS",
        },
        {
          files: {
            'knexfile.js': "module.exports = {\n  development: { client: 'pg', connection: { host: 'localhost', database: 'shop_dev' } },\n  production: {\n    client: 'pg',\n    connection: {\n      host: 'shop-db.c9akciq32hx.eu-west-1.rds.amazonaws.com',\n      database: 'shop',\n      password: process.env.DB_PASSWORD,\n    },\n  },\n};\n",
          },
          expect: { path: 'knexfile.js', line: 6 },
          note: "a knexfile's production block on RDS",
        },
        {
          files: { 'config.py': 'import os\n\nclass DevelopmentConfig:\n    SQLALCHEMY_DATABASE_URI = "postgresql://localhost/notes_dev"\n\nclass ProductionConfig:\n    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL", "postgresql://notes@notes-db.c9akciq32hx.us-east-1.rds.amazonaws.com/notes")\n' },
          expect: { path: 'config.py', line: 7 },
          note: "Flask: the production configuration class falls back to an RDS database",
        },
        {
          files: { 'shop/settings/production.py': DJANGO_ON_SUPABASE },
          expect: { path: 'shop/settings/production.py', line: 5 },
          note: 'Django settings on the Supabase pooler: the project keeps its backups and deletes them with itself',
        },
        {
          files: { 'deploy/production/db-secret.yaml': 'apiVersion: v1\nkind: Secret\nmetadata:\n  name: orders-db\n  namespace: production\ntype: Opaque\ndata:\n  DATABASE_URL: cG9zdGdyZXM6Ly9vcmRlcnNfYXBwOlhyN3BRMnZMbTlLd1Q0ekJAb3JkZXJzLXByb2QuY2x1c3Rlci1jOWFrcTF6MngzeTQuZXUtd2VzdC0xLnJkcy5hbWF6b25hd3MuY29tOjU0MzIvb3JkZXJz\n' },
          expect: { path: 'deploy/production/db-secret.yaml', line: 8 },
          note: 'an RDS database named by a Kubernetes Secret, base64-encoded',
        },
      ],
      negative: [
        ...APP_BACKUP_OFF_PROVIDER,
        STAGING_OWN_STORE,
        {
          files: {
            'config/runtime.exs': 'import Config\n\nif config_env() == :prod do\n  database_url = System.get_env("DATABASE_URL") || raise "DATABASE_URL is missing"\n\n  config :shop, Shop.Repo,\n    url: database_url,\n    pool_size: 10\nend\n',
            'config/dev.exs': 'import Config\n\nconfig :shop, Shop.Repo,\n  hostname: "shop-dev.c9akciq32hx.eu-west-1.rds.amazonaws.com",\n  database: "shop_dev"\n',
          },
          note: "Phoenix: production's URL is given at run time, and dev.exs is no production config",
        },
        {
          files: {
            'knexfile.js': "module.exports = {\n  development: { client: 'pg', connection: { host: 'localhost', database: 'shop_dev' } },\n  staging: {\n    client: 'pg',\n    connection: { host: 'shop-staging.c9akciq32hx.eu-west-1.rds.amazonaws.com', database: 'shop' },\n  },\n};\n",
          },
          note: "a knexfile's staging block: staging's own database, no production store",
        },
        {
          files: { 'config.py': 'import os\n\nclass StagingConfig:\n    SQLALCHEMY_DATABASE_URI = "postgresql://notes@notes-db.c9akciq32hx.us-east-1.rds.amazonaws.com/notes"\n\nclass ProductionConfig:\n    SQLALCHEMY_DATABASE_URI = os.environ["DATABASE_URL"]\n' },
          note: "Flask: only the staging class names a server; production's is given at run time",
        },
        {
          files: { 'k8s/postgres.yaml': K8S_NOTES_POSTGRES, 'k8s/snapshot.yaml': ONE_OFF_SNAPSHOT('no-backup') },
          note: 'a VolumeSnapshot taken once (and a class named for off-site backups) is no backup at all, let alone one held by the provider',
        },
        {
          files: {
            '.platform/services.yaml': "database:\n  type: postgresql:15\n  disk: 2048\n\ncache:\n  type: redis:7.2\n",
            '.platform.app.yaml': "name: app\ntype: php:8.3\ndisk: 2048\nmounts:\n  \"/var\": { source: local, source_path: var }\ncrons:\n  offsite-backup:\n    spec: '0 2 * * *'\n    commands:\n      start: |\n        pg_dump --format=custom \"$DATABASE_URL\" > /tmp/db.dump\n        aws s3 cp /tmp/db.dump s3://guestbook-offsite/db.dump --endpoint-url https://s3.eu-central-003.backblazeb2.com\n",
          },
          note: 'Platform.sh: a cron dumps the database to Backblaze B2; the plain Redis is a cache and `/var` holds caches and logs',
        },
        {
          files: { 'deploy/prod/postgres.yaml': CNPG_CLUSTER(CNPG_R2, CNPG_IRSA) },
          note: 'CloudNativePG on EKS copying to Cloudflare R2 with keys of its own: off the provider',
        },
        {
          files: { 'infra/main.tf': CLOUD_SQL_TF, '.github/workflows/export.yml': CLOUD_SQL_EXPORT('acme-dr-vault-exports') },
          note: 'a Cloud SQL export to a bucket not named for the instance\'s project: where it is kept is not visible',
        },
        {
          files: {
            'bin/ledger.ts': "import * as cdk from 'aws-cdk-lib';\nimport { DataStack } from '../lib/data/data-stack';\nimport { BackupStack } from '../lib/backup/backup-stack';\n\nconst app = new cdk.App();\nconst env = { account: '381492665730', region: 'us-east-1' };\nconst data = new DataStack(app, 'LedgerData-Prod', { env });\nnew BackupStack(app, 'LedgerBackup-Prod', { env, table: data.table });\n",
            'lib/data/data-stack.ts': "import * as cdk from 'aws-cdk-lib';\nimport * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport { Construct } from 'constructs';\n\nexport class DataStack extends cdk.Stack {\n  readonly table: dynamodb.Table;\n  constructor(scope: Construct, id: string, props?: cdk.StackProps) {\n    super(scope, id, props);\n    this.table = new dynamodb.Table(this, 'Ledger', {\n      tableName: 'ledger-prod',\n      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },\n      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,\n      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },\n      deletionProtection: true,\n      removalPolicy: cdk.RemovalPolicy.RETAIN,\n    });\n  }\n}\n",
            'lib/backup/backup-stack.ts': "import * as cdk from 'aws-cdk-lib';\nimport * as backup from 'aws-cdk-lib/aws-backup';\nimport * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport { Construct } from 'constructs';\n\ninterface BackupStackProps extends cdk.StackProps {\n  table: dynamodb.ITable;\n}\n\nexport class BackupStack extends cdk.Stack {\n  constructor(scope: Construct, id: string, props: BackupStackProps) {\n    super(scope, id, props);\n    const plan = new backup.BackupPlan(this, 'LedgerPlan');\n    plan.addRule(new backup.BackupPlanRule({\n      ruleName: 'daily-dr',\n      copyActions: [{\n        destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'Dr', 'arn:aws:backup:us-west-2:907341228816:backup-vault:ledger-dr'),\n        moveToColdStorageAfter: cdk.Duration.days(30),\n      }],\n    }));\n    plan.addSelection('Ledger', { resources: [backup.BackupResource.fromDynamoDbTable(props.table)] });\n  }\n}\n",
          },
          note: "CDK: the backup stack, in its own directory, is handed the data stack's table and copies it to another account's vault",
        },
        { files: VELERO_OFFSITE_OVERLAY, note: "Velero copies the volumes of the overlay's namespace to Backblaze B2 with file-system backup" },
        { files: { 'infra/staging/vercel.tf': VERCEL_DATABASE_TF('acme-staging.cxq2kd7mpl1z.us-east-1.rds.amazonaws.com') }, note: "staging's configuration gives staging's database" },
        { files: { '.github/workflows/deploy.yml': CLOUD_RUN_DEPLOY('acme-staging') }, note: "the Cloud SQL instance is in staging's project" },
        {
          files: {
            'render.yaml': 'databases:\n  - name: acme-db\n    plan: pro-4gb\n',
            '.gitlab-ci.yml': 'include:\n  - local: ci/backup.yml\n',
            'ci/backup.yml': 'backup-db:\n  stage: backup\n  image: postgres:16\n  rules:\n    - if: $CI_PIPELINE_SOURCE == "schedule"\n  script:\n    - pg_dump "$DATABASE_URL" -Fc -f db.dump\n    - aws s3 cp db.dump s3://acme-db-backups/ --endpoint-url https://s3.us-west-004.backblazeb2.com\n',
          },
          note: 'a scheduled GitLab job, in a file the root includes, uploads the dump to Backblaze B2',
        },
        sample('infra/main.tf', UPSTASH('  eviction       = true\n'), { note: 'an Upstash cache that evicts keys' }),
        { files: { 'infra/main.bicep': BICEP_POSTGRES, '.github/workflows/backup.yml': OFFSITE_DUMP }, note: 'a nightly dump leaves Azure' },
        {
          files: {
            'supabase/config.toml': 'project_id = "habitloop"\n\n[db]\nport = 54322\nmajor_version = 15\n',
            'src/lib/supabase.ts': 'import { createClient } from "@supabase/supabase-js";\n\nexport const supabase = createClient("https://qwhzkpmtnbrvyaxlcedf.supabase.co", process.env.NEXT_PUBLIC_SUPABASE_ANON_KEY!);\n',
            '.github/workflows/backup.yml': 'name: supa-backup\non:\n  schedule:\n    - cron: "0 0 * * *"\njobs:\n  run_db_backup:\n    runs-on: ubuntu-latest\n    permissions:\n      contents: write\n    steps:\n      - uses: actions/checkout@v4\n      - uses: supabase/setup-cli@v1\n      - run: supabase db dump --db-url "$SUPABASE_DB_URL" -f schema.sql\n        env:\n          SUPABASE_DB_URL: ${{ secrets.SUPABASE_DB_URL }}\n      - run: supabase db dump --db-url "$SUPABASE_DB_URL" -f data.sql --use-copy --data-only\n        env:\n          SUPABASE_DB_URL: ${{ secrets.SUPABASE_DB_URL }}\n      - uses: stefanzweifel/git-auto-commit-action@v5\n        with:\n          commit_message: Supabase backup\n',
          },
          note: "Supabase's documented backup workflow: dumps committed back to the repository on GitHub",
        },
        {
          files: {
            'lib/ledger-stack.ts': cdkLedgerStack(
              "    plan.addRule(new backup.BackupPlanRule({\n      ruleName: 'daily-offsite',\n      copyActions: [{ destinationBackupVault: backup.BackupVault.fromBackupVaultArn(this, 'Offsite', 'arn:aws:backup:eu-west-1:993817264550:backup-vault:ledger-offsite-locked') }],\n    }));\n",
            ),
          },
          note: "CDK's usual form: the copy to another account's vault is a rule added to the plan",
        },
        {
          files: { '.do/app.yaml': 'name: fieldnote\nservices:\n  - name: web\ndatabases:\n  - name: db\n    engine: PG\n' },
          note: "App Platform's dev database, not a managed cluster",
        },
        {
          files: {
            'wrangler.toml': 'name = "linkjar"\nmain = "src/index.ts"\n\n[env.staging]\nname = "linkjar-staging"\n\n[[env.staging.d1_databases]]\nbinding = "DB"\ndatabase_name = "linkjar-db-staging"\ndatabase_id = "0b1a2f3e-4d5c-4e8a-9c7d-e3b7a9c2f1f6"\n',
          },
          note: "staging's own D1 database",
        },
        {
          files: { 'wrangler.toml': 'name = "d1-template"\nmain = "src/index.ts"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "d1-template-database"\ndatabase_id = "<your-db-id>"\n' },
          note: 'a starter whose database id is left to fill in',
        },
        {
          files: {
            'wrangler.toml': 'name = "blog"\n\n[[d1_databases]]\nbinding = "DB"\ndatabase_name = "blog-prod"\ndatabase_id = "d37efd56-678d-49e6-9f4b-7cec77836153"\n',
            'scripts/export-d1.sh': '#!/bin/sh\nset -e\nnpx wrangler d1 export blog-prod --remote --output=dump.sql\naws s3 cp dump.sql "s3://blog-offsite/d1/$(date +%F).sql" --endpoint-url https://s3.us-west-004.backblazeb2.com\n',
          },
          note: 'a D1 export uploaded to another provider',
        },
        {
          files: { 'shop/settings/production.py': DJANGO_ON_SUPABASE, '.github/workflows/backup.yml': OFFSITE_WORKFLOW },
          note: 'the same database with an off-site dump job and a restore check',
        },
        {
          files: {
            'render.yaml': `databases:
  - name: acme-db
    plan: basic-1gb
`,
            '.github/workflows/backup.yml': OFFSITE_WORKFLOW,
          },
          note: 'Render Postgres with an off-site dump job and a restore check',
        },
        {
          files: {
            'examples/render.yaml': `databases:
  - name: example-db
    plan: basic-1gb
`,
          },
          note: 'example blueprints are not this repo\'s deployment',
        },
        {
          files: {
            'app.json': `{
  "name": "Pinboard",
  "description": "Self-hosted bookmarks",
  "repository": "https://github.com/pinboard-oss/pinboard",
  "logo": "https://pinboard-oss.github.io/logo.png",
  "addons": ["heroku-postgresql:essential-0"],
  "env": { "SECRET_KEY_BASE": { "generator": "secret" } }
}
`,
            Procfile: 'web: bundle exec puma -C config/puma.rb\n',
          },
          note: 'an app.json with Heroku Button metadata is a template for others',
        },
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/no-backup',
    title: 'Production store with no backup at all',
    severity: 'high',
    why: 'Nothing copies this store: not the platform (a free Render database, a DynamoDB table without point-in-time recovery, a volume on a server) and not a job in the repo. Deleting it, by mistake or by an agent, is final.',
    fix: 'Turn on the platform\'s backups and add a scheduled copy to another provider or account (pg_dump/mysqldump uploading to object storage elsewhere, restic or Litestream to R2/B2/S3), then restore it on a schedule. Record backups kept outside the repo under `backups:` in `.blast-radius.yml`.',
    help: 'A compose stack named for production that nothing in the repository deploys (no ssh or CI step runs it) may be a self-hosting template shipped for others: it is reported medium.',
    precision: 'medium',
    tags: ['backup', 'data-loss'],
    samples: {
      positive: [
        ARCHIVE_MODE_OFF,
        ACTIVE_STORAGE_R2,
        {
          files: { 'k8s/postgres.yaml': K8S_NOTES_POSTGRES, 'k8s/snapshot.yaml': ONE_OFF_SNAPSHOT('postgres-before-upgrade') },
          expect: { path: 'k8s/postgres.yaml', line: 2 },
          note: 'a one-off CSI VolumeSnapshot is not a backup schedule: the claim still has no backup',
        },
        {
          files: KUSTOMIZE_BASE_AND_OVERLAY('production'),
          expect: { path: 'deploy/base/postgres.yaml', line: 2 },
          note: "kustomize: production's overlay deploys the base's StatefulSet (no pipeline in the repo applies it)",
        },
        {
          files: { 'modules/storage/main.tf': BUCKET_MODULE, 'live/prod/storage/terragrunt.hcl': TERRAGRUNT_LIVE('prod') },
          expect: { path: 'modules/storage/main.tf', line: 5 },
          note: "Terragrunt: production's live configuration deploys the module with the bucket's name",
        },
        {
          files: { 'infra/main.tf': CLI_BUCKET_TF, '.github/workflows/terraform.yml': CLI_BUCKET_WORKFLOW('production') },
          expect: { path: 'infra/main.tf', line: 13 },
          note: "a bucket named by a variable production's CI job gives on Terraform's command line",
        },
        {
          files: { 'infra/main.tf': WORKSPACE_BUCKETS('"acme-${terraform.workspace}-${local.kind}"', 'documents'), 'infra/variables.tf': 'variable "region" {\n  default = "eu-west-1"\n}\n' },
          expect: { path: 'infra/main.tf', line: 13 },
          note: 'a bucket named per workspace (through a local): production is one of the workspaces the root is applied in',
        },
        {
          files: { '.github/workflows/deploy.yml': HELM_RELEASE_DEPLOY(''), 'deploy/postgres/values.yaml': BITNAMI_STANDALONE_VALUES },
          expect: { path: '.github/workflows/deploy.yml', line: 13 },
          note: "Bitnami's PostgreSQL chart installed on its own into production's namespace",
        },
        {
          files: { 'docker-compose.yml': COOLIFY_STACK, 'Dockerfile': 'FROM node:20-alpine\nCOPY . .\nCMD ["node", "server.js"]\n' },
          expect: { path: 'docker-compose.yml', line: 7 },
          note: 'a stack Coolify deploys: its magic variables say the platform runs this file',
        },
        {
          files: { '.caprover/stack.yml': CAPROVER_STACK, 'captain-definition': '{\n  "schemaVersion": 2,\n  "dockerfilePath": "./Dockerfile"\n}\n' },
          expect: { path: '.caprover/stack.yml', line: 3 },
          note: "a CapRover one-click app of the team's database",
        },
        {
          files: { 'argocd/orders-db.yaml': ARGO_DATABASE('orders-prod', '') },
          expect: { path: 'argocd/orders-db.yaml', line: 2 },
          note: 'an Argo CD Application of Bitnami\'s PostgreSQL chart',
        },
        {
          files: { 'helmfile.yaml': 'repositories:\n  - name: bitnami\n    url: https://charts.bitnami.com/bitnami\nreleases:\n  - name: billing-mysql\n    namespace: billing-prod\n    chart: bitnami/mysql\n    values:\n      - values/mysql.yaml\n', 'values/mysql.yaml': 'auth:\n  database: billing\nprimary:\n  persistence:\n    size: 40Gi\n' },
          expect: { path: 'helmfile.yaml', line: 5 },
          note: "a helmfile release of Bitnami's MySQL chart",
        },
        sample('template.yaml', CFN_TAGGED(LIST_OF_TAGS), { expect: { line: 16 }, note: 'a CloudFormation tag selection (ListOfTags) passes by the table without the tag' }),
        sample('template.yaml', CFN_TAGGED(TAG_CONDITIONS), { expect: { line: 16 }, note: 'Conditions narrow a wildcard selection to the tagged tables' }),
        { files: { 'lib/data-stack.ts': CDK_TAGGED("cdk.Tags.of(orders).add('backup', 'daily');"), 'bin/app.ts': CDK_APP("cdk.Tags.of(app).add('team', 'orders');") }, expect: { path: 'lib/data-stack.ts', line: 19 }, note: 'a CDK selection by BackupResource.fromTag passes by the table Tags.of does not tag' },
        { files: { 'stacks/data_stack.py': CDK_PY_TAGGED('Tags.of(orders).add("backup", "daily")'), 'app.py': CDK_PY_APP('cdk.Tags.of(app).add("team", "orders")') }, expect: { path: 'stacks/data_stack.py', line: 21 }, note: 'the same in Python CDK (BackupResource.from_tag)' },
        { files: { 'infra/main.tf': TF_TAG_CONDITION }, expect: { path: 'infra/main.tf', line: 17 }, note: 'a Terraform condition narrows resources = ["*"] to the tagged tables' },
        { files: { 'infra/template.yaml': CFN_TAGGED(LIST_OF_TAGS), 'web/site.yaml': 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  SiteBucket:\n    Type: AWS::S3::Bucket\n', '.github/workflows/deploy.yml': CFN_DEPLOY_TAGGED('web/site.yaml') }, expect: { path: 'infra/template.yaml', line: 16 }, note: "stack tags given to another template's stack" },
        {
          files: {
            'infra/main.tf': 'provider "azurerm" {\n  features {}\n}\n\nresource "azurerm_storage_account" "claims" {\n  name                     = "st${var.app}${var.environment}"\n  resource_group_name      = "rg-claims"\n  location                 = "westeurope"\n  account_tier             = "Standard"\n  account_replication_type = "LRS"\n}\n',
            'infra/variables.tf': 'variable "app" {\n  default = "claimsy"\n}\n\nvariable "environment" {\n  type = string\n}\n',
            'infra/terraform.tfvars': 'environment = "prod"\n',
          },
          expect: { path: 'infra/main.tf', line: 5 },
          note: 'a storage account named from variables: the value environment takes says production',
        },
        {
          files: { 'infra/template.yaml': CFN_TAGGED(LIST_OF_TAGS), '.github/workflows/deploy.yml': CFN_ACTION_TAGGED(`'[{"Key":"backup","Value":"weekly"},{"Key":"team","Value":"billing"}]'`) },
          expect: { path: 'infra/template.yaml', line: 16 },
          note: "aws-cloudformation-github-deploy's tags input gives the stack backup=weekly; the selection picks backup=daily",
        },
        {
          files: { 'infra/template.yaml': CFN_TAGGED(LIST_OF_TAGS), 'Makefile': 'deploy:\n\tcd infra && sam deploy --stack-name invoicing-prod --no-confirm-changeset --tags backup=weekly team=billing\n' },
          expect: { path: 'infra/template.yaml', line: 16 },
          note: "the stack's tags give backup=weekly; the selection picks backup=daily",
        },
        sample('render.yaml', RENDER_KEY_VALUE('free', 'noeviction'), { expect: { line: 12 }, note: 'a free Render Key Value instance keeps its data in memory only' }),
        { files: { 'site.yml': '- hosts: db\n  become: true\n  roles:\n    - postgres\n', 'roles/postgres/tasks/main.yml': ANSIBLE_POSTGRES }, expect: { path: 'roles/postgres/tasks/main.yml', line: 2 }, note: 'an Ansible role installing Postgres on a server, and nothing copying it' },
        { files: { 'jobs/postgres.nomad.hcl': NOMAD_POSTGRES }, expect: { path: 'jobs/postgres.nomad.hcl', line: 11 }, note: 'a Nomad task running Postgres on a host volume: a directory on one client\'s disk' },
        { files: { 'k8s/config-connector/sqlinstance.yaml': 'apiVersion: sql.cnrm.cloud.google.com/v1beta1\nkind: SQLInstance\nmetadata:\n  name: events-prod\nspec:\n  databaseVersion: POSTGRES_15\n  region: europe-west1\n  settings:\n    tier: db-custom-4-15360\n    backupConfiguration:\n      enabled: false\n' }, expect: { path: 'k8s/config-connector/sqlinstance.yaml', line: 2 }, note: "Config Connector's Cloud SQL instance with its backups off" },
        { files: { 'infra/hetzner/main.tf': 'terraform {\n  required_providers {\n    hcloud = { source = "hetznercloud/hcloud" }\n  }\n}\n\nresource "hcloud_server" "web" {\n  name        = "web-prod-1"\n  server_type = "cx32"\n  image       = "ubuntu-24.04"\n}\n\nresource "hcloud_volume" "pgdata" {\n  name     = "pgdata-prod"\n  size     = 100\n  location = "fsn1"\n}\n' }, expect: { path: 'infra/hetzner/main.tf', line: 13 }, note: "a Hetzner volume holding a self-managed database: Hetzner keeps no backup of volumes" },
        {
          files: {
            'firebase.json': '{\n  "firestore": { "rules": "firestore.rules", "indexes": "firestore.indexes.json" },\n  "hosting": { "public": "dist" }\n}\n',
            '.firebaserc': '{ "projects": { "default": "pawpal-staging", "prod": "pawpal-prod" } }\n',
          },
          expect: { path: 'firebase.json', line: 2 },
          note: 'Firestore keeps no backup until PITR or a schedule is turned on',
        },
        {
          files: {
            'docker-compose.yml': 'services:\n  app:\n    image: ghcr.io/tidepool/cms:latest\n    env_file: .env.production\n    ports: ["80:3000"]\n  db:\n    image: postgres:16\n    volumes:\n      - pgdata:/var/lib/postgresql/data\nvolumes:\n  pgdata: {}\n',
          },
          expect: { path: 'docker-compose.yml', line: 6 },
          note: 'a stack whose app loads .env.production is production\'s, whatever the file is called',
        },
        {
          files: {
            'docker-compose.prod.yml': 'services:\n  app:\n    image: ghcr.io/acme/leaderboard:2.3.0\n    environment:\n      REDIS_URL: redis://redis:6379/0\n  redis:\n    image: redis:7.2-alpine\n    command: redis-server --appendonly yes\n    volumes:\n      - redisdata:/data\nvolumes:\n  redisdata: {}\n',
          },
          expect: { path: 'docker-compose.prod.yml', line: 6 },
          note: 'Redis with its append-only file on keeps data the team means to keep, on one host',
        },
        {
          files: {
            'render.yaml': `databases:
  - name: shop-db
    plan: free
    databaseName: shop
`,
          },
          expect: { path: 'render.yaml', line: 2 },
          note: 'free Render Postgres keeps no backups',
        },
        {
          files: {
            'deploy/docker-compose.yml': `services:
  web:
    image: ghcr.io/acme/crm:1.8.2
    ports: ["80:3000"]
    environment:
      DATABASE_URL: postgres://crm:crm@db:5432/crm
  db:
    image: postgres:15
    volumes:
      - /srv/crm/postgres:/var/lib/postgresql/data
`,
            '.github/workflows/deploy.yml': `name: Deploy
on:
  push:
    branches: [main]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - name: Ship to the VPS
        uses: appleboy/ssh-action@v1.0.3
        with:
          host: \${{ secrets.VPS_HOST }}
          username: deploy
          key: \${{ secrets.VPS_SSH_KEY }}
          script: |
            cd /srv/crm
            git pull
            docker compose -f deploy/docker-compose.yml pull
            docker compose -f deploy/docker-compose.yml up -d
`,
          },
          expect: { path: 'deploy/docker-compose.yml', line: 7 },
          note: 'a compose file the deploy workflow brings up on a server',
        },
        {
          files: {
            'docker-compose.yml': 'services:\n  web:\n    build: .\n    depends_on: [db]\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
            'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n    ports: ["80:8000"]\n',
            Makefile: 'deploy:\n\tgit pull --ff-only\n\tdocker compose -f docker-compose.yml -f docker-compose.prod.yml up -d --build\n',
          },
          expect: { path: 'docker-compose.yml', line: 5 },
          note: "a make target run on the server brings the base file up with production's override",
        },
        {
          files: { 'site.yml': '- hosts: db\n  become: true\n  roles:\n    - role: geerlingguy.postgresql\n', 'group_vars/db.yml': 'postgresql_databases:\n  - name: invoices\n' },
          expect: { path: 'site.yml', line: 4 },
          note: 'Ansible: a play applies the Galaxy role that installs PostgreSQL on the server',
        },
        {
          files: {
            'site.yml': '- hosts: dbservers\n  become: true\n  roles:\n    - db\n',
            'roles/db/tasks/main.yml': '- name: Install PostgreSQL packages\n  ansible.builtin.apt:\n    name: "{{ item }}"\n    state: present\n  loop:\n    - postgresql\n    - postgresql-contrib\n',
          },
          expect: { path: 'roles/db/tasks/main.yml', line: 2 },
          note: "Ansible: a role installs PostgreSQL's packages in a loop, and a play whose words name no database applies it",
        },
        {
          files: {
            'playbook.yml': '- hosts: db\n  become: true\n  roles:\n    - postgres\n',
            'roles/postgres/defaults/main.yml': 'postgresql_packages:\n  - postgresql-14\n  - postgresql-contrib\n',
            'roles/postgres/tasks/main.yml': '- name: Install postgres\n  ansible.builtin.package:\n    name: "{{ postgresql_packages }}"\n    state: present\n',
          },
          expect: { path: 'roles/postgres/tasks/main.yml', line: 2 },
          note: "Ansible: the role's packages come from its defaults",
        },
        {
          files: {
            'docker-compose.yml': ANSIBLE_COMPOSE_STACK,
            'ansible/site.yml': '- hosts: prod\n  become: true\n  roles: [app]\n',
            'ansible/roles/app/tasks/main.yml': ANSIBLE_COMPOSE_UP(''),
          },
          expect: { path: 'docker-compose.yml', line: 4 },
          note: 'Ansible: a task on the play\'s hosts copies the compose file to the server and brings the stack up there',
        },
      ],
      negative: [
        ...ACTIVE_STORAGE_COPIED,
        { files: VELERO_OFFSITE_OVERLAY, note: "Velero copies the volumes of the overlay's namespace to Backblaze B2 with file-system backup" },
        { files: KUSTOMIZE_BASE_AND_OVERLAY('staging'), note: "kustomize: only staging's overlay deploys the base" },
        { files: { 'infra/main.tf': CLI_BUCKET_TF, '.github/workflows/terraform.yml': CLI_BUCKET_WORKFLOW('staging') }, note: 'only a staging job gives the variable its value' },
        { files: { 'modules/storage/main.tf': BUCKET_MODULE, 'live/staging/storage/terragrunt.hcl': TERRAGRUNT_LIVE('staging') }, note: 'Terragrunt deploys the module for staging only' },
        { files: { 'infra/main.tf': WORKSPACE_BUCKETS('"acme-${terraform.workspace}-${local.kind}"', 'tfstate') }, note: "a workspace's state bucket holds no data of its own" },
        { files: { 'infra/main.tf': WORKSPACE_BUCKETS('"${var.project}-${local.kind}"', 'exports') }, note: 'a bucket whose name no value is found for, and whose written words name derived objects' },
        { files: { 'templates/compose/crm.yaml': COOLIFY_STACK }, note: 'a catalogue of Coolify templates for others to deploy' },
        { files: { 'docker-compose.yml': COOLIFY_STACK.replace(/SERVICE_\w+?_(APP_3000|POSTGRES)/g, 'DB_PASSWORD') }, note: 'a compose file nothing shows deployed: a laptop stack' },
        {
          files: {
            'docker-compose.yml': 'services:\n  db:\n    image: postgres:16-alpine\n    volumes:\n      - db-data:/var/lib/postgresql/data\nvolumes:\n  db-data:\n',
            'docker-compose.dev.yml': 'services:\n  db:\n    ports: ["5432:5432"]\n',
            Makefile: 'dev:\n\tdocker compose -f docker-compose.yml -f docker-compose.dev.yml up -d\n',
          },
          note: 'a make target brings the stack up with the development override: a laptop',
        },
        {
          files: {
            'docker-compose.yml': 'services:\n  web:\n    build: .\n    ports: ["8000:8000"]\n',
            'docker-compose.prod.yml': 'services:\n  web:\n    restart: always\n',
            Makefile: 'deploy:\n\tdocker compose -f docker-compose.yml -f docker-compose.prod.yml up -d --build\n',
            'tools/metabase/docker-compose.yml': 'services:\n  metabase-db:\n    image: postgres:16-alpine\n    volumes:\n      - mb-data:/var/lib/postgresql/data\nvolumes:\n  mb-data:\n',
          },
          note: "the make target brings up the top level's stack, which has no database; another stack's file of the same name is not the one it reads",
        },
        {
          files: {
            'site.yml': '- hosts: web\n  become: true\n  roles:\n    - web\n',
            'roles/web/tasks/main.yml': '- name: Install packages\n  ansible.builtin.apt:\n    name: "{{ item }}"\n  loop:\n    - nginx\n    - postgresql-client\n',
          },
          note: 'Ansible: only the PostgreSQL client is installed',
        },
        {
          files: { 'envs/production/main.tf': DROPLET_WITH_VOLUME, 'cloud-init.yaml': CLOUD_INIT_OFFSITE_CRON },
          note: "cloud-init's crontab on the droplet copies a dump of the volume's Postgres to Backblaze B2",
        },
        {
          files: {
            'docker-compose.yml': ANSIBLE_COMPOSE_STACK,
            'ansible/local.yml': '- hosts: localhost\n  roles: [app]\n',
            'ansible/roles/app/tasks/main.yml': ANSIBLE_COMPOSE_UP('  delegate_to: localhost\n'),
          },
          note: 'Ansible: the compose `up` is delegated to the controller, a laptop as often as a server',
        },
        {
          files: { 'argocd/orders-db.yaml': ARGO_DATABASE('orders-prod', ARGO_UPLOADING_BACKUP) },
          note: "the Application's inline values turn on the chart's backup CronJob, which uploads the dump to Backblaze B2",
        },
        { files: { 'argocd/orders-db.yaml': ARGO_DATABASE('orders-staging', '') }, note: "installed into staging's namespace" },
        {
          files: { '.github/workflows/deploy.yml': HELM_RELEASE_DEPLOY(''), 'deploy/postgres/values.yaml': BITNAMI_STANDALONE_VALUES + BITNAMI_STANDALONE_UPLOAD },
          note: "the chart's own backup CronJob, turned on in the values file the release installs with, uploads the dump to Backblaze B2",
        },
        {
          files: { '.github/workflows/deploy.yml': HELM_RELEASE_DEPLOY('      - uses: helm/kind-action@v1\n'), 'deploy/postgres/values.yaml': BITNAMI_STANDALONE_VALUES },
          note: 'installed into a kind cluster on the CI runner, for a test',
        },
        { files: { 'template.yaml': CFN_TAGGED(LIST_OF_TAGS), 'samconfig.toml': 'version = 0.1\n[default.deploy.parameters]\nstack_name = "invoicing-prod"\ntags = "backup=\\"daily\\" team=\\"billing\\""\n' }, note: 'sam deploy tags every resource of the stack' },
        sample('template.yaml', CFN_TAGGED(LIST_OF_TAGS.replace('STRINGEQUALS', 'STRINGLIKE').replace('daily', '"*"')), { note: 'a tag pattern may match anything' }),
        { files: { 'lib/data-stack.ts': CDK_TAGGED("cdk.Tags.of(orders).add('backup', 'daily');"), 'bin/app.ts': CDK_APP("cdk.Tags.of(app).add('backup', 'daily');") }, note: 'Tags.of(app) tags every resource of the CDK app' },
        { files: { 'lib/data-stack.ts': CDK_TAGGED("for (const [key, value] of Object.entries(props?.tags ?? {})) cdk.Tags.of(this).add(key, value);") }, note: 'tags computed for the whole stack may be the selected one' },
        {
          files: {
            'lib/ledger-stack.ts': "import * as cdk from 'aws-cdk-lib';\nimport * as dynamodb from 'aws-cdk-lib/aws-dynamodb';\nimport * as backup from 'aws-cdk-lib/aws-backup';\nimport { Construct } from 'constructs';\n\nexport class LedgerStack extends cdk.Stack {\n  constructor(scope: Construct, id: string, props?: cdk.StackProps) {\n    super(scope, id, props);\n    new dynamodb.Table(this, 'Ledger', {\n      tableName: 'ledger-prod',\n      partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING },\n      removalPolicy: cdk.RemovalPolicy.RETAIN,\n    });\n    const plan = backup.BackupPlan.dailyWeeklyMonthly5YearRetention(this, 'Plan');\n    plan.addSelection('Stack', { resources: [backup.BackupResource.fromConstruct(this)] });\n  }\n}\n",
          },
          note: "one of CDK's ready-made plans (BackupPlan.dailyWeeklyMonthly5YearRetention)",
        },
        { files: { 'stacks/data_stack.py': CDK_PY_TAGGED('Tags.of(orders).add("backup", "daily")'), 'app.py': CDK_PY_APP('cdk.Tags.of(app).add("backup", "daily")') }, note: 'a Python CDK plan selecting by a tag the app gives every resource' },
        { files: { 'infra/template.yaml': CFN_TAGGED(LIST_OF_TAGS), '.github/workflows/deploy.yml': CFN_DEPLOY_TAGGED('infra/template.yaml') }, note: 'aws cloudformation deploy --tags tags every resource of the stack' },
        {
          files: { 'infra/template.yaml': CFN_TAGGED(LIST_OF_TAGS), '.github/workflows/deploy.yml': CFN_ACTION_TAGGED('|\n            - Key: backup\n              Value: daily') },
          note: "aws-cloudformation-github-deploy's tags input (YAML) gives every resource of the stack backup=daily",
        },
        {
          files: {
            'infra/template.yaml': CFN_TAGGED(LIST_OF_TAGS),
            '.github/workflows/deploy.yml': 'name: deploy\non:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    environment: production\n    steps:\n      - uses: actions/checkout@v4\n      - uses: aws-actions/aws-cloudformation-github-deploy@v1\n        with:\n          name: invoicing-prod\n          template: infra/template.yaml\n          no-fail-on-empty-changeset: "1"\n          tags: \'[{"Key":"backup","Value":"daily"}]\'\n',
          },
          note: "the CloudFormation deploy action's stack tags",
        },
        { files: { 'infra/template.yaml': CFN_TAGGED(LIST_OF_TAGS), 'Makefile': 'deploy:\n\tcd infra && sam deploy --stack-name invoicing-prod --no-confirm-changeset --tags backup=daily\n' }, note: 'sam deploy --tags on the template of the directory it runs in' },
        { files: { 'docker-compose.prod.yml': 'services:\n  app:\n    image: ghcr.io/acme/leaderboard:2.3.0\n  redis:\n    image: redis:7.2-alpine\n    volumes:\n      - redisdata:/data\nvolumes:\n  redisdata: {}\n' }, note: 'Redis as a cache: no append-only file' },
        { files: { 'docker-compose.prod.yml': 'services:\n  redis:\n    image: redis:7.2-alpine\n    command: redis-server --appendonly yes\n    volumes:\n      - redisdata:/data\n  backup:\n    image: redis:7.2-alpine\n    command: sh -c "redis-cli -h redis --rdb /tmp/dump.rdb && aws s3 cp /tmp/dump.rdb s3://acme-redis-backups/"\nvolumes:\n  redisdata: {}\n' }, note: 'its snapshot is copied to S3' },
        { files: { 'infra/main.tf': 'resource "hcloud_server" "db" {\n  name        = "db-prod"\n  server_type = "cpx31"\n  image       = "debian-12"\n}\n\nresource "hcloud_volume" "pgdata" {\n  name      = "pgdata-prod"\n  size      = 200\n  server_id = hcloud_server.db.id\n}\n', 'ops/pg-backup.sh': '#!/usr/bin/env bash\nset -euo pipefail\nexport RESTIC_REPOSITORY=b2:acme-mailer-restic:/pg\nsudo -u postgres pg_dumpall | restic backup --stdin --stdin-filename pg_dumpall.sql\n' }, note: 'the server runs Postgres itself and a nightly dump goes to Backblaze B2 (sudo -u postgres read past)' },
        { files: { 'infra/prod/main.tf': S3_MAIN, 'infra/prod/versioning.tf': S3_VERSIONING }, note: 'versioning declared in another file of the module: provider-only, not none' },
        { files: { 'infra/prod/main.tf': S3_MAIN, 'infra/prod/replication.tf': S3_REPLICATION }, note: 'replication to another account, declared in its own file of the module' },
        sample('bin/provision.sh', '#!/bin/sh\ndokku postgres:create app-db\ndokku postgres:link app-db app\ndokku postgres:backup-auth app-db "$B2_KEY_ID" "$B2_APP_KEY" us-west-002 s3v4 https://s3.us-west-002.backblazeb2.com\ndokku postgres:backup-schedule app-db "0 3 * * *" acme-db-backups\n', { note: "Dokku's postgres plugin uploads scheduled dumps to a bucket" }),
        { files: { 'roles/postgresql/meta/main.yml': 'galaxy_info:\n  role_name: postgresql\n  author: acme\n', 'roles/postgresql/tasks/main.yml': ANSIBLE_POSTGRES }, note: 'an Ansible role published on its own: no play applies it here' },
        {
          files: {
            'roles/postgresql/meta/main.yml': 'galaxy_info:\n  role_name: postgresql\n  author: acme\n',
            'roles/postgresql/tasks/main.yml': ANSIBLE_POSTGRES,
            '.github/workflows/operator.yml': 'on: pull_request\njobs:\n  operator:\n    runs-on: ubuntu-22.04\n    steps:\n      - uses: actions/checkout@v4\n      - uses: manusa/actions-setup-minikube@v2.7.1\n        with:\n          minikube version: v1.13.1\n          kubernetes version: v1.19.2\n      - run: kubectl apply -f tests/operator/cluster.yaml\n',
          },
          note: 'the only kubectl apply runs against a cluster the job itself starts (minikube): a test, not a deploy',
        },
        { files: { 'jobs/postgres.nomad.hcl': NOMAD_POSTGRES, 'jobs/backup.nomad.hcl': NOMAD_BACKUP }, note: 'a periodic Nomad job dumps it to another provider' },
        {
          files: {
            'firebase.json': '{\n  "firestore": { "rules": "firestore.rules" }\n}\n',
            'terraform/firestore.tf': 'resource "google_firestore_backup_schedule" "daily" {\n  project   = "acme-chat-prod"\n  database  = "(default)"\n  retention = "1209600s"\n  daily_recurrence {}\n}\n',
          },
          note: "a backup schedule declared apart from the database firebase.json uses (its backups stay in the project: provider-only, not none)",
        },
        { files: { 'infra/hetzner/volumes.tf': 'resource "hcloud_volume" "logs" {\n  name     = "logs-prod"\n  size     = 50\n  location = "fsn1"\n}\n\nresource "hcloud_volume" "cache" {\n  name     = "build-cache-prod"\n  size     = 50\n  location = "fsn1"\n}\n' }, note: 'volumes for logs and a build cache hold no data worth a backup' },
        { files: { 'infra/hetzner/main.tf': 'terraform {\n  required_providers {\n    hcloud = { source = "hetznercloud/hcloud" }\n  }\n}\n\nresource "hcloud_server" "web" {\n  name        = "web-prod-1"\n  server_type = "cx32"\n  image       = "ubuntu-24.04"\n}\n' }, note: 'a web server: its disk holds no data the repository names' },
        { files: { 'firebase.json': '{\n  "hosting": { "public": "dist" }\n}\n' }, note: 'a Firebase project that only hosts a site' },
        {
          files: {
            'docker-compose.test.yml': 'services:\n  db:\n    image: postgres:16\n    tmpfs: [/var/lib/postgresql/data]\n',
            '.github/workflows/ci.yml': 'on: [push]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    services:\n      postgres:\n        image: postgres:16\n    steps:\n      - run: npm test\n',
          },
          note: 'test databases are not production stores',
        },
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/backup-destination-unknown',
    title: 'Production store backed up to a destination the repo does not show',
    severity: 'low',
    why: 'A backup job exists, but it uploads to a bucket, remote or repository held in a secret or variable, so nobody reading the repo can tell whether the copy survives losing the provider or account.',
    fix: 'Name the destination in the repo (the bucket and endpoint, the restic repository), or record where the copies go under `backups:` in `.blast-radius.yml` with a reason.',
    precision: 'medium',
    tags: ['backup'],
    samples: {
      positive: [
        ARCHIVE_DESTINATION_UNKNOWN,
        ARCHIVE_ANSIBLE_UNKNOWN,
        PBM_DESTINATION_UNKNOWN,
        {
          files: {
            'terraform/main.tf': 'terraform {\n  backend "gcs" {\n    bucket = "railtrack-tfstate"\n  }\n}\n\nprovider "google" {\n  project = "railtrack-prod"\n  region  = "europe-west1"\n}\n\nresource "google_sql_database_instance" "main" {\n  name             = "railtrack-pg"\n  database_version = "POSTGRES_15"\n  settings {\n    tier = "db-custom-2-7680"\n    backup_configuration {\n      enabled = true\n    }\n  }\n}\n',
            '.github/workflows/sql-export.yml': 'on:\n  schedule:\n    - cron: "0 4 * * *"\njobs:\n  export:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: google-github-actions/auth@v2\n        with:\n          workload_identity_provider: ${{ vars.WIF_PROVIDER }}\n      - run: gcloud sql export sql railtrack-pg gs://railtrack-dr-sql-exports/railtrack-$(date +%F).sql.gz --database=railtrack\n',
          },
          expect: { path: 'terraform/main.tf', line: 12 },
          note: "Cloud SQL exported to a bucket whose project the repository does not show",
        },
        {
          files: {
            'k8s/production/postgres.yaml': K8S_POSTGRES,
            'k8s/production/backup.yaml': K8S_BACKUP_FROM_SECRET,
            '.github/workflows/deploy.yml': 'on:\n  push:\n    branches: [main]\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: kubectl apply -f k8s/production/\n',
          },
          expect: { path: 'k8s/production/postgres.yaml', line: 2 },
          note: 'a postgres-backup-s3 CronJob whose bucket and endpoint come from a Secret (envFrom): not the same volume',
        },
        {
          files: {
            'fly.toml': `app = "acme-notes"
primary_region = "ams"

[build]
  dockerfile = "Dockerfile"

[[mounts]]
  source = "notes_data"
  destination = "/data"
`,
            'litestream.yml': `dbs:
  - path: /data/notes.db
    replicas:
      - url: \${LITESTREAM_REPLICA_URL}
`,
          },
          expect: { path: 'fly.toml', line: 7 },
        },
      ],
      negative: [
        {
          files: {
            'fly.toml': NOTES_FLY,
            'litestream.yml': notesLitestream('https://s3.eu-central-003.backblazeb2.com\n        validation-interval: 6h'),
          },
          note: 'Litestream to Backblaze B2 with validation',
        },
        {
          files: {
            'fly.toml': NOTES_FLY,
            'litestream.yml': notesLitestream('https://${CF_ACCOUNT_ID}.r2.cloudflarestorage.com'),
          },
          note: 'the account id is a variable, but the host says Cloudflare R2',
        },
        {
          files: {
            'infra/main.bicep': BICEP_POSTGRES,
            '.github/workflows/backup.yml': OFFSITE_DUMP.replace('https://s3.us-west-004.backblazeb2.com', 'https://${{ secrets.CF_ACCOUNT_ID }}.r2.cloudflarestorage.com'),
          },
          note: 'a workflow expression with blanks inside fills the account id: the word stays whole',
        },
        {
          files: {
            'render.yaml': 'services:\n  - type: cron\n    name: pantry-db-backup\n    runtime: docker\n    dockerfilePath: ./backup/Dockerfile\n    schedule: "0 3 * * *"\n    envVars:\n      - key: DATABASE_URL\n        fromDatabase:\n          name: pantry-db\n          property: connectionString\n      - key: S3_BUCKET_NAME\n        value: pantry-pg-backups\ndatabases:\n  - name: pantry-db\n    plan: basic-1gb\n',
            'backup/backup.sh': '#!/bin/bash\nset -o errexit -o nounset -o pipefail\n\ns3() {\n    aws s3 --region "$AWS_REGION" "$@"\n}\n\nupload_to_bucket() {\n    s3 cp - "s3://$S3_BUCKET_NAME/$(date +%Y/%m/%d/backup-%H-%M-%S.sql.gz)"\n}\n\npg_dump --no-owner "$DATABASE_URL" | gzip | upload_to_bucket\n',
          },
          note: "render-examples' backup cron: the upload goes through a wrapper function around the AWS CLI",
        },
      ],
    },
  },
  {
    id: 'missing-offprovider-backup/backup-not-visible',
    title: 'Deployed app whose database has no backup visible in the repo',
    severity: 'medium',
    why: 'The app is deployed and its ORM or framework config expects a database, but the repo shows neither where that database runs nor any backup of it. If the backups live only in a dashboard, nobody reviewing the repo, and no agent guardrail, can see whether they would survive.',
    fix: 'Declare the database where it is provisioned (IaC or platform config) and add an off-provider backup job, or record the backup that exists outside the repo under `backups:` in `.blast-radius.yml` with a reason.',
    precision: 'low',
    tags: ['backup'],
    samples: {
      positive: [
        {
          files: {
            'prisma/schema.prisma': `generator client {
  provider = "prisma-client-js"
}

datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}

model User {
  id    String @id @default(cuid())
  email String @unique
}
`,
            'vercel.json': '{ "framework": "nextjs" }\n',
          },
          expect: { path: 'prisma/schema.prisma', line: 5 },
        },
        {
          files: {
            'config/database.yml': 'default: &default\n  adapter: postgresql\n  pool: 5\nproduction:\n  <<: *default\n  host: db1.storefront.io\n  database: storefront_production\n',
            'config/deploy.rb': 'lock "~> 3.18.0"\nset :application, "storefront"\nset :repo_url, "git@github.com:acme/storefront.git"\nappend :linked_files, "config/database.yml"\n',
            'config/deploy/production.rb': 'server "app1.storefront.io", user: "deploy", roles: %w{app web db}\n',
          },
          expect: { path: 'config/database.yml', line: 4 },
          note: 'a Rails app Capistrano ships to its own servers',
        },
      ],
      negative: [
        {
          files: {
            'prisma/schema.prisma': `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
`,
          },
          note: 'nothing shows the app deployed (a library or a template)',
        },
        {
          files: {
            'prisma/schema.prisma': `datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL")
}
`,
            'vercel.json': '{ "framework": "nextjs" }\n',
            '.blast-radius.yml': 'backups:\n  - store: postgres\n    reason: Neon project acme-prod is exported nightly to GCS by the platform team (runbook OPS-112)\n',
          },
          note: 'a backup recorded outside the repo',
        },
      ],
    },
  },
];
