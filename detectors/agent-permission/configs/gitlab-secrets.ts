// A GitLab CI job that starts an agent acting without approvals in a production environment (`environment: production`,
// or `name: production`): GitLab hands a job the CI/CD variables scoped to its environment, so the agent's shell holds
// production's secrets though the file names none of them. Variables the job sets from production-named ones count too.
import type { AgentGrant } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, type DataNode } from '../../../src/parse/data-tree.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { isProductionName } from '../../../knowledge/environments/names.js';
import { reachesProductionByName } from '../../../knowledge/credentials/account-variables.js';
import { productionSecretToAgent } from '../rules/production-secret-to-agent.js';
import { AGENT_OWN } from './agent-secrets.js';
import { ACTING_GRANTS } from './untrusted-launch.js';
import { scalarText } from './workflow-events.js';

/** `$PROD_DATABASE_URL`, `${RAILWAY_API_TOKEN}`: a variable a job's `variables:` value takes from the project's. */
const VARIABLE_REFERENCE = /\$\{?([A-Za-z_][A-Za-z0-9_]*)\}?/g;

export function reportProductionSecretsToGitlabAgents(file: SourceFile, out: FileEmitter, grants: readonly AgentGrant[]): void {
  const acting = grants.filter((grant) => grant.effective && ACTING_GRANTS.has(grant.grant));
  if (acting.length === 0) return;
  const root = file.data()?.roots[0];
  if (root?.kind !== 'map') return;
  for (const job of root.entries) {
    if (job.value.kind !== 'map') continue;
    const grant = acting.find((candidate) => candidate.location.span.line >= job.value.span.line && candidate.location.span.line <= job.value.span.endLine);
    if (!grant) continue;
    const environment = get(job.value, 'environment');
    const name = environment?.kind === 'map' ? scalarText(get(environment, 'name')) : scalarText(environment);
    const production = isProductionName(name);
    const held = [get(root, 'variables'), get(job.value, 'variables')].flatMap(referencesIn).filter(
      (entry) => !AGENT_OWN.test(entry.variable) && (isProductionName(entry.source) || reachesProductionByName(entry.variable, entry.source)),
    );
    if (!production && held.length === 0) continue;
    const named = [...new Set(held.map((entry) => entry.variable))];
    out.report({
      ruleId: productionSecretToAgent.id,
      message:
        `${grant.setting} in job \`${job.key}\` of ${file.path} starts ${agentTitle(grant.agent)} without approvals, and its environment holds ` +
        `${production ? `the CI/CD variables of the \`${name}\` environment${named.length > 0 ? ` and ${named.join(', ')}` : ''}` : `production secrets or account-wide platform tokens (${named.join(', ')})`}: ` +
        'any command the agent decides to run reaches production with them.',
      location: grant.location,
      snippet: file.line(grant.location.span.line).trim(),
      evidence: `${job.key}:${production ? name : named.join(',')}`,
      details: { job: job.key, agent: grant.agent, setting: grant.setting, variables: named, productionEnvironment: production },
    });
  }
}

function referencesIn(variables: DataNode | undefined): Array<{ variable: string; source: string }> {
  if (variables?.kind !== 'map') return [];
  return variables.entries.flatMap((entry) => {
    const value = entry.value.kind === 'map' ? scalarText(get(entry.value, 'value')) : scalarText(entry.value);
    return [...value.matchAll(VARIABLE_REFERENCE)].map((match) => ({ variable: entry.key, source: match[1]! }));
  });
}
