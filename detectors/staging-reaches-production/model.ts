// The environment model the cross-file pass judges: every resource and layer the per-file pass published, placed in
// its canonical environment with the team's aliases, an index of production's resources by identity, and the
// layers of each configuration family (to tell which environments inherit a base value).
import type { CanonicalEnvironment, EnvironmentLayer, EnvironmentResource } from '../../src/facts/environment.js';
import type { FactReader, FinishContext, Location } from '../../src/model.js';
import { WORKFLOW_OUTPUT, identityInScope, identityName, serverNameOf, isComparableIdentity } from '../../knowledge/environments/identities.js';
import { FLY_ATTACH_VARIABLE } from './scan/handlers/fly-commands.js';
import { aliasFor, canonicalEnvironment, environmentOfPath, environmentsNamedIn } from '../../knowledge/environments/names.js';

export const NON_PRODUCTION: ReadonlySet<CanonicalEnvironment> = new Set(['staging', 'preview', 'development', 'test']);

export interface ProductionMatch {
  production: EnvironmentResource;
  /** The identity both share (the strongest one). */
  identity: string;
  /** Database kinds: the same database, or only the same server with different databases. */
  sameDatabase: boolean;
}

/** The database names in `db:` identities (`db:postgres://host:5432/orders?user=app` names `orders`). */
function databaseNames(identities: readonly string[]): string[] {
  return identities.flatMap((identity) => {
    const name = /^db:[^/]*\/\/[^/]*\/([^?]+)/.exec(identity)?.[1];
    return name ? [name] : [];
  });
}

/**
 * Families whose base a deploy tool merges into every environment's deployment (Serverless' params and stages, Copilot's
 * `environments`, Helm's values files, tfvars, Bicep and Pulumi stack config): what production does not set there, production deploys with.
 * A runtime loader's base (`.env`, Spring's `application.yml`) is as often a developer's defaults that the platform
 * replaces for production, so production is not taken to use it.
 */
const RENDERED_FAMILY = /^(?:serverless|copilot|helm|tfvars|bicep|pulumi):/;

export class EnvironmentModel {
  readonly resources: readonly EnvironmentResource[];
  readonly layers: readonly EnvironmentLayer[];
  private readonly production = new Map<string, EnvironmentResource[]>();
  private readonly layersByFamily = new Map<string, EnvironmentLayer[]>();
  private readonly productionSorted = new Map<string, readonly EnvironmentResource[]>();
  private readonly firstByIdentity = new Map<string, { primary?: EnvironmentResource; other?: EnvironmentResource }>();
  private declaredByProduction: Map<string, EnvironmentResource[]> | undefined;
  /** Identities whose name each environment resolves for itself (see `perEnvironment`). */
  private readonly perEnvironment = new Set<string>();

  constructor(
    facts: FactReader,
    readonly aliases: Readonly<Record<string, string>>,
  ) {
    this.resources = facts.all('environment-resource');
    this.layers = facts.all('environment-layer');
    for (const layer of this.layers) {
      if (layer.testOnly || layer.unplaced) continue;
      const list = this.layersByFamily.get(layer.family);
      if (list) list.push(layer);
      else this.layersByFamily.set(layer.family, [layer]);
    }
    for (const resource of this.resources) {
      if (resource.perEnvironment && !resource.testOnly) this.perEnvironment.add(resource.identity);
      // What production's own databases are copied from is not production's.
      if (resource.testOnly || resource.unplaced || resource.copy) continue;
      if (resource.environment === 'base' ? !this.inheritedByProduction(resource) : resource.environment !== 'production' || this.replacedByProduction(resource)) continue;
      for (const identity of identitiesOf(resource)) {
        if (!isComparableIdentity(identity)) continue;
        const list = this.production.get(identity);
        if (list) list.push(resource);
        else this.production.set(identity, [resource]);
      }
    }
  }

  /** A production value of the family's base that the family's production layer sets again (see `fromBase`). */
  private replacedByProduction(resource: EnvironmentResource): boolean {
    if (!resource.fromBase || !resource.family) return false;
    return (this.layersByFamily.get(resource.family) ?? []).some((layer) => layer.environment === 'production' && overrides(layer.keys, resource.variable));
  }

  /**
   * A base value of a family whose production layer does not set it (Serverless' `provider.environment` under
   * `params: { prod: …, staging: … }`): production runs with it, so a stage that inherits it too shares it.
   */
  private inheritedByProduction(resource: EnvironmentResource): boolean {
    if (!resource.family || resource.fromBase || !RENDERED_FAMILY.test(resource.family)) return false;
    // A base that names another environment's resource (`orders-dev`) is a default each layer is meant to replace.
    const name = identityName(resource.identity);
    if (name && [...environmentsNamedIn(name, this.aliases)].some((environment) => environment !== 'production')) return false;
    const layers = this.layersByFamily.get(resource.family) ?? [];
    return layers.some((layer) => layer.environment === 'production' && !layer.implicit && !overrides(layer.keys, resource.variable));
  }

  /** Resources of non-production environments, in a deterministic order. */
  /** Whether each environment resolves this identity's name for itself, so that naming it is sharing nothing. */
  resolvedPerEnvironment(identity: string): boolean {
    return this.perEnvironment.has(identity);
  }

  nonProduction(): EnvironmentResource[] {
    return this.resources.filter((resource) => NON_PRODUCTION.has(resource.environment) && !resource.testOnly && !resource.unplaced);
  }

  /**
   * A reusable workflow's output a job reads (`needs.resolve.outputs.db_url`), as the secrets and variables the called
   * workflow publishes under that output; any other resource as it is. An output no workflow of the repo publishes
   * reads nothing known.
   */
  throughWorkflowOutputs(resource: EnvironmentResource): EnvironmentResource[] {
    if (!resource.identity.startsWith(WORKFLOW_OUTPUT)) return [resource];
    const published = this.resources.filter((candidate) => candidate.environment === 'base' && candidate.identity === resource.identity);
    const carried = [...new Set(published.flatMap((candidate) => candidate.otherIdentities ?? []))].filter((identity) => identity.startsWith('secret:'));
    return carried.map((identity) => {
      const name = identity.slice('secret:'.length);
      return { ...resource, identity, display: name, variable: `${resource.variable ?? ''} (${name}, from ${published[0]!.location.path})`, otherIdentities: undefined };
    });
  }

  /** Base values of layered families. */
  bases(): EnvironmentResource[] {
    return this.resources.filter((resource) => resource.environment === 'base' && resource.family && !resource.testOnly && !resource.unplaced);
  }

  /**
   * The non-production layers of a family that do not set `variable` themselves, and so inherit the base's value. A
   * layer that sets nothing only says its environment runs the family (a Fly app runs its directory's Litestream
   * file): where another layer of that environment sets the variable (its own `litestream.staging.yml`), that one is
   * what the environment runs with.
   */
  inheritors(family: string, variable: string | undefined): EnvironmentLayer[] {
    const layers = this.layersByFamily.get(family) ?? [];
    const setting = new Set(layers.filter((layer) => overrides(layer.keys, variable)).map((layer) => layer.environment));
    return layers.filter((layer) => NON_PRODUCTION.has(layer.environment) && !overrides(layer.keys, variable) && !(layer.keys.length === 0 && setting.has(layer.environment)));
  }

  /** Production resources of layered families, which a layer built on production's (`from .production import *`) inherits. */
  productionOfFamilies(): EnvironmentResource[] {
    return this.resources.filter((resource) => resource.environment === 'production' && resource.family && !resource.fromBase && !resource.testOnly && !resource.unplaced);
  }

  /**
   * The non-production layers of a family that start from the production layer named `name` and do not set
   * `variable` themselves. An environment may be written in several places (Spring's `application-staging.yml`, and
   * the profile group in `application.yml` that adds `prod-db` to it): what any of them sets is not inherited.
   */
  productionInheritors(family: string, name: string, variable: string | undefined): EnvironmentLayer[] {
    const layers = this.layersByFamily.get(family) ?? [];
    const lower = name.toLowerCase();
    return layers.filter(
      (layer) =>
        layer.inheritsFrom?.environment === 'production' &&
        layer.inheritsFrom.name.toLowerCase() === lower &&
        NON_PRODUCTION.has(layer.environment) &&
        !layers.some((other) => other.environment === layer.environment && other.environmentName === layer.environmentName && overrides(other.keys, variable)),
    );
  }

  /** The production resource this one is, by its strongest shared identity. */
  productionMatch(resource: EnvironmentResource): ProductionMatch | undefined {
    let best: { production: EnvironmentResource; identity: string; rank: number } | undefined;
    const own = identitiesOf(resource);
    own.forEach((identity, index) => {
      if (!isComparableIdentity(identity)) return;
      // The first by location among those whose main identity this is (rank `index`), then among those for which
      // it is another identity (rank `index + 1`): all a candidate can win with.
      const first = this.firstProduction(identity);
      for (const [production, rank] of [[first.primary, index], [first.other, index + 1]] as const) {
        if (!production || otherProject(identity, resource, production)) continue;
        if (!best || rank < best.rank || (rank === best.rank && compareLocations(production.location, best.production.location) < 0)) best = { production, identity, rank };
      }
    });
    if (!best) return undefined;
    // Compared by the database's name: one side may know the engine and port (a URL) and the other not (a host key
    // beside a `database` key).
    const mine = databaseNames(own);
    const theirs = databaseNames(identitiesOf(best.production));
    const sameDatabase = mine.length === 0 || theirs.length === 0 || mine.some((name) => theirs.includes(name));
    return { production: best.production, identity: best.identity, sameDatabase };
  }

  /** The resource's own name says production and nothing else (`orders-prod`, `acme-production-uploads`). */
  private namesOnlyProduction(name: string | undefined): boolean {
    const named = name ? environmentsNamedIn(name, this.aliases) : undefined;
    return named !== undefined && named.size === 1 && named.has('production');
  }

  productionNamed(resource: EnvironmentResource): boolean {
    const name = identityName(resource.identity);
    if (!name) return false;
    const named = environmentsNamedIn(name, this.aliases);
    if (named.size === 1 && named.has('production')) return true;
    // A server whose name says nothing, with production's database on it (`DB_HOST=db-mysql-fra1-….db.ondigitalocean.com`
    // beside `DB_DATABASE=shop_production`): the database's name is the evidence.
    if (named.size === 0 && resource.otherIdentities?.some((other) => other.startsWith('db:') && this.namesOnlyProduction(identityName(other)))) return true;
    // Staging's own database on production's server (`psql-contoso-prod/contoso_staging`): the server is production's.
    const server = named.size > 1 ? serverNameOf(resource.identity) : undefined;
    if (!server) return false;
    const serverNamed = environmentsNamedIn(server, this.aliases);
    return serverNamed.size === 1 && serverNamed.has('production');
  }

  /**
   * Production resources carrying this identity, comparable or not: a scoped identity (a database's bare name) is
   * never matched across environments, but production naming it too is worth saying.
   */
  productionDeclaring(identity: string): readonly EnvironmentResource[] {
    if (!this.declaredByProduction) {
      this.declaredByProduction = new Map();
      for (const resource of this.resources) {
        if (resource.environment !== 'production' || resource.testOnly || resource.unplaced || resource.copy || this.replacedByProduction(resource)) continue;
        for (const own of identitiesOf(resource)) {
          const list = this.declaredByProduction.get(own);
          if (list) list.push(resource);
          else this.declaredByProduction.set(own, [resource]);
        }
      }
    }
    return this.declaredByProduction.get(identity) ?? [];
  }

  /** Every production resource with this identity, by location, for related locations. */
  productionWith(identity: string): readonly EnvironmentResource[] {
    let sorted = this.productionSorted.get(identity);
    if (!sorted) {
      sorted = [...(this.production.get(identity) ?? [])].sort((a, b) => compareLocations(a.location, b.location));
      this.productionSorted.set(identity, sorted);
    }
    return sorted;
  }

  /**
   * The first production resource by location (the earliest published among equals) whose main identity is this one,
   * and the first for which it is another identity. Asked once per identity: a host shared by thousands of
   * production resources (a cache, a database server) is not walked again for every resource that names it.
   */
  private firstProduction(identity: string): { primary?: EnvironmentResource; other?: EnvironmentResource } {
    let first = this.firstByIdentity.get(identity);
    if (!first) {
      first = {};
      for (const production of this.production.get(identity) ?? []) {
        const key = production.identity === identity ? 'primary' : 'other';
        const current = first[key];
        if (!current || compareLocations(production.location, current.location) < 0) first[key] = production;
      }
      this.firstByIdentity.set(identity, first);
    }
    return first;
  }
}

/**
 * A Cloud SQL instance's bare name (`gcp:sql:orders-db`) is one instance only inside one project: two configurations
 * that each say their project (`acme-prod:europe-west1:orders-db`, `acme-staging:europe-west1:orders-db`) name two.
 */
function otherProject(identity: string, resource: EnvironmentResource, production: EnvironmentResource): boolean {
  if (!identity.startsWith('gcp:sql:')) return false;
  const mine = cloudSqlProject(resource);
  const theirs = mine ? cloudSqlProject(production) : undefined;
  return theirs !== undefined && mine !== theirs;
}

function cloudSqlProject(resource: EnvironmentResource): string | undefined {
  for (const identity of identitiesOf(resource)) {
    if (identity.startsWith('cloudsql:')) return identity.split(':')[1];
    if (identity.startsWith('cloudsql-instance:') && identity.includes('/')) return identity.slice('cloudsql-instance:'.length, identity.indexOf('/'));
  }
  return undefined;
}

function identitiesOf(resource: EnvironmentResource): string[] {
  return [resource.identity, ...(resource.otherIdentities ?? [])];
}

/** A layer overrides a base variable when it sets it, a parent of it (a whole map), or a child of it. */
function overrides(keys: readonly string[], variable: string | undefined): boolean {
  if (!variable) return false;
  return keys.some((key) => key === variable || variable.startsWith(`${key}.`) || key.startsWith(`${variable}.`));
}

export function compareLocations(a: Location, b: Location): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : a.span.line - b.span.line || a.span.column - b.span.column;
}

/**
 * Places every fact's environment again with the team's `environments:` aliases (the per-file pass cannot see the
 * config) and replaces the facts whose environment changes.
 */
export function placeWithAliases(context: FinishContext): void {
  const aliases = context.config.environmentAliases;
  if (Object.keys(aliases).length === 0) return;
  const placeResource = (fact: EnvironmentResource | EnvironmentLayer) => place(fact, aliases);
  const patches = new Map<string, { environment: CanonicalEnvironment; environmentName: string; unplaced: boolean }>();
  for (const kind of ['environment-resource', 'environment-layer'] as const) {
    const facts: ReadonlyArray<EnvironmentResource | EnvironmentLayer> = context.facts.all(kind);
    const changed = new Map<string, Set<EnvironmentResource | EnvironmentLayer>>();
    for (const fact of facts) {
      const placed = placeResource(fact);
      if (!placed) continue;
      const key = `${placed.environment}\u0000${placed.environmentName}\u0000${placed.unplaced}`;
      patches.set(key, placed);
      let set = changed.get(key);
      if (!set) changed.set(key, (set = new Set()));
      set.add(fact);
    }
    for (const [key, set] of changed) {
      const patch = patches.get(key)!;
      const fields = { environment: patch.environment, environmentName: patch.environmentName, unplaced: patch.unplaced ? true : undefined };
      if (kind === 'environment-resource') context.enrich('environment-resource', (fact) => set.has(fact), fields);
      else context.enrich('environment-layer', (fact) => set.has(fact), fields);
    }
  }
}

function place(fact: EnvironmentResource | EnvironmentLayer, aliases: Readonly<Record<string, string>>): { environment: CanonicalEnvironment; environmentName: string; unplaced: boolean } | undefined {
  const name = fact.environmentName;
  const alias = aliasFor(aliases, name.toLowerCase()) as CanonicalEnvironment | undefined;
  if (alias && (fact.environment !== alias || fact.unplaced)) return { environment: alias, environmentName: name, unplaced: false };
  if (fact.unplaced) {
    const found = canonicalEnvironment(name, aliases) ?? environmentOfPath(fact.location.path, aliases)?.environment;
    if (found) return { environment: found, environmentName: name, unplaced: false };
    return undefined;
  }
  if (fact.environmentEvidence === 'base') {
    const byPath = environmentOfPath(fact.location.path, aliases);
    if (byPath && aliasFor(aliases, byPath.name.toLowerCase())) return { environment: byPath.environment, environmentName: byPath.name, unplaced: false };
  }
  return undefined;
}

/**
 * `fly postgres attach --app reel-api` names an app, not an environment: the app takes the environment of the Fly
 * config that declares it (`fly.toml`, deployed by default, is production's; `fly.staging.toml` is staging's). The
 * per-file pass sees one file, so the attachments are placed here, once every file is read.
 */
export function placeFlyAttachments(context: FinishContext): void {
  const apps = new Map<string, CanonicalEnvironment>();
  for (const resource of context.facts.all('environment-resource')) {
    if (!resource.declared || resource.unplaced || resource.variable !== 'app' || !resource.identity.startsWith('fly-app:') || resource.environment === 'base') continue;
    if (!apps.has(resource.identity)) apps.set(resource.identity, resource.environment);
  }
  if (apps.size === 0) return;
  context.enrichEach('environment-resource', (resource) => {
    if (!resource.unplaced || !resource.variable?.startsWith(FLY_ATTACH_VARIABLE)) return undefined;
    // The attach keeps its app's name: production's finding then says which app (`quayline-api`) uses the database.
    const environment = apps.get(`fly-app:${resource.variable.slice(FLY_ATTACH_VARIABLE.length).toLowerCase()}`);
    return environment ? { environment, unplaced: undefined } : undefined;
  });
}

/**
 * Claims named in a file another file places in a namespace (a Kustomize overlay's patch mounting `claimName: …`, a
 * values file a helmfile release renders into its namespace) live in that namespace: the per-file pass reads one file
 * and cannot see it, so the claims are placed here, once every file is read. Two environments naming one claim in one
 * namespace mount one volume.
 */
export function scopeClaimsByNamespace(context: FinishContext): void {
  const scopes = new Map<string, string>();
  for (const scope of context.facts.all('environment-scope')) if (!scopes.has(scope.path)) scopes.set(scope.path, scope.scope);
  // A non-production environment that declares the claim itself is as likely in a cluster of its own, where the same
  // namespace and claim names are its own objects: only a claim it mounts without declaring is production's.
  const declared = new Set<string>();
  let claims = false;
  for (const resource of context.facts.all('environment-resource')) {
    if (!resource.identity.startsWith('volume:pvc:')) continue;
    claims = true;
    if (resource.declared) declared.add(`${resource.environment}\u0000${resource.environmentName}\u0000${resource.identity}`);
  }
  if (!claims) return;
  context.enrichEach('environment-resource', (resource) => {
    if (!resource.identity.startsWith('volume:pvc:')) return undefined;
    const scoped = resource.otherIdentities?.some((identity) => identity.startsWith('in-scope:'));
    if (resource.environment !== 'production' && declared.has(`${resource.environment}\u0000${resource.environmentName}\u0000${resource.identity}`)) {
      return scoped ? { otherIdentities: resource.otherIdentities!.filter((identity) => !identity.startsWith('in-scope:')) } : undefined;
    }
    if (scoped || scopes.size === 0) return undefined;
    for (let path = resource.location.path; ; path = directoryOf(path)) {
      const scope = scopes.get(path);
      if (scope) return { otherIdentities: [...(resource.otherIdentities ?? []), identityInScope(resource.identity, scope)] };
      if (path === '') return undefined;
    }
  });
}

function directoryOf(path: string): string {
  return path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '';
}
