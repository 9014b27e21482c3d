// Backup and restore jobs, wherever shell runs: GitHub Actions and GitLab CI jobs, Kubernetes CronJobs, compose
// sidecars, scripts, Makefiles, crontabs and package.json scripts. A job is evidence when it dumps a database (or
// copies files with a backup tool) and sends the copy somewhere; it is a restore drill when it fetches a backup back,
// loads it and checks it. Deploy commands found on the way are published as context.
import { isExamplePath, platformTitle, type Inventory } from '../shared.js';
import { RAILWAY_BUILT_IN } from '../inventory/railway.js';
import { readScript, type ScriptEnv, type ScriptReading } from './commands.js';
import { helmDatabaseRelease } from '../inventory/helm-releases.js';
import type { Destination } from './destinations.js';
import { posix } from 'node:path';
import { lookupTable } from '../../../src/lookup-table.js';
import { canonicalEnvironment, environmentOfPath } from '../../../knowledge/environments/names.js';

export interface Job {
  /** Job, workflow or file name: `backup`, `nightly-db-dump`... */
  name: string;
  scheduled: boolean;
  /** Canonical environment the job runs in, when it says. */
  environment?: string;
  env: ScriptEnv;
  /** Runs on a throwaway CI runner: a dump left on its disk is gone when the job ends. */
  ephemeral: boolean;
  /** CI service containers (images), into which a restore drill can load a backup. */
  services?: string[];
  /** AWS account the job's credentials belong to (from an assumed role ARN). */
  awsAccount?: string;
  /** Maps an offset in the script to a line of the file. */
  lineOf(offset: number): number;
  /** The script runs on a server (an ssh action's script), so a compose `up` there deploys. */
  remote?: boolean;
  /** Stores the job is known to copy whatever its commands name (a chart's backup CronJob covers the chart's database). */
  covers?: string[];
  /** The job runs a throwaway cluster on its runner (`helm/kind-action`): what it installs there is a test's. */
  localCluster?: boolean;
}

const BACKUP_WORDS = /backup|back-up|snapshot|dump|archive|offsite|off-site|disaster|\bdr\b|replicat/i;
const SIDE_DEPLOYS = /docs?\b|storybook|website|\bsite\b|gh-pages|github-pages|\bpages\b|preview|chromatic|landing/i;
const DRILL_WORDS = /restore[-_ ]?(test|check|drill|verify|verification)|verify[-_ ]?backup|backup[-_ ]?(verify|verification|check|test|drill)|dr[-_ ]?drill|recovery[-_ ]?(test|drill)/i;

/** Reads one job's script and publishes what it shows. */
export function readJob(inventory: Inventory, script: string, job: Job, extraUploads: ExtraUpload[] = []): ScriptReading {
  const reading = readScript(script, job.env, job.remote ?? false);
  publishReading(inventory, reading, job, extraUploads);
  return reading;
}

/** An upload made by a CI action (`actions/upload-artifact`, an S3 sync action) rather than a command. */
export interface ExtraUpload {
  tool: string;
  destination: Destination;
  line: number;
  fileLevel: boolean;
}

export function publishReading(inventory: Inventory, reading: ScriptReading, job: Job, extraUploads: ExtraUpload[] = []): void {
  const backupContext = BACKUP_WORDS.test(job.name) || BACKUP_WORDS.test(inventory.path);
  const uploads = [
    ...reading.uploads.map((upload) => ({ tool: upload.tool, destination: upload.destination, line: job.lineOf(upload.offset), fileLevel: upload.fileLevel, ref: upload.ref })),
    ...extraUploads.map((upload) => ({ ...upload, ref: undefined as string | undefined })),
  ];
  const drill = reading.fetch !== undefined && (reading.load !== undefined || reading.verify !== undefined) && (reading.verify !== undefined || job.scheduled || (job.services?.length ?? 0) > 0 || DRILL_WORDS.test(job.name) || DRILL_WORDS.test(inventory.path));
  const awsAccount = (destination: Destination) => (destination.provider === 'aws' ? (destination.account ?? job.awsAccount) : destination.account);

  const realDumps = reading.dumps.filter((dump) => !dump.providerHeld);
  for (const dump of reading.dumps.filter((candidate) => candidate.providerHeld)) {
    inventory.evidence({
      covers: dump.platform ? [`provider:${dump.platform}`] : [],
      protection: 'provider-managed',
      mechanism: dump.tool,
      destination: `${dump.platform ? platformTitle(dump.platform) : 'the provider'}'s own backup storage`,
      destinationProvider: dump.platform,
      engines: dump.engines,
      location: inventory.line(job.lineOf(dump.offset)),
      environment: job.environment,
    });
  }
  if (realDumps.length > 0) {
    const covers = [...new Set([...(job.covers ?? []), ...realDumps.flatMap((dump) => (dump.host ? [`host:${dump.host}`] : dump.store ? [dump.store] : dump.platform ? [`provider:${dump.platform}`] : []))])];
    const engines = [...new Set(realDumps.flatMap((dump) => dump.engines))];
    const mechanism = [...new Set(realDumps.map((dump) => dump.tool))].join(' + ');
    if (uploads.length > 0) {
      for (const upload of uploads) {
        inventory.evidence({
          covers,
          protection: upload.destination.unresolved || upload.ref ? 'destination-unknown' : upload.destination.provider === 'local' ? 'same-volume' : 'off-provider',
          // `gcloud sql export` dumps and uploads in one command: named once.
          mechanism: mechanism === upload.tool ? mechanism : `${mechanism} -> ${upload.tool}`,
          destination: upload.destination.display,
          destinationProvider: upload.destination.unresolved ? undefined : upload.destination.provider,
          destinationAccount: awsAccount(upload.destination),
          destinationRegion: upload.destination.region,
          destinationRef: upload.ref,
          engines,
          location: inventory.line(upload.line),
          restoreTested: drill,
          environment: job.environment,
        });
      }
    } else if (!job.ephemeral) {
      // A dump written next to the database (a script on the server, a CronJob writing to a volume).
      inventory.evidence({
        covers,
        protection: 'same-volume',
        mechanism,
        destination: 'a local file',
        destinationProvider: 'local',
        engines,
        location: inventory.line(job.lineOf(realDumps[0]!.offset)),
        restoreTested: drill,
        environment: job.environment,
      });
    }
  } else {
    // File-level copies: backup tools always, syncs only in a job that says it backs up. After a provider's export
    // (`gcloud firestore export gs://…`, fetched and sent on with rclone), what is uploaded is that export.
    const exported = [...new Set(reading.dumps.filter((dump) => dump.providerHeld && /\bexport\b/.test(dump.tool)).flatMap((dump) => dump.engines))];
    for (const upload of uploads) {
      const backupTool = /^(restic|borg|wal-g|barman-cloud-backup)$/.test(upload.tool);
      if (!backupTool && !(backupContext && upload.fileLevel) && exported.length === 0) continue;
      const engines = upload.tool === 'wal-g' || upload.tool === 'barman-cloud-backup' ? ['postgres'] : exported.length > 0 ? exported : ['volume'];
      inventory.evidence({
        covers: [],
        protection: upload.destination.unresolved || upload.ref ? 'destination-unknown' : upload.destination.provider === 'local' ? 'same-volume' : 'off-provider',
        mechanism: upload.tool,
        destination: upload.destination.display,
        destinationProvider: upload.destination.unresolved ? undefined : upload.destination.provider,
        destinationAccount: awsAccount(upload.destination),
        destinationRef: upload.ref,
        engines,
        location: inventory.line(upload.line),
        restoreTested: drill,
        environment: job.environment,
      });
    }
  }
  if (drill && realDumps.length === 0) {
    const source = reading.fetchSource;
    inventory.evidence({
      covers: [],
      protection: !source || source.unresolved ? 'destination-unknown' : source.provider === 'local' ? 'same-volume' : 'off-provider',
      mechanism: 'restore drill',
      destination: source?.display,
      destinationProvider: source && !source.unresolved ? source.provider : undefined,
      destinationAccount: source ? awsAccount(source) : undefined,
      engines: reading.loadEngine ? [reading.loadEngine] : undefined,
      location: inventory.line(job.lineOf(reading.fetch!)),
      restoreTested: true,
      environment: job.environment,
    });
  }
  for (const provision of reading.provisions) provisionedStore(inventory, provision, job);
  for (const project of new Set(reading.supabaseProjects)) {
    inventory.context({ kind: 'supabase-hosted', name: project === 'linked' ? undefined : project, value: 'cli', location: inventory.line(job.lineOf(0)) });
  }
  // Stack-level tags reach every resource of the stack: an AWS Backup tag selection may pick what its template leaves
  // untagged. Which template, when the command names one; else any.
  for (const deploy of reading.deploys) {
    for (const tag of deploy.stackTags?.tags ?? []) inventory.context({ kind: 'default-tags', name: tag, value: deploy.stackTags!.template ?? '*', location: inventory.line(job.lineOf(deploy.offset)) });
  }
  // Deploys of docs sites, previews and storybooks say nothing about where the app's data lives.
  if (SIDE_DEPLOYS.test(job.name) || SIDE_DEPLOYS.test(inventory.path)) return;
  const testCluster = job.localCluster || reading.localCluster;
  for (const deploy of reading.deploys) {
    const location = inventory.line(job.lineOf(deploy.offset));
    if (deploy.kind === 'compose') {
      // A local `up` runs on whatever machine runs it, a laptop as often as a server: it deploys only when it brings up
      // a production file (`-f docker-compose.yml -f docker-compose.prod.yml`), which nobody runs on a laptop.
      if (!deploy.remote && !deploy.composeFiles?.some((file) => environmentOfPath(file)?.environment === 'production')) continue;
      const files = deploy.composeFiles && deploy.composeFiles.length > 0 ? deploy.composeFiles : [undefined];
      for (const file of files) inventory.context({ kind: 'deploys-compose', name: file && composeFileName(file, deploy.remote, inventory.path), value: 'compose', location });
      continue;
    }
    // Manifests applied to a cluster the job starts itself (kind, minikube, k3d) are under test: nothing ships.
    if (!(testCluster && deploy.kind === 'kubernetes')) inventory.context({ kind: 'deploys', value: deploy.kind, location });
    // Which chart a release installs into which namespace: its subcharts' databases live there.
    if (deploy.release) {
      inventory.context({ kind: 'helm-release', name: deploy.release.namespace, value: deploy.release.chart, location });
      if (!testCluster) helmDatabaseRelease(inventory, { ...deploy.release, environment: job.environment, location });
    }
  }
}

/** Maps offsets of a script to lines, when the script is a whole file. */
export function fileLines(inventory: Inventory): (offset: number) => number {
  return (offset) => inventory.file.positionAt(offset).line;
}

/**
 * Maps offsets of a script held in a YAML/TOML scalar to file lines: the script's own lines are searched for in the
 * file from the node's first line on (block scalars lose their indentation, so offsets do not carry over).
 */
export function scalarLines(inventory: Inventory, script: string, fromLine: number, toLine: number): (offset: number) => number {
  return (offset) => {
    const lineStart = script.lastIndexOf('\n', offset - 1) + 1;
    const lineEnd = script.indexOf('\n', offset);
    const text = script.slice(lineStart, lineEnd === -1 ? undefined : lineEnd).trim();
    const needle = text.slice(0, 60);
    if (!needle) return fromLine;
    for (let line = fromLine; line <= toLine; line++) if (inventory.file.line(line).includes(needle)) return line;
    return fromLine;
  };
}

const PROVISIONED_BUILT_IN: Readonly<Record<string, { protection: 'same-volume' | 'provider-managed' | 'none'; description: string }>> = lookupTable({
  railway: RAILWAY_BUILT_IN,
  fly: { protection: 'provider-managed', description: 'Fly keeps volume snapshots of the Postgres app in the same Fly organization' },
  heroku: { protection: 'provider-managed', description: "Heroku's backups are held by Heroku, with the app" },
  dokku: { protection: 'none', description: 'a Dokku database service keeps its data on the server, with no copies unless backups are configured' },
});

/** A database a setup script creates (`railway add -d postgres`): a platform store without a config file. */
function provisionedStore(inventory: Inventory, provision: { platform: string; engine: string; name?: string; offset: number; environment?: string }, job: Job): void {
  if (isExamplePath(inventory.path)) return;
  const name = provision.name ?? provision.engine;
  const slug = name.toLowerCase();
  inventory.store({
    platform: provision.platform,
    provider: provision.platform === 'dokku' ? 'host' : provision.platform,
    engine: provision.engine,
    name,
    environment: (provision.environment ? canonicalEnvironment(provision.environment) : undefined) ?? job.environment,
    location: inventory.line(job.lineOf(provision.offset)),
    identities:
      provision.platform === 'railway'
        ? [provision.engine === 'volume' ? `railway:volume:${slug}` : `railway:service:${slug}`]
        : provision.platform === 'fly'
          ? [`fly:app:${slug}`]
          : [`${provision.platform}:database:${slug}`],
    declaredBy: 'platform',
    builtInBackup: PROVISIONED_BUILT_IN[provision.platform],
  });
}

/** Make-like files run their commands in their own directory; scripts and CI jobs from the repository's top level. */
const RUNS_IN_OWN_DIRECTORY = /(?:^|\/)(?:GNUmakefile|makefile|Makefile|[^/]+\.mk|justfile|Justfile|\.justfile|Taskfile\.ya?ml)$/;

/**
 * The compose file a deploy names, as the assessment matches it. A server's (`ssh … docker compose -f
 * docker-compose.prod.yml up`) is in a directory the repository does not show: any file of that name. A local `up`
 * reads the file where its command runs, written `./path` from the top level: the Makefile's own stack in a
 * monorepo, not every `docker-compose.yml` of its examples and other services.
 */
function composeFileName(file: string, remote: boolean, jobPath: string): string {
  const named = file.replace(/^(?:\.\/)+/, '');
  if (remote || named.startsWith('/') || named.includes('$')) return named;
  const directory = RUNS_IN_OWN_DIRECTORY.test(jobPath) && jobPath.includes('/') ? jobPath.slice(0, jobPath.lastIndexOf('/')) : '.';
  return `./${posix.normalize(`${directory}/${named}`)}`;
}
