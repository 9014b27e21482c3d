// Environments a repository configures and the resources each one points at.
import type { Location } from '../model.js';

export type CanonicalEnvironment = 'production' | 'staging' | 'preview' | 'development' | 'test' | 'base';

export type ResourceKind =
  | 'database'
  | 'volume'
  | 'bucket'
  | 'project'
  | 'account'
  | 'app'
  | 'terraform-state'
  | 'secret'
  | 'stack'
  | 'host'
  | 'payment-key';

/**
 * One environment's use of one resource, at one place in one file.
 *
 * An identity is `<scheme>:<value>`, lowercase except where the provider is case-sensitive, never holding a
 * password or key. Build them with `knowledge/environments/identities.ts` so that they compare across detectors:
 * - `db:<engine>://<host>:<port>/<database>` a database on a server (engine `postgres`, `mysql`, `mongodb`, `redis`,
 *   `sqlserver`, `clickhouse`, `amqp`; default port filled in; hosts of a replica set sorted and comma-joined;
 *   `?user=<user>` appended on multi-tenant front doors such as the Supabase pooler or PlanetScale);
 * - `host:<hostname>` a data server by hostname (no port, no trailing dot);
 * - provider ids: `rds:<identifier>` (instance, cluster or proxy), `dynamodb:<table>` (compared by name only), `supabase:<project-ref>`, `neon:<endpoint-id>`
 *   (without `-pooler`), `render:<dpg-…|red-…>`, `render-db:<blueprint database name>`,
 *   `vapor-db:<name>`, `vapor-cache:<name>` (Laravel Vapor),
 *   `railway-proxy:<host>:<port>`, `cloudsql:<project>:<region>:<instance>`, `fly-app:<app>`, `heroku-app:<app>`;
 * - `bucket:<name>` (S3, GCS, Spaces: globally named), `bucket:azure:<account>/<container>`,
 *   `bucket:r2:<account-id>/<bucket>` (also published as `bucket:<bucket>`);
 * - `volume:<id>` (EBS `vol-…`, CSI volume handle, Railway volume id), `volume:docker:<name>`, and names scoped by
 *   something the repo does not show: `volume:pvc:<name>`, `volume:pv:<name>`, `volume:fly:<app>/<name>`;
 * - `account:aws:<12 digits>`, `project:gcp:<id>`, `firebase:<id>`, `neon-project:<id>`;
 * - what a database is copied from: `rds-snapshot:<name>` (an RDS instance or cluster snapshot; the instance its
 *   name says is another identity), `cloudsql-instance:[<project>/]<name>` (a Cloud SQL instance by name, compared
 *   by name only);
 * - `tfstate:s3:<bucket>/<key>[@<workspace>]`, `tfstate:gcs:<bucket>/<prefix>`,
 *   `tfstate:azurerm:<account>/<container>/<key>`, `tfstate:tfc:<organization>/<workspace>`, `tfstate:dir:<path>`
 *   (a Terragrunt dependency's directory);
 * - `volume:nfs:<server>:<path>`, `volume:render:<service>/<disk>`, `volume:hostpath:<path>` (a bind mount or
 *   hostPath, compared by name only);
 * - `stack:pulumi:<[org/project/]stack>`, `stack:cf:<stack or export name>`, `stack:serverless:<stage>`,
 *   `tfstate:workspace:<name>` (a Terraform workspace a command selects), `railway-environment:<name>`;
 * - `secret:<NAME>` (a CI secret or environment variable read by name, uppercased), `secret:ssm:<path>`,
 *   `secret:k8s:<name>`, `secret:aws:<name>`, `secret:gcp:<name>`, `secret:external:<key>` (External Secrets),
 *   `secret:file:<path>` (a credential file), `secret:aws-profile:<name>`, `secret:kube-context:<name>`,
 *   `secret:ci:<id>` (a Jenkins credential or Drone secret, case kept);
 * - `payment:<provider>:<sha256 prefix of the key>`, `payment-mode:<provider>:live`.
 * `identity` is the strongest of these for the value; `otherIdentities` holds the weaker ones (a database URL on an
 * RDS host has identity `rds:orders-prod` and others `db:postgres://…` and `host:orders-prod.….rds.amazonaws.com`),
 * plus the same resource in the forms `DataStore.identities` uses (`aws:rds:orders-prod`, `aws:s3:<bucket>`,
 * `fly:app:<app>`, `supabase:project:<ref>`, `render:database:<name>`, `k8s:pv:<name>`; see `dataStoreForms`), so a
 * consumer intersects `[identity, ...otherIdentities]` with a store's identities directly.
 */
export interface EnvironmentResource {
  environment: CanonicalEnvironment;
  /** The name the repo uses (e.g. `stg`, `prod-eu`), before canonicalisation. */
  environmentName: string;
  /** How the environment was inferred: explicit key, file name, directory, value. */
  environmentEvidence: 'key' | 'file-name' | 'directory' | 'value' | 'base';
  kind: ResourceKind;
  /** Normalised identity used for comparison (e.g. `db:postgres://db.example.com:5432/app`); see above. */
  identity: string;
  /** What the user sees (never a secret). */
  display: string;
  location: Location;
  /** The variable or key that holds it. */
  variable?: string;
  /** The account the configuration logs in as, when it names one (a database URL's user). */
  user?: string;
  /** Weaker identities of the same resource (its server, its bare bucket name, its project). */
  otherIdentities?: string[];
  /**
   * The configuration family the value belongs to, when it layers (`dotenv:apps/web`, `helm:charts/api`,
   * `netlify:netlify.toml`): a `base` value is inherited by every layer of the family that does not set `variable`.
   */
  family?: string;
  /**
   * Production's only as the family's base, what a bare deploy ships (Kamal's `config/deploy.yml`): a production
   * layer of the family that sets `variable` replaces it, and the base value is then no environment's in particular.
   */
  fromBase?: boolean;
  /** The resource is created or owned here (a Terraform resource, a Render database, a backend's state), not just used. */
  declared?: boolean;
  /**
   * The environment's database is made from this resource's data, not connected to it: restored from its snapshot
   * (`snapshot_identifier`) or a point in time, cloned (Cloud SQL `clone`, Azure `create_mode = "Copy"`) or
   * replicated (`replicate_source_db`). Judged only as a copy of production, never as a resource in use.
   */
  copy?: 'snapshot' | 'restore' | 'clone' | 'replica';
  /**
   * For a state or stack read: the argument that connects this environment to a data store through one of its outputs
   * (`database_host = data.terraform_remote_state.production.outputs.db_address`, a Pulumi `requireOutput("databaseUrl")`).
   */
  connectsTo?: string;
  /** Under tests, fixtures, examples or docs: recorded, never reported. */
  testOnly?: boolean;
  /**
   * The repo names the environment (`blue`, `eu-1`) but neither the vocabulary nor the team's `environments:` aliases
   * place it; `environment` is then `base` only for want of a better value, and the resource is never compared.
   */
  unplaced?: boolean;
  /**
   * The resource's name is resolved per environment when the app runs (Active Storage's `bucket: app-<%= Rails.env %>`
   * in config/storage.yml): two environments naming it (`:amazon`) do not share it.
   */
  perEnvironment?: boolean;
}

/**
 * One layer of a configuration family: a file or a section that configures one environment (`.env.staging`,
 * `values-prod.yaml`, `[context.deploy-preview]`, a workflow job with `environment: staging`). Published for every
 * layer, with or without resources, so that inheritance from the family's base layer can be judged.
 */
export interface EnvironmentLayer {
  family: string;
  environment: CanonicalEnvironment;
  environmentName: string;
  environmentEvidence: EnvironmentResource['environmentEvidence'];
  /** The file, or the line that opens the section. */
  location: Location;
  /** Variables (key paths relative to the layer) the layer sets, overriding the base. */
  keys: string[];
  /** The platform creates this layer without the file declaring it (Netlify deploy previews, Heroku review apps). */
  implicit?: boolean;
  /**
   * The layer starts from another environment's layer of the family, not from the base: Django's
   * `from .production import *` in `settings/staging.py`. It holds whatever that layer sets and it does not.
   */
  inheritsFrom?: { environment: CanonicalEnvironment; name: string; location: Location };
  testOnly?: boolean;
  unplaced?: boolean;
}

/**
 * The scope another file's scoped identities live in, as a deploy configuration says: the namespace a kustomization
 * sets on its directory's objects, the namespace a helmfile release renders its values files into. A claim named in
 * one of those files is then one claim in that namespace (`EnvironmentResource` identities in `in-scope:` form).
 */
export interface EnvironmentScope {
  /** A file, or a directory (every file under it), repo-relative. */
  path: string;
  /** `k8s-namespace:<name>`. */
  scope: string;
  location: Location;
}

/** A non-production environment that reaches a production resource (published by the environment stage). */
export interface EnvironmentCrossing {
  environment: CanonicalEnvironment;
  resourceKind: ResourceKind;
  /** What the user sees (never a secret). */
  resource: string;
  location: Location;
  productionLocation?: Location;
  /** The production resource's identity (see `EnvironmentResource`), to join with data stores and credentials. */
  identity?: string;
  /** The rule that reported the crossing (`staging-reaches-production/shared-database`). */
  rule?: string;
  /** The crossing is through a base value the environment inherits rather than a value of its own. */
  inherited?: boolean;
}
