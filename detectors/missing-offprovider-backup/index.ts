// Production data stores whose only backups die with the provider, volume or account: the inventory of stores and
// backups per file, then the cross-file assessment (assess.ts).
import type { Detector, FileRef, SourceFile, FileEmitter } from '../../src/model.js';
import { assess } from './assess.js';
import { isCloudConfig, isGithubWorkflow, isGitlabCi, scanCloudConfig, scanGithubWorkflow, scanGitlabCi, scanPackageScripts, scanScriptFile } from './backups/ci.js';
import {
  isAutoresticConfig,
  isBarmanConfig,
  isBorgmaticConfig,
  isLitestreamConfig,
  isPbmConfig,
  isPgbackrestConfig,
  isRcloneConfig,
  isResticprofileConfig,
  scanAutorestic,
  scanBarman,
  scanBorgmatic,
  scanLitestream,
  scanPbmConfig,
  scanPgbackrest,
  scanRcloneConfig,
  scanResticprofile,
  scanWalgSettings,
} from './backups/tools.js';
import { isPostgresConfigTemplate, scanWalArchiving } from './backups/archiving.js';
import { isActiveStorageConfig, isRailsEnvironmentConfig, scanActiveStorage, scanActiveStorageChoice } from './inventory/active-storage.js';
import { scanDjangoDbbackup, scanLaravelBackup, scanLaravelFilesystems } from './backups/apps.js';
import { isLaravelBackupConfig, isLaravelFilesystemsConfig } from '../../knowledge/environments/app-backups.js';
import { isFirebaseConfig, scanFirebaseConfig } from './inventory/firebase.js';
import { scanDoAppSpec } from './inventory/digitalocean.js';
import { isDoAppSpec } from '../../knowledge/environments/digitalocean.js';
import { isWranglerConfig, scanWrangler } from './inventory/cloudflare.js';
import { deployPlatformOfPath, isMixProductionConfig, isOrmConfig, scanDeployFile, scanEctoConfig, scanOrm, scanPocketBase, scanReadme, scanTypeormSource } from './inventory/apps.js';
import { cloudFormationResources, isSamConfig, scanCloudFormation, scanSamConfig } from './inventory/cloudformation.js';
import { isBicep, scanArmTemplate, scanBicep } from './inventory/azure.js';
import { isCaproverApp, isComposeFile, isKamalConfig, scanCompose, scanKamal } from './inventory/compose.js';
import { scanNomad } from './inventory/nomad.js';
import { isNomadJob } from '../../knowledge/environments/nomad.js';
import { isAnsiblePlaybook, isAnsibleTasks, scanAnsible } from './inventory/ansible.js';
import { isFlyConfig, scanFly } from './inventory/fly.js';
import { isHerokuConfig, scanHeroku } from './inventory/heroku.js';
import { CLOUD_SQL_KEYWORDS, isSupabaseConfig, scanCloudSqlConnections, scanConnections, scanPackages, scanSupabaseConfig } from './inventory/hosted.js';
import { isHelmChart, isHelmTemplate, looksLikeKubernetes, scanCnpgChartValues, scanHelmChart, scanHelmValues, scanKubernetes, scanVeleroValues } from './inventory/kubernetes.js';
import { importsKnownClasses, scanProgram } from './inventory/programs.js';
import { scanSst } from './inventory/sst.js';
import { isSstConfig } from '../../knowledge/environments/sst.js';
import { isRailwayIac, scanRailwayIac, scanRailwayVolumeUse } from './inventory/railway.js';
import { isRenderBlueprint, scanRender } from './inventory/render.js';
import { isPlatformshConfig, scanPlatformsh } from './inventory/platformsh.js';
import { isHelmfile, scanHelmfile } from './inventory/helm-releases.js';
import { isTerraform, isTerraformState, scanTerraform, scanTerraformState } from './inventory/terraform.js';
import { isTfvars, scanTfvars } from './inventory/terraform-variables.js';
import { isTerragrunt, scanTerragrunt } from './inventory/terragrunt.js';
import { destructiveRules } from './rules/destructive.js';
import { protectionRules } from './rules/protection.js';
import { restoreRules } from './rules/restore.js';
import { directoryOf, fileNameOf, Inventory, isTestOnlyPath, literalOf, mapOf } from './shared.js';
import { isUnresolved } from './backups/destinations.js';
import { isHelmValuesFile } from '../../src/paths.js';
import { isKustomization, scanKustomization } from './inventory/kustomize.js';

const DOTENV = /(^|\/)\.env(\.[\w.-]+)?$|\.env(?:\.(?:example|sample|template|tmpl|dist))?$/i;
const DATA_EXTENSIONS = /\.(ya?ml|json|jsonc|toml|tf|ini|cfg|conf|properties|env)$/i;
const PROGRAM_EXTENSIONS = /\.(ts|mts|cts|js|mjs|cjs|py)$/i;
const SKIPPED_NAME = /^(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|composer\.lock|Cargo\.lock|poetry\.lock|Pipfile\.lock|tsconfig[\w.-]*\.json|\.eslintrc[\w.]*|\.prettierrc[\w.]*|renovate\.json|dependabot\.ya?ml|\.pre-commit-config\.ya?ml|mkdocs\.ya?ml|codecov\.ya?ml|\.golangci\.ya?ml|pubspec\.ya?ml|CITATION\.cff)$/i;
const LOCALE = /(^|\/)(locales?|i18n|lang|translations?)\//i;
const TYPE_DECLARATIONS = /\.d\.ts$|\.(test|spec)\.[cm]?[jt]sx?$|\.min\.js$/i;

function isScriptFile(path: string): boolean {
  const name = fileNameOf(path).toLowerCase();
  // Extensionless executables in script folders (`bin/backup`, `scripts/db-dump`).
  if (/(^|\/)(bin|scripts?|ops|tools|cron)\/[^/.]+$/.test(path)) return true;
  return /\.(sh|bash|zsh)$/.test(name) || name === 'makefile' || name.endsWith('.mk') || name === 'justfile' || name === 'procfile' || /crontab|\.cron$/.test(name) || /(^|\/)cron\.d\//.test(path) || name === 'dockerfile' || name.startsWith('dockerfile.') || name.endsWith('.dockerfile');
}

function isReadme(path: string): boolean {
  return /^readme(\.[\w-]+)?\.(md|mdx|rst|txt)$/i.test(path);
}

function isPulumiStack(path: string): boolean {
  return /(^|\/)Pulumi\.[\w-]+\.ya?ml$/.test(path);
}

/**
 * Config files read for their structure, whatever words they contain. Asked in admission and again, for a file
 * holding no keyword, before its read: the last answer is kept.
 */
let lastStructuralPath: string | undefined;
let lastStructural = false;
function isStructural(path: string): boolean {
  if (path !== lastStructuralPath) {
    lastStructural = isStructuralUncached(path);
    lastStructuralPath = path;
  }
  return lastStructural;
}

function isStructuralUncached(path: string): boolean {
  return (
    isRenderBlueprint(path) ||
    isPlatformshConfig(path) ||
    isHelmfile(path) ||
    isFlyConfig(path) ||
    isHerokuConfig(path) ||
    isSupabaseConfig(path) ||
    isComposeFile(path) ||
    isKamalConfig(path) ||
    isNomadJob(path) ||
    isPulumiStack(path) ||
    isRailwayIac(path) ||
    isLitestreamConfig(path) ||
    isPgbackrestConfig(path) ||
    isPbmConfig(path) ||
    isBarmanConfig(path) ||
    isRcloneConfig(path) ||
    isBorgmaticConfig(path) ||
    isAutoresticConfig(path) ||
    isTerraform(path) ||
    isTerraformState(path) ||
    isTfvars(path) ||
    isTerragrunt(path) ||
    isKustomization(path) ||
    isAnsiblePlaybook(path) ||
    isFirebaseConfig(path) ||
    isBicep(path) ||
    isSamConfig(path) ||
    isLaravelBackupConfig(path) ||
    isLaravelFilesystemsConfig(path) ||
    isActiveStorageConfig(path) ||
    isRailsEnvironmentConfig(path) ||
    DOTENV.test(path) ||
    deployPlatformOfPath(path) !== undefined
  );
}

/**
 * Literals every hosted-database endpoint or Railway reference variable the connection scan recognises contains
 * (see `HOSTS` and `RAILWAY_REFERENCE` in inventory/hosted.ts): a data file with none of them yields no store.
 */
const HOSTED_MARKERS = [
  'rds.amazonaws', 'supabase', 'neon.tech', 'psdb.cloud', 'railway', 'rlwy.net', 'render.com', 'dpg-', 'flycast', 'fly.dev', '.internal',
  'mongodb.net', 'ondigitalocean', 'database.azure', 'database.windows', 'cockroachlabs', 'aivencloud', 'turso.io', 'xata.sh', 'timescale',
  'database_', 'pghost', 'pgdatabase', 'postgres', 'mysql', 'mongo',
];

const KEYWORDS = [
  // Connection strings and hosts of hosted databases.
  ...HOSTED_MARKERS, 'mariadb', 'sqlserver', 'libsql',
  // Infrastructure code and manifests.
  'AWS::', 'deploymentTemplate', 'sst.aws.', 'aws-cdk-lib', '@aws-cdk/', 'aws_cdk', '@pulumi/', 'pulumi', 'StatefulSet', 'PersistentVolume', 'StorageClass', 'CronJob', 'Deployment',
  // GitOps controllers' apps (Argo CD, Flux): the repository's manifests and charts are deployed.
  'argoproj.io', 'fluxcd.io',
  'cnpg.io', 'zalan.do', 'crunchydata', 'percona.com', 'cnrm.cloud.google.com', 'services.k8s.aws', 'upbound.io', 'velero.io', 'snapscheduler', 'postgres-operator', 'defineRailway',
  // Helm values of the Velero and CloudNativePG charts.
  'backupStorageLocation', 'type: postgresql',
  // Backups and restores.
  'backup', 'pg_dump', 'pg_basebackup', 'mysqldump', 'mariadb-dump', 'mongodump', 'sqlite3', 'restic', 'borg', 'rclone', 'wal-g', 'walg_', 'wale_',
  // PostgreSQL's WAL archiving (`archive_command`, Bitnami's `archiveCommand`).
  'archive_command', 'archiveCommand',
  // Percona Backup for MongoDB: its config file (`pbm_config.yaml`) and `pbm backup`.
  'pbm',
  'barman', 'pgbackrest', 'litestream', 'dbbackup', 'pg_restore', 'mongorestore', 'pg:backups', 'db dump', 'kopia', 'd1 export', 'gcloud firestore',
  // Provider snapshots taken by a script (`doctl compute volume snapshot`, `aws ec2 create-snapshot`, `hcloud server create-image`).
  'volume snapshot', 'volume-action', 'droplet-action', 'create-snapshot', 'create-db-snapshot', 'create-db-cluster-snapshot', 'disks snapshot', 'snapshots create', 'snapshot create', 'create-image', 'linodes snapshot',
  // Deploys.
  'fly deploy', 'flyctl', 'forge deploy', 'dep deploy', 'railway up', 'railway_volume_', 'pocketbase', 'vercel', 'netlify', 'kamal', 'heroku', 'dokku', 'kubectl', 'helm ', 'serverless', 'sls deploy', 'cdk deploy',
  'cloudformation deploy', 'create-stack', 'update-stack', 'sam deploy', 'aws-cloudformation-github-deploy',
  'terraform apply', 'terraform -chdir', 'terraform workspace', 'gcloud', 'docker compose', 'docker-compose', 'docker stack', 'ssh-action', 'ssh ',
  // ORMs and framework database configs.
  'datasource', 'dialect', 'DataSource', 'adapter', 'django.db.backends', 'dj_database_url', 'typeorm',
  // Client packages of hosted databases, and drivers (`postgres`, `mysql`, `mongo` are above).
  '@neondatabase', '@planetscale', '@vercel/postgres', '@libsql', '@xata.io', '"pg":', '"pg-promise":',
  // Deploy buttons.
  'render.com/deploy', 'heroku.com/deploy', 'railway.app', 'railway.com', 'vercel.com/new', 'netlify.com/start', 'digitalocean.com/apps', 'deploytodo',
  'koyeb.com/deploy', 'zeabur.com', 'deploy.cloud.run',
  // Cloud SQL instances apps connect to by connection name.
  ...CLOUD_SQL_KEYWORDS,
];

export const missingOffproviderBackup: Detector = {
  id: 'missing-offprovider-backup',
  rules: [...protectionRules, ...destructiveRules, ...restoreRules],
  keywords: KEYWORDS,
  produces: ['data-store', 'backup-evidence', 'store-context'],
  consumes: ['data-store', 'backup-evidence', 'store-context', 'environment-crossing'],

  admits(file: FileRef): boolean {
    // A git-ignored file is a developer's local state, not what the repository deploys.
    if (file.gitIgnored) return false;
    const path = file.path;
    if (SKIPPED_NAME.test(fileNameOf(path)) || LOCALE.test(path)) return false;
    // Source files are admitted by their extension: asked first, since most files are, and the checks below (a
    // pattern per kind of configuration) would only admit them too.
    if (PROGRAM_EXTENSIONS.test(path) && !TYPE_DECLARATIONS.test(path)) return true;
    if (isReadme(path) || isScriptFile(path) || isStructural(path) || isPostgresConfigTemplate(path) || fileNameOf(path).endsWith('.prisma') || isMixProductionConfig(path)) return true;
    if (DOTENV.test(path)) return true;
    return DATA_EXTENSIONS.test(path);
  },

  admitsWithoutKeywords(file: FileRef): boolean {
    return isStructural(file.path);
  },

  scanFile(file: SourceFile, out: FileEmitter): void {
    const inventory = new Inventory(file, out);
    const path = file.path;
    const name = fileNameOf(path).toLowerCase();
    if (isReadme(path)) {
      scanReadme(inventory);
      return;
    }
    if (deployPlatformOfPath(path)) scanDeployFile(inventory);
    if (file.hasKeyword('railway_volume_') && !isTestOnlyPath(path)) scanRailwayVolumeUse(inventory);
    if (file.hasKeyword('pocketbase') && !isTestOnlyPath(path)) scanPocketBase(inventory);
    if (CLOUD_SQL_KEYWORDS.some((keyword) => file.hasKeyword(keyword))) scanCloudSqlConnections(inventory);
    if (isRailwayIac(path)) {
      scanRailwayIac(inventory);
      return;
    }
    if (archives(file)) scanWalArchiving(inventory);
    if (isRailsEnvironmentConfig(path)) {
      if (!isTestOnlyPath(path)) scanActiveStorageChoice(inventory);
      return;
    }
    // Read for its services, then as any data file (a hosted endpoint it names is read there).
    if (isActiveStorageConfig(path) && !isTestOnlyPath(path)) scanActiveStorage(inventory);
    if (isScriptFile(path)) {
      scanScriptFile(inventory);
      return;
    }
    if (file.format === 'yaml' && isCloudConfig(file.text)) {
      scanCloudConfig(inventory);
      return;
    }
    if (name.endsWith('.prisma')) {
      scanOrm(inventory);
      return;
    }
    if (isMixProductionConfig(path)) {
      scanEctoConfig(inventory);
      return;
    }
    if (isTerraform(path)) {
      scanTerraform(inventory);
      // A connection string a resource hands an app (a Vercel or Heroku variable, an SSM parameter, a Kubernetes
      // Secret) names a database the configuration does not declare.
      if (HOSTED_MARKERS.some((marker) => file.hasKeyword(marker))) scanConnections(inventory);
      return;
    }
    if (isTerraformState(path)) {
      if (!isTestOnlyPath(path)) scanTerraformState(inventory);
      return;
    }
    if (isTfvars(path)) {
      scanTfvars(inventory);
      return;
    }
    if (isTerragrunt(path)) {
      scanTerragrunt(inventory);
      return;
    }
    if (isBicep(path)) {
      scanBicep(inventory);
      return;
    }
    if (isNomadJob(path)) {
      scanNomad(inventory);
      return;
    }
    if (isLaravelBackupConfig(path)) {
      if (!isTestOnlyPath(path)) scanLaravelBackup(inventory);
      return;
    }
    if (isLaravelFilesystemsConfig(path)) {
      if (!isTestOnlyPath(path)) scanLaravelFilesystems(inventory);
      return;
    }
    if (isSstConfig(path)) {
      scanSst(inventory);
      return;
    }
    if (file.format === 'typescript' || file.format === 'javascript' || file.format === 'python') {
      scanProgramFile(inventory, file);
      return;
    }
    scanDataFile(inventory, file);
  },

  finish(context) {
    assess(context);
  },
};

/** Source code mentions the setting to generate or document configs (Patroni, Spilo, ORMs' docs), not to set it. */
const PROGRAM_FORMATS = new Set(['typescript', 'javascript', 'python', 'markdown', 'notebook']);

/** A file that may set PostgreSQL's `archive_command` (a conf, its template, a compose command, a ConfigMap, a Dockerfile). */
function archives(file: SourceFile): boolean {
  return (file.hasKeyword('archive_command') || file.hasKeyword('archivecommand')) && !PROGRAM_FORMATS.has(file.format) && !isTestOnlyPath(file.path);
}

function scanProgramFile(inventory: Inventory, file: SourceFile): void {
  // django-dbbackup's storage sits in the settings module, which is also read as the ORM's config below.
  if (file.format === 'python' && file.hasKeyword('dbbackup') && /^(?:STORAGES|DBBACKUP_STORAGE)\s*[:=[]/m.test(file.text) && !isTestOnlyPath(file.path)) scanDjangoDbbackup(inventory);
  if (isOrmConfig(file.path)) {
    scanOrm(inventory);
    if (file.format === 'python') return;
  }
  // Only programs that import CDK or a Pulumi provider are parsed (mentioning them in a string or comment is not enough).
  const imports = (): boolean => (file.format === 'python' ? /^\s*(from|import)\s+(aws_cdk|pulumi)/m.test(file.text) : importsKnownClasses(file.text));
  if ((file.hasKeyword('aws-cdk-lib') || file.hasKeyword('@aws-cdk/') || file.hasKeyword('@pulumi/') || file.hasKeyword('aws_cdk') || file.hasKeyword('pulumi')) && imports()) {
    scanProgram(inventory);
  }
  if (file.hasKeyword('typeorm') && file.hasKeyword('DataSource') && file.format !== 'python') scanTypeormSource(inventory);
  // A hosted Supabase project's URL in application code (`createClient('https://<ref>.supabase.co', ...)`) says the
  // project in supabase/config.toml is a deployed one, as the same URL in an env file does.
  if (file.hasKeyword('supabase') && !isTestOnlyPath(file.path)) {
    for (const match of file.text.matchAll(/https:\/\/([a-z]{20})\.supabase\.co\b/g)) {
      inventory.context({ kind: 'supabase-hosted', name: match[1], value: 'url', location: inventory.line(file.positionAt(match.index).line) });
    }
  }
}

function scanDataFile(inventory: Inventory, file: SourceFile): void {
  const path = file.path;
  const name = fileNameOf(path).toLowerCase();
  if (isGithubWorkflow(path)) {
    scanGithubWorkflow(inventory);
    return;
  }
  if (isKustomization(path)) {
    scanKustomization(inventory);
    return;
  }
  if (isGitlabCi(path, () => file.data()?.roots[0])) {
    scanGitlabCi(inventory);
    return;
  }
  if (isAnsibleTasks(path)) {
    scanAnsible(inventory);
    return;
  }
  if (name === 'package.json') {
    scanPackages(inventory);
    scanPackageScripts(inventory);
    return;
  }
  if (isSamConfig(path)) return scanSamConfig(inventory);
  if (isPulumiStack(path)) {
    const stack = /Pulumi\.([\w-]+)\.ya?ml$/.exec(path)?.[1];
    inventory.context({ kind: 'pulumi-stack', directory: directoryOf(path), name: stack, location: inventory.line(1) });
    return;
  }
  if (isLitestreamConfig(path)) return scanLitestream(inventory);
  if (isPgbackrestConfig(path)) return scanPgbackrest(inventory);
  if (file.format === 'yaml' && isPbmConfig(path)) return scanPbmConfig(inventory);
  if (isBarmanConfig(path)) return scanBarman(inventory);
  if (isRcloneConfig(path)) return scanRcloneConfig(inventory);
  if (isBorgmaticConfig(path)) return scanBorgmatic(inventory);
  if (isAutoresticConfig(path)) return scanAutorestic(inventory);
  if (isResticprofileConfig(path) && file.hasKeyword('restic')) return scanResticprofile(inventory);
  if (isRenderBlueprint(path)) scanRender(inventory);
  else if (isPlatformshConfig(path)) scanPlatformsh(inventory);
  else if (isFlyConfig(path)) scanFly(inventory);
  else if (isHerokuConfig(path)) scanHeroku(inventory);
  else if (isSupabaseConfig(path)) scanSupabaseConfig(inventory);
  else if (isWranglerConfig(path)) scanWrangler(inventory);
  else if (isDoAppSpec(path)) scanDoAppSpec(inventory);
  else if (isFirebaseConfig(path)) scanFirebaseConfig(inventory);
  else if (isComposeFile(path) || (file.format === 'yaml' && isCaproverApp(file.text))) scanCompose(inventory);
  else if (isKamalConfig(path)) scanKamal(inventory);
  else if (isOrmConfig(path)) scanOrm(inventory);
  else if (file.format === 'yaml' && isHelmfile(path)) scanHelmfile(inventory);
  else if (file.format === 'yaml' && isHelmTemplate(path, file.text)) return;
  else if (file.format === 'yaml' && isHelmChart(path)) scanHelmChart(inventory);
  else if (file.format === 'yaml' && looksLikeKubernetes(file.text)) scanKubernetes(inventory);
  // The prefilter says no to most files; the patterns then confirm the chart's shape (the slow path asks every file).
  else if (file.format === 'yaml' && file.hasKeyword('backupStorageLocation') && file.text.includes('backupStorageLocation') && /^(?:schedules|configuration):/m.test(file.text)) scanVeleroValues(inventory);
  else if (file.format === 'yaml' && file.hasKeyword('type: postgresql') && /^type:[ \t]*postgresql[ \t]*$/m.test(file.text) && /^cluster:/m.test(file.text)) scanCnpgChartValues(inventory);
  else if (file.format === 'yaml' && isHelmValuesFile(path) && /^\s+enabled:/m.test(file.text)) scanHelmValues(inventory);
  else if ((file.format === 'yaml' || file.format === 'json') && (file.hasKeyword('AWS::') || file.hasKeyword('serverless')) && /\bResources\b/.test(file.text)) {
    const document = file.data();
    if (document?.roots.some((root) => cloudFormationResources(root))) scanCloudFormation(inventory);
  }
  else if (file.format === 'json' && file.hasKeyword('deploymenttemplate')) scanArmTemplate(inventory);
  if (file.hasKeyword('walg_') || file.hasKeyword('wale_')) scanWalgSettings(inventory);
  if (file.format === 'dotenv' && !isTestOnlyPath(path)) scanStorageSettings(inventory, file);
  if (file.format === 'dotenv' || file.format === 'properties' || file.format === 'yaml' || file.format === 'json' || file.format === 'toml' || file.format === 'ini') {
    // Only a file naming a hosted database's endpoint (or a Railway reference to one) can yield a store here.
    if (!HOSTED_MARKERS.some((marker) => file.hasKeyword(marker))) return;
    scanConnections(inventory);
  }
}

/** Variables an app's env file sets for object storage: where a backup package's disk or storage points. */
const STORAGE_SETTING = /(?:^|_)(?:ENDPOINT(?:_URL)?|BUCKET(?:_NAME)?|REGION)$/;

/** The storage settings of an env file, for backups whose bucket or endpoint the environment supplies (`env('B2_ENDPOINT')`). */
function scanStorageSettings(inventory: Inventory, file: SourceFile): void {
  for (const entry of mapOf(file.data()?.roots[0])?.entries ?? []) {
    if (!STORAGE_SETTING.test(entry.key)) continue;
    const value = literalOf(entry.value);
    if (!value || isUnresolved(value)) continue;
    inventory.context({ kind: 'app-env', name: entry.key, value, location: inventory.line(entry.keySpan.line) });
  }
}
