// The cross-file pass: decides which stores are production (and which facts describe the same store), matches every
// backup to the stores it covers, classifies each copy against the store's own provider and account, and reports
// stores whose strongest protection dies with them, destructive settings, and backups nobody restores.
import type { EnvironmentCrossing } from '../../src/facts/environment.js';
import { isTerraformState } from './inventory/terraform.js';
import { storeNoun, type BackupEvidence, type BackupProtection, type DataStore, type DestructiveSetting, type StoreContext } from '../../src/facts/datastore.js';
import type { FinishContext, RelatedLocation, Severity } from '../../src/model.js';
import { canonicalEnvironment, environmentOfPath } from '../../knowledge/environments/names.js';
import { isTestExampleOrDocsPath } from '../../src/paths.js';
import { directoryOf, engineTitle, nameHoldsDatabase, environmentOf as sharedEnvironmentOf, fileNameOf, platformTitle } from './shared.js';
import { lookupTable } from '../../src/lookup-table.js';
import { RAILWAY_BUILT_IN } from './inventory/railway.js';
import { SUPABASE_LOCAL } from './inventory/hosted.js';
import { classifyDestination, type Destination } from './backups/destinations.js';
import { expand } from './backups/commands.js';
import { ARCHIVE_TOOL_REF } from './backups/destinations.js';
import { activeStorageIdentity } from './inventory/active-storage.js';

const ACTIVE_STORAGE = 'rails:active-storage:';
import { decideComputedNames, decideVariableSettings } from './inventory/terraform-variables.js';
import { deployedByProductionOverlay, kustomizeNamespaces, namespacesDeploying, productionKustomizePaths } from './inventory/kustomize.js';

export const RULE = {
  noBackup: 'missing-offprovider-backup/no-backup',
  sameVolume: 'missing-offprovider-backup/same-volume-backup',
  providerOnly: 'missing-offprovider-backup/provider-only-backup',
  destinationUnknown: 'missing-offprovider-backup/backup-destination-unknown',
  notVisible: 'missing-offprovider-backup/backup-not-visible',
  restoreNeverTested: 'missing-offprovider-backup/restore-never-tested',
} as const;

const RANK: Record<BackupProtection, number> = {
  none: 0,
  'same-volume': 1,
  'provider-managed': 2,
  'same-account-other-region': 3,
  'destination-unknown': 4,
  'other-account': 5,
  'off-provider': 6,
};

const HYPERSCALERS = new Set(['aws', 'gcp', 'azure']);
/** Providers whose storage is the same control plane as the store's (Fly buckets are Tigris buckets of the Fly org). */
const SAME_PLANE: Readonly<Record<string, string[]>> = lookupTable({ fly: ['tigris'], tigris: ['fly'] });
/** Stores that live on one machine: a local copy there shares its fate. */
/** Engines whose dumps (`pg_dump`, `mysqldump`, `mongodump`) copy a database a server runs itself. */
const SELF_MANAGED_DUMPS = new Set(['postgres', 'mysql', 'mongo', 'database']);
const HOST_LIKE = new Set(['host', 'kubernetes', 'in-cluster', 'docker-compose', 'kamal']);

interface Classified {
  evidence: BackupEvidence;
  protection: BackupProtection;
  /** How the copy was judged, for the related-location message. */
  note: string;
  /** Held in a vault locked in compliance mode: no credential of the account can delete the copies before they expire. */
  locked?: boolean;
}

interface Assessment {
  store: DataStore;
  production: boolean;
  environment?: string;
  matched: Classified[];
  best: BackupProtection;
  primary: boolean;
  sameAs?: DataStore;
  /** The store is named again (a Supabase config's local stack, by production's hosted ref): published with the name. */
  renamed?: boolean;
  /** AWS Backup tag selections of the store's configuration that pass it by: it lacks their tags. */
  passedBy?: BackupEvidence[];
  /** Known only from a non-production configuration that reaches it, which the environment stage judged production's. */
  reachedFrom?: EnvironmentCrossing;
}

export function assess(context: FinishContext): void {
  const stores = withoutConfiguredState(context.facts.all('data-store'));
  const evidence = context.facts.all('backup-evidence');
  const contexts = context.facts.all('store-context');
  const aliases = context.config.environmentAliases;
  const byKind = <K extends StoreContext['kind']>(kind: K) => contexts.filter((entry) => entry.kind === kind);
  decideVariableSettings(stores, contexts);
  const unnamed = decideComputedNames(stores, contexts);

  const buttons = new Set(byKind('deploy-button').map((entry) => entry.value));
  const allDeploys = byKind('deploys').filter((entry) => !buttons.has(entry.value) && !isTestExampleOrDocsPath(entry.location.path));
  // Workload manifests alone may be samples for others; kubectl/helm in a pipeline or a GitOps controller apply them.
  const deploys = allDeploys.filter((entry) => entry.value !== 'kubernetes-manifest');
  const kubernetesApplied = deploys.some((entry) => entry.value === 'kubernetes' || entry.value === 'gitops');
  // Deploys that ship an app with a database behind it; edge workers and database pushes say nothing about one.
  const appDeploys = deploys.filter((entry) => entry.value !== 'cloudflare' && entry.value !== 'supabase');
  const composeDeploys = byKind('deploys-compose').filter((entry) => !isTestExampleOrDocsPath(entry.location.path));
  const inferred = inferPlatformDatabases(stores, appDeploys, composeDeploys, evidence);
  const helmOff = placeHelmSubcharts(stores, byKind('helm-release'), byKind('helm-values'));
  const terraformRoots = new Set(byKind('terraform-root').map((entry) => entry.directory));
  const productionModules = new Set(byKind('terraform-module-call').filter((entry) => entry.value === 'production').map((entry) => entry.directory));
  const supabaseHosted = byKind('supabase-hosted').length > 0;
  const supabaseRefs = [...new Set(byKind('supabase-hosted').map((entry) => entry.name).filter((name): name is string => !!name))];
  const stacks = byKind('pulumi-stack');
  const prodComposeFiles = stores.filter((store) => store.declaredBy === 'compose' && environmentOf(store, aliases) === 'production').length > 0;

  placeKustomizeNamespaces(stores, contexts);
  const activeStorageUnused = placeActiveStorage(stores, byKind('active-storage-service'));
  const environments = new Map(stores.map((store) => [store.id, environmentOf(store, aliases, stacks)]));
  // A database, volume or bucket a staging or preview file points at, which the environment stage judged production's
  // (named for production, or shared with production's configuration): the repository reaches a production store there.
  const reached = productionReached(context.facts.all('environment-crossing'));
  const reachedFrom = new Map<string, EnvironmentCrossing>();
  for (const store of stores) {
    const crossing = reached.get(`${store.location.path}:${store.location.span.line}`);
    if (!crossing || store.testOnly || environments.get(store.id) === 'production') continue;
    environments.set(store.id, 'production');
    reachedFrom.set(store.id, crossing);
  }
  // A manifest a production overlay deploys (the base's StatefulSet) is production's, whatever its own path says.
  const overlayDeployed = productionKustomizePaths(contexts);
  if (overlayDeployed.size > 0) {
    for (const store of stores) if (store.declaredBy === 'manifest' && !environments.get(store.id) && deployedByProductionOverlay(store.location.path, overlayDeployed)) environments.set(store.id, 'production');
  }
  const declaredProduction = (store: DataStore): boolean => {
    if (store.testOnly || helmOff.has(store.id) || unnamed.has(store.id) || activeStorageUnused.has(store.id)) return false;
    const environment = environments.get(store.id);
    if (environment && environment !== 'production') return false;
    if (buttons.has(store.platform) && store.declaredBy === 'platform') return false;
    switch (store.declaredBy) {
      case 'platform':
        if (store.platform === 'supabase') return environment === 'production' || supabaseHosted;
        return true;
      case 'infrastructure': {
        const terraform = store.identities.find((identity) => identity.startsWith('terraform:'));
        if (terraform) {
          // A resource in a module is deployed by whatever calls the module; without a root we cannot tell which environment.
          const directory = directoryOf(store.location.path);
          const isModule = /(^|\/)modules?\//.test(store.location.path) || !terraformRoots.has(directory);
          return environment === 'production' || !isModule || productionModules.has(directory);
        }
        return true;
      }
      case 'manifest':
        return environment === 'production' || kubernetesApplied;
      case 'compose': {
        if (environment === 'production') return true;
        if (environment) return false;
        const path = store.location.path.toLowerCase();
        return composeDeploys.some((deploy) => {
          if (!deploy.name) return !prodComposeFiles;
          // A local `up` names one file from the top level (`./deploy/docker-compose.yml`); a server's `-f
          // deploy/docker-compose.yml` any file ending so, and a bare `-f docker-compose.yml` any file of that name.
          const named = deploy.name.toLowerCase();
          if (named.startsWith('./')) return path === named.slice(2);
          return named.includes('/') ? path === named || path.endsWith(`/${named}`) : fileNameOf(path) === named;
        });
      }
      case 'usage':
      default:
        if (store.driverOnly && !inferred.has(store.id)) return false;
        if (store.platform === 'supabase' && !supabaseHosted && environment !== 'production' && !store.identities.some((identity) => identity.startsWith('supabase:project:'))) return false;
        return appDeploys.length > 0 || composeDeploys.length > 0 || (environment === 'production' && store.provider !== undefined);
    }
  };

  // Which facts describe the same store: claims behind workloads, ORM schemas behind declared databases.
  const assessments = new Map<string, Assessment>(stores.map((store) => [store.id, { store, production: false, environment: environments.get(store.id), matched: [], best: 'none' as BackupProtection, primary: true, reachedFrom: reachedFrom.get(store.id) }]));
  const candidates = stores.filter((store) => declaredProduction(store));
  for (const store of candidates) assessments.get(store.id)!.production = true;
  // A dotenv template's host yields to a host the provider is named by elsewhere (see `describeSame`).
  const hostedProviders = new Set(candidates.filter((store) => !store.template && store.provider && store.identities.some((identity) => identity.startsWith('host:'))).map((store) => store.provider!));
  const rankOf = (store: DataStore): number => {
    const order: Record<string, number> = { platform: 0, infrastructure: 0, manifest: 1, compose: 1, usage: store.provider ? 2 : 3 };
    return (order[store.declaredBy ?? 'usage'] ?? 3) + (store.template && hostedProviders.has(store.provider!) ? 0.5 : 0);
  };
  const byPlace = (a: DataStore, b: DataStore) => (a.location.path < b.location.path ? -1 : a.location.path > b.location.path ? 1 : a.location.span.line - b.location.span.line || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const sorted = [...candidates].sort((a, b) => rankOf(a) - rankOf(b) || byPlace(a, b));
  const kept: DataStore[] = [];
  const bound = boundVolumes(sorted);
  for (const store of sorted) {
    const twin = kept.find((other) => describeSame(other, store) || bound.get(other.id) === bound.get(store.id));
    if (twin) {
      const assessment = assessments.get(store.id)!;
      assessment.primary = false;
      assessment.sameAs = twin;
      continue;
    }
    kept.push(store);
  }
  // A `supabase/config.toml` that names only its local stack is the hosted project production's configuration uses.
  kept.forEach((store, index) => {
    if (store.platform !== 'supabase' || !store.identities.some((identity) => identity.startsWith(SUPABASE_LOCAL))) return;
    const refs = new Set(
      [...assessments.values()]
        .filter((other) => other.sameAs === store && (other.environment ?? other.store.environment) === 'production')
        .flatMap((other) => other.store.identities.filter((identity) => identity.startsWith('supabase:project:')).map((identity) => identity.slice('supabase:project:'.length))),
    );
    if (refs.size !== 1) return;
    const [ref] = refs;
    const assessment = assessments.get(store.id)!;
    kept[index] = assessment.store = { ...store, name: ref!, identities: [...store.identities, `supabase:project:${ref}`] };
    assessment.renamed = true;
  });
  // Hosted Supabase projects named by ref elsewhere in the repo are the project config.toml declares.
  const supabaseIdentities = supabaseRefs.length === 1 ? [`supabase:project:${supabaseRefs[0]}`, `host:db.${supabaseRefs[0]}.supabase.co`, `host:${supabaseRefs[0]}.supabase.co`] : [];

  // Plans that no selection names still protect something: treat them as covering the provider's stores.
  const referencedPlans = new Set(evidence.map((item) => item.destinationRef).filter((ref): ref is string => !!ref));
  const appEnv = productionAppEnv(contexts);
  const resolve = (item: BackupEvidence, store: DataStore, depth = 0): Classified => classify(item, store, { contexts, appEnv, evidence, referencedPlans, depth, resolve });

  const defaultTags = new Map<string, Set<string>>();
  const taggedStacks: Array<{ stack: string; tag: string }> = [];
  for (const entry of byKind('default-tags')) {
    if (entry.value !== undefined) {
      taggedStacks.push({ stack: entry.value, tag: entry.name ?? '*' });
      continue;
    }
    const tags = defaultTags.get(entry.directory ?? '.') ?? new Set<string>();
    tags.add(entry.name ?? '*');
    defaultTags.set(entry.directory ?? '.', tags);
  }
  // `terraform:envs/prod:module.db` (a selection naming `module.db.arn`) -> the module's directory.
  const moduleCalls = new Map(byKind('terraform-module-call').filter((entry) => entry.name).map((entry) => [`terraform:${entry.name}`, entry.directory!]));
  const coverage = new Coverage(stores, referencedPlans, { defaultTags, taggedStacks }, moduleCalls);
  for (const store of kept) {
    const assessment = assessments.get(store.id)!;
    const identities = store.platform === 'supabase' ? [...store.identities, ...supabaseIdentities] : store.identities;
    const withIdentities = { ...store, identities };
    for (const item of evidence) {
      if (!coverage.covers(item, withIdentities)) {
        const byTag = item.covers.some((cover) => tagCover(cover)?.directory === directoryOf(store.location.path));
        if (byTag && store.provider === 'aws' && (!item.engines || item.engines.some((engine) => engineMatches(engine, store)))) (assessment.passedBy ??= []).push(item);
        continue;
      }
      if (item.environment && item.environment !== 'production' && assessment.environment !== item.environment) continue;
      assessment.matched.push(resolve(item, store));
    }
    const classes = [store.builtInBackup?.protection ?? 'none', ...assessment.matched.map((match) => match.protection)];
    assessment.best = classes.reduce((best, next) => (RANK[next] > RANK[best] ? next : best), 'none' as BackupProtection);
  }

  // Publish what was decided (in one pass over the stores, once all are decided), then report.
  const decided = new Map<string, Partial<DataStore>>();
  for (const assessment of assessments.values()) {
    const { store } = assessment;
    const external = assessment.production && assessment.primary ? externalBackupFor(store, context.config.externalBackups) : undefined;
    decided.set(store.id, {
      production: assessment.production && assessment.primary,
      environment: assessment.environment ?? store.environment,
      protection: external ? 'off-provider' : assessment.primary ? assessment.best : undefined,
      ...(assessment.sameAs ? { sameAs: assessment.sameAs.id } : {}),
      ...(inferred.has(store.id) ? { platform: store.platform, provider: store.provider, builtInBackup: store.builtInBackup } : {}),
      ...(store.variableSettings ? { builtInBackup: store.builtInBackup, destructiveSettings: store.destructiveSettings } : {}),
      ...(store.computedName || assessment.renamed ? { name: store.name, identities: store.identities } : {}),
      ...(external ? { externalBackup: external } : {}),
      ...(store.platform === 'supabase' && supabaseIdentities.length > 0 ? { identities: [...new Set([...store.identities, ...supabaseIdentities])] } : {}),
    });
    if (!assessment.production) continue;
    if (assessment.primary && !external) reportProtection(context, assessment, deploys, composeDeploys, holderOf(store, contexts));
    reportDestructive(context, assessment, byKind('storage-class'));
  }
  context.enrichEach('data-store', (fact) => decided.get(fact.id));
}


/** Environment with team aliases and Pulumi stacks applied. */
function environmentOf(store: DataStore, aliases: Readonly<Record<string, string>>, stacks: readonly StoreContext[] = []): string | undefined {
  if (Object.keys(aliases).length > 0) {
    const fromPath = environmentOfPath(store.location.path, aliases)?.environment;
    if (fromPath) return fromPath;
    const fromName = sharedEnvironmentOf('', [store.name], aliases);
    if (fromName && !store.environment) return fromName;
  }
  if (store.environment) return store.environment;
  if (store.identities.some((identity) => identity.startsWith('pulumi:'))) {
    // A Pulumi program runs as every stack of its project: production if any stack is, else the stacks' environment.
    const directory = directoryOf(store.location.path);
    const names = stacks.filter((stack) => stack.directory === directory || directory.startsWith(`${stack.directory}/`)).map((stack) => canonicalEnvironment(stack.name ?? '', aliases));
    if (names.includes('production')) return 'production';
    if (names.length > 0 && names.every((name) => name !== undefined)) return names[0];
  }
  return undefined;
}

/**
 * Kubernetes facts joined through the claims that bind them: a workload names its claim, the claim its volume (by name
 * or label selector), each in its own file, so a workload and the volume its claim binds share no identity themselves.
 * Each store's group, as the id of the group's first store.
 */
function boundVolumes(stores: readonly DataStore[]): Map<string, string> {
  const group = new Map<string, string>();
  const byIdentity = new Map<string, string>();
  const root = (id: string): string => {
    let at = id;
    while (group.get(at) !== at) at = group.get(at)!;
    return at;
  };
  for (const store of stores) {
    group.set(store.id, store.id);
    for (const identity of store.identities) {
      if (!identity.startsWith('k8s:')) continue;
      const other = byIdentity.get(identity);
      if (other === undefined) byIdentity.set(identity, store.id);
      else if (root(other) !== root(store.id)) group.set(root(store.id), root(other));
    }
  }
  return new Map(stores.map((store) => [store.id, root(store.id)]));
}

function enginesCompatible(a: string, b: string): boolean {
  return a === b || a === 'database' || b === 'database';
}

/** Two facts for one store: a shared identity, or a usage-only fact behind a declared store of the same engine. */
function describeSame(kept: DataStore, other: DataStore): boolean {
  if (kept.identities.some((identity) => other.identities.includes(identity) && !identity.startsWith('operator:'))) return true;
  if (other.declaredBy !== 'usage') return false;
  if (!enginesCompatible(kept.engine, other.engine)) return false;
  // Two connection strings to different hosts are two databases, unless one is only a dotenv template's: another
  // address (a TCP proxy) of the database the provider's real configuration names.
  const hosts = (store: DataStore) => store.identities.filter((identity) => identity.startsWith('host:'));
  if (kept.declaredBy === 'usage' && hosts(kept).length > 0 && hosts(other).length > 0) return other.template === true && kept.provider !== undefined && kept.provider === other.provider;
  if (other.provider === undefined) return kept.engine !== 'object-storage' && kept.engine !== 'volume' || kept.engine === other.engine;
  return kept.provider === other.provider;
}

interface ClassifyContext {
  contexts: readonly StoreContext[];
  /** Production's app variables, for destinations set from the environment. */
  appEnv: ReadonlyMap<string, string>;
  evidence: readonly BackupEvidence[];
  referencedPlans: ReadonlySet<string>;
  depth: number;
  resolve: (item: BackupEvidence, store: DataStore, depth?: number) => Classified;
}

/**
 * The storage classes managed clusters and storage drivers install under fixed names (EKS `gp2`, GKE `standard-rwo`,
 * AKS `managed-csi`, the Hetzner, Linode, Scaleway, Oracle and Vultr CSI drivers' defaults, k3s `local-path`), by the
 * provider that holds their volumes. Plain `standard` is left out: GKE's and kind's are both called that.
 */
const STORAGE_CLASS_NAMES: ReadonlyArray<[RegExp, string]> = [
  [/^(gp2|gp3|io1|io2|st1|sc1|ebs)/, 'aws'],
  [/^(standard-rwo|premium-rwo|pd-)/, 'gcp'],
  [/^(managed|azurefile|default-azure)/, 'azure'],
  [/^do-block-storage/, 'digitalocean'],
  [/^hcloud-volumes/, 'hetzner'],
  [/^linode-block-storage/, 'linode'],
  [/^(scw-bssd|sbs-)/, 'scaleway'],
  [/^oci-bv/, 'oracle'],
  [/^vultr-block-storage/, 'vultr'],
  [/^(local-path|openebs-hostpath|local-storage)$/, 'host'],
  [/^(longhorn|rook-ceph|ceph-|openebs-)/, 'in-cluster'],
];

/** The store's provider as the backup sees it (a Kubernetes store takes its storage class's cloud). */
function providerOfStore(store: DataStore, contexts: readonly StoreContext[]): string {
  if (store.provider === 'kubernetes') {
    const storageClass = store.storageClass ? contexts.find((entry) => entry.kind === 'storage-class' && entry.name === store.storageClass) : undefined;
    if (storageClass?.value) return storageClass.value;
    if (store.cloud) return store.cloud;
    const byName = store.storageClass ?? '';
    return STORAGE_CLASS_NAMES.find(([pattern]) => pattern.test(byName))?.[1] ?? 'kubernetes';
  }
  return store.provider ?? 'unknown';
}

/**
 * Who holds what a store's provider keeps, and what goes with it, in words: a Kubernetes store's copies are held by
 * its cluster's cloud (or storage), not by "Kubernetes".
 */
function holderOf(store: DataStore, contexts: readonly StoreContext[]): { title: string; scope: string } {
  if (store.provider !== 'kubernetes') return { title: platformTitle(store.provider ?? store.platform), scope: 'account' };
  const provider = providerOfStore(store, contexts);
  switch (provider) {
    case 'kubernetes':
      return { title: "the cluster's storage provider", scope: "cluster's cloud account" };
    case 'in-cluster':
      return { title: "the cluster's own storage", scope: 'cluster' };
    case 'host':
      return { title: "the cluster's nodes", scope: 'cluster' };
    default:
      return { title: `${platformTitle(provider)}, where the cluster runs`, scope: `${platformTitle(provider)} account` };
  }
}

/** Terraform's name for a cloud's provider block (`provider "google"` makes the `gcp` stores). */
const TERRAFORM_PROVIDERS: Readonly<Record<string, string>> = lookupTable({ gcp: 'google', azure: 'azurerm' });

/** The provider block a Terraform store is made with, in its directory: its alias (`aws.dr`) or the default block. */
function providerBlockOf(store: DataStore, contexts: readonly StoreContext[]): { directory: string; block: string } | undefined {
  const terraform = store.identities.find((identity) => identity.startsWith('terraform:'));
  if (!terraform) return undefined;
  const directory = directoryOf(store.location.path);
  const address = terraform.split(':').slice(2).join(':');
  const alias = contexts.find((entry) => entry.kind === 'terraform-resource-provider' && entry.directory === directory && entry.name === address)?.value;
  return { directory, block: alias ?? TERRAFORM_PROVIDERS[store.provider ?? ''] ?? store.provider ?? '' };
}

function providerBlock(directory: string, block: string, contexts: readonly StoreContext[]): StoreContext | undefined {
  return contexts.find((entry) => entry.kind === 'terraform-provider' && entry.directory === directory && entry.name === block);
}

function accountOfStore(store: DataStore, contexts: readonly StoreContext[]): { account?: string; region?: string } {
  if (store.account) return { account: store.account, region: store.region };
  const made = providerBlockOf(store, contexts);
  if (!made) {
    // A CDK app that deploys to one account: its stacks' stores are in it.
    const accounts = store.provider === 'aws' ? [...new Set(contexts.filter((entry) => entry.kind === 'cdk-environment').map((entry) => entry.account))] : [];
    if (accounts.length === 1) return { account: accounts[0], region: store.region ?? contexts.find((entry) => entry.kind === 'cdk-environment' && entry.region)?.region };
    return { region: store.region };
  }
  const provider = providerBlock(made.directory, made.block, contexts);
  return { account: provider?.account, region: store.region ?? provider?.region };
}

/**
 * A bucket named for the store's own GCP project or AWS account (`gs://acme-ledger-prod-exports` for project
 * `acme-ledger-prod`, `s3://111122223333-db-dumps`): teams name a bucket for the project or account that holds it.
 */
function namedForAccount(item: BackupEvidence, account: string | undefined): boolean {
  const bucket = /^(?:s3|gs):\/\/([a-z0-9][a-z0-9._-]*)/i.exec(item.destination ?? '')?.[1]?.toLowerCase();
  if (!bucket || !account || account.length < 6) return false;
  const own = account.toLowerCase();
  return bucket === own || bucket.startsWith(`${own}-`) || bucket.startsWith(`${own}.`) || bucket.startsWith(`${own}_`);
}

/** The bucket a backup uploads to (`s3://…`, `gs://…` on the cloud itself), when infrastructure code here declares it. */
function declaredBucket(item: BackupEvidence, provider: string, contexts: readonly StoreContext[]): StoreContext | undefined {
  const match = /^(s3|gs):\/\/([a-z0-9][a-z0-9._-]*)/i.exec(item.destination ?? '');
  if (!match || (match[1] === 's3' ? 'aws' : 'gcp') !== provider) return undefined;
  const block = provider === 'aws' ? /^aws(\.|$)/ : /^google(-beta)?(\.|$)/;
  const found = contexts.filter((entry) => entry.kind === 'bucket' && entry.name === match[2] && block.test(entry.value ?? ''));
  // The same name declared twice (per workspace, per module) says nothing about which account it is in.
  return found.length === 1 ? found[0] : undefined;
}

/** The variables production's platform config sets for its app (`fly.toml` `[env]`). */
function productionAppEnv(contexts: readonly StoreContext[]): ReadonlyMap<string, string> {
  // Production's config decides: `fly.staging.toml` sets staging's replica, not the one production's data goes to.
  return new Map(
    contexts
      .filter((entry) => entry.kind === 'app-env' && entry.name && entry.value && (environmentOfPath(entry.location.path)?.environment ?? 'production') === 'production')
      .map((entry) => [entry.name!, entry.value!]),
  );
}

/** An `env:` destination with its variables filled from what production's platform config sets. */
function expandFromAppEnv(ref: string, values: ReadonlyMap<string, string>): Destination {
  const [url, endpoint] = JSON.parse(ref.slice('env:'.length)) as [string, string | null, (string | null)?];
  // A variable set nowhere stays written out, and the destination stays unresolved.
  return classifyDestination(expand(url, values), endpoint === null ? undefined : expand(endpoint, values));
}

function classify(item: BackupEvidence, store: DataStore, context: ClassifyContext): Classified {
  const judged = classifyCopy(item, store, context);
  const lock = item.destinationRef?.startsWith('aws_backup_vault.')
    ? context.contexts.find((entry) => entry.kind === 'vault-lock' && entry.value === 'compliance' && entry.directory === directoryOf(item.location.path) && entry.name === item.destinationRef)
    : undefined;
  if (!lock || judged.protection !== 'provider-managed') return judged;
  const days = lock.policy ? ` for ${lock.policy} days` : '';
  return { ...judged, locked: true, note: `${judged.note}; the vault is locked in compliance mode (${lock.location.path}): no credential of the account, root included, can delete its recovery points${days}` };
}

function classifyCopy(item: BackupEvidence, store: DataStore, context: ClassifyContext): Classified {
  const { contexts } = context;
  let provider = item.destinationProvider;
  let account = item.destinationAccount;
  let region = item.destinationRegion;
  if (item.destinationRef) {
    const ref = item.destinationRef;
    if (ref.startsWith('env:')) {
      const expanded = expandFromAppEnv(ref, context.appEnv);
      if (expanded.unresolved) return { evidence: item, protection: 'destination-unknown', note: `the destination ${item.destination ?? ''} is set from the environment, which the repo does not show` };
      provider = expanded.provider;
      account = expanded.account;
      region = expanded.region;
    } else if (ref.startsWith('laravel-disk:')) {
      // A Laravel disk: the provider its config names, or its bucket and endpoint as the app's environment sets them.
      // Laravel's skeleton declares `local` and `public` on the app's own disk, when the repo leaves them out.
      const disk = contexts.find((entry) => entry.kind === 'backup-location' && entry.name === ref)?.value ?? (/:(local|public)$/.test(ref) ? 'local' : undefined);
      if (!disk) return { evidence: item, protection: 'destination-unknown', note: `the destination ${item.destination ?? ref} is not declared in the repo` };
      // The app server's own disk: the copy sits beside the app, on whatever machine serves it.
      if (disk === 'local') return { evidence: item, protection: 'same-volume', note: `the copy stays on the app server's disk (${item.destination ?? ref})` };
      if (disk.startsWith('env:')) {
        const expanded = expandFromAppEnv(disk, context.appEnv);
        const hint = (JSON.parse(disk.slice('env:'.length)) as [string, string | null, string | null])[2];
        if (expanded.unresolved && !hint) return { evidence: item, protection: 'destination-unknown', note: `the destination ${item.destination ?? ''} is set from the environment, which the repo does not show` };
        provider = expanded.unresolved ? hint! : expanded.provider;
        account = expanded.account;
        region = expanded.region;
      } else provider = disk;
    } else if (ref.startsWith('rclone:') || ref.startsWith('velero:')) {
      const name = ref.slice(ref.indexOf(':') + 1);
      const found = contexts.find((entry) => (entry.kind === 'rclone-remote' && entry.name === name) || (entry.kind === 'backup-location' && entry.name === ref));
      if (!found?.value) return { evidence: item, protection: 'destination-unknown', note: `the destination ${item.destination ?? ref} is not visible in the repo` };
      provider = found.value;
    } else if (ref.startsWith(ARCHIVE_TOOL_REF)) {
      // `archive_command = 'wal-g wal-push %p'`: the tool's own settings (WALG_*_PREFIX, pgbackrest.conf) say where.
      const tools = ref.slice(ARCHIVE_TOOL_REF.length).split('|');
      const configured = context.depth < 2 ? context.evidence.filter((candidate) => tools.includes(candidate.mechanism) && !candidate.destinationRef?.startsWith(ARCHIVE_TOOL_REF) && (!candidate.environment || candidate.environment === 'production' || candidate.environment === item.environment)) : [];
      if (configured.length === 0) return { evidence: item, protection: 'destination-unknown', note: `${tools.join(' or ')} writes its copies where its own settings say, and the repo does not show them` };
      const judged = configured.map((candidate) => context.resolve(candidate, store, context.depth + 1));
      return judged.reduce((best, next) => (RANK[next.protection] > RANK[best.protection] ? next : best));
    } else if (/^(aws_backup_plan\.|cloudformation-plan:)/.test(ref) && context.depth < 2) {
      // A selection takes its destination from the plan it names.
      const directory = directoryOf(item.location.path);
      const planCover = ref.startsWith('aws_backup_plan.') ? `terraform-plan:${directory}:${ref.slice('aws_backup_plan.'.length)}` : ref;
      const plans = context.evidence.filter((candidate) => candidate.covers.includes(planCover));
      if (plans.length > 0) {
        const judged = plans.map((plan) => context.resolve(plan, store, context.depth + 1));
        return judged.reduce((best, next) => (RANK[next.protection] > RANK[best.protection] ? next : best));
      }
    } else if (ref.startsWith('aws_backup_vault.')) {
      const directory = directoryOf(item.location.path);
      const alias = contexts.find((entry) => entry.kind === 'terraform-resource-provider' && entry.directory === directory && entry.name === ref)?.value;
      const target = contexts.find((entry) => entry.kind === 'terraform-provider' && entry.directory === directory && entry.name === (alias ?? 'aws'));
      account = target?.account ?? account;
      region = target?.region ?? region;
    }
  }
  const where = item.destination ? ` (${item.destination})` : '';
  if (provider === undefined) {
    const protection = item.protection === 'off-provider' ? 'destination-unknown' : item.protection;
    return { evidence: item, protection, note: protection === 'destination-unknown' ? `the destination${where} is not visible in the repo` : describe(protection, store, contexts) };
  }
  if (provider === 'same-cloud') {
    const cloud = providerOfStore(store, contexts);
    const note = HOST_LIKE.has(cloud) ? `copies stay with ${holderOf(store, contexts).title}` : `copies stay in the same ${platformTitle(cloud)} account`;
    return { evidence: item, protection: 'provider-managed', note };
  }
  const storeProvider = providerOfStore(store, contexts);
  if (provider === 'local') {
    if (item.onStoreHost) return { evidence: item, protection: 'same-volume', note: `the database server keeps the copy on its own disk${where}` };
    if (HOST_LIKE.has(storeProvider) || HOST_LIKE.has(store.platform)) return { evidence: item, protection: 'same-volume', note: `the copy stays on the same host or volume${where}` };
    // A dump of a database the server runs itself (no remote host given) runs on that server: its file stays there.
    if (isSelfManagedDisk(store) && item.covers.every((cover) => !cover.startsWith('host:') || LOCAL_HOST.test(cover.slice(5)))) {
      return { evidence: item, protection: 'same-volume', note: `the copy stays on the server that runs the database${where}` };
    }
    return { evidence: item, protection: 'destination-unknown', note: `the copy is written to a local path${where}, and where that runs is not visible` };
  }
  const same = provider === storeProvider || (SAME_PLANE[storeProvider] ?? []).includes(provider);
  if (!same) {
    return { evidence: item, protection: 'off-provider', note: `copies leave ${platformTitle(storeProvider)} for ${platformTitle(provider)}${where}` };
  }
  const source = accountOfStore(store, contexts);
  const bucket = account === undefined ? declaredBucket(item, provider, contexts) : undefined;
  if (bucket) {
    account = bucket.account ?? providerBlock(bucket.directory!, bucket.value!, contexts)?.account;
    // No account written, but the bucket is made with the store's own provider block: the same account.
    const made = providerBlockOf(store, contexts);
    if (!account && made && made.directory === bucket.directory && made.block === bucket.value) {
      return { evidence: item, protection: 'provider-managed', note: `copies stay in the same ${platformTitle(provider)} account${where}: ${bucket.location.path} declares the bucket with the store's own provider` };
    }
  }
  const native = item.protection === 'provider-managed' || item.protection === 'same-account-other-region' || item.protection === 'other-account';
  if (account && source.account && account !== source.account) return { evidence: item, protection: 'other-account', note: `copies go to another ${platformTitle(provider)} account (${account})${where}` };
  if (native) {
    if (account && source.account) {
      // Same account: a copy to another region at best.
      const otherRegion = !!region && !!source.region && region !== source.region;
      const protection = otherRegion || item.protection === 'other-account' ? 'same-account-other-region' : item.protection;
      return { evidence: item, protection, note: describe(protection, store, contexts) };
    }
    return { evidence: item, protection: item.protection, note: describe(item.protection, store, contexts) };
  }
  if (!HYPERSCALERS.has(provider)) return { evidence: item, protection: 'provider-managed', note: `copies stay with ${platformTitle(provider)}${where}` };
  if (account && source.account) return { evidence: item, protection: 'provider-managed', note: `copies stay in the same ${platformTitle(provider)} account${where}` };
  if (namedForAccount(item, source.account)) return { evidence: item, protection: 'provider-managed', note: `copies stay in the same ${platformTitle(provider)} account${where}: the bucket is named for the store's own (${source.account})` };
  return { evidence: item, protection: 'destination-unknown', note: `copies go to ${platformTitle(provider)}${where}, and whether that is another account is not visible` };
}

function describe(protection: BackupProtection, store: DataStore, contexts: readonly StoreContext[]): string {
  switch (protection) {
    case 'provider-managed': {
      const holder = holderOf(store, contexts);
      return `held by ${holder.title} in the same ${holder.scope}`;
    }
    case 'same-account-other-region':
      return 'copied to another region of the same account';
    case 'other-account':
      return 'copied to another account';
    case 'same-volume':
      return 'kept on the same volume or host';
    case 'off-provider':
      return 'copied off the provider';
    case 'destination-unknown':
      return 'destination not visible in the repo';
    default:
      return 'no copy';
  }
}

/**
 * Whether a backup covers a store: named identities first, else by engine. What does not depend on the store (whether
 * a plan is selected for, whether a backup's names match any store at all) is worked out once per plan and per backup:
 * asked for every store and every backup, it made a repository of 800 databases take minutes.
 */
class Coverage {
  private readonly planSelected = new Map<string, boolean>();
  private readonly namesSomeStore = new Map<BackupEvidence, boolean>();
  private readonly split = new Map<BackupEvidence, { named: string[]; plan?: string }>();
  private readonly nearestDepth = new Map<BackupEvidence, number>();

  constructor(
    private readonly all: readonly DataStore[],
    private readonly referencedPlans: ReadonlySet<string>,
    private readonly defaultTags: DefaultTags = NO_DEFAULT_TAGS,
    private readonly moduleCalls: ReadonlyMap<string, string> = new Map(),
  ) {}

  covers(item: BackupEvidence, store: DataStore): boolean {
    const engineOk = !item.engines || item.engines.length === 0 || item.engines.some((engine) => engineMatches(engine, store));
    const { named, plan } = this.coversOf(item);
    if (plan) {
      // A plan protects what its selections name; a plan nobody selects for is read as covering the provider's stores.
      if (!this.isSelected(plan)) return store.provider === 'aws';
      return false;
    }
    // Unnamed (a dump of `$DATABASE_URL`): by engine, within the part of a monorepo the backup sits in.
    if (named.length === 0) return engineOk && sameArea(item.location.path, store.location.path);
    if (named.some((cover) => coverMatches(cover, store, this.defaultTags, this.moduleCalls))) {
      if (!engineOk && !named.some((cover) => store.identities.includes(cover))) return false;
      // A file path inside a mount (Litestream's `/data/app.db`) names no volume: every app mounts `/data`. Of the
      // volumes it fits, the backup covers those of the app nearest its own config (`sidecar/litestream.yml` is the
      // sidecar's, not the root app's or the worker's).
      return !named.every((cover) => cover.startsWith('path:')) || this.isNearest(item, store);
    }
    // Names that match no store at all (a host the inventory never saw) fall back to engines.
    return !this.namesAnyStore(item, named) && named.every((cover) => cover.startsWith('host:') || cover.startsWith('path:')) && engineOk;
  }

  /** Whether the store is among the stores a path-only backup fits that sit nearest the backup in the tree. */
  private isNearest(item: BackupEvidence, store: DataStore): boolean {
    let best = this.nearestDepth.get(item);
    if (best === undefined) {
      const { named } = this.coversOf(item);
      best = 0;
      for (const candidate of this.all) {
        if (named.some((cover) => coverMatches(cover, candidate, this.defaultTags, this.moduleCalls))) best = Math.max(best, sharedDepth(item.location.path, candidate.location.path));
      }
      this.nearestDepth.set(item, best);
    }
    return sharedDepth(item.location.path, store.location.path) === best;
  }

  /** A backup's plan and the names it covers (anything else), split once per backup. */
  private coversOf(item: BackupEvidence): { named: string[]; plan?: string } {
    let split = this.split.get(item);
    if (!split) {
      const isPlan = (cover: string) => cover.startsWith('terraform-plan:') || cover.startsWith('cloudformation-plan:');
      split = { named: item.covers.filter((cover) => !isPlan(cover)), plan: item.covers.find(isPlan) };
      this.split.set(item, split);
    }
    return split;
  }

  private isSelected(plan: string): boolean {
    let selected = this.planSelected.get(plan);
    if (selected === undefined) {
      selected = this.referencedPlans.has(plan) || [...this.referencedPlans].some((ref) => plan.endsWith(`:${ref.replace(/^aws_backup_plan\./, '')}`));
      this.planSelected.set(plan, selected);
    }
    return selected;
  }

  private namesAnyStore(item: BackupEvidence, named: readonly string[]): boolean {
    let found = this.namesSomeStore.get(item);
    if (found === undefined) {
      found = this.all.some((candidate) => named.some((cover) => coverMatches(cover, candidate, this.defaultTags, this.moduleCalls)));
      this.namesSomeStore.set(item, found);
    }
    return found;
  }
}

/** Directories whose children are separate projects of one repository. */
const PROJECT_PARENTS = new Set(['services', 'apps', 'packages', 'projects', 'svc', 'microservices', 'components', 'stacks']);
/** Top-level directories that serve the whole repository (a backup script there may back up any of its stores). */
const SHARED_DIRECTORIES = new Set(['scripts', 'script', 'bin', 'ops', 'infra', 'infrastructure', 'deploy', 'deployment', 'deployments', 'backup', 'backups', 'tools', 'ci', 'k8s', 'kubernetes', 'helm', 'charts', 'terraform', 'docker', 'config', 'etc', 'cron', 'jobs',
  // An Ansible project's parts configure the same fleet: a role's task and a group's variables describe one server.
  'roles', 'group_vars', 'host_vars', 'playbooks', 'inventory', 'inventories']);

/** The project of a monorepo a path belongs to (`services/search`, `ec2`); undefined for what the whole repo shares. */
function areaOf(path: string): string | undefined {
  const segments = path.split('/');
  if (segments.length < 2) return undefined;
  const top = segments[0]!.toLowerCase();
  if (PROJECT_PARENTS.has(top)) return segments.length >= 3 ? `${top}/${segments[1]}` : undefined;
  if (top.startsWith('.') || SHARED_DIRECTORIES.has(top)) return undefined;
  return top;
}

/** A backup and a store in different projects of one repository (`services/search` and `services/billing`) are not paired. */
function sameArea(backup: string, store: string): boolean {
  const a = areaOf(backup);
  const b = areaOf(store);
  return a === undefined || b === undefined || a === b;
}

/** How many leading directories two files' paths share. */
function sharedDepth(a: string, b: string): number {
  const left = a.split('/').slice(0, -1);
  const right = b.split('/').slice(0, -1);
  let depth = 0;
  while (depth < left.length && depth < right.length && left[depth] === right[depth]) depth++;
  return depth;
}

/** `tag:<key>=<value>@<directory>`: the tag a selection picks by, in the Terraform directory it is declared in. */
function tagCover(cover: string): { tag: string; directory: string } | undefined {
  if (!cover.startsWith('tag:')) return undefined;
  const at = cover.lastIndexOf('@');
  return { tag: cover.slice('tag:'.length, at), directory: cover.slice(at + 1) };
}

/**
 * Tags given to every resource rather than written on it: by directory (Terraform `default_tags`, samconfig), and the
 * CloudFormation templates (`*` for any) deployed as stacks with stack-level tags.
 */
interface DefaultTags {
  defaultTags: ReadonlyMap<string, ReadonlySet<string>>;
  taggedStacks: ReadonlyArray<{ stack: string; tag: string }>;
}

const NO_DEFAULT_TAGS: DefaultTags = { defaultTags: new Map(), taggedStacks: [] };

/**
 * A deploy command's template is written from wherever it runs (`cd infra && … --template-file template.yaml`); `cdk:*`
 * stands for every resource of a CDK app (`Tags.of(app)`).
 */
function inTaggedStack(candidate: DataStore, tag: string, taggedStacks: DefaultTags['taggedStacks']): boolean {
  const path = candidate.location.path;
  const cdk = candidate.identities.some((identity) => identity.startsWith('cdk:'));
  const template = candidate.identities.some((identity) => identity.startsWith('cloudformation:'));
  return taggedStacks.some((given) => {
    if (given.tag !== '*' && given.tag !== tag) return false;
    if (given.stack === 'cdk:*') return cdk;
    return template && (given.stack === '*' || path === given.stack || path.endsWith(`/${given.stack}`));
  });
}

function coverMatches(cover: string, candidate: DataStore, given: DefaultTags = NO_DEFAULT_TAGS, moduleCalls: ReadonlyMap<string, string> = new Map()): boolean {
  if (candidate.identities.includes(cover)) return true;
  // A local module named by its call (`module.db.arn`): the resources declared in the module's directory.
  const module = moduleCalls.get(cover);
  if (module !== undefined) return candidate.identities.some((identity) => identity.startsWith(`terraform:${module.toLowerCase()}:`));
  const selection = tagCover(cover);
  if (selection) {
    // An AWS Backup tag selection: resources of its configuration that carry the tag, or may (computed tags).
    if (candidate.provider !== 'aws' || directoryOf(candidate.location.path) !== selection.directory) return false;
    const tags = [...(candidate.tags ?? []), ...(given.defaultTags.get(selection.directory) ?? [])];
    return tags.includes(selection.tag) || tags.includes('*') || inTaggedStack(candidate, selection.tag, given.taggedStacks);
  }
  if (cover.startsWith('provider:')) {
    const [provider, directory] = cover.slice('provider:'.length).split('@');
    if (candidate.provider !== provider && candidate.platform !== provider) return false;
    return directory === undefined || directoryOf(candidate.location.path) === directory || candidate.location.path === directory;
  }
  if (cover.endsWith(':*')) return candidate.identities.some((identity) => identity.startsWith(cover.slice(0, -1)));
  if (cover.startsWith('path:')) {
    const path = cover.slice('path:'.length);
    return (candidate.mountPaths ?? []).some((mount) => path === mount || path.startsWith(`${mount.replace(/\/$/, '')}/`));
  }
  return false;
}

/** A server or volume of a VPS or a cloud's block storage, declared in infrastructure code: a disk the team runs itself. */
function isSelfManagedDisk(store: DataStore): boolean {
  return store.engine === 'volume' && store.declaredBy === 'infrastructure' && SELF_MANAGED_DISK_PROVIDERS.has(store.provider ?? '');
}

const SELF_MANAGED_DISK_PROVIDERS = new Set(['hetzner', 'linode', 'vultr', 'digitalocean', 'aws', 'azure', 'gcp']);
const LOCAL_HOST = /^(?:localhost|127\.0\.0\.1|::1|\/.*)$/;

function engineMatches(engine: string, store: DataStore): boolean {
  if (engine === store.engine) return true;
  if (store.engine === 'database' && ['postgres', 'mysql', 'mongo', 'mssql'].includes(engine)) return true;
  // A self-managed server or volume named for its database (`db-prod`, `pgdata-prod`) holds that database: a dump of
  // it is a copy of what the disk holds.
  if (isSelfManagedDisk(store) && SELF_MANAGED_DUMPS.has(engine) && nameHoldsDatabase(store.name, engine)) return true;
  // File-level copies take whatever sits on a volume: volumes, SQLite files, and databases on a host's disk.
  if (engine === 'volume') return store.engine === 'volume' || store.engine === 'sqlite' || store.engine === 'file-system' || HOST_LIKE.has(store.provider ?? '') || store.platform === 'docker-compose' || store.platform === 'kamal';
  if (engine === 'sqlite') return store.engine === 'volume';
  return false;
}

function externalBackupFor(store: DataStore, recorded: ReadonlyArray<{ store: string; reason: string }>): string | undefined {
  for (const entry of recorded) {
    const wanted = entry.store.trim().toLowerCase();
    if (!wanted) continue;
    if (store.name.toLowerCase() === wanted) return entry.reason;
    // A database known only from the app's ORM is named by its engine (`postgres`) or its URL variable.
    if (store.declaredBy === 'usage' && !store.provider && (store.engine === wanted || /database_url|db_url/i.test(wanted))) return entry.reason;
    for (const identity of store.identities) {
      if (identity === wanted || identity.split(':').pop() === wanted || identity.split(':').pop()?.split('/').pop() === wanted) return entry.reason;
    }
  }
  return undefined;
}

const DATABASE_ENGINES = new Set(['postgres', 'mysql', 'database']);
/** Stores restored into a database (a restore drill for a bucket or a volume restores files). */
const DATABASE_LIKE = new Set(['postgres', 'mysql', 'mongo', 'mssql', 'sqlite', 'clickhouse', 'cassandra', 'couchdb', 'neo4j', 'influxdb', 'database', 'dynamodb', 'cosmosdb', 'firestore']);

/**
 * Railway configs (`railway.json`, `railway.toml`) declare no databases: a project's Postgres is a service beside
 * the app, its URL injected as a variable. An app deployed only on Railway whose database the repository shows only
 * through a driver or an ORM (no host, no hosted provider's client) uses that database: the store is taken to be
 * Railway's, with Railway's snapshots. Replaces those stores in `stores`; returns their ids.
 */
function inferPlatformDatabases(stores: DataStore[], appDeploys: readonly StoreContext[], composeDeploys: readonly StoreContext[], evidence: readonly BackupEvidence[]): Set<string> {
  const inferred = new Set<string>();
  if (appDeploys.length === 0 || composeDeploys.length > 0 || !appDeploys.every((deploy) => deploy.value === 'railway')) return inferred;
  // An app that replicates SQLite (Litestream) keeps its data there, whatever drivers it also lists.
  if (evidence.some((item) => item.engines?.includes('sqlite'))) return inferred;
  // A database the repository places elsewhere (a hosted provider's host or client, a declared store) is that one.
  // So does any Railway storage the repository declares itself (a volume a SQLite app writes to).
  if (stores.some((store) => store.provider !== undefined && (DATABASE_ENGINES.has(store.engine) || store.provider === 'railway') && !store.testOnly)) return inferred;
  stores.forEach((store, index) => {
    // An embedded database the app runs (PocketBase's SQLite) lives on the service's volume.
    if (store.declaredBy !== 'usage' || store.provider !== undefined || store.testOnly || !(DATABASE_ENGINES.has(store.engine) || store.engine === 'sqlite')) return;
    stores[index] = {
      ...store,
      platform: 'railway',
      provider: 'railway',
      builtInBackup: {
        protection: RAILWAY_BUILT_IN.protection,
        description: `the app deploys only on Railway and the repository names no other host for its database, so it is taken to be the project's Railway database. ${RAILWAY_BUILT_IN.description}`,
      },
    };
    inferred.add(store.id);
  });
  return inferred;
}

/**
 * Database subcharts of a chart (`helm:<chart directory>:<values key>`): a release installs one into its namespace,
 * where a Velero schedule of that namespace finds it, and in production unless production's values (else the chart's
 * own values.yaml) turn it off (`postgresql.enabled: false`, an external database instead). Replaces the stores with
 * their namespaces and environment in `stores`; returns the ids of those turned off.
 */
function placeHelmSubcharts(stores: DataStore[], releases: readonly StoreContext[], values: readonly StoreContext[]): Set<string> {
  const off = new Set<string>();
  stores.forEach((store, index) => {
    const helm = store.identities.find((identity) => identity.startsWith('helm:'));
    if (!helm) return;
    const key = helm.slice(helm.lastIndexOf(':') + 1);
    const chart = directoryOf(store.location.path);
    const setting = (file: StoreContext) => file.name?.toLowerCase() === key;
    const production = values.filter((file) => setting(file) && environmentOfPath(file.location.path)?.environment === 'production');
    const base = values.filter((file) => setting(file) && file.directory === chart && fileNameOf(file.location.path).toLowerCase().replace(/\.yml$/, '.yaml') === 'values.yaml');
    const decisive = production.length > 0 ? production : base;
    if (decisive.length > 0 && decisive.every((file) => file.value === 'false')) off.add(store.id);
    const mine = releases.filter((release) => release.value && release.value.replace(/^\.\//, '').replace(/\/+$/, '') === chart);
    const namespaces = [...new Set(mine.map((release) => release.name).filter((name): name is string => !!name))];
    if (namespaces.length === 0) return;
    const environment = store.environment ?? namespaces.map((namespace) => canonicalEnvironment(namespace)).find((found) => found === 'production');
    stores[index] = { ...store, environment, identities: [...store.identities, ...namespaces.map((namespace) => `k8s:${namespace}:helm/${key}`.toLowerCase())] };
  });
  return off;
}

/**
 * Manifests a kustomization deploys into a namespace: each also answers to its objects' identities in that namespace
 * (`k8s:shop-prod:statefulset/postgres`), where a Velero schedule or a claim of that namespace names them.
 */
function placeKustomizeNamespaces(stores: DataStore[], contexts: readonly StoreContext[]): void {
  const namespaces = kustomizeNamespaces(contexts);
  if (namespaces.size === 0) return;
  stores.forEach((store, index) => {
    if (store.declaredBy !== 'manifest') return;
    const deployed = namespacesDeploying(store.location.path, namespaces);
    if (deployed.size === 0) return;
    const placed = store.identities.flatMap((identity) => {
      const object = /^k8s:[^:]+:([a-z]+\/.+)$/.exec(identity)?.[1];
      return object ? [...deployed].map((namespace) => `k8s:${namespace}:${object}`.toLowerCase()) : [];
    });
    if (placed.length > 0) stores[index] = { ...store, identities: [...new Set([...store.identities, ...placed])] };
  });
}

/**
 * Rails Active Storage: a service's bucket is production's where `config/environments/production.rb` picks the service
 * (or a Mirror whose primary it is, whose mirrors then count as copies); a service no production file picks is not
 * production's here. Replaces the stores placed in `stores`; returns the ids of the unused ones.
 */
function placeActiveStorage(stores: DataStore[], choices: readonly StoreContext[]): Set<string> {
  const unused = new Set<string>();
  const picked = choices.filter((choice) => choice.environment === 'production' && choice.name).map((choice) => activeStorageIdentity(choice.directory ?? '.', choice.name!));
  stores.forEach((store, index) => {
    const own = store.identities.filter((identity) => identity.startsWith(ACTIVE_STORAGE));
    if (own.length === 0) return;
    // `<service>` picked directly, or `<mirror>><primary>` when the Mirror is.
    const kept = own.filter((identity) => picked.some((service) => identity === service || identity.startsWith(`${service}>`)));
    if (kept.length === 0) {
      unused.add(store.id);
      return;
    }
    stores[index] = { ...store, environment: 'production', identities: [...store.identities.filter((identity) => !own.includes(identity)), ...kept] };
  });
  return unused;
}

/** The deploy to cite for a production store: one not placed in another environment (`deploy.staging.yml`), if any. */
function productionFirst(deploys: readonly StoreContext[]): StoreContext | undefined {
  const elsewhere = (deploy: StoreContext) => {
    const environment = environmentOfPath(deploy.location.path)?.environment;
    return environment !== undefined && environment !== 'production';
  };
  return deploys.find((deploy) => !elsewhere(deploy)) ?? deploys[0];
}

function reportProtection(context: FinishContext, assessment: Assessment, deploys: readonly StoreContext[], composeDeploys: readonly StoreContext[], holder: { title: string; scope: string }): void {
  const { store, best, matched } = assessment;
  const reached = assessment.reachedFrom ? ` (reached from ${assessment.reachedFrom.environment} configuration: ${assessment.reachedFrom.location.path})` : '';
  const what = `${assessment.environment === 'production' ? 'Production' : 'Deployed'} ${engineTitle(storeNoun(store))} \`${store.name}\`${reached}`;
  const on = store.provider && store.provider !== 'host' && store.provider !== 'kubernetes' ? ` on ${platformTitle(store.provider)}` : store.platform === 'docker-compose' ? ' (docker compose)' : store.platform === 'kamal' ? (store.engine === 'volume' ? ' (Kamal app volume)' : ' (Kamal accessory)') : store.platform === 'kubernetes' ? ' (Kubernetes)' : '';
  const related: RelatedLocation[] = matched.map((match) => ({ location: match.evidence.location, message: `${match.evidence.mechanism}: ${match.note}` }));
  // A production compose file nothing here deploys may be a self-hosting template shipped for others: medium.
  let undeployed = false;
  if (store.declaredBy === 'compose' || store.declaredBy === 'usage') {
    const deploy = productionFirst(store.declaredBy === 'compose' ? composeDeploys : deploys);
    if (deploy) related.push({ location: deploy.location, message: 'where the repo shows this app deployed' });
    undeployed = store.declaredBy === 'compose' && !deploy;
  }
  const unlessUndeployed = (severity: Severity | undefined): Severity | undefined => (undeployed ? 'medium' : severity);
  const builtIn = store.builtInBackup;
  const details = {
    environment: assessment.environment ?? 'production',
    platform: store.platform,
    engine: store.engine,
    resource: store.name,
    protection: best,
  };
  const base = { location: store.location, related, details, evidence: `${store.platform}:${store.engine}:${store.name}` };

  if (RANK[best] >= RANK['other-account']) {
    // A drill restores the copy that survives; AWS Backup's restore testing restores the recovery points its copy_action copies.
    const tested = matched.some((match) => match.evidence.restoreTested && (RANK[match.protection] >= RANK['destination-unknown'] || match.evidence.mechanism === 'AWS Backup restore testing'));
    if (!tested) {
      const copy = matched.filter((match) => RANK[match.protection] >= RANK['other-account']).map((match) => match.evidence.mechanism);
      context.report({
        ...base,
        ruleId: RULE.restoreNeverTested,
        message: `${what}${on} is backed up ${best === 'other-account' ? 'to another account' : 'off the provider'} (${[...new Set(copy)].join(', ')}), but nothing in the repo ever restores ${DATABASE_LIKE.has(store.engine) ? 'a backup into a scratch database' : 'a copy'} and checks it.`,
      });
    }
    return;
  }
  const known = matched.filter((match) => match.protection !== 'none').map((match) => `${match.evidence.mechanism}: ${match.note}`);
  const found = [...(builtIn && builtIn.protection !== 'none' ? [builtIn.description] : []), ...known];
  const foundText = found.length > 0 ? ` Found: ${found.join('; ')}.` : '';
  if (best === 'destination-unknown') {
    context.report({
      ...base,
      ruleId: RULE.destinationUnknown,
      message: `${what}${on} is backed up, but the repo does not show where the copies go, so whether they survive losing ${platformTitle(store.provider ?? 'the provider')} cannot be told.${foundText}`,
    });
    return;
  }
  if (store.declaredBy === 'usage' && !store.provider && best === 'none') {
    context.report({
      ...base,
      ruleId: RULE.notVisible,
      message: `The ${engineTitle(store.engine)} this deployed app uses (${store.name}) has no backup visible in the repo, and the repo does not show where it runs or who backs it up.`,
    });
    return;
  }
  // A plan that would copy it selects by tags it lacks: say so, the fix may be one tag.
  const passedBy = assessment.passedBy ?? [];
  const untagged = passedBy.map((item) => `the ${item.mechanism === 'aws-backup' ? 'AWS Backup selection' : item.mechanism} in ${item.location.path} picks resources tagged ${item.covers.flatMap((cover) => tagCover(cover)?.tag ?? []).join(' or ')}`);
  for (const item of passedBy) related.push({ location: item.location, message: `${item.mechanism}: selects resources by tag, and this one lacks the tag` });
  const missing = ` No copy to another provider or account is configured in the repo${untagged.length > 0 ? ` for it: ${[...new Set(untagged)].join('; ')}, and it has no such tag` : ''}.`;
  // A store known only from its use (a connection host, a client package) is weaker evidence than a declaration,
  // unless production's own configuration uses it on a platform its host names (`postgres.railway.internal` in
  // `.env.production`): that is production's store.
  const weak = store.declaredBy === 'usage' && !(store.environment === 'production' && store.provider);
  if (best === 'none') {
    // Copies that are no backup (a snapshot taken once) are named, so the finding does not read as if they were missed.
    const once = matched.filter((match) => match.protection === 'none').map((match) => `${match.evidence.mechanism}${match.evidence.destination ? ` (${match.evidence.destination})` : ''}`);
    context.report({
      ...base,
      ruleId: RULE.noBackup,
      severity: weak ? 'medium' : unlessUndeployed(undefined),
      message: `${what}${on} has no backup: ${builtIn?.description ?? 'no backup is configured for it'}.${once.length > 0 ? ` Not a backup: ${[...new Set(once)].join('; ')}.` : ''}${missing}`,
    });
    return;
  }
  if (best === 'same-volume') {
    // Railway's snapshots on the volume are the incident's; a store only inferred to be there is reported medium.
    const critical = store.provider === 'railway' && !weak;
    context.report({
      ...base,
      ruleId: RULE.sameVolume,
      severity: weak ? 'medium' : unlessUndeployed(critical ? 'critical' : undefined),
      message: `${what}${on} keeps its only backups on the same volume or host, so one delete takes the data and its backups together.${foundText}${missing}`,
    });
    return;
  }
  const critical = store.provider === 'supabase' && !weak;
  // Copies in a compliance-locked vault outlive any delete an agent (or anyone) can issue, though not the account.
  const locked = best === 'provider-managed' && matched.some((match) => match.locked);
  const severity: Severity | undefined = best === 'same-account-other-region' || weak || locked ? 'medium' : critical ? 'critical' : undefined;
  context.report({
    ...base,
    ruleId: RULE.providerOnly,
    severity,
    message: `${what}${on} has only backups held by ${holder.title}${best === 'same-account-other-region' ? ' in the same account' : ''}, which go with the ${critical ? 'project' : holder.scope} if it is deleted or lost.${foundText}${missing}`,
  });
}

const DESTRUCTIVE_TITLES: Readonly<Record<string, string>> = lookupTable({
  'deletion-protection-off': 'has deletion protection off',
  'skip-final-snapshot': 'skips its final snapshot on delete',
  'backups-disabled': 'has automated backups turned off',
  'backups-die-with-instance': 'deletes its automated backups together with the instance',
  'force-destroy': 'can be destroyed with all its objects in one call',
  'no-prevent-destroy': 'has no guard against being destroyed by the infrastructure tool',
  'deletion-policy-delete': 'is deleted with its stack',
  'reclaim-policy-delete': 'has its volume deleted when the claim or workload is removed',
});

function reportDestructive(context: FinishContext, assessment: Assessment, storageClasses: readonly StoreContext[]): void {
  const { store } = assessment;
  const explicitProduction = assessment.environment === 'production';
  const settings: Array<DestructiveSetting & { from?: StoreContext }> = [...(store.destructiveSettings ?? [])];
  // Storage classes that delete volumes when their claims go.
  if (store.provider === 'kubernetes' && store.engine !== 'volume' || store.identities.some((identity) => identity.includes(':persistentvolumeclaim/'))) {
    const storageClass = store.storageClass ? storageClasses.find((entry) => entry.name === store.storageClass) : undefined;
    if (storageClass && (storageClass.policy ?? 'Delete') === 'Delete' && assessment.primary) {
      settings.push({ kind: 'reclaim-policy-delete', setting: `storage class ${storageClass.name} reclaimPolicy: ${storageClass.policy ?? 'Delete (default)'}`, explicit: storageClass.policy === 'Delete', location: store.location, from: storageClass });
    }
  }
  for (const setting of settings) {
    if (!setting.explicit && !explicitProduction) continue;
    const ruleId = `missing-offprovider-backup/${setting.kind}`;
    const what = `${explicitProduction ? 'Production' : 'Deployed'} ${engineTitle(storeNoun(store))} \`${store.name}\``;
    const related: RelatedLocation[] = [];
    if (setting.location.span.line !== store.location.span.line || setting.location.path !== store.location.path) related.push({ location: store.location, message: `declaration of ${store.name}` });
    if (setting.from) related.push({ location: setting.from.location, message: `storage class ${setting.from.name}` });
    context.report({
      ruleId,
      severity: setting.explicit ? undefined : 'low',
      message: `${what} ${DESTRUCTIVE_TITLES[setting.kind] ?? setting.kind}: ${setting.setting}.`,
      location: setting.location,
      evidence: `${setting.kind}:${store.platform}:${store.name}:${setting.setting}`,
      related,
      details: { environment: assessment.environment ?? 'production', platform: store.platform, engine: store.engine, resource: store.name, setting: setting.setting },
    });
  }
}

/**
 * A store read from a committed Terraform state is the configuration's own resource once applied: where the
 * configuration is in the repo too (the same address or name), the configuration speaks for it.
 */
function withoutConfiguredState(all: readonly DataStore[]): DataStore[] {
  const fromState = (store: DataStore) => isTerraformState(store.location.path);
  const configured = new Set(all.filter((store) => !fromState(store)).flatMap((store) => store.identities));
  return all.filter((store) => !fromState(store) || !store.identities.some((identity) => configured.has(identity)));
}

/** Stores a crossing reaches, by the place the non-production configuration names them; copies are not the store. */
function productionReached(crossings: readonly EnvironmentCrossing[]): Map<string, EnvironmentCrossing> {
  const reached = new Map<string, EnvironmentCrossing>();
  for (const crossing of crossings) {
    if (!crossing.identity || (crossing.resourceKind !== 'database' && crossing.resourceKind !== 'volume' && crossing.resourceKind !== 'bucket')) continue;
    const place = `${crossing.location.path}:${crossing.location.span.line}`;
    if (!reached.has(place)) reached.set(place, crossing);
  }
  return reached;
}
