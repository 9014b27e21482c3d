// CI agent actions and who may start them: claude-code-action and codex-action run only for users with write access
// unless the workflow lists others; `*` there lets every GitHub user write the agent's prompt.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString } from '../../../src/parse/data-tree.js';
import { ACCESS_CHECKING_ACTION, agentActionOf } from '../../../knowledge/agents/ci-actions.js';
import { untrustedTrigger } from '../rules/untrusted-trigger.js';
import { actionSteps } from './workflow-steps.js';

export function readAgentActionAccess(file: SourceFile, out: FileEmitter): void {
  for (const { job, step, action } of actionSteps(file, ACCESS_CHECKING_ACTION)) {
    const access = agentActionOf(action);
    const input = access?.accessInput;
    const node = input ? get(get(step, 'with'), input) : undefined;
    const users = literalString(node);
    if (!access || !input || !node || users === undefined || !users.split(',').some((user) => user.trim() === '*')) continue;
    out.report({
      ruleId: untrustedTrigger.id,
      message: `${access.title} in job \`${job}\` runs for every GitHub user (\`${input}: "${users}"\`): anyone who can open an issue or comment writes the agent's prompt, in a job with the workflow's secrets and token.`,
      location: { path: file.path, span: node.span },
      evidence: `${job}:${input}`,
      details: { action: access.title, job, users },
    });
  }
}
