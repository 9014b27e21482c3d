// Workspace settings of VS Code and its forks (`.vscode/settings.json`, `*.code-workspace`): Copilot agent mode's
// terminal auto-approval, Roo Code / Kilo Code command allowlists and Windsurf's Cascade allow/deny lists.
// `chat.tools.global.autoApprove` (formerly `chat.tools.autoApprove`) has application scope, so a workspace value is
// ignored (intent only); the terminal rules are honoured in trusted workspaces (microsoft/vscode
// terminalChatAgentToolsConfiguration.ts, chat.contribution.ts).
import { IGNORED_BECAUSE } from '../../../knowledge/agents/settings.js';
import type { CommandRule } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';
import { allowMatcherOfRule, matcherOfRule, prefixMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { directoryOf, invalid, lineSpan, mapAt, projectOfConfig, rootMap, stringsOf, unknownValue } from './tree.js';
import picomatch from 'picomatch';

export const VSCODE_SETTINGS = /(^|\/)\.vscode\/settings\.json$|\.code-workspace$/;

/** Terminal rule maps: `{ "rm": false, "/^git (status|log)\\b/": true, "npm test": { "approve": true } }`. */
const TERMINAL_MAPS = ['chat.tools.terminal.autoApprove', 'chat.agent.terminal.autoApprove', 'chat.agent.terminal.allowList', 'github.copilot.chat.agent.terminal.allowList'];
const TERMINAL_DENY_MAPS = ['chat.agent.terminal.denyList', 'github.copilot.chat.agent.terminal.denyList'];
const GLOBAL_AUTO_APPROVE = ['chat.tools.global.autoApprove', 'chat.tools.autoApprove'];
/**
 * VS Code approves `npm run <script>` (and yarn's and pnpm's) for any script the workspace's package.json defines, unless
 * this is false or terminal auto-approval is off (microsoft/vscode#285509, on by default since January 2026).
 */
export const NPM_SCRIPTS_DEFAULT = 'chat.tools.terminal.autoApproveWorkspaceNpmScripts';
const ENABLE_AUTO_APPROVE = 'chat.tools.terminal.enableAutoApprove';
/**
 * Globs of files the agent edits unasked. VS Code merges the object with its default, whose `false` entries (among them
 * `**\/.vscode/*.json`) keep its own settings behind a prompt; a `true` entry naming them hands that prompt back, and an
 * agent that rewrites its settings unasked can approve any command for itself (the CVE-2025-53773 chain).
 */
const EDIT_MAP = 'chat.tools.edits.autoApprove';
const OWN_SETTINGS = ['.vscode/settings.json', 'app/.vscode/settings.json'];
const CATCH_ALL_GLOBS = new Set(['**', '**/*', '*', '**/**']);

/** Prefix lists of other VS Code-based agents: allowed and denied command prefixes (`*` = every command). */
const PREFIX_LISTS: ReadonlyArray<{ agent: AgentId; allow: string; deny: string }> = [
  { agent: 'roo-code', allow: 'roo-cline.allowedCommands', deny: 'roo-cline.deniedCommands' },
  { agent: 'kilo-code', allow: 'kilo-code.allowedCommands', deny: 'kilo-code.deniedCommands' },
  { agent: 'windsurf', allow: 'windsurf.cascadeCommandsAllowList', deny: 'windsurf.cascadeCommandsDenyList' },
];

export const DEVCONTAINER = /(^|\/)\.devcontainer(\/[^/]+)?\/devcontainer\.json$|(^|\/)\.devcontainer\.json$/;

const PERMISSION_LEVELS = new Set(['default', 'autoApprove', 'autopilot']);

export function readVscodeSettings(file: SourceFile, out: FileEmitter): void {
  let root = rootMap(file, out);
  if (!root) return;
  if (file.path.endsWith('.code-workspace')) {
    root = mapAt(file, out, root, 'settings');
    if (!root) return;
  }
  readSettings(file, out, root, false);
}

/**
 * A dev container's `customizations.vscode.settings` become the container's machine settings, where VS Code honours
 * machine-scoped settings such as global auto-approve that it ignores in a workspace.
 */
export function readDevcontainer(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  const settings = get(get(get(root, 'customizations'), 'vscode'), 'settings');
  if (settings?.kind === 'map') readSettings(file, out, settings, true);
}

function readSettings(file: SourceFile, out: FileEmitter, root: MapNode, machine: boolean): void {
  const keys = new Set(root.entries.map((entry) => entry.key));
  const relevant = [...TERMINAL_MAPS, ...TERMINAL_DENY_MAPS, ...GLOBAL_AUTO_APPROVE, EDIT_MAP, NPM_SCRIPTS_DEFAULT, ENABLE_AUTO_APPROVE, 'chat.permissions.default', ...PREFIX_LISTS.flatMap((list) => [list.allow, list.deny])];
  if (!relevant.some((key) => keys.has(key))) return;

  for (const key of GLOBAL_AUTO_APPROVE) {
    const value = valueOf(root, key);
    if (value?.kind === 'scalar' && value.value === true) {
      emitConfig(out, 'copilot', 'settings', file.path);
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: 'copilot',
        grant: 'bypass-mode',
        setting: `"${key}": true`,
        span: value.span,
        lets: 'run every tool, terminal included,',
        ...(machine ? { effective: true } : { effective: false, ignoredBecause: IGNORED_BECAUSE.vscodeGlobalAutoApprove }),
      });
    }
  }
  // The permission picker's default for new chat sessions: window scope, so a workspace sets it.
  const level = valueOf(root, 'chat.permissions.default');
  if (level?.kind === 'scalar' && typeof level.value === 'string') {
    if (!PERMISSION_LEVELS.has(level.value)) {
      unknownValue(file, out, `"chat.permissions.default" "${level.value}" in ${file.path} is not a VS Code permission level; it was ignored.`, level.span.line);
    } else if (level.value !== 'default') {
      emitConfig(out, 'copilot', 'settings', file.path);
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: 'copilot',
        grant: 'bypass-mode',
        setting: `"chat.permissions.default": "${level.value}"`,
        span: level.span,
        lets: level.value === 'autopilot' ? 'run every tool, terminal included, and keep going until it decides the task is done,' : 'run every tool, terminal included,',
        effective: true,
      });
    }
  }
  readEditMap(file, out, root);
  // A command any `false` or deny-list rule matches is never auto-approved, whatever else matches it.
  const terminalBrakes: Brakes = { matchers: [], rules: [] };
  for (const key of TERMINAL_DENY_MAPS) readTerminalMap(file, out, root, key, 'deny', terminalBrakes);
  for (const key of TERMINAL_MAPS) readTerminalMap(file, out, root, key, 'brakes', terminalBrakes);
  for (const key of TERMINAL_MAPS) readTerminalMap(file, out, root, key, 'allow', terminalBrakes);
  if (!machine) readNpmScriptsDefault(file, out, root, terminalBrakes);

  for (const list of PREFIX_LISTS) {
    const allow = valueOf(root, list.allow);
    const deny = valueOf(root, list.deny);
    if (allow || deny) emitConfig(out, list.agent, 'settings', file.path);
    const brakes: CommandMatcher[] = [];
    const brakeRules: CommandRule[] = [];
    if (deny) {
      for (const item of stringsOf(file, out, deny, list.deny)) {
        const matcher = prefixMatcher(item.value);
        brakes.push(matcher);
        brakeRules.push({ syntax: 'prefix', text: item.value });
        emitBrake(file, out, list.agent, 'deny', `"${list.deny}": "${item.value}"`, item.span, matcher);
      }
    }
    if (allow) {
      for (const item of stringsOf(file, out, allow, list.allow)) {
        const setting = `"${list.allow}": "${item.value}"`;
        const permission = commandPermission(allowMatcherOfRule({ syntax: 'prefix', text: item.value })!, { agent: list.agent, setting, span: item.span, except: brakes });
        if (permission) emitPermission(file, out, permission);
        else holdTaskAllow(file, out, { agent: list.agent, setting, rule: { syntax: 'prefix', text: item.value }, written: item.value.trim(), except: brakeRules, span: item.span, project: projectOf(file.path) });
      }
    }
  }
}

/**
 * A terminal rule map, read in three passes so that brakes are known before grants: a deny map's keys always ask
 * (`deny`), an allow map's `false` entries always ask (`brakes`), its `true` (or `{ approve: true }`) entries run
 * matching commands unasked (`allow`).
 */
function readTerminalMap(file: SourceFile, out: FileEmitter, root: MapNode, key: string, pass: 'deny' | 'brakes' | 'allow', brakes: Brakes): void {
  const map = valueOf(root, key);
  if (!map) return;
  if (pass !== 'brakes') emitConfig(out, 'copilot', 'settings', file.path);
  if (map.kind !== 'map') {
    if (pass !== 'brakes') invalid(file, out, `"${key}" in ${file.path} should be an object of command rules; it was ignored.`, map.span.line);
    return;
  }
  for (const entry of map.entries) {
    const rule = ruleOf(entry.key);
    const matcher = matcherOfRule(rule);
    if (!matcher) {
      if (pass === 'allow' || pass === 'deny') unknownValue(file, out, `The rule "${entry.key}" of "${key}" in ${file.path} is not a valid regular expression; it was ignored.`, entry.keySpan.line);
      continue;
    }
    const approve = pass === 'deny' ? false : approval(entry.value);
    if (approve === undefined) continue;
    const setting = `"${key}": { "${entry.key}": ${approve} }`;
    if (!approve && pass !== 'allow') {
      brakes.matchers.push(matcher);
      brakes.rules.push(rule);
      emitBrake(file, out, 'copilot', 'ask', setting, entry.keySpan, matcher);
    } else if (approve && pass === 'allow') {
      const permission = commandPermission(allowMatcherOfRule(rule) ?? matcher, { agent: 'copilot', setting, span: entry.keySpan, except: brakes.matchers });
      if (permission) emitPermission(file, out, permission);
      else holdTaskAllow(file, out, { agent: 'copilot', setting, rule, written: entry.key.trim(), except: brakes.rules, span: entry.keySpan, project: projectOf(file.path) });
    }
  }
}

/**
 * What the workspace settings say about VS Code approving the package.json scripts: off (the default's key, or terminal
 * auto-approval as a whole, set to false), or the `false` rules that keep some of them asking. Judged against the
 * scripts once every package.json is read (vscode-npm-scripts.ts).
 */
function readNpmScriptsDefault(file: SourceFile, out: FileEmitter, root: MapNode, brakes: Brakes): void {
  const switches = [valueOf(root, NPM_SCRIPTS_DEFAULT), valueOf(root, ENABLE_AUTO_APPROVE)];
  const off = switches.some((value) => value?.kind === 'scalar' && value.value === false);
  if (!off && brakes.rules.length === 0) return;
  const written = switches.find((value) => value !== undefined);
  out.publish('agent-default-setting', {
    agent: 'copilot',
    default: NPM_SCRIPTS_DEFAULT,
    project: projectOf(file.path),
    off,
    except: brakes.rules,
    location: { path: file.path, span: lineSpan(file, written?.span ?? { line: 1, column: 1, endLine: 1, endColumn: 1 }) },
  });
}

/** Reports a `true` edit glob over the agent's own settings that no `false` glob of the same map takes back. */
function readEditMap(file: SourceFile, out: FileEmitter, root: MapNode): void {
  const map = valueOf(root, EDIT_MAP);
  if (!map) return;
  emitConfig(out, 'copilot', 'settings', file.path);
  if (map.kind !== 'map') {
    invalid(file, out, `"${EDIT_MAP}" in ${file.path} should be an object of glob rules; it was ignored.`, map.span.line);
    return;
  }
  const covers = (glob: string): boolean => {
    const matches = picomatch(glob, { dot: true });
    return OWN_SETTINGS.some((path) => matches(path));
  };
  const protectedAgain = map.entries.some((entry) => approval(entry.value) === false && covers(entry.key));
  if (protectedAgain) return;
  for (const entry of map.entries) {
    // A catch-all does not outvote the default's own `false` globs, which stay merged in.
    if (approval(entry.value) !== true || CATCH_ALL_GLOBS.has(entry.key.trim()) || !covers(entry.key)) continue;
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'copilot',
      grant: 'bypass-mode',
      setting: `"${EDIT_MAP}": { "${entry.key}": true }`,
      span: entry.keySpan,
      lets: 'rewrite its own workspace settings, and with them approve any tool or command for itself,',
      effective: true,
    });
    return;
  }
}

function approval(value: DataNode): boolean | undefined {
  if (value.kind === 'scalar') return typeof value.value === 'boolean' ? value.value : undefined;
  if (value.kind === 'map') {
    const approve = value.entries.find((entry) => entry.key === 'approve')?.value;
    return approve?.kind === 'scalar' && typeof approve.value === 'boolean' ? approve.value : undefined;
  }
  return undefined;
}

/** `/regex/flags` keys are regular expressions; other keys are command prefixes. */
function ruleOf(key: string): CommandRule {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(key);
  if (regex) return { syntax: 'regex', source: regex[1]!, flags: regex[2]! };
  return { syntax: 'prefix', text: key };
}

/** Where the agent works: the folder holding `.vscode/`, or the one a `.code-workspace` file sits in. */
function projectOf(path: string): string {
  return path.endsWith('.code-workspace') ? directoryOf(path) : projectOfConfig(path);
}

/** Rules that keep commands asking, as matchers and as the data they are built from. */
interface Brakes {
  matchers: CommandMatcher[];
  rules: CommandRule[];
}

/** VS Code settings use flat dotted keys. */
function valueOf(root: MapNode, key: string): DataNode | undefined {
  return root.entries.find((entry) => entry.key === key)?.value;
}
