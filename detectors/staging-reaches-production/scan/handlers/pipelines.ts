// CI systems beside GitHub Actions and GitLab: Bitbucket Pipelines (`deployment: staging` steps), Azure Pipelines
// (deployment jobs with an `environment`, variable groups, `$(NAME)` macros), CircleCI (workflow jobs named for an
// environment, with `context:` secret groups) and Drone (steps named or promoted for an environment, reading
// `from_secret`s). A non-production job that reads a production-named variable, variable group, context or secret
// holds production's secrets.
import type { DataDocument, DataNode, MapNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import { secretIdentity } from '../../../../knowledge/environments/identities.js';
import { canonicalEnvironment } from '../../../../knowledge/environments/names.js';
import type { Span } from '../../../../src/model.js';
import type { FileClass } from '../files.js';
import type { EnvTag, Recorder } from '../recorder.js';
import { walkSection } from '../tree.js';
import { walkOptions } from '../sections.js';
import { jobNameTag, scanSecretReferences } from './workflows.js';

const NON_PRODUCTION = new Set(['staging', 'preview', 'development']);

export function isCiPipeline(path: string): boolean {
  return /(?:^|\/)bitbucket-pipelines\.ya?ml$|(?:^|\/)\.circleci\/config\.ya?ml$|(?:^|\/)azure-pipelines[^/]*\.ya?ml$/i.test(path);
}

export function scanCiPipeline(rec: Recorder, document: DataDocument): void {
  for (const root of document.roots) visitMaps(root, (map) => {
    // Bitbucket's `deployment: staging` step; Azure's deployment job with `environment: staging` (or `{name: staging}`).
    const deployment = literalString(get(map, 'deployment'));
    const environmentNode = get(map, 'environment');
    const environmentName = literalString(environmentNode) ?? literalString(get(environmentNode, 'name'));
    const bitbucket = deployment !== undefined && get(map, 'script') !== undefined;
    const tag = tagOf(bitbucket ? deployment : environmentName);
    if (tag && (bitbucket || environmentName !== undefined)) {
      scanSecretReferences(rec, map, tag);
      for (const group of groupsOf(get(map, 'variables'))) rec.resource(tag, secretIdentity(group.name, 'ci-group'), group.span, { variable: `group: ${group.name}` });
      return false;
    }
    // CircleCI: `workflows.<w>.jobs[]` entries `{ <job>: { name: deploy-staging, context: production } }`.
    const invocation = circleciInvocation(map);
    if (invocation) {
      for (const context of invocation.contexts) rec.resource(invocation.tag, secretIdentity(context.name, 'ci-group'), context.span, { variable: `context: ${context.name}` });
      return false;
    }
    return true;
  });
}

/**
 * `.drone.yml`: each pipeline document's steps, placed by the step's name (`migrate-staging`), the promotion target
 * its `when` (or the pipeline's `trigger`) limits it to, or the pipeline's name. A step reads the secrets its
 * `environment` and `settings` take `from_secret`, and the variables its commands name.
 */
export function scanDronePipeline(rec: Recorder, cls: FileClass, document: DataDocument): void {
  for (const pipeline of document.roots) {
    const steps = get(pipeline, 'steps');
    if (steps?.kind !== 'seq') continue;
    const pipelineTag = targetTag(get(pipeline, 'trigger')) ?? jobNameTag(literalString(get(pipeline, 'name')));
    steps.items.forEach((step, index) => {
      if (step.kind !== 'map') return;
      const tag = jobNameTag(literalString(get(step, 'name'))) ?? targetTag(get(step, 'when')) ?? pipelineTag ?? (cls.tag.environment === 'base' ? undefined : cls.tag);
      if (!tag) return;
      walkSection(rec, { node: step, path: ['steps', index], tag, role: 'plain', span: step.span }, { ...walkOptions(cls), envMaps: false, references: false });
      scanSecretReferences(rec, step, tag);
      for (const key of ['environment', 'settings']) {
        const values = get(step, key);
        for (const entry of values?.kind === 'map' ? values.entries : []) {
          const secret = get(entry.value, 'from_secret');
          const name = literalString(secret);
          if (name && secret) rec.resource(tag, secretIdentity(name, 'ci-secret'), secret.span, { variable: `${key}.${entry.key}` });
        }
      }
    });
  }
}

/** The one environment a Drone `when`/`trigger` limits a step to by promotion target (`target: [production]`). */
function targetTag(condition: DataNode | undefined): EnvTag | undefined {
  const target = get(condition, 'target');
  const listed = get(target, 'include') ?? target;
  const names = listed?.kind === 'seq' ? listed.items.map((item) => literalString(item)) : [literalString(listed)];
  const tags = names.map((name) => (name ? { environment: canonicalEnvironment(name), name, evidence: 'key' as const } : undefined));
  const first = tags[0];
  return first?.environment && tags.every((tag) => tag?.environment === first.environment) ? first : undefined;
}

function tagOf(name: string | undefined): EnvTag | undefined {
  if (!name || name.includes('$')) return undefined;
  const environment = canonicalEnvironment(name);
  return environment && NON_PRODUCTION.has(environment) ? { environment, name, evidence: 'key' } : undefined;
}

function circleciInvocation(map: MapNode): { tag: EnvTag; contexts: Array<{ name: string; span: Span }> } | undefined {
  if (map.entries.length !== 1) return undefined;
  const [entry] = map.entries;
  const body = entry!.value;
  if (body.kind !== 'map' || !get(body, 'context')) return undefined;
  const tag = tagOf(literalString(get(body, 'name')) ?? entry!.key) ?? tagOf(literalString(get(body, 'env')) ?? literalString(get(body, 'environment')));
  if (!tag) return undefined;
  const context = get(body, 'context')!;
  const items = context.kind === 'seq' ? context.items : [context];
  const contexts = items.flatMap((item) => {
    const name = literalString(item);
    return name ? [{ name, span: item.span }] : [];
  });
  return { tag, contexts };
}

/** Azure's `variables: [{ group: production-secrets }]`. */
function groupsOf(node: DataNode | undefined): Array<{ name: string; span: Span }> {
  if (node?.kind !== 'seq') return [];
  return node.items.flatMap((item) => {
    const group = get(item, 'group');
    const name = literalString(group);
    return name && group ? [{ name, span: group.span }] : [];
  });
}

/** Calls `visit` on every map, depth first; `visit` returns false to skip the map's children. */
function visitMaps(node: DataNode, visit: (map: MapNode) => boolean): void {
  if (node.kind === 'map') {
    if (!visit(node)) return;
    for (const entry of node.entries) visitMaps(entry.value, visit);
  } else if (node.kind === 'seq') {
    for (const item of node.items) visitMaps(item, visit);
  }
}
