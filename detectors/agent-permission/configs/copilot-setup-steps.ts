// The Copilot cloud agent's setup steps (`.github/workflows/copilot-setup-steps.yml`, job `copilot-setup-steps`): the
// secrets they use come from the agent's own secrets, which GitHub hands the agent as environment variables (all but
// `COPILOT_MCP_*`, kept for MCP servers), and the agent runs its commands without asking anyone. A production secret
// named there is in the environment of every command the agent decides to run.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, type DataNode } from '../../../src/parse/data-tree.js';
import { isProductionName } from '../../../knowledge/environments/names.js';
import { reachesProductionByName } from '../../../knowledge/credentials/account-variables.js';
import { emitConfig } from '../permission.js';
import { productionSecretToAgent } from '../rules/production-secret-to-agent.js';
import { AGENT_OWN, SECRET_REFERENCE } from './agent-secrets.js';

export const COPILOT_SETUP_STEPS = /^\.github\/workflows\/copilot-setup-steps\.ya?ml$/;

/** The job GitHub runs before the agent starts; any other job of the file is an ordinary workflow's. */
const SETUP_JOB = 'copilot-setup-steps';

export function readCopilotSetupSteps(file: SourceFile, out: FileEmitter): void {
  const job = get(get(file.data()?.roots[0], 'jobs'), SETUP_JOB);
  if (!job) return;
  emitConfig(out, 'copilot', 'settings', file.path);
  if (!file.text.includes('secrets')) return;
  const held: Array<{ secret: string; line: number; column: number }> = [];
  for (let line = job.span.line; line <= job.span.endLine; line++) {
    const text = file.line(line);
    if (/^\s*#/.test(text)) continue;
    for (const match of text.matchAll(SECRET_REFERENCE)) {
      const secret = match[1] ?? match[2]!;
      if (AGENT_OWN.test(secret) || !(isProductionName(secret) || reachesProductionByName(assignedTo(text, match.index), secret))) continue;
      held.push({ secret, line, column: match.index + 1 });
    }
  }
  if (held.length === 0) return;
  const first = held[0]!;
  const names = [...new Set(held.map((entry) => entry.secret))];
  // GitHub requires the agent's firewall off on self-hosted runners ("not compatible"), which sit in the team's network.
  const selfHosted = /\bself-hosted\b/.test(textOf(get(job, 'runs-on')));
  out.report({
    ruleId: productionSecretToAgent.id,
    message:
      `The Copilot cloud agent's setup steps in ${file.path} use ${names.map((name) => `secrets.${name}`).join(', ')}: GitHub gives the agent its secrets as environment variables, ` +
      `and the agent runs its commands without approval, so a credential to production is in reach of every command it decides to run ` +
      (selfHosted
        ? "(the job runs on a self-hosted runner, where GitHub requires the agent's firewall to be off: nothing stands between it and production's network)."
        : "(only the agent's firewall, a repository setting, stands between it and production)."),
    location: { path: file.path, span: { line: first.line, column: first.column, endLine: first.line, endColumn: first.column + first.secret.length + 'secrets.'.length } },
    snippet: file.line(first.line).trim(),
    evidence: `${SETUP_JOB}:${names.join(',')}`,
    details: { job: SETUP_JOB, agent: 'copilot', variables: names, productionEnvironment: false, ...(selfHosted ? { selfHostedRunner: true } : {}) },
  });
}

/** The variable a secret is written into on its line (`RAILWAY_API_TOKEN: ${{ secrets.X }}`, `echo "RAILWAY_API_TOKEN=${{ secrets.X }}"`). */
function assignedTo(line: string, at: number): string {
  return /([A-Za-z_][A-Za-z0-9_]*)\s*[:=]\s*["']?\$\{\{\s*$/.exec(line.slice(0, at))?.[1] ?? '';
}

/** A `runs-on` value as text: a label, a list of labels, or a `{ group, labels }` map. */
function textOf(node: DataNode | undefined): string {
  if (!node) return '';
  if (node.kind === 'scalar') return String(node.value);
  if (node.kind === 'seq') return node.items.map(textOf).join(' ');
  return node.entries.map((entry) => textOf(entry.value)).join(' ');
}
