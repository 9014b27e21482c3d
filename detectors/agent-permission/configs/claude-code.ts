// Claude Code's project settings (`.claude/settings.json`, `.claude/settings.local.json`): the permission mode, allow
// rules that skip the prompt, and the deny/ask rules that brake commands and keep files from its Read tool.
// Rules: `Tool` or `Tool(specifier)`; Bash specifiers are exact, `prefix:*` (word boundary) or `*` globs; deny -> ask
// -> allow, first match wins (code.claude.com/docs/en/permissions). `defaultMode: auto` is ignored in project and local
// settings; `bypassPermissions` is honoured by the versions that read it from the project, so it counts as effective.
import { IGNORED_BECAUSE } from '../../../knowledge/agents/settings.js';
import type { FileEmitter, FinishContext, SourceFile, Span } from '../../../src/model.js';
import { exactMatcher, globMatcher, prefixMatcher, readerOf, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { WRITE_TOOL_NAME } from '../../../knowledge/agents/mcp-servers.js';
import { globBase } from '../../../knowledge/agents/outside.js';
import { clientOpenToAnyStatement } from '../../../knowledge/agents/database-clients.js';
import { readHookCommand } from './hook-scripts.js';
import { mayStartTasks, taskPermission } from './tasks.js';
import { commandPermission, emitBrake, emitConfig, emitExclusion, emitPermission, reportOutsideDirectory, reportPermission, RULE_IDS } from '../permission.js';
import { booleanAt, directoryOf, lineSpan, mapAt, rootMap, stringAt, stringsAt, unknownValue, type StringItem } from './tree.js';
import { get, literalString, type MapNode } from '../../../src/parse/data-tree.js';

/**
 * Project settings, and managed settings a repository ships for its dev container or fleet (copied to
 * `/etc/claude-code/managed-settings.json`, or dropped into `managed-settings.d/`): both set permissions.
 */
export const CLAUDE_SETTINGS = /(^|\/)(?:\.claude\/settings(\.local)?\.json|managed-settings\.json|managed-settings\.d\/[^/]+\.json)$/;
const MANAGED_SETTINGS = /(^|\/)managed-settings(?:\.json|\.d\/)/;

/** `manual` is `default` under the name the CLI shows since v2.1.200 (code.claude.com/docs/en/permission-modes). */
const MODES = new Set(['default', 'manual', 'acceptEdits', 'plan', 'auto', 'dontAsk', 'bypassPermissions']);
const SHELL_TOOLS = new Set(['Bash', 'PowerShell']);

export function readClaudeSettings(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'claude-code', 'settings', file.path);
  // Every server `.mcp.json` declares starts without the trust prompt, one a pull request adds included.
  const allServers = booleanAt(root, 'enableAllProjectMcpServers');
  if (allServers?.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: 'claude-code',
      grant: 'mcp-tool',
      setting: 'enableAllProjectMcpServers: true',
      span: allServers.span,
      lets: 'start every MCP server the repository declares, one a pull request adds included,',
      effective: true,
    });
  }
  const projectDirectory = projectOf(file.path);
  readApprovingHooks(file, out, root);
  readRefusingHooks(file, out, root, projectDirectory);
  readSandbox(file, out, root);
  const permissions = mapAt(file, out, root, 'permissions');
  if (!permissions) return;
  for (const item of stringsAt(file, out, permissions, 'additionalDirectories')) {
    reportOutsideDirectory(file, out, 'claude-code', `permissions.additionalDirectories: "${item.value}"`, item.value, item.span);
  }

  const mode = stringAt(permissions, 'defaultMode');
  if (mode) {
    if (!MODES.has(mode.value)) {
      unknownValue(file, out, `permissions.defaultMode "${mode.value}" in ${file.path} is not a Claude Code permission mode; it was ignored.`, mode.span.line);
    } else if (mode.value === 'bypassPermissions') {
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: 'claude-code',
        grant: 'bypass-mode',
        setting: 'permissions.defaultMode: bypassPermissions',
        span: mode.span,
        lets: 'run every tool, shell and file writes included,',
        effective: true,
      });
    } else if (mode.value === 'auto') {
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: 'claude-code',
        grant: 'bypass-mode',
        setting: 'permissions.defaultMode: auto',
        span: mode.span,
        lets: 'approve its own tool calls',
        effective: false,
        ignoredBecause: IGNORED_BECAUSE.claudeAutoMode,
      });
    }
  }

  // Deny and ask rules win over allow rules (deny -> ask -> allow), so an allow grants only what they leave through.
  const brakes: CommandMatcher[] = [];
  for (const decision of ['deny', 'ask'] as const) {
    for (const item of stringsAt(file, out, permissions, decision)) {
      const matcher = readBrake(file, out, item, decision, projectDirectory);
      if (matcher) brakes.push(matcher);
    }
  }
  for (const item of stringsAt(file, out, permissions, 'allow')) readAllow(file, out, item, brakes);
}

/**
 * What a hook command prints to approve the call it was asked about: `permissionDecision: "allow"`, the older
 * `decision: "approve"`, or a PermissionRequest hook's `decision: {"behavior": "allow"}`.
 */
const APPROVES = /permissionDecision\\?["']?\s*:\s*\\?["']allow|\\?["']decision\\?["']\s*:\s*\\?["']approve|\\?["']behavior\\?["']\s*:\s*\\?["']allow/;

/** Shell that decides before it answers: `&&`, `||`, `;`, `if`, `case`, `test`/`[`, `grep`, `jq` on the input. */
const CONDITIONAL = /&&|\|\||;|\bif\b|\bcase\b|\btest\b|\[\s|\bgrep\b|\bjq\b/;

/**
 * PreToolUse hooks whose command approves the call outright: the permission prompt is skipped for every tool the
 * matcher covers (`""` or `*`: every tool; `Bash`: every shell command). A hook running a script is not followed.
 */
function readApprovingHooks(file: SourceFile, out: FileEmitter, root: MapNode): void {
  // PermissionRequest hooks answer the permission prompt itself: one that always allows removes it.
  for (const event of ['PreToolUse', 'PermissionRequest'] as const) readApprovingHooksOf(file, out, root, event);
}

function readApprovingHooksOf(file: SourceFile, out: FileEmitter, root: MapNode, event: 'PreToolUse' | 'PermissionRequest'): void {
  const entries = get(get(root, 'hooks'), event);
  if (entries?.kind !== 'seq') return;
  for (const entry of entries.items) {
    const matcher = literalString(get(entry, 'matcher')) ?? '';
    const hooks = get(entry, 'hooks');
    if (hooks?.kind !== 'seq') continue;
    for (const hook of hooks.items) {
      const command = get(hook, 'command');
      const text = literalString(command);
      // Only an answer given whatever the call is: a hook that allows after a test (`grep -q … && echo …allow…`) is a
      // narrower allow list, which the shell rules already judge.
      if (!command || text === undefined || !APPROVES.test(text) || CONDITIONAL.test(text)) continue;
      const everything = matcher === '' || matcher === '*' || matcher === '.*';
      const shell = everything || safeTest(matcher, 'Bash');
      if (!shell && !everything) continue;
      emitPermission(file, out, {
        ruleId: everything ? RULE_IDS.bypassMode : RULE_IDS.shellAutoApproved,
        agent: 'claude-code',
        grant: everything ? 'bypass-mode' : 'shell',
        setting: `hooks.${event} matcher "${matcher}": a hook that answers allow`,
        span: command.span,
        lets: everything ? 'run every tool, shell and file writes included,' : 'run any shell command',
        effective: true,
      });
    }
  }
}

/** Hosts a sandboxed shell reaches for packages and code, not for any provider's control plane. */
const PACKAGE_HOSTS = /^(?:\*\.)?(?:registry\.npmjs\.org|npmjs\.(?:org|com)|registry\.yarnpkg\.com|pypi\.org|files\.pythonhosted\.org|github\.com|api\.github\.com|objects\.githubusercontent\.com|raw\.githubusercontent\.com|codeload\.github\.com|proxy\.golang\.org|crates\.io|static\.crates\.io|rubygems\.org|repo\.maven\.apache\.org|registry-1\.docker\.io)$/i;

/**
 * The sandbox with `autoAllowBashIfSandboxed` (on by default once the sandbox is): shell commands run unasked inside
 * it, writing only the project and reaching only `network.allowedDomains`. Low while those are package registries;
 * medium when another host (a provider's API) is allowed, since commands holding its credentials then reach it.
 */
function readSandbox(file: SourceFile, out: FileEmitter, root: MapNode): void {
  const sandbox = get(root, 'sandbox');
  const enabled = booleanAt(sandbox, 'enabled');
  if (enabled?.value !== true || booleanAt(sandbox, 'autoAllowBashIfSandboxed')?.value === false) return;
  const allowed = get(get(sandbox, 'network'), 'allowedDomains');
  const domains = (allowed?.kind === 'seq' ? allowed.items : [])
    .map((item) => literalString(item))
    .filter((domain): domain is string => domain !== undefined);
  const providers = domains.filter((domain) => !PACKAGE_HOSTS.test(domain));
  emitPermission(file, out, {
    ruleId: RULE_IDS.shellAutoApproved,
    agent: 'claude-code',
    // The sandbox builds its file restrictions from the Read deny rules, so they still keep files from it.
    grant: 'sandboxed-shell',
    setting: `sandbox.enabled: true${providers.length > 0 ? ` with network.allowedDomains ${providers.slice(0, 3).join(', ')}` : ''}`,
    span: enabled.span,
    lets: providers.length > 0 ? `run any shell command in its sandbox, which reaches ${providers.slice(0, 3).join(', ')},` : 'run any shell command in its sandbox (project writes and package registries only),',
    effective: true,
    ...(providers.length > 0 ? { reaches: providers.join(', ') } : {}),
    severity: providers.length > 0 ? 'medium' : 'low',
  });
}

/**
 * PreToolUse hooks on the shell that refuse commands: an inline command's refusals are a brake here; a script's are
 * read from the script, joined in the cross-file pass (`resolveHookScripts`).
 */
function readRefusingHooks(file: SourceFile, out: FileEmitter, root: MapNode, projectDirectory: string): void {
  const entries = get(get(root, 'hooks'), 'PreToolUse');
  if (entries?.kind !== 'seq') return;
  for (const entry of entries.items) {
    const matcher = literalString(get(entry, 'matcher')) ?? '';
    const every = matcher === '' || matcher === '*';
    // A hook before the Read tool (with Grep and Glob) keeps the files it refuses from it, as a Read deny rule does.
    const before = [...(every || safeTest(matcher, 'Bash') ? ['shell' as const] : []), ...(every || safeTest(matcher, 'Read') ? ['read' as const] : [])];
    if (before.length === 0) continue;
    const hooks = get(entry, 'hooks');
    if (hooks?.kind !== 'seq') continue;
    for (const hook of hooks.items) {
      const command = get(hook, 'command');
      const text = literalString(command);
      if (command && text !== undefined) readHookCommand(file, out, 'claude-code', `hooks.PreToolUse matcher "${matcher}"`, text, command.span, [projectDirectory], before);
    }
  }
}

/** Claude Code reads a hook matcher as a regex over the tool name. */
function safeTest(matcher: string, tool: string): boolean {
  try {
    return new RegExp(`^(?:${matcher})$`).test(tool);
  } catch {
    return matcher === tool;
  }
}

interface ClaudeRule {
  tool: string;
  specifier?: string;
}

function parseRule(text: string): ClaudeRule | undefined {
  // MCP rules name a server's tools with a wildcard: `mcp__supabase__*`.
  const match = /^\s*([A-Za-z][\w-]*(?:__\*)?)(?:\((.*)\))?\s*$/s.exec(text);
  if (!match) return undefined;
  return { tool: match[1]!, specifier: match[2] };
}

/** The commands a Bash specifier covers; `command:...` parameter forms are not honoured for Bash, so undefined. */
export function bashMatcher(specifier: string | undefined): CommandMatcher | undefined {
  if (specifier === undefined) return () => true;
  const spec = specifier.trim();
  if (spec === '' || spec === '*' || spec === ':*') return () => true;
  if (/^command:/.test(spec)) return undefined;
  if (spec.endsWith(':*')) return prefixMatcher(spec.slice(0, -2));
  if (spec.includes('*')) return globMatcher(spec, { optionalTrailingSpace: true });
  return exactMatcher(spec);
}

/**
 * What an allow rule lets through, judged without the variables it sets first: `Bash(PGPASSWORD=… psql:*)` (the shape
 * "don't ask again" saves) runs any SQL as that user, as `Bash(psql:*)` would.
 */
function allowMatcher(specifier: string | undefined): CommandMatcher | undefined {
  const bare = specifier?.replace(/^\s*(?:[A-Za-z_][A-Za-z0-9_]*=(?:"[^"]*"|'[^']*'|\S*)\s+)+/, '');
  // A prefix that ends on a client's statement option (`psql -h prod-db -c:*`) lets any statement through.
  const open = /^(.*?)(?::\*| \*)$/s.exec(bare?.trim() ?? '')?.[1];
  const client = open === undefined ? undefined : clientOpenToAnyStatement(open);
  return client ? prefixMatcher(client) : bashMatcher(bare);
}

function readAllow(file: SourceFile, out: FileEmitter, item: StringItem, brakes: readonly CommandMatcher[]): void {
  const rule = parseRule(item.value);
  if (!rule) {
    unknownValue(file, out, `permissions.allow entry "${item.value}" in ${file.path} is not a Claude Code permission rule.`, item.span.line);
    return;
  }
  const setting = `permissions.allow: "${item.value}"`;
  if (SHELL_TOOLS.has(rule.tool)) {
    // Decided once every scope of the project is read (resolveClaudeShellAllows): another file's deny may win.
    if (!bashMatcher(rule.specifier) || !(commandReach(rule.specifier, brakes) || startsTasks(rule.specifier))) return;
    out.publish('claude-shell-allow', { rule: item.value, directory: directoryOf(file.path), location: { path: file.path, span: lineSpan(file, item.span) }, snippet: file.line(item.span.line).trim() });
    return;
  }
  if (rule.tool.startsWith('mcp__')) readMcpAllow(file, out, rule.tool, setting, item.span);
  // File tools already work in the project; a rule for `~/…` or `//…` (an absolute path) lifts the prompt outside it.
  if (FILE_TOOLS.has(rule.tool) && rule.specifier) {
    const directory = outsideDirectoryOf(rule.specifier);
    if (directory) reportOutsideDirectory(file, out, 'claude-code', setting, directory, item.span);
  }
}

const FILE_TOOLS = new Set(['Read', 'Edit', 'Write', 'MultiEdit', 'NotebookEdit']);

/** The directory a file rule names outside the project: `~/.aws/**` -> `~/.aws`, `//etc/**` -> `/etc`. */
function outsideDirectoryOf(specifier: string): string | undefined {
  const path = specifier.startsWith('//') ? specifier.slice(1) : specifier.startsWith('~') ? specifier : undefined;
  return path === undefined ? undefined : globBase(path) || undefined;
}

/** `mcp__server` and `mcp__server__*` approve every tool of a server; `mcp__server__tool` one tool. */
function readMcpAllow(file: SourceFile, out: FileEmitter, name: string, setting: string, span: Span): void {
  const [, server, tool] = /^mcp__([^_]+(?:_[^_]+)*?)(?:__(.+))?$/.exec(name) ?? [];
  if (!server) return;
  if (tool === undefined || tool === '*') {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: 'claude-code',
      grant: 'mcp-tool',
      setting,
      span,
      lets: `call every tool of the MCP server "${server}"`,
      effective: true,
      reaches: server,
    });
  } else if (WRITE_TOOL_NAME.test(tool)) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.mcpToolsAutoApproved,
      agent: 'claude-code',
      grant: 'mcp-tool',
      setting,
      span,
      lets: `call the MCP tool "${tool}" of "${server}"`,
      effective: true,
      reaches: server,
    });
  }
}

/** Publishes a deny/ask rule; returns its command matcher when it brakes shell commands. */
function readBrake(file: SourceFile, out: FileEmitter, item: StringItem, decision: 'deny' | 'ask', projectDirectory: string): CommandMatcher | undefined {
  const rule = parseRule(item.value);
  if (!rule) {
    unknownValue(file, out, `permissions.${decision} entry "${item.value}" in ${file.path} is not a Claude Code permission rule.`, item.span.line);
    return undefined;
  }
  const setting = `permissions.${decision}: "${item.value}"`;
  if (SHELL_TOOLS.has(rule.tool)) {
    const matcher = bashMatcher(rule.specifier);
    if (matcher) emitBrake(file, out, 'claude-code', decision, setting, item.span, matcher);
    return matcher;
  }
  if (rule.tool === 'Read') {
    const pattern = rule.specifier === undefined ? '*' : claudePathPattern(rule.specifier, projectDirectory);
    if (pattern) emitExclusion(file, out, 'claude-code', pattern, item.span, decision === 'ask');
  }
  return undefined;
}

/**
 * A Read specifier as a gitignore pattern from the repo root. `./x` and `/x` are anchored at the project, a bare
 * pattern matches at any depth; `//abs` and `~/` point outside the repository.
 */
function claudePathPattern(specifier: string, projectDirectory: string): string | undefined {
  const spec = specifier.trim();
  if (spec === '' || spec.startsWith('//') || spec.startsWith('~')) return undefined;
  if (spec === '*' || spec === '**') return '*';
  const anchored = spec.startsWith('./') ? spec.slice(2) : spec.startsWith('/') ? spec.slice(1) : undefined;
  if (anchored !== undefined) return `/${projectDirectory}${anchored}`;
  return projectDirectory ? `/${projectDirectory}**/${spec}` : spec;
}

/** Whether an allow rule lets anything we judge through once `brakes` have stopped what they stop. */
function commandReach(specifier: string | undefined, brakes: readonly CommandMatcher[]): boolean {
  const matcher = allowMatcher(specifier);
  if (!matcher) return false;
  const through: CommandMatcher = (command) => matcher(command) && !brakes.some((brake) => brake(command));
  return commandPermission(through, { agent: 'claude-code', setting: '', span: { line: 1, column: 1, endLine: 1, endColumn: 1 } }) !== undefined || readerOf(through) !== undefined;
}

/**
 * The cross-file half of the settings reader: Claude Code merges `settings.json` and `settings.local.json` of a
 * project, deny -> ask -> allow across both. Each shell allow rule is judged against the deny and ask rules of every
 * settings file in its `.claude` directory.
 */
export function resolveClaudeShellAllows(context: FinishContext): void {
  const allows = context.facts.all('claude-shell-allow');
  if (allows.length === 0) return;
  const tasks = context.facts.all('project-task');
  const brakes = new Map<string, CommandMatcher[]>();
  for (const brake of context.facts.all('agent-command-brake')) {
    if (brake.agent !== 'claude-code' || !CLAUDE_SETTINGS.test(brake.location.path)) continue;
    const rule = parseRule(/^permissions\.(?:deny|ask): "(.*)"$/s.exec(brake.setting)?.[1] ?? '');
    const matcher = rule && SHELL_TOOLS.has(rule.tool) ? bashMatcher(rule.specifier) : undefined;
    if (!matcher) continue;
    const directory = directoryOf(brake.location.path);
    const list = brakes.get(directory);
    if (list) list.push(matcher);
    else brakes.set(directory, [matcher]);
  }
  for (const allow of allows) {
    const matcher = allowMatcher(parseRule(allow.rule)?.specifier);
    if (!matcher) continue;
    const except = brakes.get(allow.directory) ?? [];
    const setting = `permissions.allow: "${allow.rule}"`;
    const permission = commandPermission(matcher, { agent: 'claude-code', setting, span: allow.location.span, except });
    if (permission) {
      reportPermission(context, allow.location, allow.snippet, permission);
      continue;
    }
    const through = (command: string) => matcher(command) && !except.some((brake) => brake(command));
    const viaTask = taskPermission(through, projectOf(allow.location.path), tasks, { agent: 'claude-code', setting, span: allow.location.span, effective: true });
    if (viaTask) {
      reportPermission(context, allow.location, allow.snippet, viaTask);
      continue;
    }
    const reader = readerOf(through);
    if (reader) context.publish('agent-grant', { agent: 'claude-code', grant: 'file-read', setting, effective: true, location: allow.location, reaches: reader });
  }
}

function startsTasks(specifier: string | undefined): boolean {
  const matcher = allowMatcher(specifier);
  return matcher !== undefined && mayStartTasks(matcher, specifier?.trim() ?? '');
}

/**
 * The project a settings file configures, where its relative rules resolve: the directory holding `.claude/`; managed
 * settings apply to the repository's root.
 */
function projectOf(settingsPath: string): string {
  return MANAGED_SETTINGS.test(settingsPath) ? '' : directoryOf(directoryOf(settingsPath).replace(/\/$/, ''));
}
