// Non-production environments that reach production: builds a model of the environments a repository configures
// (explicit keys, file names, directories, values) and the resources each uses, then reports every staging,
// preview, development or test environment that shares, names, reads or inherits a production resource.
import type { EnvironmentResource } from '../../src/facts/environment.js';
import type { Detector, FinishContext, RelatedLocation, RuleMeta, Severity } from '../../src/model.js';
import { severityRank } from '../../src/model.js';
import { EnvironmentModel, compareLocations, placeFlyAttachments, placeWithAliases, scopeClaimsByNamespace } from './model.js';
import { scanEnvironmentFile } from './scan/index.js';
import { PULUMI_PROGRAM_KEYWORD } from './scan/handlers/pulumi.js';
import { admitsPath, classifyPath } from './scan/files.js';
import { COPY_KEYWORDS } from './scan/handlers/copies.js';
import { VOLUME_COMMAND_KEYWORDS } from './scan/handlers/volume-commands.js';
import { COMPOSE_COMMAND_KEYWORDS } from './scan/handlers/compose-commands.js';
import { FLY_COMMAND_KEYWORDS } from './scan/handlers/fly-commands.js';
import { VERCEL_ENV_KEYWORDS } from './scan/handlers/vercel-commands.js';
import { judgeShared, sharedBucket, sharedDatabase, sharedProject, sharedVolume } from './rules/shared.js';
import { judgeSecret, readsProductionSecret } from './rules/secrets.js';
import { judgeState, readsProductionState } from './rules/state.js';
import { judgeNamed, productionNamedResource } from './rules/named.js';
import { judgeNamespaceService } from './rules/namespace-service.js';
import { judgePayment, livePaymentKey } from './rules/payment.js';
import { inheritedProductionValue } from './rules/inherited.js';
import { clonedFromProduction, judgeCloned } from './rules/cloned.js';
import { pullRequestInProduction } from './rules/pull-request.js';
import { environmentLabel, type Judge, type Verdict } from './rules/verdict.js';

const RULES: RuleMeta[] = [
  sharedDatabase,
  sharedVolume,
  sharedBucket,
  sharedProject,
  readsProductionSecret,
  readsProductionState,
  productionNamedResource,
  livePaymentKey,
  inheritedProductionValue,
  clonedFromProduction,
  pullRequestInProduction,
];

/** In order of precedence: a resource production also uses beats one merely named for production. */
const JUDGES: readonly Judge[] = [judgeShared, judgeState, judgeSecret, judgePayment, judgeNamed, judgeNamespaceService];

export const stagingReachesProduction: Detector = {
  id: 'staging-reaches-production',
  rules: RULES,
  admits: admitsPath,
  // Scripts and docs are read only for the commands that clone production; configs are read for their structure.
  // Database copies: dumps restored elsewhere (`pg_dump … | psql …`) and the clouds' restores and clones.
  // Program modules are read only for a Pulumi stack reference.
  keywords: [...new Set(['railway', 'heroku', 'dokku', 'neonctl', 'gcloud', PULUMI_PROGRAM_KEYWORD, ...COPY_KEYWORDS, ...VOLUME_COMMAND_KEYWORDS, ...COMPOSE_COMMAND_KEYWORDS, ...FLY_COMMAND_KEYWORDS, ...VERCEL_ENV_KEYWORDS])],
  admitsWithoutKeywords: (file) => {
    const kind = classifyPath(file.path)?.kind;
    return kind !== 'commands' && kind !== 'pulumi-program';
  },
  scanFile: scanEnvironmentFile,
  produces: ['environment-resource', 'environment-layer', 'environment-scope', 'environment-crossing'],
  consumes: ['environment-resource', 'environment-layer', 'environment-scope'],
  finish: reportCrossings,
};

interface Pending {
  resource: EnvironmentResource;
  verdict: Verdict;
  environments: Map<string, string>;
  inheritedBy?: RelatedLocation[];
  /** The production configuration the environment's own starts from, when the value comes from there. */
  inheritedFrom?: string;
}

function reportCrossings(context: FinishContext): void {
  placeWithAliases(context);
  placeFlyAttachments(context);
  scopeClaimsByNamespace(context);
  const model = new EnvironmentModel(context.facts, context.config.environmentAliases);
  const pending = new Map<string, Pending>();
  const add = (resource: EnvironmentResource, verdict: Verdict, environment: string, name: string, inheritedBy?: RelatedLocation[], inheritedFrom?: string) => {
    const key = `${verdict.ruleId}\u0000${resource.location.path}\u0000${resource.location.span.line}\u0000${resource.identity}`;
    const existing = pending.get(key);
    if (existing) {
      existing.environments.set(`${environment}\u0000${name}`, name);
      if (severityRank(verdict.severity ?? ruleSeverity(verdict.ruleId)) > severityRank(existing.verdict.severity ?? ruleSeverity(existing.verdict.ruleId))) existing.verdict = verdict;
      return;
    }
    pending.set(key, { resource, verdict, environments: new Map([[`${environment}\u0000${name}`, name]]), inheritedBy, inheritedFrom });
  };

  for (const resource of model.nonProduction().flatMap((read) => model.throughWorkflowOutputs(read))) {
    const verdict = judge(resource, model);
    if (verdict) add(resource, verdict, resource.environment, resource.environmentName);
  }
  for (const base of model.bases()) {
    const inheritors = model.inheritors(base.family!, base.variable);
    if (inheritors.length === 0) continue;
    const verdict = judge(base, model);
    if (!verdict) continue;
    const related = inheritors.slice(0, 5).map((layer) => ({
      location: layer.location,
      message: `${environmentLabel(layer.environment, layer.environmentName)} inherits it${layer.implicit ? ' (the platform creates this environment from the file)' : base.variable ? ` (does not set ${base.variable})` : ''}`,
    }));
    const inherited: Verdict = { ...verdict, ruleId: inheritedProductionValue.id, severity: verdict.severity ?? ruleSeverity(verdict.ruleId) };
    for (const layer of inheritors) add(base, { ...inherited, detail: verdict.detail }, layer.environment, layer.environmentName, related);
  }

  // A layer that starts from production's (`from .production import *`) runs with every production value it does
  // not set: reported on its import line, pointing at production's.
  for (const production of model.productionOfFamilies()) {
    const layers = model.productionInheritors(production.family!, production.environmentName, production.variable);
    const verdict = layers.length > 0 ? judge(production, model) : undefined;
    if (!verdict) continue;
    const inherited: Verdict = { ...verdict, ruleId: inheritedProductionValue.id, severity: verdict.severity ?? ruleSeverity(verdict.ruleId), related: [] };
    for (const layer of layers) {
      const inheriting: EnvironmentResource = { ...production, location: layer.inheritsFrom!.location };
      const related = [{ location: production.location, message: `production sets it here${production.variable ? ` (${layer.environmentName || layer.environment} does not set ${production.variable})` : ''}` }];
      add(inheriting, inherited, layer.environment, layer.environmentName, related, production.location.path);
    }
  }

  const ordered = withoutWeakerTwins([...pending.values()]).sort((a, b) => compareLocations(a.resource.location, b.resource.location) || (a.verdict.ruleId < b.verdict.ruleId ? -1 : 1));
  for (const item of ordered) emit(context, item);
}

/**
 * One resource recorded twice in one file and environment, by its id and by its name (a D1 binding's `database_id` and
 * `database_name`), is reported once: a name only says production's where the id shows production uses it.
 */
function withoutWeakerTwins(items: Pending[]): Pending[] {
  const place = (item: Pending, identity: string) => `${item.resource.location.path}\u0000${item.resource.environment}\u0000${item.resource.environmentName}\u0000${identity}`;
  const covered = new Set<string>();
  for (const item of items) {
    if (item.verdict.ruleId === productionNamedResource.id) continue;
    for (const identity of item.resource.otherIdentities ?? []) covered.add(place(item, identity));
  }
  if (covered.size === 0) return items;
  return items.filter((item) => item.verdict.ruleId !== productionNamedResource.id || !covered.has(place(item, item.resource.identity)));
}

function judge(resource: EnvironmentResource, model: EnvironmentModel): Verdict | undefined {
  // A database made from another's data is a copy of it, whatever else its name matches.
  if (resource.copy) return judgeCloned(resource, model);
  for (const judgeOne of JUDGES) {
    const verdict = judgeOne(resource, model);
    if (verdict) return verdict;
  }
  return undefined;
}

/** "uses production's ..." -> "use production's ..." for several environments. */
function pluralVerb(action: string): string {
  const [verb, ...rest] = action.split(' ');
  const plural = verb === 'is' ? 'are' : verb!.endsWith('s') ? verb!.slice(0, -1) : verb!;
  return [plural, ...rest].join(' ');
}

function ruleSeverity(ruleId: string): Severity {
  return RULES.find((rule) => rule.id === ruleId)?.severity ?? 'medium';
}

function emit(context: FinishContext, { resource, verdict, environments, inheritedBy, inheritedFrom }: Pending): void {
  const names = [...environments.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, name]) => [key.slice(0, key.indexOf('\u0000')), name] as const);
  const labels = names.map(([environment, name]) => environmentLabel(environment, name));
  const who = labels.length === 1 ? `The ${labels[0]} environment` : `The ${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]} environments`;
  const where = `${resource.variable ? `\`${resource.variable}\` in ` : ''}${resource.location.path}`;
  const message = inheritedFrom
    ? `${who} ${names.length === 1 ? 'starts' : 'start'} from production's configuration (${inheritedFrom}): it ${verdict.action}${resource.variable ? ` (\`${resource.variable}\`, which it does not set)` : ''}. ${verdict.detail ?? ''}`.trim()
    : inheritedBy
    ? `${who} ${names.length === 1 ? 'inherits' : 'inherit'} a production value from the base configuration: it ${verdict.action} (${where}). ${verdict.detail ?? ''}`.trim()
    : `${who} ${names.length === 1 ? verdict.action : pluralVerb(verdict.action)} (${where}). ${verdict.detail ?? ''}`.trim();
  const related = [...verdict.related, ...(inheritedBy ?? [])];
  context.report({
    ruleId: verdict.ruleId,
    severity: verdict.severity,
    message,
    location: resource.location,
    evidence: `${verdict.ruleId}|${verdict.identity}|${resource.identity}|${resource.variable ?? ''}|${names.map(([environment, name]) => `${environment}:${name}`).join(',')}`,
    details: {
      environment: [...new Set(names.map(([environment]) => environment))].join(','),
      environmentName: names.map(([, name]) => name).join(','),
      resource: resource.display,
      kind: resource.kind,
      variable: resource.variable,
      inherited: inheritedBy ? true : undefined,
    },
    related: related.length > 0 ? related : undefined,
  });
  const productionLocation = verdict.related.find((entry) => entry.message.startsWith('production'))?.location;
  for (const environment of new Set(names.map(([canonical]) => canonical))) {
    context.publish('environment-crossing', {
      environment: environment as EnvironmentResource['environment'],
      resourceKind: resource.kind,
      resource: resource.display,
      location: resource.location,
      productionLocation,
      // A copy lands on no production store: what it holds is production's data, not production's database.
      identity: resource.copy ? undefined : verdict.identity,
      rule: verdict.ruleId,
      inherited: inheritedBy ? true : undefined,
    });
  }
}
