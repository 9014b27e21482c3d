// Amp's workspace settings (`.amp/settings.json(c)`, which override the user's): `amp.dangerouslyAllowAll`, ordered
// `amp.permissions` rules (`{ tool, action: allow|ask|reject|delegate, matches: { cmd } }`, first match wins; `cmd` is
// a glob or a `/regex/`; `tool` is a glob too: `Bash`, `mcp__*`, `*`) and `amp.commands.allowlist` (commands written
// as `make build`, or with wildcards as `npm run * --test`) (ampcode.com/manual, /manual/appendix#permissions).
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { get } from '../../../src/parse/data-tree.js';
import type { CommandRule } from '../../../src/facts/index.js';
import { allowMatcherOfRule, globMatcher, matcherOfRule, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { booleanAt, invalid, projectOfConfig, rootMap, stringAt, stringsAt } from './tree.js';

export const AMP_SETTINGS = /(^|\/)\.amp\/settings\.jsonc?$/;

export function readAmpSettings(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'amp', 'settings', file.path);
  const allowAll = booleanAt(root, 'amp.dangerouslyAllowAll');
  if (allowAll?.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'amp',
      grant: 'bypass-mode',
      setting: '"amp.dangerouslyAllowAll": true',
      span: allowAll.span,
      lets: 'run every tool, shell included,',
      effective: true,
    });
  }
  const project = projectOfConfig(file.path);
  for (const item of stringsAt(file, out, root, 'amp.commands.allowlist')) {
    const setting = `"amp.commands.allowlist": "${item.value}"`;
    const rule = allowlistRule(item.value);
    const permission = commandPermission(matcherOfRule(rule)!, { agent: 'amp', setting, span: item.span });
    if (permission) emitPermission(file, out, permission);
    else holdTaskAllow(file, out, { agent: 'amp', setting, rule, written: item.value.trim(), except: [], span: item.span, project });
  }
  const rules = get(root, 'amp.permissions');
  if (rules === undefined) return;
  if (rules.kind !== 'seq') {
    invalid(file, out, `"amp.permissions" in ${file.path} should be a list of rules; it was ignored.`, rules.span.line);
    return;
  }
  // Rules are ordered and the first match wins: an allow grants only what no earlier reject or ask rule catches.
  const earlier: CommandMatcher[] = [];
  const earlierRules: CommandRule[] = [];
  const earlierTools: Array<(tool: string) => boolean> = [];
  for (const rule of rules.items) {
    const tool = stringAt(rule, 'tool');
    const action = stringAt(rule, 'action');
    if (!tool || !action) {
      invalid(file, out, `A rule of "amp.permissions" in ${file.path} has no tool or action; it was ignored.`, rule.span.line);
      continue;
    }
    const matches = get(rule, 'matches');
    if (matches === undefined) {
      if (action.value === 'allow' && !earlierTools.some((covers) => covers(tool.value))) readMcpAllow(file, out, tool.value, action.span);
      else if (action.value !== 'allow') earlierTools.push(globMatcher(tool.value));
    }
    if (!globMatcher(tool.value)('Bash')) continue;
    const cmd = get(matches, 'cmd');
    // A rule on other arguments only (`matches: { cwd: ... }`) does not decide by command.
    if (matches !== undefined && cmd === undefined) continue;
    const patterns = cmd === undefined ? ['*'] : cmd.kind === 'seq' ? cmd.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '')) : cmd.kind === 'scalar' ? [String(cmd.value)] : [];
    for (const pattern of patterns) {
      const rule = ampRule(pattern);
      const matcher = matcherOfRule(rule);
      if (!matcher) continue;
      const setting = `"amp.permissions": { tool: "${tool.value}", action: "${action.value}", cmd: "${pattern}" }`;
      if (action.value === 'allow') {
        const permission = commandPermission(allowMatcherOfRule(rule) ?? matcher, { agent: 'amp', setting, span: action.span, except: [...earlier] });
        if (permission) emitPermission(file, out, permission);
        else holdTaskAllow(file, out, { agent: 'amp', setting, rule, written: pattern.trim(), except: [...earlierRules], span: action.span, project });
      } else if (action.value === 'reject' || action.value === 'ask') {
        earlier.push(matcher);
        earlierRules.push(rule);
        emitBrake(file, out, 'amp', action.value === 'reject' ? 'deny' : 'ask', setting, action.span, matcher);
      }
    }
  }
}

/** An allowlist entry: a glob over the whole command when it has a wildcard, else the command and any arguments after it. */
function allowlistRule(entry: string): CommandRule {
  return entry.includes('*') ? { syntax: 'glob', text: entry } : { syntax: 'prefix', text: entry };
}

/** `mcp__*` approves every tool of every MCP server, `mcp__supabase__*` (or `mcp__supabase`) every tool of one. */
function readMcpAllow(file: SourceFile, out: FileEmitter, tool: string, span: Span): void {
  const [, server, all] = /^mcp__([^_*]+(?:_[^_*]+)*?|\*)(?:__(\*))?$/.exec(tool) ?? [];
  if (!server || (server === '*' && all !== undefined)) return;
  emitPermission(file, out, {
    ruleId: RULE_IDS.mcpToolsAutoApproved,
    agent: 'amp',
    grant: 'mcp-tool',
    setting: `"amp.permissions": { tool: "${tool}", action: "allow" }`,
    span,
    lets: server === '*' ? 'call every tool of every MCP server it is given' : `call every tool of the MCP server "${server}"`,
    effective: true,
    ...(server === '*' ? {} : { reaches: server }),
  });
}

/** A `cmd` pattern as data: a `/regex/flags` literal, else a glob over the whole command. */
function ampRule(pattern: string): CommandRule {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (regex) return { syntax: 'regex', source: regex[1]!, flags: regex[2]! };
  return { syntax: 'glob', text: pattern };
}
