// Data stores a repository deploys and the backups it configures.
import type { Location } from '../model.js';

export type BackupProtection =
  | 'none'
  | 'same-volume'
  | 'provider-managed'
  | 'same-account-other-region'
  | 'other-account'
  | 'off-provider'
  | 'destination-unknown';

/**
 * How the repository shows a store exists: the platform's own config (render.yaml, fly.toml, app.json, Railway IaC),
 * infrastructure code (Terraform, CloudFormation, CDK, Pulumi), a Kubernetes manifest or operator resource, a
 * compose file or Kamal accessory, or only its use (an ORM schema, a client package, a connection host).
 */
export type StoreDeclaration = 'platform' | 'infrastructure' | 'manifest' | 'compose' | 'usage';

/** A setting that lets one call delete the store or its backups (or the default that does, where the repo keeps it). */
export interface DestructiveSetting {
  /** `deletion-protection-off`, `skip-final-snapshot`, `backups-disabled`, `backups-die-with-instance`, `force-destroy`,
   * `no-prevent-destroy`, `deletion-policy-delete`, `reclaim-policy-delete`. */
  kind: string;
  /** The setting as written (`skip_final_snapshot = true`), or the missing one (`no lifecycle.prevent_destroy`). */
  setting: string;
  /** Written in the repo, rather than a default that applies because nothing is written. */
  explicit: boolean;
  location: Location;
}

/**
 * A destructive setting written as an input variable (`deletion_protection = var.deletion_protection`): it holds when
 * the variable's value, known only once every file of the configuration is read (its default, a tfvars file, a module
 * call's input), is `when`.
 */
export interface VariableSetting {
  kind: string;
  /** The argument as written (`deletion_protection`). */
  key: string;
  variable: string;
  /** The value that makes it destructive, as literal text (`false`, `true`, `0`). */
  when: string;
  location: Location;
  /** What the store's built-in backup becomes when it holds (`backup_retention_period = 0` turns backups off). */
  builtInBackup?: { protection: BackupProtection; description: string };
}

export interface DataStore {
  id: string;
  /** Platform that holds the data (`railway`, `aws`, `supabase`, `kubernetes`, `docker-compose`...). */
  platform: string;
  /** Engine or service (`postgres`, `mysql`, `s3`, `volume`...). */
  engine: string;
  name: string;
  environment?: string;
  location: Location;
  /**
   * Identities another fact may use to refer to this store. Each is lowercase `<namespace>:<kind>:<value>`, or
   * `host:<hostname>` for a network endpoint (no scheme, port, user or path):
   * - `host:orders-prod.c1x2y3z4.eu-west-1.rds.amazonaws.com`, `host:db.abcdefghijklmnopqrst.supabase.co`,
   *   `host:postgres.railway.internal`, `host:acme-db.flycast`
   * - `railway:service:<name>`, `railway:volume:<name or uuid>`, `render:database:<name>`, `render:disk:<service>/<disk>`,
   *   `fly:app:<app>`, `fly:volume:<app>/<source>`, `heroku:addon:<app or repo>/<service>`,
   *   `supabase:project:<ref>`, `neon:endpoint:<ep-...>`, `planetscale:database:<name>`
   * - `aws:rds:<identifier>`, `aws:s3:<bucket>`, `aws:dynamodb:<table>`, `aws:efs:<name>`, `gcp:sql:<instance>`,
   *   `gcp:gcs:<bucket>`, `azure:<service>:<name>`
   * - `terraform:<directory>:<type>.<name>` (the resource address, for facts from the same configuration)
   * - `k8s:<namespace>:<kind>/<name>` (`default` when no namespace is written), `compose:volume:<volume name>`
   */
  identities: string[];
  /** Test-only stores (CI compose files, test databases) are never production stores. */
  testOnly: boolean;
  /** The strongest protection found for it (set by the backup stage once evidence is matched). */
  protection?: BackupProtection;
  /** Control plane that holds the data and its built-in backups (`railway`, `aws`, `fly`, `host` for a server...). */
  provider?: string;
  /** AWS account id, GCP project or Azure subscription holding it, when the repo shows it. */
  account?: string;
  region?: string;
  declaredBy?: StoreDeclaration;
  /** Known only from a database driver the app depends on: a store only where the deploy says where it runs. */
  driverOnly?: boolean;
  /**
   * Known only from a template of an environment file (`.env.production.local.example`): teams copy the real host into
   * it, often another address of a database production's own configuration names (Railway's TCP proxy for
   * `postgres.railway.internal`), so it is that database where its provider has one.
   */
  template?: boolean;
  /** What the platform itself keeps, as configured here (Railway: on the same volume; RDS: automated snapshots). */
  builtInBackup?: { protection: BackupProtection; description: string };
  /** Where the data is mounted (volumes), so path-based backups (Litestream, restic) can be matched to it. */
  mountPaths?: string[];
  /** Its cloud tags as `key=value` (lowercase), `*` for tags the code computes: what AWS Backup tag selections match. */
  tags?: string[];
  /** Kubernetes storage class of its claims, when written. */
  storageClass?: string;
  /**
   * The cloud a Kubernetes store's cluster runs on, where its own manifests say so (a workload identity it runs as,
   * credentials it inherits from the node's cloud): its volumes and snapshots are that cloud's.
   */
  cloud?: string;
  destructiveSettings?: DestructiveSetting[];
  /** Destructive settings that depend on an input variable's value, decided by the backup stage. */
  variableSettings?: VariableSetting[];
  /**
   * A store named by a template (`"${var.project_id}-statements"`, `"acme-uploads-${terraform.workspace}"`), named by
   * the backup stage as production's values of its variables and locals make it; what no value is found for stays
   * written as a template. A bucket whose written words say neither data nor production (`decided` unset) is a
   * production store only when the name made says so; a database, or a bucket whose words say data, is a store
   * whatever its name. A name made whole is added to the identities under `namespace` (`gcp:gcs`), when there is one.
   */
  computedName?: { template: string; namespace: string; decided?: boolean };
  /** Set by the backup stage: it judged this a production store (explicit production, or base and deployed). */
  production?: boolean;
  /** Set by the backup stage when another store fact declares the same data (an ORM schema behind a Railway Postgres). */
  sameAs?: string;
  /** Set by the backup stage when `.blast-radius.yml` records a backup outside the repo: the team's reason. */
  externalBackup?: string;
}

export interface BackupEvidence {
  /** Store ids or identities this evidence covers; empty means "whatever the job dumps" (matched by engine). */
  covers: string[];
  protection: BackupProtection;
  /** Tool or mechanism: `pg_dump`, `litestream`, `velero`, `aws-backup`, `provider-snapshots`... */
  mechanism: string;
  /** Where the copy goes, when the repo shows it. */
  destination?: string;
  location: Location;
  /** A job that fetches a backup, restores it and checks it. */
  restoreTested: boolean;
  /**
   * The database server writes the copy itself (PostgreSQL's `archive_command`): a local path is on the store's own
   * host, whatever platform runs it.
   */
  onStoreHost?: boolean;
  /** For evidence that names no store: the engines it can copy (`postgres` for pg_dump, `volume` for file backups). */
  engines?: string[];
  /** Provider holding the copy (`aws`, `cloudflare`, `backblaze`, `local` for the same disk or host...), when visible. */
  destinationProvider?: string;
  destinationAccount?: string;
  destinationRegion?: string;
  /** An unresolved reference to the destination in the same Terraform directory (`aws_backup_vault.dr`). */
  destinationRef?: string;
  /** Canonical environment of the job or file, when it says one (a staging backup job does not protect production). */
  environment?: string;
}

/**
 * Repository facts the backup stage weighs besides stores and backups: that the repo deploys (and how), Terraform
 * roots, the local modules they call (and for which environment) and provider accounts, Pulumi stacks, Kubernetes storage classes, rclone remotes, a hosted Supabase project,
 * "Deploy to <platform>" buttons (the platform config is then a template for others, not this team's deployment),
 * and named backup locations (Velero BackupStorageLocations) that jobs refer to.
 */
export interface StoreContext {
  kind:
    | 'deploys'
    | 'deploys-compose'
    | 'terraform-root'
    | 'terraform-module-call'
    | 'terraform-provider'
    | 'terraform-resource-provider'
    | 'pulumi-stack'
    | 'storage-class'
    | 'rclone-remote'
    | 'supabase-hosted'
    | 'deploy-button'
    | 'backup-location'
    /** An AWS account (and region) a CDK app deploys its stacks to: `env: { account: '…', region: '…' }`. */
    | 'cdk-environment'
    /** A variable an app's platform config sets for it (`fly.toml` `[env]`): `name` = `value`. */
    | 'app-env'
    /**
     * A bucket infrastructure code declares (`aws_s3_bucket`, `google_storage_bucket`), whatever it holds: `name` = the
     * bucket, `value` = the provider block it is made with (`aws`, `aws.backup`, `google`), `account` = its project when
     * written. A backup uploaded there lands in that block's account.
     */
    | 'bucket'
    /**
     * A tag a Terraform directory's provider (`default_tags`) or a SAM config (`tags = …`) gives every resource: `name` =
     * `key=value`, or `*`. From a deploy command's stack tags (`aws cloudformation deploy --tags …`): `value` = the
     * CloudFormation template it deploys (repo-relative as written, `*` when not named), no `directory`. From CDK's
     * `Tags.of(app)` (or any construct but a store): `value` = `cdk:*`, every resource of the CDK app.
     */
    | 'default-tags'
    /** An AWS Backup vault lock: `name` = the vault's address, `value` = `compliance` or `governance`, `policy` = its minimum retention in days. */
    | 'vault-lock'
    /** `helm upgrade --install`: `value` = the chart's path as written, `name` = the namespace, when given. */
    | 'helm-release'
    /** A Helm values file turning a database subchart on or off: `name` = its values key, `value` = `true`/`false`, `directory` = the file's. */
    | 'helm-values'
    /** A Terraform variable's literal default: `name` = the variable, `value` = the default, `directory` = its module's. */
    | 'terraform-variable'
    /** A value a tfvars file gives a variable: `name` = the variable, `value` = the value, `directory` = the file's. */
    | 'terraform-tfvars'
    /**
     * A value a CI job gives a variable on Terraform's command line (`-var "name=value"`) or in its environment
     * (`TF_VAR_name`): `name`, `value`, `environment` = the job's, `directory` = where it runs Terraform (none: any).
     */
    | 'terraform-cli-variable'
    /**
     * A module's local value: `name` = the local, `value` = its literal, `variable` = the input variable it passes on, or
     * `template` = the template of variables, locals and `terraform.workspace` it is made of (`"acme-${var.env}"`).
     */
    | 'terraform-local'
    /**
     * An input a call of a local module sets: `directory` = the module's, `name` = the input, `value` = a literal, or
     * `variable` = the caller's own variable it passes on; the call is the `terraform-module-call` at the same place.
     */
    | 'terraform-module-input'
    /**
     * A local resource, base or component a kustomization lists: `directory` = its repo-relative path (a file or a
     * directory), `name` = the kustomization's directory, `value` = the overlay's environment (`''` when it names none),
     * `namespace` = the kustomization's `namespace:`, when it sets one.
     */
    | 'kustomize-resource'
    /**
     * The Active Storage service a Rails environment file picks (`config.active_storage.service = :cloudflare`): `name` =
     * the service, `environment` = the file's, `directory` = the app's.
     */
    | 'active-storage-service';
  /** Directory it applies to (Terraform and Pulumi projects), repo-relative, `.` for the root. */
  directory?: string;
  /** Provider alias, resource address, stack, storage class or remote name. */
  name?: string;
  /** What it says: the deploy mechanism, the provider a remote or class stores on, a reclaim policy, an alias. */
  value?: string;
  account?: string;
  region?: string;
  /** A storage class's reclaim policy (`Delete`, `Retain`), when written. */
  policy?: string;
  /** An input variable the value is passed on from, in the file's own directory (`var.deletion_protection`). */
  variable?: string;
  /** A Terraform local's template, when it is one (see `terraform-local`). */
  template?: string;
  /** The environment a CI job that sets a Terraform variable deploys (see `terraform-cli-variable`). */
  environment?: string;
  /** The namespace a kustomization sets on everything it deploys (see `kustomize-resource`). */
  namespace?: string;
  location: Location;
}

/**
 * What a store is, in a word for messages: its engine, except a server kept as a volume (a droplet or VM whose name
 * says it runs a database is a `volume` store for the assessment, and a `server` to the reader).
 */
export function storeNoun(store: Pick<DataStore, 'engine' | 'identities'>): string {
  return store.engine === 'volume' && store.identities.some((identity) => /^[a-z-]+:server:/.test(identity)) ? 'server' : store.engine;
}
