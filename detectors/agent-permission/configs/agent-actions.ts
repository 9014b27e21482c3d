// CI agent actions and who may start them: claude-code-action and codex-action run only for users with write access
// unless the workflow lists others; `*` there lets every GitHub user write the agent's prompt.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString } from '../../../src/parse/data-tree.js';
import { untrustedTrigger } from '../rules/untrusted-trigger.js';
import { actionSteps } from './workflow-steps.js';

const ACCESS_INPUTS: ReadonlyArray<{ action: RegExp; input: string; title: string }> = [
  { action: /^anthropics\/claude-code-action@/, input: 'allowed_non_write_users', title: 'claude-code-action' },
  { action: /^openai\/codex-action@/, input: 'allow-users', title: 'codex-action' },
];

const AGENT_ACTION = /^(?:anthropics\/claude-code-action|openai\/codex-action)@/;

export function readAgentActionAccess(file: SourceFile, out: FileEmitter): void {
  for (const { job, step, action } of actionSteps(file, AGENT_ACTION)) {
    const access = ACCESS_INPUTS.find((candidate) => candidate.action.test(action));
    const node = access ? get(get(step, 'with'), access.input) : undefined;
    const users = literalString(node);
    if (!access || !node || users === undefined || !users.split(',').some((user) => user.trim() === '*')) continue;
    out.report({
      ruleId: untrustedTrigger.id,
      message: `${access.title} in job \`${job}\` runs for every GitHub user (\`${access.input}: "${users}"\`): anyone who can open an issue or comment writes the agent's prompt, in a job with the workflow's secrets and token.`,
      location: { path: file.path, span: node.span },
      evidence: `${job}:${access.input}`,
      details: { action: access.title, job, users },
    });
  }
}
