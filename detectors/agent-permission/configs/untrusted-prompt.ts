// Text any GitHub user writes (an issue's title or body, a comment, a review, a pull request's title, body or branch
// name) put into a CI agent's prompt: `${{ github.event.issue.body }}` in the inputs of an agent action, or in (or
// through a step variable into) an agent CLI's command line in a `run:` step, in a job whose token can write or that
// holds other secrets. The text is the agent's instructions: prompt injection by whoever wrote it. The agent actions
// that refuse actors without write access (claude-code-action, codex-action) are reported only for text someone else
// wrote: a member's comment on a stranger's issue hands the agent the issue's body.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { AGENT_COMMANDS } from '../../../knowledge/agents/launch-flags.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { untrustedPrompt } from '../rules/untrusted-prompt.js';
import { ACCESS_CHECK, conditionText, eventsOfJob, gated, GATE } from './untrusted-launch.js';

/** What an event's untrusted text is part of. */
type TextSource = 'issue' | 'comment' | 'review' | 'pull-request' | 'discussion' | 'workflow-run';

/** Event fields whose text their author chose, by what they belong to; `toJSON(github.event…)` holds them all. */
const UNTRUSTED_FIELDS: ReadonlyArray<{ source: TextSource; field: RegExp }> = [
  { source: 'issue', field: /\bgithub\.event\.issue\.(?:title|body)\b|\btoJSON\(\s*github\.event\.issue\s*\)/i },
  { source: 'comment', field: /\bgithub\.event\.(?:comment|review_comment)\.body\b|\btoJSON\(\s*github\.event\.comment\s*\)/i },
  { source: 'review', field: /\bgithub\.event\.review\.body\b|\btoJSON\(\s*github\.event\.review\s*\)/i },
  { source: 'pull-request', field: /\bgithub\.event\.pull_request\.(?:title|body|head\.ref|head\.label)\b|\bgithub\.head_ref\b|\btoJSON\(\s*github\.event\.pull_request\s*\)/i },
  { source: 'discussion', field: /\bgithub\.event\.discussion\.(?:title|body)\b|\btoJSON\(\s*github\.event\.discussion\s*\)/i },
  { source: 'workflow-run', field: /\bgithub\.event\.workflow_run\.(?:head_branch|display_title|head_commit\.message)\b/i },
];
const WHOLE_EVENT = /\btoJSON\(\s*github\.event\s*\)/i;
const EXPRESSION = /\$\{\{([^}]*)\}\}/g;

/**
 * The events whose payload carries each source's text where its author may be anyone. `pull_request` is left out:
 * a fork's pull request runs it with a read-only token and no secrets.
 */
const EVENTS_OF: Readonly<Record<TextSource, readonly string[]>> = {
  issue: ['issues', 'issue_comment'],
  comment: ['issue_comment', 'pull_request_review_comment', 'discussion_comment'],
  review: ['pull_request_review'],
  'pull-request': ['pull_request_target', 'pull_request_review', 'pull_request_review_comment'],
  discussion: ['discussion', 'discussion_comment'],
  'workflow-run': ['workflow_run'],
};

/**
 * Activity types whose actor wrote the text (opening or editing it): an action that refuses actors without write
 * access then refuses its author too. Other types (a label, an assignment, a comment on it) are a member acting on
 * someone else's text. Omitted types mean every type, except `pull_request_target`'s documented defaults.
 */
const AUTHORED_BY_ACTOR: Readonly<Record<string, { source: TextSource; types: ReadonlySet<string>; defaults?: readonly string[] }>> = {
  issues: { source: 'issue', types: new Set(['opened', 'edited']) },
  issue_comment: { source: 'comment', types: new Set(['created', 'edited']), defaults: ['created', 'edited'] },
  pull_request_review_comment: { source: 'comment', types: new Set(['created', 'edited']), defaults: ['created', 'edited'] },
  discussion_comment: { source: 'comment', types: new Set(['created', 'edited']), defaults: ['created', 'edited'] },
  pull_request_review: { source: 'review', types: new Set(['submitted', 'edited']), defaults: ['submitted', 'edited'] },
  pull_request_target: { source: 'pull-request', types: new Set(['opened', 'edited', 'synchronize', 'reopened']), defaults: ['opened', 'synchronize', 'reopened'] },
  discussion: { source: 'discussion', types: new Set(['created', 'edited']) },
};

const AGENT_ACTION_NAME = /anthropics\/claude-code-(?:base-)?action|openai\/codex-action|google-github-actions\/run-gemini-cli/;
const AGENT_ACTION = new RegExp(`^(${AGENT_ACTION_NAME.source})@`);
const ACTION_AGENT: Readonly<Record<string, string>> = {
  'anthropics/claude-code-action': 'claude-code',
  'anthropics/claude-code-base-action': 'claude-code',
  'openai/codex-action': 'codex',
  'google-github-actions/run-gemini-cli': 'gemini-cli',
};
/** Actions that refuse actors without write access, and the input that widens who may start them. */
const ACCESS_INPUT: Readonly<Record<string, string>> = { 'anthropics/claude-code-action': 'allowed_non_write_users', 'openai/codex-action': 'allow-users' };

/** The agent's own API key: what every agent step holds, judged apart from the secrets a stranger's prompt could reach. */
const AGENT_KEY = /^(?:ANTHROPIC|CLAUDE|OPENAI|CODEX|GEMINI|GOOGLE_(?:AI|GENAI|GEMINI)|OPENROUTER|AZURE_OPENAI|MISTRAL|GROQ|DEEPSEEK|XAI|QWEN|DASHSCOPE|FACTORY|CURSOR|LLM)\w*(?:KEY|TOKEN)$/i;
const SECRET_REFERENCE = /\bsecrets\.([A-Za-z_][\w-]*)|\bsecrets\[\s*['"]([^'"]+)['"]\s*\]/g;

export function readUntrustedPrompts(file: SourceFile, out: FileEmitter): void {
  const root = file.data()?.roots[0];
  const events = eventTypes(get(root, 'on'));
  const open = [...events.keys()].filter((event) => Object.values(EVENTS_OF).some((list) => list.includes(event)));
  const jobs = get(root, 'jobs');
  if (open.length === 0 || jobs?.kind !== 'map') return;
  const lines = file.text.split('\n');
  const workflowEnv = untrustedVariables(get(root, 'env'), lines);
  for (const job of jobs.entries) {
    if (job.value.kind !== 'map' || gated(job.value)) continue;
    const jobEvents = eventsOfJob(conditionText(get(job.value, 'if')), open);
    if (jobEvents.length === 0) continue;
    const reach = reachOfJob(job.value, get(root, 'permissions'), lines);
    if (!reach) continue;
    const steps = get(job.value, 'steps');
    if (steps?.kind !== 'seq') continue;
    const jobEnv = new Map([...workflowEnv, ...untrustedVariables(get(job.value, 'env'), lines)]);
    for (const step of steps.items) {
      const uses = literalString(get(step, 'uses')) ?? '';
      const run = scalarText(get(step, 'run'));
      if (GATE.test(conditionText(get(step, 'if')))) continue;
      const injected = injectedText(step, uses, run, lines, jobEnv);
      if (injected) {
        const sources = injected.sources.filter((source) => reaches(source, jobEvents, events, injected.checksActor));
        if (sources.length > 0) {
          report(file, out, job.key, injected.agent, injected.line, sources, jobEvents, reach);
          continue;
        }
      }
      // Past a step that checks the actor's access, the rest of the job runs for members only.
      if (!injected && (ACCESS_CHECK.test(uses) || ACCESS_CHECK.test(run))) break;
    }
  }
}

interface Injection {
  agent: string;
  /** 1-based line of the expression (or of the command that reads the variable holding it). */
  line: number;
  sources: TextSource[];
  /** The agent refuses actors without write access. */
  checksActor: boolean;
}

/** The untrusted text an agent step puts into its prompt: an action's inputs, or an agent CLI's `run:` script. */
function injectedText(step: DataNode, uses: string, run: string, lines: readonly string[], jobEnv: ReadonlyMap<string, Tainted>): Injection | undefined {
  const action = AGENT_ACTION.exec(uses);
  if (action) {
    const inputs = get(step, 'with');
    if (inputs?.kind !== 'map') return undefined;
    const found = taintIn(lines, inputs.span.line, inputs.span.endLine);
    if (!found) return undefined;
    const accessInput = ACCESS_INPUT[action[1]!];
    // `allowed_bots: "*"` widens it as much: anyone can register a GitHub App and act as its bot.
    const widened = [accessInput, 'allowed_bots'].some((input) => input !== undefined && scalarText(get(inputs, input)).split(',').some((user) => user.trim() === '*'));
    return { agent: ACTION_AGENT[action[1]!]!, ...found, checksActor: accessInput !== undefined && !widened };
  }
  const runNode = get(step, 'run');
  if (!runNode || run === '') return undefined;
  const agent = AGENT_COMMANDS.find((candidate) => startsCommand(run, candidate.command));
  if (!agent) return undefined;
  const direct = taintIn(lines, runNode.span.line, runNode.span.endLine);
  if (direct) return { agent: agent.agent, ...direct, checksActor: false };
  // `env: { BODY: ${{ github.event.issue.body }} }` keeps the text out of the shell, not out of the prompt.
  const variables = new Map([...jobEnv, ...untrustedVariables(get(step, 'env'), lines)]);
  for (const [name, tainted] of variables) {
    const reference = new RegExp(String.raw`\$(?:${name}\b|\{${name}[}:])`);
    for (let line = runNode.span.line; line <= runNode.span.endLine; line++) {
      if (reference.test(lines[line - 1] ?? '')) return { agent: agent.agent, line, sources: tainted.sources, checksActor: false };
    }
  }
  return undefined;
}

/**
 * Whether the agent's name stands where a command starts (a line's first word, after `;`, `&&`, `|`, `$(`, or after a
 * launcher such as npx), not inside an argument: `echo "asking claude"` beside the comment's text starts no agent.
 */
function startsCommand(run: string, command: RegExp): boolean {
  for (const match of run.matchAll(globalCopy(command))) {
    const lineStart = run.lastIndexOf('\n', match.index) + 1;
    // The match may begin with the character before the name (a blank, a quote, a path's slash).
    const start = /^[\s;&|('"`/]/.test(match[0]) ? match.index + 1 : match.index;
    const before = run.slice(lineStart, start).replace(/\S*\/$/, '');
    if (COMMAND_POSITION.test(before)) return true;
  }
  return false;
}

/** Each agent's command pattern made global once, for matchAll over every run step. */
const globalCopies = new Map<RegExp, RegExp>();
function globalCopy(pattern: RegExp): RegExp {
  let copy = globalCopies.get(pattern);
  if (!copy) globalCopies.set(pattern, (copy = new RegExp(pattern.source, `${pattern.flags}g`)));
  return copy;
}

/** Whether a workflow names an agent at all (an agent action, an agent CLI): the only ones worth walking job by job. */
export function mentionsAgent(text: string): boolean {
  return AGENT_ACTION_NAME.test(text) || AGENT_COMMANDS.some((candidate) => candidate.command.test(text));
}
const COMMAND_POSITION = /(?:^|[;&|(]|\$\()\s*(?:(?:sudo|exec|time|nohup|npx|bunx|dlx|pnpm|yarn|-y|--yes|env|[A-Z_][A-Z0-9_]*=\S*)\s+)*$/;

interface Tainted {
  line: number;
  sources: TextSource[];
}

/** A scalar's text as written, `${{ }}` expressions and all. */
function scalarText(node: DataNode | undefined): string {
  if (node?.kind !== 'scalar') return '';
  return node.expression ?? (typeof node.value === 'string' ? node.value : '');
}

/** The first line in a range that interpolates untrusted text, and what the text belongs to. */
function taintIn(lines: readonly string[], from: number, to: number): Tainted | undefined {
  for (let line = from; line <= to; line++) {
    const sources = sourcesIn(lines[line - 1] ?? '');
    if (sources.length > 0) return { line, sources };
  }
  return undefined;
}

function sourcesIn(text: string): TextSource[] {
  if (!text.includes('${{')) return [];
  const found = new Set<TextSource>();
  for (const expression of text.matchAll(EXPRESSION)) {
    const body = expression[1]!;
    if (WHOLE_EVENT.test(body)) for (const { source } of UNTRUSTED_FIELDS) found.add(source);
    for (const { source, field } of UNTRUSTED_FIELDS) if (field.test(body)) found.add(source);
  }
  return [...found];
}

/** `env:` entries bound to untrusted text, by name. */
function untrustedVariables(env: DataNode | undefined, lines: readonly string[]): Map<string, Tainted> {
  const found = new Map<string, Tainted>();
  if (env?.kind !== 'map') return found;
  for (const entry of env.entries) {
    if (!/^[A-Za-z_]\w*$/.test(entry.key)) continue;
    const tainted = taintIn(lines, entry.value.span.line, entry.value.span.endLine);
    if (tainted) found.set(entry.key, tainted);
  }
  return found;
}

/** Whether a source's text reaches the agent written by someone the agent does not check, on one of the job's events. */
function reaches(source: TextSource, jobEvents: readonly string[], events: ReadonlyMap<string, readonly string[] | undefined>, checksActor: boolean): boolean {
  return jobEvents.some((event) => {
    if (!EVENTS_OF[source].includes(event)) return false;
    if (!checksActor) return true;
    const authored = AUTHORED_BY_ACTOR[event];
    if (!authored || authored.source !== source) return true;
    const types = events.get(event) ?? authored.defaults;
    // Every activity type, a member's label on someone else's text among them.
    if (!types) return true;
    return types.some((type) => !authored.types.has(type));
  });
}

/** Every event a workflow runs on, with its activity types as written (undefined: none written). */
function eventTypes(on: DataNode | undefined): Map<string, readonly string[] | undefined> {
  const events = new Map<string, readonly string[] | undefined>();
  if (!on) return events;
  if (on.kind === 'scalar') {
    const event = literalString(on);
    if (event) events.set(event, undefined);
  } else if (on.kind === 'seq') {
    for (const item of on.items) {
      const event = literalString(item);
      if (event) events.set(event, undefined);
    }
  } else {
    for (const entry of on.entries) {
      const types = get(entry.value, 'types');
      const written = types?.kind === 'seq' ? types.items.map((item) => literalString(item) ?? '*') : types ? [literalString(types) ?? '*'] : undefined;
      events.set(entry.key, written?.includes('*') ? undefined : written);
    }
  }
  return events;
}

interface JobReach {
  /** `write`: the token can write (or mint an OIDC token); `default`: no permissions written, the repository's default applies. */
  token: 'write' | 'default' | 'read';
  secrets: string[];
}

/** What the job's token and secrets let a steered agent do; undefined when it reads only and holds no other secret. */
function reachOfJob(job: MapNode, workflowPermissions: DataNode | undefined, lines: readonly string[]): JobReach | undefined {
  const permissions = get(job, 'permissions') ?? workflowPermissions;
  const token = permissionsLevel(permissions);
  const secrets = new Set<string>();
  for (let line = job.span.line; line <= job.span.endLine; line++) {
    const text = lines[line - 1] ?? '';
    if (/^\s*secrets:\s*inherit\b/.test(text)) secrets.add('inherit');
    if (!text.includes('secrets')) continue;
    for (const match of text.matchAll(SECRET_REFERENCE)) {
      const name = match[1] ?? match[2]!;
      if (name !== 'GITHUB_TOKEN' && !AGENT_KEY.test(name)) secrets.add(name);
    }
  }
  if (token === 'read' && secrets.size === 0) return undefined;
  return { token, secrets: [...secrets].sort() };
}

function permissionsLevel(node: DataNode | undefined): JobReach['token'] {
  if (!node) return 'default';
  if (node.kind === 'scalar') return literalString(node) === 'write-all' ? 'write' : node.expression !== undefined ? 'default' : 'read';
  if (node.kind !== 'map') return 'default';
  return node.entries.some((entry) => literalString(entry.value) === 'write') ? 'write' : 'read';
}

const SOURCE_TITLE: Readonly<Record<TextSource, string>> = {
  issue: "an issue's title or body",
  comment: 'a comment',
  review: 'a review',
  'pull-request': "a pull request's title, body or branch name",
  discussion: "a discussion's title or body",
  'workflow-run': "the triggering run's branch or commit message",
};

function report(file: SourceFile, out: FileEmitter, job: string, agent: string, line: number, sources: readonly TextSource[], events: readonly string[], reach: JobReach): void {
  const holds = [
    reach.token === 'write' ? 'a token that can write' : reach.token === 'default' ? "the repository's default token (write, unless the repository's setting makes it read-only)" : '',
    reach.secrets.length > 0 ? `secrets (${reach.secrets.slice(0, 3).join(', ')}${reach.secrets.length > 3 ? ', …' : ''})` : '',
  ].filter((part) => part !== '');
  const text = file.line(line);
  out.report({
    ruleId: untrustedPrompt.id,
    severity: reach.token === 'write' || reach.secrets.length > 0 ? 'high' : 'medium',
    message:
      `Job \`${job}\` of ${file.path} puts ${sources.map((source) => SOURCE_TITLE[source]).join(', ')} into ${agentTitle(agent)}'s prompt on ` +
      `\`${events.join('`, `')}\`: whoever writes that text on GitHub gives the agent its instructions, with ${holds.join(' and ')} in reach.`,
    location: { path: file.path, span: { line, column: 1, endLine: line, endColumn: text.length + 1 } },
    snippet: text.trim().slice(0, 200),
    evidence: `${job}:${sources.join(',')}:prompt`,
    details: { job, agent, events: [...events], sources: [...sources], token: reach.token, secrets: reach.secrets },
  });
}
