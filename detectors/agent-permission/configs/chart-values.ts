// Helm values that name the Secrets a chart's templates hand to an agent: a template's
// `secretRef: name: {{ .Values.agent.secretName }}` is production's Secret when a values file sets it to one
// (`payments-prod-credentials`) or when production's values file (`values-production.yaml`) sets it at all. The values
// files publish the strings they set under Secret-naming keys; the templates' held references are judged against them
// once every file is read.
import type { FinishContext, FileEmitter, SourceFile } from '../../../src/model.js';
import type { DataNode } from '../../../src/parse/data-tree.js';
import { isHelmValuesFile } from '../../../src/paths.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { canonicalEnvironment, isProductionName, tokensOf } from '../../../knowledge/environments/names.js';
import { reachesProductionByName } from '../../../knowledge/credentials/account-variables.js';
import { productionSecretToAgent } from '../rules/production-secret-to-agent.js';
import { directoryOf } from './tree.js';

export { isHelmValuesFile };

/** A key path that names a Secret: `secretName`, `existingSecret`, `envFromSecret`, `secrets.name`, `credentialsSecret`. */
const SECRET_KEY = /secret|credential/i;

export function readChartValues(file: SourceFile, out: FileEmitter): void {
  // Most values files name no Secret: the text says so before the tree is walked.
  if (!SECRET_KEY.test(file.text)) return;
  const root = file.data()?.roots[0];
  if (root?.kind !== 'map') return;
  const directory = directoryOf(file.path);
  // Production's layer by its name (`values-production.yaml`) or its folder's (`environments/production/values.yaml`).
  const name = file.path.slice(file.path.lastIndexOf('/') + 1).replace(/\.ya?ml$/i, '');
  const parent = directory.slice(0, -1);
  const folder = parent.slice(parent.lastIndexOf('/') + 1);
  const productionLayer = [name, folder].some((part) => tokensOf(part).some((token) => token !== 'live' && canonicalEnvironment(token) === 'production'));
  const walk = (node: DataNode, path: readonly string[], named: boolean): void => {
    if (node.kind === 'map') {
      for (const entry of node.entries) walk(entry.value, [...path, entry.key], named || SECRET_KEY.test(entry.key));
    } else if (node.kind === 'scalar' && named && typeof node.value === 'string' && /^[a-z0-9][a-z0-9.-]*$/.test(node.value)) {
      out.publish('helm-secret-value', { directory, key: path.join('.'), value: node.value, productionLayer, location: { path: file.path, span: node.span } });
    }
  };
  walk(root, [], false);
}

/** Reports the held template references that the chart's values resolve to a production Secret. */
export function resolveChartSecrets(context: FinishContext): void {
  const held = context.facts.all('agent-templated-secret');
  if (held.length === 0) return;
  const values = context.facts.all('helm-secret-value');
  const reported = new Set<string>();
  for (const reference of held) {
    const launch = `${reference.location.path}:${reference.location.span.line}`;
    if (reported.has(launch)) continue;
    // Values in the chart's folder (or below it), or above it: a repository's `deploy/values-production.yaml` for `deploy/agent/`.
    const set = values.filter(
      (value) => value.key === reference.key && (value.directory.startsWith(reference.chart) || reference.chart.startsWith(value.directory)),
    );
    const production = set.find(
      (value) => value.productionLayer || isProductionName(value.value) || reachesProductionByName(reference.variable, value.value.replace(/-/g, '_')),
    );
    if (!production) continue;
    reported.add(launch);
    const what = reference.variable ?? `every key of Secret ${production.value}`;
    context.report({
      ruleId: productionSecretToAgent.id,
      message:
        `${reference.setting} in ${reference.location.path} starts ${agentTitle(reference.agent)} without approvals in a container given the Secret ` +
        `\`.Values.${reference.key}\` names, which ${production.location.path} sets to \`${production.value}\`` +
        `${production.productionLayer && !isProductionName(production.value) ? " for production's release" : ''} (${what}): any command the agent decides to run reaches production with it.`,
      location: reference.location,
      snippet: reference.snippet,
      evidence: `${reference.secretLocation.span.line}:${reference.key}`,
      related: [
        { location: reference.secretLocation, message: `${reference.variable ?? 'envFrom'} from the Secret .Values.${reference.key} names` },
        { location: production.location, message: `.Values.${reference.key}: ${production.value}` },
      ],
      details: { agent: reference.agent, setting: reference.setting, variables: [what], productionEnvironment: production.productionLayer },
    });
  }
}
