// GitLab CI: a merge request's title, description or branch name (`$CI_MERGE_REQUEST_TITLE`,
// `$CI_MERGE_REQUEST_DESCRIPTION`, `$CI_MERGE_REQUEST_SOURCE_BRANCH_NAME`, or its commit's message) put into an agent
// CLI's command line in a job of merge request pipelines. The author writes the agent's instructions. A fork's merge
// request runs its pipeline in the fork unless a member runs it in this project, where the job holds the job token,
// the project's unprotected CI/CD variables and the tokens its `variables:` name.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString, literalStrings, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { AGENT_COMMANDS } from '../../../knowledge/agents/launch-flags.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { untrustedPrompt } from '../rules/untrusted-prompt.js';
import { AGENT_KEY, commandStart, lastLine } from './untrusted-prompt.js';
import { scalarText } from './workflow-events.js';

export const GITLAB_CI = /(^|\/)\.gitlab-ci\.ya?ml$/;

/** Predefined variables whose text the merge request's author wrote (docs.gitlab.com/ci/variables/predefined_variables). */
const MERGE_REQUEST_TEXT = /\$\{?(CI_MERGE_REQUEST_(?:TITLE|DESCRIPTION|SOURCE_BRANCH_NAME)|CI_COMMIT_(?:MESSAGE|TITLE|DESCRIPTION))\b/;

/** A rule that runs the job in merge request pipelines. */
const MERGE_REQUEST_PIPELINE = /\$CI_PIPELINE_SOURCE\s*==\s*["']merge_request_event["']|\$CI_MERGE_REQUEST_I?ID\b/;

/** Top-level keys that configure the pipeline rather than name a job. */
const GLOBAL_KEYS = new Set(['stages', 'variables', 'default', 'include', 'workflow', 'image', 'services', 'cache', 'before_script', 'after_script', 'types']);

const SECRET_NAME = /TOKEN|SECRET|PASSWORD|_KEY$|API_KEY|PRIVATE_KEY/i;

export function readGitlabPrompts(file: SourceFile, out: FileEmitter): void {
  const root = file.data()?.roots[0];
  if (root?.kind !== 'map') return;
  const lines = file.text.split('\n');
  const pipelineRules = get(get(root, 'workflow'), 'rules');
  const pipelineOnMergeRequests = pipelineRules?.kind === 'seq' && pipelineRules.items.some(runsOnMergeRequest);
  const globalSecrets = secretsOf(get(root, 'variables'));
  for (const job of root.entries) {
    if (job.key.startsWith('.') || GLOBAL_KEYS.has(job.key) || job.value.kind !== 'map' || !get(job.value, 'script')) continue;
    if (!inMergeRequestPipelines(job.value, pipelineOnMergeRequests)) continue;
    const variables = get(job.value, 'variables');
    // `MR_BODY: $CI_MERGE_REQUEST_DESCRIPTION`: the variable carries the text into the script.
    const carriers = variables?.kind === 'map' ? variables.entries.filter((entry) => MERGE_REQUEST_TEXT.test(scalarText(entry.value))).map((entry) => entry.key) : [];
    const reads = carriers.length === 0 ? MERGE_REQUEST_TEXT : new RegExp(`${MERGE_REQUEST_TEXT.source}|\\$\\{?(?:${carriers.join('|')})\\b`);
    for (const item of [...scriptItems(get(job.value, 'before_script')), ...scriptItems(get(job.value, 'script'))]) {
      const text = scalarText(item);
      const agent = AGENT_COMMANDS.find((candidate) => commandStart(text, candidate.command) >= 0);
      if (!agent || !reads.test(commandAt(text, commandStart(text, agent.command)))) continue;
      // The line that reads the text, at or after the one that starts the agent.
      const last = lastLine(item.span);
      let line = item.span.line;
      while (line < last && !agent.command.test(lines[line - 1] ?? '')) line++;
      while (line < last && !reads.test(lines[line - 1] ?? '')) line++;
      report(file, out, job.key, agent.agent, line, [...new Set([...globalSecrets, ...secretsOf(variables)])].sort());
      break;
    }
  }
}

/**
 * The command that starts at `start`, up to the first newline, `;`, `&&` or `|` outside quotes: a multi-line prompt in
 * quotes is its argument, a `git checkout "$CI_MERGE_REQUEST_SOURCE_BRANCH_NAME"` on the next line is not.
 */
function commandAt(script: string, start: number): string {
  let quote: string | undefined;
  for (let index = start; index < script.length; index++) {
    const char = script[index]!;
    if (quote) {
      if (char === quote && script[index - 1] !== '\\') quote = undefined;
    } else if (char === '"' || char === "'") quote = char;
    else if ((char === '\n' && script[index - 1] !== '\\') || char === ';' || char === '|' || (char === '&' && script[index + 1] === '&')) return script.slice(start, index);
  }
  return script.slice(start);
}

function scriptItems(node: DataNode | undefined): DataNode[] {
  if (!node) return [];
  return node.kind === 'seq' ? node.items : [node];
}

function runsOnMergeRequest(rule: DataNode): boolean {
  return MERGE_REQUEST_PIPELINE.test(scalarText(get(rule, 'if'))) && literalString(get(rule, 'when')) !== 'never';
}

/** A job's own `rules:` or `only:` decide; without them, the pipeline's `workflow: rules:` do. */
function inMergeRequestPipelines(job: MapNode, pipelineOnMergeRequests: boolean): boolean {
  const rules = get(job, 'rules');
  if (rules?.kind === 'seq') return rules.items.some(runsOnMergeRequest);
  const only = get(job, 'only');
  if (only) return literalStrings(only.kind === 'map' ? get(only, 'refs') : only).includes('merge_requests');
  return pipelineOnMergeRequests;
}

/** Variables that hand the job a token or password (`GITLAB_TOKEN: $GITLAB_API_TOKEN`), by name. */
function secretsOf(variables: DataNode | undefined): string[] {
  if (variables?.kind !== 'map') return [];
  return variables.entries.filter((entry) => SECRET_NAME.test(entry.key) && !AGENT_KEY.test(entry.key) && scalarText(entry.value).includes('$')).map((entry) => entry.key);
}

function report(file: SourceFile, out: FileEmitter, job: string, agent: string, line: number, secrets: readonly string[]): void {
  const text = file.line(line);
  out.report({
    ruleId: untrustedPrompt.id,
    severity: secrets.length > 0 ? 'high' : 'medium',
    message:
      `Job \`${job}\` of ${file.path} puts a merge request's title, description, branch name or commit message into ${agentTitle(agent)}'s prompt in merge request pipelines: ` +
      "its author gives the agent its instructions (a fork's author too, once a member runs the fork's pipeline in this project), with the job token and the project's unprotected CI/CD variables" +
      (secrets.length > 0 ? ` and ${secrets.slice(0, 3).join(', ')}${secrets.length > 3 ? ', …' : ''}` : '') +
      ' in reach.',
    location: { path: file.path, span: { line, column: 1, endLine: line, endColumn: text.length + 1 } },
    snippet: text.trim().slice(0, 200),
    evidence: `${job}:merge-request:prompt`,
    details: { job, agent, secrets: [...secrets] },
  });
}
