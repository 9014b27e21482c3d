// Production secrets in the environment of a workflow step that starts an agent acting without approvals: the
// workflow's, the job's and the step's `env`, and every secret of a job that runs in a production environment.
import type { AgentGrant } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, type DataNode } from '../../../src/parse/data-tree.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { isProductionName } from '../../../knowledge/environments/names.js';
import { reachesProductionByName } from '../../../knowledge/credentials/account-variables.js';
import { productionSecretToAgent } from '../rules/production-secret-to-agent.js';
import { scalarText } from './workflow-events.js';
import { ACTING_GRANTS } from './untrusted-launch.js';

export const SECRET_REFERENCE = /\bsecrets\.([A-Za-z_][A-Za-z0-9_]*)|\bsecrets\[\s*['"]([^'"]+)['"]\s*\]/g;

/** The agents' own keys and GitHub's token: what the agent needs to run at all, not production's. */
export const AGENT_OWN = /^(?:ANTHROPIC_API_KEY|CLAUDE_CODE_OAUTH_TOKEN|OPENAI_API_KEY|CODEX_API_KEY|GEMINI_API_KEY|GOOGLE_API_KEY|GITHUB_TOKEN|GH_TOKEN|COPILOT_[A-Z_]*|AWS_BEDROCK_[A-Z_]*)$/;

interface HeldSecret {
  variable: string;
  secret: string;
  line: number;
}

export function reportProductionSecretsToAgents(file: SourceFile, out: FileEmitter, grants: readonly AgentGrant[]): void {
  const acting = grants.filter((grant) => grant.effective && ACTING_GRANTS.has(grant.grant));
  if (acting.length === 0 || !file.text.includes('secrets')) return;
  const root = file.data()?.roots[0];
  const jobs = get(root, 'jobs');
  if (jobs?.kind !== 'map') return;
  for (const job of jobs.entries) {
    const steps = get(job.value, 'steps');
    if (steps?.kind !== 'seq') continue;
    const production = isProductionName(environmentName(get(job.value, 'environment')));
    for (const step of steps.items) {
      const grant = acting.find((candidate) => candidate.location.span.line >= step.span.line && candidate.location.span.line <= step.span.endLine);
      if (!grant) continue;
      const held = [get(root, 'env'), get(job.value, 'env'), get(step, 'env')]
        .flatMap(secretsIn)
        .filter((entry) => !AGENT_OWN.test(entry.secret) && (production || isProductionName(entry.secret) || reachesProductionByName(entry.variable, entry.secret)));
      if (held.length === 0) continue;
      const named = [...new Set(held.map((entry) => entry.variable))];
      out.report({
        ruleId: productionSecretToAgent.id,
        message:
          `${grant.setting} in job \`${job.key}\` of ${file.path} starts ${agentTitle(grant.agent)} without approvals, and its environment holds ` +
          `${production ? `the production environment's secrets` : 'production secrets, live-mode payment keys or account-wide platform tokens'} (${named.join(', ')}): any command the agent decides to run reaches production with them.`,
        location: grant.location,
        snippet: file.line(grant.location.span.line).trim(),
        evidence: `${job.key}:${named.join(',')}`,
        related: held.slice(0, 5).map((entry) => ({ location: { path: file.path, span: { line: entry.line, column: 1, endLine: entry.line, endColumn: file.line(entry.line).length + 1 } }, message: `${entry.variable} = secrets.${entry.secret}` })),
        details: { job: job.key, agent: grant.agent, setting: grant.setting, variables: named, productionEnvironment: production },
      });
      publishDatabaseSecrets(out, grant, job.key, held);
      break;
    }
  }
}

/** CI job environment variables that hold a database's connection string (`DATABASE_URL`, `PROD_POSTGRES_URL`, `MONGODB_URI`). */
const DATABASE_URL_VARIABLE = /(?:^|_)(DATABASE|DB|POSTGRES(?:QL)?|PG|MYSQL|MARIADB|MONGO(?:DB)?)_?(?:URL|URI|DSN|CONNECTION_STRING)$/i;

/** The engine a connection variable's name says, or `database` when it names none (`DATABASE_URL`). */
function engineOfVariable(word: string): string {
  if (/^(?:POSTGRES|PG)/i.test(word)) return 'postgres';
  if (/^(?:MYSQL|MARIADB)/i.test(word)) return 'mysql';
  if (/^MONGO/i.test(word)) return 'mongo';
  return 'database';
}

/**
 * A production database's connection string held by an agent acting without approvals is a tool of that agent, as an
 * MCP server given the URL is: the chain stage lines it up with the production store it reaches.
 */
function publishDatabaseSecrets(out: FileEmitter, grant: AgentGrant, job: string, held: readonly HeldSecret[]): void {
  for (const entry of held) {
    const word = DATABASE_URL_VARIABLE.exec(entry.variable)?.[1];
    if (!word) continue;
    out.publish('agent-tool', {
      agent: grant.agent,
      server: job,
      kind: 'ci-job-environment',
      title: 'CI job',
      reach: `runs any command with ${entry.variable} (secrets.${entry.secret}) in its environment`,
      readOnly: false,
      targets: [],
      engine: engineOfVariable(word),
      production: `secrets.${entry.secret}`,
      location: grant.location,
    });
    return;
  }
}

/** A job's `environment:` as written: a name, or a map with `name:`. */
function environmentName(node: DataNode | undefined): string {
  return node?.kind === 'map' ? scalarText(get(node, 'name')) : scalarText(node);
}

function secretsIn(env: DataNode | undefined): HeldSecret[] {
  if (env?.kind !== 'map') return [];
  const held: HeldSecret[] = [];
  for (const entry of env.entries) {
    for (const match of scalarText(entry.value).matchAll(SECRET_REFERENCE)) held.push({ variable: entry.key, secret: match[1] ?? match[2]!, line: entry.keySpan.line });
  }
  return held;
}
