// Amp's workspace settings (`.amp/settings.json(c)`, which override the user's): `amp.dangerouslyAllowAll`, ordered
// `amp.permissions` rules (`{ tool, action: allow|ask|reject|delegate, matches: { cmd } }`, first match wins; `cmd` is
// a glob or a `/regex/`) and `amp.commands.allowlist` (command prefixes) (ampcode.com/manual).
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get } from '../../../src/parse/data-tree.js';
import type { CommandRule } from '../../../src/facts/index.js';
import { matcherOfRule, prefixMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
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
    const permission = commandPermission(prefixMatcher(item.value), { agent: 'amp', setting, span: item.span });
    if (permission) emitPermission(file, out, permission);
    else holdTaskAllow(file, out, { agent: 'amp', setting, rule: { syntax: 'prefix', text: item.value }, written: item.value.trim(), except: [], span: item.span, project });
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
  for (const rule of rules.items) {
    const tool = stringAt(rule, 'tool');
    const action = stringAt(rule, 'action');
    if (!tool || !action) {
      invalid(file, out, `A rule of "amp.permissions" in ${file.path} has no tool or action; it was ignored.`, rule.span.line);
      continue;
    }
    if (tool.value !== 'Bash' && tool.value !== '*') continue;
    const cmd = get(get(rule, 'matches'), 'cmd');
    const patterns = cmd === undefined ? ['*'] : cmd.kind === 'seq' ? cmd.items.map((item) => (item.kind === 'scalar' ? String(item.value) : '')) : cmd.kind === 'scalar' ? [String(cmd.value)] : [];
    for (const pattern of patterns) {
      const rule = ampRule(pattern);
      const matcher = matcherOfRule(rule);
      if (!matcher) continue;
      const setting = `"amp.permissions": { tool: "${tool.value}", action: "${action.value}", cmd: "${pattern}" }`;
      if (action.value === 'allow') {
        const permission = commandPermission(matcher, { agent: 'amp', setting, span: action.span, except: [...earlier] });
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

/** A `cmd` pattern as data: a `/regex/flags` literal, else a glob over the whole command. */
function ampRule(pattern: string): CommandRule {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (regex) return { syntax: 'regex', source: regex[1]!, flags: regex[2]! };
  return { syntax: 'glob', text: pattern };
}
