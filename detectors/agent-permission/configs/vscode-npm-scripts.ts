// VS Code's own default for Copilot agent mode: `npm run <script>` (and `yarn <script>`, `pnpm <script>`) runs unasked
// when the workspace's package.json defines the script ("chat.tools.terminal.autoApproveWorkspaceNpmScripts", on by
// default; microsoft/vscode#285509). A script that resets or drops a database is then one unreviewed step, though no
// setting of the repository names it. Only the workspace folder's own package.json counts (microsoft/vscode#314264).
import type { FinishContext } from '../../../src/model.js';
import type { ProjectTask } from '../../../src/facts/index.js';
import { matcherOfRule, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { RULE_IDS } from '../permission.js';
import { NPM_SCRIPTS_DEFAULT } from './vscode.js';

/** Files that show Copilot agent mode used in VS Code, and the workspace folder each sits in. */
const VS_CODE_FILE = /^(.*?)(?:\.vscode\/|\.github\/(?:copilot-instructions\.md$|instructions\/|prompts\/|agents\/))/;

/** The commands VS Code matches to a script name (its npmRunPatterns). */
const RUNNERS = ['npm run', 'npm run-script', 'yarn', 'yarn run', 'pnpm', 'pnpm run'];

export function resolveVscodeNpmScripts(context: FinishContext): void {
  const workspaces = new Set<string>();
  for (const config of context.facts.all('agent-config')) {
    if (config.agent !== 'copilot') continue;
    const folder = config.path.endsWith('.code-workspace') ? config.path.slice(0, config.path.lastIndexOf('/') + 1) : VS_CODE_FILE.exec(config.path)?.[1];
    if (folder !== undefined) workspaces.add(folder);
  }
  if (workspaces.size === 0) return;
  // Where every command already runs unasked, that finding says it all.
  if (context.facts.all('agent-grant').some((grant) => grant.agent === 'copilot' && grant.effective && (grant.grant === 'shell' || grant.grant === 'bypass-mode'))) return;
  const scripts = context.facts.all('project-task').filter((task) => task.kind === 'package-script' && !task.dataIn);
  if (scripts.length === 0) return;
  const settings = context.facts.all('agent-default-setting').filter((setting) => setting.agent === 'copilot' && setting.default === NPM_SCRIPTS_DEFAULT);
  for (const workspace of [...workspaces].sort()) {
    const own = settings.filter((setting) => setting.project === workspace);
    if (own.some((setting) => setting.off)) continue;
    const brakes = own.flatMap((setting) => setting.except).map(matcherOfRule).filter((matcher): matcher is CommandMatcher => matcher !== undefined);
    // Approved when some way of typing it passes every `false` rule.
    const approved = scripts.filter(
      (task) => task.path === `${workspace}package.json` && RUNNERS.some((runner) => !brakes.some((brake) => brake(`${runner} ${task.name}`))),
    );
    if (approved.length > 0) report(context, approved);
  }
}

function report(context: FinishContext, approved: readonly ProjectTask[]): void {
  const task = approved[0]!;
  const title = agentTitle('copilot');
  const others = approved.length > 1 ? ` (and ${approved.length - 1} more script${approved.length > 2 ? 's' : ''} of the kind)` : '';
  const setting = `"${NPM_SCRIPTS_DEFAULT}" (VS Code's default)`;
  context.report({
    ruleId: RULE_IDS.destructiveCommandAllowed,
    // The repository sets nothing: the default acts once the user has turned terminal auto-approval on.
    severity: 'medium',
    message:
      `The package script ${task.name} in ${task.path} runs ${task.tool} (it ${task.does})${others}, and ${title} in VS Code runs the ` +
      `workspace's package.json scripts without asking a human ("${NPM_SCRIPTS_DEFAULT}", on by default once terminal auto-approval is on). ` +
      `Fix: set "${NPM_SCRIPTS_DEFAULT}": false in .vscode/settings.json, or add "npm run ${task.name}": false to "chat.tools.terminal.autoApprove".`,
    location: task.location,
    evidence: `copilot|${NPM_SCRIPTS_DEFAULT}|${task.name}`,
    details: { agent: 'copilot', setting, grant: 'destructive-command', effective: true, reaches: task.tool },
  });
  context.publish('agent-grant', { agent: 'copilot', grant: 'destructive-command', setting, effective: true, location: task.location, reaches: task.tool });
}
