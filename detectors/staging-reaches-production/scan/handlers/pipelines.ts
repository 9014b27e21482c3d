// CI systems beside GitHub Actions and GitLab: Bitbucket Pipelines (`deployment: staging` steps), Azure Pipelines
// (deployment jobs with an `environment`, variable groups, `$(NAME)` macros) and CircleCI (workflow jobs named for an
// environment, with `context:` secret groups). A non-production job that reads a production-named variable, variable
// group or context holds production's secrets.
import type { DataDocument, DataNode, MapNode } from '../../../../src/parse/data-tree.js';
import { get, literalString } from '../../../../src/parse/data-tree.js';
import { secretIdentity } from '../../../../knowledge/environments/identities.js';
import { canonicalEnvironment } from '../../../../knowledge/environments/names.js';
import type { Span } from '../../../../src/model.js';
import type { EnvTag, Recorder } from '../recorder.js';
import { scanSecretReferences } from './workflows.js';

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
