// Text any GitHub user writes (an issue's title or body, a comment, a review, a pull request's title, body or branch
// name) put into a CI agent's prompt: `${{ github.event.issue.body }}` in the inputs of an agent action, or in an agent
// CLI's command line in a `run:` step, directly or handed on (a step variable, `$GITHUB_ENV`, a step output, a file),
// or from another job through its `outputs:`, in a job whose token can write or that holds other secrets. The text is the agent's instructions: prompt injection by whoever wrote it. The agent actions
// that refuse actors without write access (claude-code-action, codex-action) are reported only for text someone else
// wrote: a member's comment on a stranger's issue hands the agent the issue's body.
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { get, literalString, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { AGENT_COMMANDS } from '../../../knowledge/agents/launch-flags.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { untrustedPrompt } from '../rules/untrusted-prompt.js';
import { AGENT_ACTION_NAME, agentActionOf } from '../../../knowledge/agents/ci-actions.js';
import { ACCESS_CHECK, gatedAfterNeeds, GATE } from './untrusted-launch.js';
import { eventsOfJob, scalarText } from './workflow-events.js';
import { needsOf, workflowTriggers } from '../../../src/parse/github-workflow.js';

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

/** The agent's own API key: what every agent step holds, judged apart from the secrets a stranger's prompt could reach. */
export const AGENT_KEY = /^(?:ANTHROPIC|CLAUDE|OPENAI|CODEX|GEMINI|GOOGLE_(?:AI|GENAI|GEMINI)|OPENROUTER|AZURE_OPENAI|MISTRAL|GROQ|DEEPSEEK|XAI|QWEN|DASHSCOPE|FACTORY|CURSOR|LLM)\w*(?:KEY|TOKEN)$/i;
const SECRET_REFERENCE = /\bsecrets\.([A-Za-z_][\w-]*)|\bsecrets\[\s*['"]([^'"]+)['"]\s*\]/g;

export function readUntrustedPrompts(file: SourceFile, out: FileEmitter): void {
  const root = file.data()?.roots[0];
  const events = workflowTriggers(get(root, 'on'));
  const open = [...events.keys()].filter((event) => Object.values(EVENTS_OF).some((list) => list.includes(event)));
  const jobs = get(root, 'jobs');
  if (open.length === 0 || jobs?.kind !== 'map') return;
  const lines = file.text.split('\n');
  const workflowEnv = untrustedVariables(get(root, 'env'), lines, NOTHING_CARRIED);
  const outputs = jobOutputs(jobs, lines, workflowEnv);
  for (const job of jobs.entries) {
    if (job.value.kind !== 'map' || gatedAfterNeeds(jobs, job.key)) continue;
    const jobEvents = eventsOfJob(scalarText(get(job.value, 'if')), open);
    if (jobEvents.length === 0) continue;
    const reach = reachOfJob(job.value, get(root, 'permissions'), lines);
    if (!reach) continue;
    const steps = get(job.value, 'steps');
    if (steps?.kind !== 'seq') continue;
    const needed = new Set(needsOf(job.value));
    const fromNeeds: Carried = { ...NOTHING_CARRIED, expressions: new Map([...outputs].filter(([, output]) => needed.has(output.job))) };
    const carried = carriedFrom(new Map([...workflowEnv, ...untrustedVariables(get(job.value, 'env'), lines, fromNeeds)]));
    for (const [read, output] of fromNeeds.expressions) carried.expressions.set(read, output);
    for (const step of steps.items) {
      const uses = literalString(get(step, 'uses')) ?? '';
      const run = scalarText(get(step, 'run'));
      if (GATE.test(scalarText(get(step, 'if')))) continue;
      const injected = injectedText(step, uses, run, lines, carried);
      if (run !== '') carryWrites(step, run, lines, carried);
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

/**
 * Untrusted text a job hands to the jobs that need it: an `outputs:` entry reading what one of its steps wrote
 * (`${{ steps.issue.outputs.body }}`) or the event's text itself, by the expression that reads it in the other job
 * (`needs.extract.outputs.body`). One hop: an output passed on again by the job that received it is not followed.
 */
function jobOutputs(jobs: MapNode, lines: readonly string[], workflowEnv: Map<string, Tainted>): Map<string, Tainted & { job: string }> {
  const found = new Map<string, Tainted & { job: string }>();
  for (const job of jobs.entries) {
    const outputs = get(job.value, 'outputs');
    // A job gated to members is skipped for anyone else, and the jobs that need it with it.
    if (job.value.kind !== 'map' || outputs?.kind !== 'map' || gatedAfterNeeds(jobs, job.key)) continue;
    const carried = carriedFrom(new Map([...workflowEnv, ...untrustedVariables(get(job.value, 'env'), lines, NOTHING_CARRIED)]));
    const steps = get(job.value, 'steps');
    if (steps?.kind === 'seq') {
      for (const step of steps.items) {
        const run = scalarText(get(step, 'run'));
        if (run !== '') carryWrites(step, run, lines, carried);
      }
    }
    for (const output of outputs.entries) {
      const tainted = taintIn(lines, output.value.span.line, lastLine(output.value.span), carried);
      if (tainted) found.set(`needs.${job.key}.outputs.${output.key}`, { ...tainted, job: job.key });
    }
  }
  return found;
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
function injectedText(step: DataNode, uses: string, run: string, lines: readonly string[], carried: Carried): Injection | undefined {
  const action = agentActionOf(uses);
  if (action) {
    const inputs = get(step, 'with');
    if (inputs?.kind !== 'map') return undefined;
    const found = taintIn(lines, inputs.span.line, lastLine(inputs.span), carried) ?? fileIn(lines, inputs.span.line, lastLine(inputs.span), carried, PROMPT_FILE_INPUT);
    if (!found) return undefined;
    const accessInput = action.accessInput;
    // `allowed_bots: "*"` widens it as much: anyone can register a GitHub App and act as its bot.
    const widened = [accessInput, 'allowed_bots'].some((input) => input !== undefined && scalarText(get(inputs, input)).split(',').some((user) => user.trim() === '*'));
    return { agent: action.agent, ...found, checksActor: accessInput !== undefined && !widened };
  }
  const runNode = get(step, 'run');
  if (!runNode || run === '') return undefined;
  const agent = AGENT_COMMANDS.find((candidate) => startsCommand(run, candidate.command));
  if (!agent) return undefined;
  const direct = taintIn(lines, runNode.span.line, lastLine(runNode.span), carried);
  if (direct) return { agent: agent.agent, ...direct, checksActor: false };
  // `env: { BODY: ${{ github.event.issue.body }} }` keeps the text out of the shell, not out of the prompt.
  const variables = new Map([...carried.variables, ...untrustedVariables(get(step, 'env'), lines, carried)]);
  for (let line = runNode.span.line; line <= lastLine(runNode.span); line++) {
    const sources = referencedSources(lines[line - 1] ?? '', variables);
    if (sources.length > 0) return { agent: agent.agent, line, sources, checksActor: false };
  }
  const read = fileIn(lines, runNode.span.line, lastLine(runNode.span), carried, READS_FILE);
  return read ? { agent: agent.agent, ...read, checksActor: false } : undefined;
}

/** The last line a node's text is on: a block's span ends at the start of the line after it. */
export function lastLine(span: Span): number {
  return span.endColumn === 1 && span.endLine > span.line ? span.endLine - 1 : span.endLine;
}

/**
 * Untrusted text an earlier step of the job handed on: variables it wrote to `$GITHUB_ENV` (then `$NAME` in later
 * scripts and `${{ env.NAME }}` in later inputs), outputs it wrote to `$GITHUB_OUTPUT` (`${{ steps.<id>.outputs.NAME }}`)
 * and files it wrote (`> prompt.txt`), beside the workflow's and job's own `env:`.
 */
interface Carried {
  variables: Map<string, Tainted>;
  /** By the expression that reads it: `env.BODY`, `steps.ctx.outputs.body`. */
  expressions: Map<string, Tainted>;
  files: Map<string, Tainted>;
}

const NOTHING_CARRIED: Carried = { variables: new Map(), expressions: new Map(), files: new Map() };

function carriedFrom(env: Map<string, Tainted>): Carried {
  return { variables: env, expressions: new Map([...env].map(([name, tainted]) => [`env.${name}`, tainted])), files: new Map() };
}

/** Records what a `run:` script writes that holds untrusted text: variables, step outputs, files. */
function carryWrites(step: DataNode, run: string, lines: readonly string[], carried: Carried): void {
  const writesEnv = run.includes('GITHUB_ENV') || run.includes('GITHUB_OUTPUT');
  if (!writesEnv && !/>|\btee\b/.test(run)) return;
  const variables = new Map([...carried.variables, ...untrustedVariables(get(step, 'env'), lines, carried)]);
  const taintOf = (text: string): Tainted | undefined => {
    const sources = [...new Set([...sourcesIn(text, carried), ...referencedSources(text, variables)])];
    return sources.length > 0 ? { line: step.span.line, sources } : undefined;
  };
  // The script's own variables (`BODY="${{ github.event.issue.body }}"`), read by what it writes next.
  for (const [, name, value] of run.matchAll(/^\s*(?:export\s+)?([A-Za-z_]\w*)=(.*)$/gm)) {
    const tainted = taintOf(value!);
    if (tainted) variables.set(name!, tainted);
  }
  if (writesEnv) {
    const id = literalString(get(step, 'id'));
    for (const written of writtenValues(run)) {
      const tainted = taintOf(written.value);
      if (!tainted) continue;
      if (written.file === 'GITHUB_ENV') {
        carried.variables.set(written.name, tainted);
        carried.expressions.set(`env.${written.name}`, tainted);
      } else if (id) carried.expressions.set(`steps.${id}.outputs.${written.name}`, tainted);
    }
  }
  for (const line of run.split('\n')) {
    const target = FILE_WRITE.exec(line);
    const tainted = target ? taintOf(line.slice(0, target.index)) : undefined;
    if (target && tainted) carried.files.set(target[1]!, tainted);
  }
}

/** A redirect or `tee` into a file (not a `$GITHUB_*` file, not `/dev/null`), after what is written. */
const FILE_WRITE = /(?:>>?|\|\s*tee(?:\s+-a)?)\s*["']?((?!\$\{?GITHUB_|\/dev\/)[\w$.{}\/-]+)["']?\s*$/;

/** `NAME=value` or `NAME<<DELIMITER` written by echo or printf, or (group 3) a bare line of a here-document. */
const DECLARATION = /\b(?:echo|printf)\s+(?:-[a-zA-Z]+\s+)*["']?([A-Za-z_][\w-]*)(=|<<)|^\s*([A-Za-z_][\w-]*)=/;
const TARGET = /\$\{?(GITHUB_ENV|GITHUB_OUTPUT)\b/;
type WrittenFile = 'GITHUB_ENV' | 'GITHUB_OUTPUT';

/** The values a script writes to `$GITHUB_ENV` or `$GITHUB_OUTPUT`, by name, in the forms GitHub documents. */
function writtenValues(run: string): Array<{ file: WrittenFile; name: string; value: string }> {
  const found: Array<{ file: WrittenFile; name: string; value: string }> = [];
  const lines = run.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!;
    const declared = DECLARATION.exec(line);
    if (!declared) continue;
    const bare = declared[3] !== undefined;
    const file = bare ? hereDocumentTarget(lines, index) : echoTarget(lines, index);
    if (!file) continue;
    const name = declared[1] ?? declared[3]!;
    const rest = line.slice(declared.index + declared[0].length);
    // `NAME=value`, or a whole `{ echo "NAME<<EOF"; echo "$BODY"; echo EOF; }` on one line.
    if (bare || declared[2] === '=' || rest.includes(';')) {
      found.push({ file, name, value: rest });
      continue;
    }
    // A multi-line value: the lines up to the one that writes the delimiter alone.
    const delimiter = /^["']?([\w-]+)/.exec(rest)?.[1];
    const value: string[] = [];
    for (index++; index < lines.length; index++) {
      const written = lines[index]!.replace(/\s*>>?\s*\S+\s*$/, '').replace(/^\s*(?:echo|printf)\s+/, '').trim().replace(/^["']|["']$/g, '');
      if (written === delimiter) break;
      value.push(lines[index]!);
    }
    found.push({ file, name, value: value.join('\n') });
  }
  return found;
}

/** Where an echo's declaration goes: a redirect on its line, or the `} >> "$GITHUB_ENV"` closing its group. */
function echoTarget(lines: readonly string[], index: number): WrittenFile | undefined {
  const own = TARGET.exec(lines[index]!);
  if (own) return own[1] as WrittenFile;
  const closing = lines.slice(index + 1).find((line) => /^\s*\}/.test(line));
  return closing ? (TARGET.exec(closing)?.[1] as WrittenFile | undefined) : undefined;
}

/** Where a bare `NAME=value` line goes: the `cat >> "$GITHUB_ENV" <<EOF` here-document it is a line of, if any. */
function hereDocumentTarget(lines: readonly string[], index: number): WrittenFile | undefined {
  for (let previous = index - 1; previous >= 0; previous--) {
    const heredoc = /\bcat\s+>>?\s*["']?\$\{?(GITHUB_ENV|GITHUB_OUTPUT)\b.*<<-?\s*["']?\w+/.exec(lines[previous]!);
    if (heredoc) return heredoc[1] as WrittenFile;
    // A line holding one word ends an earlier here-document.
    if (/^\s*\w+\s*$/.test(lines[previous]!)) return undefined;
  }
  return undefined;
}

/** The sources of the tainted variables a line of shell reads (`$BODY`, `${BODY}`). */
function referencedSources(text: string, variables: ReadonlyMap<string, Tainted>): TextSource[] {
  if (!text.includes('$')) return [];
  const found = new Set<TextSource>();
  for (const [name, tainted] of variables) {
    if (new RegExp(String.raw`\$(?:${name}\b|\{${name}[}:])`).test(text)) for (const source of tainted.sources) found.add(source);
  }
  return [...found];
}

/** An agent input that names a prompt file; a shell that hands a file's text to the command (`$(cat f)`, `< f`). */
const PROMPT_FILE_INPUT = (path: string) => new RegExp(String.raw`^\s*prompt[_-]file:\s*["']?${escaped(path)}["']?\s*$`);
const READS_FILE = (path: string) => new RegExp(String.raw`\$\(\s*(?:cat\s+|<\s*)["']?${escaped(path)}["']?\s*\)|<\s*["']?${escaped(path)}\b|\bcat\s+["']?${escaped(path)}["']?\s*\|`);

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The first line in a range that hands a carried file to the agent. */
function fileIn(lines: readonly string[], from: number, to: number, carried: Carried, reads: (path: string) => RegExp): Tainted | undefined {
  for (const [path, tainted] of carried.files) {
    const pattern = reads(path);
    for (let line = from; line <= to; line++) if (pattern.test(lines[line - 1] ?? '')) return { line, sources: tainted.sources };
  }
  return undefined;
}

/**
 * Whether the agent's name stands where a command starts (a line's first word, after `;`, `&&`, `|`, `$(`, or after a
 * launcher such as npx), not inside an argument: `echo "asking claude"` beside the comment's text starts no agent.
 */
export function startsCommand(run: string, command: RegExp): boolean {
  return commandStart(run, command) >= 0;
}

/** Where the agent's name first stands as a command in a script, or -1. */
export function commandStart(run: string, command: RegExp): number {
  for (const match of run.matchAll(globalCopy(command))) {
    const lineStart = run.lastIndexOf('\n', match.index) + 1;
    // The match may begin with the character before the name (a blank, a quote, a path's slash).
    const start = /^[\s;&|('"`/]/.test(match[0]) ? match.index + 1 : match.index;
    const before = run.slice(lineStart, start).replace(/\S*\/$/, '');
    if (COMMAND_POSITION.test(before)) return start;
  }
  return -1;
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

/** The first line in a range that interpolates untrusted text, and what the text belongs to. */
function taintIn(lines: readonly string[], from: number, to: number, carried: Carried): Tainted | undefined {
  for (let line = from; line <= to; line++) {
    const sources = sourcesIn(lines[line - 1] ?? '', carried);
    if (sources.length > 0) return { line, sources };
  }
  return undefined;
}

/** Expressions that read what an earlier step or job carried: `env.BODY`, `steps.ctx.outputs.body`, `needs.a.outputs.body`. */
const CARRIED_EXPRESSION = /\b(?:env\.[A-Za-z_]\w*|(?:steps|needs)\.[\w-]+\.outputs\.[\w-]+)/g;

function sourcesIn(text: string, carried: Carried): TextSource[] {
  if (!text.includes('${{')) return [];
  const found = new Set<TextSource>();
  for (const expression of text.matchAll(EXPRESSION)) {
    const body = expression[1]!;
    if (WHOLE_EVENT.test(body)) for (const { source } of UNTRUSTED_FIELDS) found.add(source);
    for (const { source, field } of UNTRUSTED_FIELDS) if (field.test(body)) found.add(source);
    if (carried.expressions.size === 0) continue;
    for (const [read] of body.matchAll(CARRIED_EXPRESSION)) for (const source of carried.expressions.get(read)?.sources ?? []) found.add(source);
  }
  return [...found];
}

/** `env:` entries bound to untrusted text, by name. */
function untrustedVariables(env: DataNode | undefined, lines: readonly string[], carried: Carried): Map<string, Tainted> {
  const found = new Map<string, Tainted>();
  if (env?.kind !== 'map') return found;
  for (const entry of env.entries) {
    if (!/^[A-Za-z_]\w*$/.test(entry.key)) continue;
    const tainted = taintIn(lines, entry.value.span.line, lastLine(entry.value.span), carried);
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
