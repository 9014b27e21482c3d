// Agents started from CI workflows, package scripts, Makefiles, shell scripts and containers with approvals off
// (`--dangerously-skip-permissions`, `--yolo`, `--approval-mode=yolo`, `--allow-all-tools`...), and Claude Code
// started with `--allowedTools` lists that let the shell or destructive CLIs through.
import { readAgentActionAccess } from './agent-actions.js';
import { readGeminiAction } from './gemini-action.js';
import { reportUntrustedLaunches } from './untrusted-launch.js';
import { reportProductionSecretsToAgents } from './agent-secrets.js';
import { isWorkloadText, reportProductionSecretsToWorkloads } from './workload-secrets.js';
import { reportProductionSecretsToGitlabAgents } from './gitlab-secrets.js';
import { mentionsAgent, readUntrustedPrompts } from './untrusted-prompt.js';
import { GITLAB_CI, readGitlabPrompts } from './gitlab-prompt.js';
import type { AgentGrant } from '../../../src/facts/index.js';
import { parseJsoncValue } from '../../../src/parse/json.js';
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';
import { allowMatcherOfRule, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { CLAUDE_ALLOWED_TOOLS, CLAUDE_COMMAND, COPILOT_ALLOWED_TOOL, COPILOT_COMMAND, LAUNCH_FLAGS } from '../../../knowledge/agents/launch-flags.js';
import { commandPermission, emitConfig, emitPermission, reportOutsideDirectory, RULE_IDS } from '../permission.js';
import { bashMatcher } from './claude-code.js';
import { writableHostPaths } from './openhands.js';

const LAUNCHER_PATH = new RegExp(
  [
    String.raw`^\.github/workflows/[^/]+\.ya?ml$`,
    String.raw`(^|/)\.gitlab-ci\.ya?ml$`,
    String.raw`^\.circleci/config\.ya?ml$`,
    String.raw`(^|/)(bitbucket|azure)-pipelines\.ya?ml$`,
    String.raw`(^|/)Jenkinsfile$`,
    String.raw`(^|/)package\.json$`,
    String.raw`(^|/)(GNUmakefile|[Mm]akefile|[^/]+\.mk)$`,
    String.raw`(^|/)\.?[Jj]ustfile$`,
    String.raw`(^|/)Taskfile\.ya?ml$`,
    String.raw`\.(sh|bash|zsh|ps1)$`,
    String.raw`(^|/)([Dd]ockerfile|Containerfile)([.-][^/]*)?$`,
    String.raw`\.dockerfile$`,
    String.raw`(^|/)\.devcontainer(/[^/]+)?/devcontainer\.json$|(^|/)\.devcontainer\.json$`,
    String.raw`(^|/)(docker-)?compose[^/]*\.ya?ml$`,
    String.raw`(^|/)\.husky/[^/]+$`,
    String.raw`(^|/)(scripts|bin)/[^/.]+$`,
    String.raw`(^|/)Procfile$`,
    // Editor tasks and tool runners that start commands: VS Code's tasks, mise's tasks.
    String.raw`(^|/)\.vscode/tasks\.json$`,
    String.raw`(^|/)\.?mise(\.[\w-]+)?\.toml$`,
    // Shell start-up files committed with dotfiles or a dev environment: an alias makes every call a launch. direnv's
    // `.envrc` is sourced for everyone who enters the directory: its exports (`GOOSE_MODE=auto`) reach every agent started there.
    String.raw`(^|/)\.(?:bashrc|zshrc|bash_profile|bash_aliases|profile|aliases|envrc)$`,
    // goose's own configuration, committed with dotfiles: `GOOSE_MODE: auto` is its setting there.
    String.raw`(^|/)(?:\.config/)?goose/config\.ya?ml$`,
  ].join('|'),
);

/**
 * Any other YAML file may be a Kubernetes manifest or a Helm template of one (`deploy/cronjob.yaml`,
 * `charts/x/templates/job.yaml`) whose container starts an agent: read only when it lists containers.
 */
const MANIFEST_PATH = /\.ya?ml$/;

export function isLauncherFile(path: string): boolean {
  return LAUNCHER_PATH.test(path) || MANIFEST_PATH.test(path);
}

export function readLauncher(file: SourceFile, sink: FileEmitter): void {
  const workload = !LAUNCHER_PATH.test(file.path);
  if (workload && !isWorkloadText(file.text)) return;
  const workflow = /^\.github\/workflows\//.test(file.path);
  const gitlab = GITLAB_CI.test(file.path);
  // A workflow's grants are kept to judge, once it is read, which jobs any GitHub user can start.
  const grants: AgentGrant[] = [];
  const out: FileEmitter = !workflow && !workload && !gitlab
    ? sink
    : {
        ...sink,
        publish: (kind, fact) => {
          if (kind === 'agent-grant') grants.push(fact as AgentGrant);
          sink.publish(kind, fact);
        },
      };
  if (workflow && file.text.includes('run-gemini-cli')) readGeminiAction(file, out);
  if (workflow && (file.text.includes('claude-code-action') || file.text.includes('codex-action'))) readAgentActionAccess(file, out);
  readLauncherLines(file, out, workload);
  if (workflow && grants.length > 0) reportUntrustedLaunches(file, out, grants);
  if (workflow && grants.length > 0) reportProductionSecretsToAgents(file, out, grants);
  if (workload && grants.length > 0) reportProductionSecretsToWorkloads(file, out, grants);
  if (gitlab && grants.length > 0) reportProductionSecretsToGitlabAgents(file, out, grants);
  if (workflow && file.text.includes('${{') && mentionsAgent(file.text)) readUntrustedPrompts(file, out);
  else if (gitlab && /CI_MERGE_REQUEST_|CI_COMMIT_/.test(file.text) && mentionsAgent(file.text)) readGitlabPrompts(file, out);
}

function readLauncherLines(file: SourceFile, out: FileEmitter, workload = false): void {
  const lines = file.text.split('\n');
  const seen = new Set<string>();
  let textUntil: string | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    // The body of a here-document fed to `cat` or `tee` is text (help, a README being written), not a command.
    if (textUntil !== undefined) {
      if (line.trim() === textUntil) textUntil = undefined;
      continue;
    }
    const heredoc = TEXT_HEREDOC.exec(line);
    // Appended to a shell start-up file (`cat >> ~/.zshrc <<'RC'`), its lines are aliases and commands from then on.
    if (heredoc && !WRITES_SHELL_RC.test(line) && !TEES_SHELL_RC.test(line)) textUntil = heredoc[1];
    if (isComment(line) || NAMING_KEY.test(line)) continue;
    const command = workload ? containerCommand(lines, index) : commandLine(lines, index);
    // A trailing comment (`claude -p "$P"  # never add --yolo`) passes nothing.
    const end = commentStart(line);
    for (const flag of LAUNCH_FLAGS) {
      if (flag.inFile && !flag.inFile.test(file.text)) continue;
      // Every match on the line: `npx -y @google/gemini-cli --yolo` has npx's own `-y` before the agent's flag.
      let match: RegExpExecArray | undefined;
      for (const candidate of line.matchAll(flag.everywhere)) {
        if (candidate.index >= end) break;
        const flagAt = command.length - line.length + candidate.index;
        if (flag.command && !runsFlag(command, flag.command, flagAt)) continue;
        if (searchedOrPrinted(command, flagAt) || comparedOrMatched(line, candidate.index)) continue;
        // `--dangerously-skip-permissions=false` turns the flag off.
        if (/^=["']?(?:false|0|no)\b/i.test(line.slice(candidate.index + candidate[0].length))) continue;
        match = candidate;
        break;
      }
      if (!match) continue;
      // One flag is one finding per line, even when two spellings match it; and one written flag is one agent's (the
      // first entry that claims it: Kiro's before Amazon Q's for the flags they share).
      const key = `${index}|${flag.agent}`;
      const at = `${index}@${match.index}`;
      if (seen.has(key) || seen.has(at)) continue;
      seen.add(key);
      seen.add(at);
      emitConfig(out, flag.agent, 'launcher', file.path);
      emitPermission(file, out, {
        ruleId: flag.grant === 'mcp-tool' ? RULE_IDS.mcpToolsAutoApproved : RULE_IDS.bypassFlag,
        agent: flag.agent,
        grant: flag.grant,
        setting: match[0].trim(),
        span: spanOf(index, match.index, match[0].length),
        lets: flag.lets,
        effective: true,
        ...(flag.grant === 'file-write' ? { severity: 'low' as const } : {}),
      });
    }
    // OpenHands' sandbox mounts, set in its environment (`-e SANDBOX_VOLUMES=$HOME:/workspace:rw`, a compose service's
    // `SANDBOX_VOLUMES: /:/workspace`): the host directories its agent reads and edits.
    if (line.includes('SANDBOX_VOLUMES')) {
      const volumes = /\bSANDBOX_VOLUMES["']?\s*[=:]\s*["']?([^\s"']+)/.exec(line);
      if (volumes && volumes.index < end) {
        for (const host of writableHostPaths(volumes[1]!)) reportOutsideDirectory(file, out, 'openhands', `SANDBOX_VOLUMES=${volumes[1]}`, host, spanOf(index, volumes.index, volumes[0].length));
      }
    }
    // `claude --add-dir ~`: another working directory, read and edited like the project.
    if (line.includes('--add-dir') && CLAUDE_COMMAND.test(command)) {
      for (const added of line.matchAll(/--add-dir[=\s]+["']?([^\s"']+)/g)) {
        if (added.index >= end) break;
        reportOutsideDirectory(file, out, 'claude-code', `--add-dir ${added[1]}`, added[1]!, spanOf(index, added.index, added[0].length));
      }
    }
    if (COPILOT_COMMAND.test(command)) {
      for (const allowed of line.matchAll(COPILOT_ALLOWED_TOOL)) {
        const permission = commandPermission(allowMatcherOfRule({ syntax: 'prefix', text: allowed[1]! })!, { agent: 'copilot', setting: allowed[0], span: spanOf(index, allowed.index, allowed[0].length) });
        if (!permission) continue;
        emitConfig(out, 'copilot', 'launcher', file.path);
        emitPermission(file, out, permission);
      }
    }
    // claude-code-action's `settings:` input: Claude Code settings JSON, written inline in the workflow.
    if (CLAUDE_ACTION_SETTINGS.test(line) && file.text.includes('claude-code-action')) readInlineClaudeSettings(file, out, lines, index);
    for (const allowed of line.matchAll(CLAUDE_ALLOWED_TOOLS)) {
      if (allowed.index >= end) break;
      // A YAML block (`allowed_tools: |`) lists one tool per line below it.
      const quoted = allowed[1] ?? allowed[2];
      // Quoted, the flag is still variadic: `--allowedTools "Read" "Edit" "Bash(rm:*)"`.
      const list = /^[|>][-+]?$/.test(allowed[3] ?? '') ? blockBelow(lines, index) : quoted !== undefined ? `${quoted} ${quotedToolsAfter(line, allowed.index + allowed[0].length)}` : (allowed[3] ?? '');
      for (const entry of splitToolList(list)) {
        const permission = allowedToolPermission(entry, spanOf(index, allowed.index, allowed[0].length));
        if (!permission) continue;
          emitConfig(out, permission.agent, 'launcher', file.path);
        emitPermission(file, out, permission);
      }
    }
  }
}

/**
 * A key whose value names or describes rather than runs: a workflow step's `name:`, a package's `description`
 * (`- name: Reject --dangerously-skip-permissions in scripts`).
 */
const NAMING_KEY = /^\s*(?:-\s*)?["']?(?:name|description|title|summary|displayName|label)["']?\s*:/;

/**
 * Whether the agent's command takes the flag at `flagAt`: the last invocation before it, with no `;`, `|`, `&&` or
 * `&` between them outside quotes (`npm i -g @google/gemini-cli && apt-get install -y jq` gives `-y` to apt-get).
 */
function runsFlag(command: string, invocation: RegExp, flagAt: number): boolean {
  let global = GLOBAL_FORMS.get(invocation);
  if (!global) GLOBAL_FORMS.set(invocation, (global = new RegExp(invocation.source, `${invocation.flags.replace('g', '')}g`)));
  let last: RegExpExecArray | undefined;
  for (const match of command.matchAll(global)) {
    if (match.index > flagAt) break;
    last = match;
  }
  if (!last) return false;
  const between = command.slice(last.index + last[0].length, flagAt);
  // `2>&1` and `&>` redirect output; they do not end the command. Nor does a pipe inside a substitution
  // (`gemini -p "$(git diff | head -200)" --yolo`, `$(…)` unquoted too).
  let substitution = 0;
  return (
    firstOutsideQuotes(between, (char, i) => {
      if (char === '(' && between[i - 1] === '$') substitution++;
      else if (char === ')' && substitution > 0) substitution--;
      if (substitution > 0) return false;
      return char === ';' || char === '|' || (char === '&' && between[i - 1] !== '>' && between[i + 1] !== '>');
    }) === -1
  );
}

const GLOBAL_FORMS = new WeakMap<RegExp, RegExp>();

/** Where a trailing shell comment starts on a line (` # ...` outside quotes), or the line's length. */
function commentStart(line: string): number {
  const at = firstOutsideQuotes(line, (char, i) => char === '#' && i > 0 && (line[i - 1] === ' ' || line[i - 1] === '\t'));
  return at === -1 ? line.length : at;
}

/** The first index outside single or double quotes (a backslash escapes inside double ones) where `test` holds, or -1. */
function firstOutsideQuotes(text: string, test: (char: string, index: number) => boolean): number {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
      else if (char === '\\' && quote === '"') i++;
    } else if (char === '"' || char === "'") quote = char;
    else if (test(char, i)) return i;
  }
  return -1;
}

/**
 * A flag that a test compares or a `case` arm matches rather than passes: `[[ "$*" == *--yolo* ]]`,
 * `--dangerously-skip-permissions|--yolo) echo "refusing" >&2; exit 1 ;;`.
 */
function comparedOrMatched(line: string, flagAt: number): boolean {
  const before = line.slice(0, flagAt);
  if (/(?:\[\[|\btest\b|\[\s)[^\]]*?(?:==|!=|=~|\s=\s)\s*["']?\*?$/.test(before)) return true;
  // A list of flags kept to refuse them: `FORBIDDEN='--dangerously-skip-permissions --yolo'`.
  if (GUARD_LIST.test(before)) return true;
  // A case arm: patterns joined by `|` up to a `)` at the start of the line (or after `case ... in`), the flag among them.
  return /(?:^\s*|\bcase\b[^;]*?\bin\s+)\(?[^\s()|]*(?:\|[^\s()|]*)*$/.test(before) && /^[^\s()]*\)/.test(line.slice(flagAt));
}

/** An assignment, still open, to a variable named for what it refuses. */
const GUARD_LIST = /\b[A-Za-z_]*(?:FORBID|BLOCK|DENY|DENIED|BAN|DISALLOW|REJECT|PROHIBIT|BLACKLIST|BLOCKLIST)[A-Za-z_]*=\s*\(?\s*["'][^"']*$/i;

/** Files a shell sources at start (direnv's `.envrc` on entering the directory): what is appended there runs later. */
const SHELL_RC = String.raw`\.(?:bashrc|zshrc|bash_profile|bash_aliases|profile|envrc)\b`;

const WRITES_SHELL_RC = new RegExp(String.raw`>>?\s*["']?(?:~|\$HOME|\/[\w./-]*)?\/?` + SHELL_RC);

/** `| tee -a ~/.bashrc ~/.zshrc`: the other way to append to a shell start-up file. */
const TEES_SHELL_RC = new RegExp(String.raw`\btee\s+(?:-a\s+)?[^;&|]*` + SHELL_RC);

/** `cat <<'TXT'`, `tee README.md <<EOF`: a here-document written out as text. Group 1 is its terminator. */
const TEXT_HEREDOC = /\b(?:cat|tee)\b[^<]*<<-?\s*["']?(\w+)["']?/;

/**
 * A flag that a search or a print names rather than passes: `git grep -e '--dangerously-skip-permissions'` in a
 * guard, `echo "never use --yolo"`. The search or print must come before the flag with no pipe or command
 * separator between them (`echo task | claude --dangerously-skip-permissions` runs the agent).
 */
function searchedOrPrinted(command: string, flagAt: number): boolean {
  const before = command.slice(0, flagAt);
  const start = before.lastIndexOf('\n') + 1;
  let last = -1;
  for (const match of before.matchAll(/\b(?:grep|egrep|fgrep|rg|ag|ack|echo|printf)\b/g)) last = match.index;
  if (last === -1 || last < start - 1) return false;
  // Printed into a shell start-up file (`echo "alias claude='claude --yolo'" >> ~/.bashrc`): a launch from then on.
  if (/\b(?:echo|printf)\b/.test(before.slice(last, last + 6)) && (WRITES_SHELL_RC.test(command.slice(last)) || TEES_SHELL_RC.test(command.slice(last)))) return false;
  // A `|` inside the quoted pattern (`grep -E -- '--yolo|--dangerously-skip-permissions'`) separates nothing.
  return firstOutsideQuotes(before.slice(last), (char) => char === '|' || char === ';' || char === '&') === -1;
}

/** An entry of an `--allowedTools` list: Claude `Bash(...)` rules, or Gemini's `run_shell_command(...)`. */
export function allowedToolPermission(entry: string, span: Span, setting = `--allowedTools "${entry}"`, except: readonly CommandMatcher[] = []) {
  const claude = /^(Bash|PowerShell)(?:\((.*)\))?$/s.exec(entry);
  const gemini = /^(run_shell_command|ShellTool)(?:\((.*)\))?$/s.exec(entry);
  let agent: AgentId;
  let matcher;
  if (claude) {
    agent = 'claude-code';
    matcher = bashMatcher(claude[2]);
  } else if (gemini) {
    agent = 'gemini-cli';
    matcher = gemini[2] === undefined ? () => true : allowMatcherOfRule({ syntax: 'prefix', text: gemini[2] });
  } else {
    return undefined;
  }
  if (!matcher) return undefined;
  return commandPermission(matcher, { agent, setting, span, except });
}

/**
 * Quoted arguments after a quoted `--allowedTools` list that are tool rules too (`"Edit" "Bash(rm:*)"`): Claude's
 * rule names are capitalised words or `mcp__` names. A prompt (`"Fix the tests"`) has other words and ends the list.
 */
const QUOTED_TOOLS = /^[ \t]+(["'])((?:[A-Z][A-Za-z]*(?:\([^)]*\))?|mcp__[\w-]+)(?:[ \t,]+(?:[A-Z][A-Za-z]*(?:\([^)]*\))?|mcp__[\w-]+))*)\1/;

function quotedToolsAfter(line: string, from: number): string {
  const found: string[] = [];
  let rest = line.slice(from);
  for (let match = QUOTED_TOOLS.exec(rest); match; match = QUOTED_TOOLS.exec(rest)) {
    found.push(match[2]!);
    rest = rest.slice(match[0].length);
  }
  return found.join(' ');
}

/** Splits `Bash(git commit:*),Read Edit` on commas and spaces outside parentheses. */
export function splitToolList(list: string): string[] {
  const entries: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of list) {
    if (char === '(') depth++;
    if (char === ')') depth = Math.max(0, depth - 1);
    if (depth === 0 && (char === ',' || /\s/.test(char))) {
      if (current) entries.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  if (current) entries.push(current);
  return entries;
}

const CLAUDE_ACTION_SETTINGS = /^\s*settings:\s*(?:[|>][-+]?\s*$|'\{|"\{)/;

/**
 * The permissions of the settings JSON given to claude-code-action (`settings: |` and a JSON block, or a quoted JSON
 * string): `permissions.defaultMode: bypassPermissions` and the `allow` rules, as the settings file would give them.
 */
function readInlineClaudeSettings(file: SourceFile, out: FileEmitter, lines: readonly string[], index: number): void {
  const inline = /^\s*settings:\s*(['"])(.*)\1\s*$/.exec(lines[index]!);
  const json = inline ? inline[2]! : blockBelow(lines, index);
  // Claude Code reads settings as JSON; a comment the action's users write in the block is tolerated here too.
  const settings = parseJsoncValue(json);
  if (settings === undefined) return;
  const permissions = (settings as { permissions?: { defaultMode?: unknown; allow?: unknown; deny?: unknown } } | null)?.permissions;
  if (!permissions || typeof permissions !== 'object') return;
  const lineOf = (needle: string): number => {
    for (let next = index; next < lines.length; next++) if (lines[next]!.includes(needle)) return next;
    return index;
  };
  if (permissions.defaultMode === 'bypassPermissions') {
    const at = lineOf('bypassPermissions');
    emitConfig(out, 'claude-code', 'launcher', file.path);
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'claude-code',
      grant: 'bypass-mode',
      setting: 'settings: permissions.defaultMode: bypassPermissions',
      span: spanOf(at, lines[at]!.indexOf('bypassPermissions'), 'bypassPermissions'.length),
      lets: 'run every tool, shell and file writes included,',
      effective: true,
    });
  }
  // Deny rules win over allow rules: `Bash(rm:*)` denied leaves the rest of `Bash` allowed.
  const denied = (Array.isArray(permissions.deny) ? permissions.deny : [])
    .map((entry) => (typeof entry === 'string' ? /^Bash(?:\((.*)\))?$/s.exec(entry) : null))
    .flatMap((rule) => (rule ? [bashMatcher(rule[1])] : []))
    .filter((matcher): matcher is CommandMatcher => matcher !== undefined);
  for (const entry of Array.isArray(permissions.allow) ? permissions.allow : []) {
    if (typeof entry !== 'string') continue;
    const at = lineOf(`"${entry}"`);
    const permission = allowedToolPermission(entry, spanOf(at, Math.max(0, lines[at]!.indexOf(entry)), entry.length), `settings: permissions.allow "${entry}"`, denied);
    if (!permission) continue;
    emitConfig(out, permission.agent, 'launcher', file.path);
    emitPermission(file, out, permission);
  }
}

/** The lines of a YAML block scalar that starts at the end of line `index`, joined by newlines. */
function blockBelow(lines: readonly string[], index: number): string {
  const indent = /^\s*/.exec(lines[index]!)![0].length;
  const block: string[] = [];
  for (let next = index + 1; next < lines.length; next++) {
    const line = lines[next]!;
    if (line.trim() === '') continue;
    if (/^\s*/.exec(line)![0].length <= indent) break;
    block.push(line.trim());
  }
  return block.join('\n');
}

/**
 * A container's command as a list (`command: ["gemini"]`, then `args:` and one item a line): the item lines above the
 * line and the `command:`/`args:` keys they follow, joined, so that `- --yolo` is read with the `gemini` it follows.
 */
function containerCommand(lines: readonly string[], index: number): string {
  if (!/^\s*-\s+(?![\w"'-]+:\s)\S/.test(lines[index]!)) return commandLine(lines, index);
  let start = index;
  while (start > 0 && (/^\s*-\s+(?![\w"'-]+:\s)\S/.test(lines[start - 1]!) || /^\s*(?:command|args):/.test(lines[start - 1]!))) start--;
  return lines.slice(start, index + 1).map((line) => line.replace(/\r$/, '')).join('\n');
}

/** The logical command a line belongs to: earlier lines joined while they end with a continuation backslash. */
function commandLine(lines: readonly string[], index: number): string {
  let start = index;
  while (start > 0 && /\\\s*$/.test(lines[start - 1]!) && !isComment(lines[start - 1]!)) start--;
  return lines
    .slice(start, index + 1)
    .map((line) => line.replace(/\r$/, ''))
    .join('\n');
}

function isComment(line: string): boolean {
  const trimmed = line.trimStart();
  return (trimmed.startsWith('#') && !trimmed.startsWith('#!')) || trimmed.startsWith('//') || trimmed.startsWith('REM ');
}

function spanOf(index: number, column: number, length: number): Span {
  return { line: index + 1, column: column + 1, endLine: index + 1, endColumn: column + 1 + length };
}
