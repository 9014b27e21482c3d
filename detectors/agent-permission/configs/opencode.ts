// OpenCode's `opencode.json(c)`: `"permission": "allow"` (everything), or per tool `"bash": "allow"` or a map of
// glob patterns to allow/ask/deny (last match wins); `read` rules keep files from it (opencode.ai/docs/permissions).
// What no rule decides falls to OpenCode's permissive defaults: "Most permissions default to allow" (only doom_loop
// and external_directory ask, and reading `.env` files), so a config that leaves the shell unset lets it run.
// Kilo Code 1.0 is a fork of OpenCode and reads the same `permission` shape from `kilo.jsonc` or `.kilo/kilo.jsonc`
// and its agents' front matter (kilo.ai/docs/customize/agent-permissions), but asks where no rule matches.
import type { CommandRule } from '../../../src/facts/index.js';
import type { FileEmitter, FinishContext, SourceFile, Span } from '../../../src/model.js';
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { allowMatcherOfRule, globMatcher, reachOf } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitExclusion, emitPermission, reportOutsideDirectory, reportPermission, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { booleanAt, directoryOf, frontMatter, lineSpan, rootMap, unknownValue } from './tree.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';

export const OPENCODE_CONFIG = /(^|\/)(?:\.opencode\/)?opencode\.jsonc?$/;
/** Agents defined in Markdown (`.opencode/agent/review.md`, `.opencode/agents/`), their settings in the front matter. */
export const OPENCODE_AGENT = /(^|\/)\.opencode\/agents?\/(?:[^/]+\/)*[^/]+\.md$/;
export const KILO_CONFIG = /(^|\/)(?:\.kilo\/)?kilo\.jsonc?$/;
export const KILO_AGENT = /(^|\/)\.kilo\/agents?\/(?:[^/]+\/)*[^/]+\.md$/;

const ACTIONS = new Set(['allow', 'ask', 'deny']);

export function readOpencodeConfig(file: SourceFile, out: FileEmitter): void {
  readConfig(file, out, 'opencode');
}

export function readKiloConfig(file: SourceFile, out: FileEmitter): void {
  readConfig(file, out, 'kilo-code');
}

/**
 * The top-level settings OpenCode's config schema has (opencode.ai/config.json), in its 1.x and 2.0 spellings; Kilo
 * reads the same. A file of that name with none of them (`{ "version": 1, "artifacts": […] }`, a tool's install
 * manifest for OpenCode) is not a config OpenCode loads.
 */
const CONFIG_KEYS = new Set(
  ('$schema theme model small_model default_agent autoupdate share autoshare username logLevel snapshot provider providers ' +
    'agent agents mode tools permission permissions policies mcp instructions formatter lsp disabled_providers ' +
    'enabled_providers keybinds tui server command commands plugin watcher compaction experimental layout enterprise skills')
    .split(' '),
);

function readConfig(file: SourceFile, out: FileEmitter, agent: AgentId): void {
  const root = rootMap(file, out);
  if (!root) return;
  if (root.entries.length > 0 && !root.entries.some((entry) => CONFIG_KEYS.has(entry.key))) return;
  emitConfig(out, agent, 'settings', file.path);
  const permission = get(root, 'permission');
  if (permission !== undefined) readPermission(file, out, agent, permission, '"permission"');
  // Only OpenCode lets through what no rule names; Kilo asks.
  if (agent === 'opencode') publishShellDefault(file, out, root, permission);
  // Each agent may set its own permissions, which override the global ones for that agent (opencode.ai/docs/agents).
  const agents = get(root, 'agent');
  if (agents?.kind === 'map') {
    for (const entry of agents.entries) {
      const own = get(entry.value, 'permission');
      if (own !== undefined) readPermission(file, out, agent, own, `"agent": { "${entry.key}": { "permission"`, ' } }');
    }
  }
}

/** A Markdown agent's own `permission:` front matter: it overrides the global permissions while that agent runs. */
export function readOpencodeAgent(file: SourceFile, out: FileEmitter): void {
  readAgent(file, out, 'opencode');
}

export function readKiloAgent(file: SourceFile, out: FileEmitter): void {
  readAgent(file, out, 'kilo-code');
}

function readAgent(file: SourceFile, out: FileEmitter, agent: AgentId): void {
  const permission = get(frontMatter(file), 'permission');
  if (permission === undefined) return;
  emitConfig(out, agent, 'settings', file.path);
  readPermission(file, out, agent, permission, 'permission', ' (agent front matter)');
}

/**
 * A `permission` value: `"allow"`, or a map of tools (`bash`, `read`...) to actions or pattern maps. `prefix` and
 * `close` wrap the setting as written (an agent's own block is nested); read rules are taken from the global one.
 */
function readPermission(file: SourceFile, out: FileEmitter, agent: AgentId, permission: DataNode, prefix: string, close = ''): void {
  if (permission.kind === 'scalar') {
    if (permission.value === 'allow') allowEverything(file, out, agent, `${prefix}: "allow"${close}`, permission.span);
    else brakeEverything(file, out, agent, permission, `${prefix}: "${String(permission.value)}"${close}`);
    return;
  }
  if (permission.kind !== 'map') return;
  const wildcard = get(permission, '*');
  if (wildcard?.kind === 'scalar' && wildcard.value === 'allow') allowEverything(file, out, agent, `${prefix}: { "*": "allow" }${close}`, wildcard.span);
  const bash = get(permission, 'bash');
  if (bash) readBash(file, out, agent, bash, prefix, close);
  else if (wildcard?.kind === 'scalar') brakeEverything(file, out, agent, wildcard, `${prefix}: { "*": "${String(wildcard.value)}" }${close}`);
  // OpenCode asks before it touches a path outside the project unless this is `allow`.
  // A map of path patterns is allowed everywhere by its `*` entry.
  const external = get(permission, 'external_directory');
  const everywhere = external?.kind === 'map' ? get(external, '*') : external;
  if (everywhere?.kind === 'scalar' && everywhere.value === 'allow') reportOutsideDirectory(file, out, agent, `${prefix}.external_directory: "allow"${close}`, 'anywhere', everywhere.span);
  if (close !== '') return;
  const read = get(permission, 'read');
  if (read?.kind === 'map') {
    const directory = projectOf(file.path);
    for (const entry of read.entries) {
      if (entry.value.kind !== 'scalar' || (entry.value.value !== 'deny' && entry.value.value !== 'ask')) continue;
      emitExclusion(file, out, agent, directory ? `/${directory}**/${entry.key}` : entry.key, entry.keySpan, entry.value.value === 'ask');
    }
  }
}

function allowEverything(file: SourceFile, out: FileEmitter, agent: AgentId, setting: string, span: Span): void {
  emitPermission(file, out, {
    ruleId: RULE_IDS.bypassMode,
    agent,
    grant: 'bypass-mode',
    setting,
    span,
    lets: 'run every tool, shell included,',
    effective: true,
  });
}

function readBash(file: SourceFile, out: FileEmitter, agent: AgentId, bash: DataNode, prefix: string, close: string): void {
  if (bash.kind === 'scalar') {
    brakeEverything(file, out, agent, bash, `${prefix}: { "bash": "${String(bash.value)}" }${close}`);
    if (bash.value === 'allow') {
      emitPermission(file, out, {
        ruleId: RULE_IDS.shellAutoApproved,
        agent,
        grant: 'shell',
        setting: `${prefix}: { "bash": "allow" }${close}`,
        span: bash.span,
        lets: 'run any shell command',
        effective: true,
      });
    }
    return;
  }
  if (bash.kind !== 'map') return;
  const rules: Array<{ key: string; action: string; span: Span }> = [];
  for (const entry of bash.entries) {
    const action = entry.value.kind === 'scalar' ? String(entry.value.value) : '';
    if (!ACTIONS.has(action)) {
      unknownValue(file, out, `permission.bash "${entry.key}" in ${file.path} is "${action}", not allow, ask or deny; it was ignored.`, entry.keySpan.line);
      continue;
    }
    rules.push({ key: entry.key, action, span: entry.keySpan });
  }
  // The last matching rule wins: an allow grants only what no later ask or deny rule catches.
  rules.forEach((rule, index) => {
    const matcher = globMatcher(rule.key);
    const setting = `${prefix}: { "bash": { "${rule.key}": "${rule.action}" } }${close}`;
    if (rule.action !== 'allow') {
      emitBrake(file, out, agent, rule.action === 'deny' ? 'deny' : 'ask', setting, rule.span, matcher);
      return;
    }
    const laterKeys = rules.slice(index + 1).filter((candidate) => candidate.action !== 'allow').map((candidate) => candidate.key);
    const permission = commandPermission(allowMatcherOfRule({ syntax: 'glob', text: rule.key })!, { agent, setting, span: rule.span, except: laterKeys.map((key) => globMatcher(key)) });
    if (permission) emitPermission(file, out, permission);
    else {
      const except = laterKeys.map((key): CommandRule => ({ syntax: 'glob', text: key }));
      holdTaskAllow(file, out, { agent, setting, rule: { syntax: 'glob', text: rule.key }, written: rule.key.trim(), except, span: rule.span, project: projectOf(file.path) });
    }
  });
}

/**
 * The project directory a config applies to: the one holding `opencode.json`, or the `.opencode/` folder whose
 * `opencode.json` and `agent/*.md` configure it.
 */
function projectOf(path: string): string {
  const folder = Math.max(path.lastIndexOf('.opencode/'), path.lastIndexOf('.kilo/'));
  return folder < 0 ? directoryOf(path) : path.slice(0, folder);
}

/** A scalar `ask` or `deny` that covers every shell command: a brake on each of them. */
function brakeEverything(file: SourceFile, out: FileEmitter, agent: AgentId, node: DataNode, setting: string): void {
  if (node.kind !== 'scalar' || (node.value !== 'ask' && node.value !== 'deny')) return;
  emitBrake(file, out, agent, node.value, setting, node.span, () => true);
}

/**
 * Whether the config's global permissions decide what the shell does with commands no rule names, or leave them to
 * OpenCode's default (allow): no `permission`, a map with neither `bash` nor `*`, or bash patterns without a `*`
 * catch-all. Judged with the project's other configs in the cross-file pass (resolveOpencodeShellDefaults).
 */
function publishShellDefault(file: SourceFile, out: FileEmitter, root: MapNode, permission: DataNode | undefined): void {
  const open = openShell(root, permission);
  if (!open) {
    out.publish('opencode-shell-default', { path: file.path });
    return;
  }
  const location = { path: file.path, span: lineSpan(file, open.span) };
  out.publish('opencode-shell-default', { path: file.path, open: { setting: open.setting, location, snippet: file.line(open.span.line).trim() } });
}

function openShell(root: MapNode, permission: DataNode | undefined): { setting: string; span: Span } | undefined {
  // The legacy `"tools": { "bash": false }` takes the shell away.
  if (booleanAt(get(root, 'tools'), 'bash')?.value === false) return undefined;
  if (permission === undefined) return { setting: '"permission" left unset', span: root.entries[0]?.keySpan ?? root.span };
  if (permission.kind !== 'map') return undefined;
  const bash = get(permission, 'bash');
  if (bash === undefined) return get(permission, '*') ? undefined : { setting: '"permission" with no "bash" or "*" rule', span: keySpanOf(root, 'permission') };
  if (bash.kind !== 'map' || get(bash, '*')) return undefined;
  const named = bash.entries.filter((entry) => entry.value.kind === 'scalar' && ACTIONS.has(String(entry.value.value))).map((entry) => globMatcher(entry.key));
  if (reachOf((command) => !named.some((rule) => rule(command)))?.class !== 'any') return undefined;
  return { setting: '"permission": { "bash": { ... } } with no "*" rule', span: keySpanOf(permission, 'bash') };
}

function keySpanOf(map: MapNode, key: string): Span {
  return map.entries.find((entry) => entry.key === key)?.keySpan ?? map.span;
}

/**
 * The cross-file half: OpenCode merges the configs of a project (`opencode.json` from the project root down to the
 * directory it starts in, and `.opencode/opencode.json`), so a config that leaves the shell to the default is covered
 * by one in its own or a parent directory that decides it.
 */
export function resolveOpencodeShellDefaults(context: FinishContext): void {
  const configs = context.facts.all('opencode-shell-default');
  const deciding = configs.filter((config) => !config.open).map((config) => projectOf(config.path));
  for (const config of configs) {
    if (!config.open || deciding.some((directory) => projectOf(config.path).startsWith(directory))) continue;
    reportPermission(context, config.open.location, config.open.snippet, {
      ruleId: RULE_IDS.shellAutoApproved,
      agent: 'opencode',
      grant: 'shell',
      setting: config.open.setting,
      span: config.open.location.span,
      lets: "run any shell command no rule names (OpenCode's default is to allow it)",
      effective: true,
      severity: 'medium',
    });
  }
}
