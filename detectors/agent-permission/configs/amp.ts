// Amp's workspace settings (`.amp/settings.json(c)`, which override the user's): `amp.dangerouslyAllowAll`, ordered
// `amp.permissions` rules (`{ tool, action: allow|ask|reject|delegate, matches: { cmd } }`, first match wins; `cmd` is
// a glob or a `/regex/`) and `amp.commands.allowlist` (command prefixes) (ampcode.com/manual).
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get } from '../../../src/parse/data-tree.js';
import { globMatcher, prefixMatcher, regexMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { booleanAt, invalid, rootMap, stringAt, stringsAt } from './tree.js';

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
  for (const item of stringsAt(file, out, root, 'amp.commands.allowlist')) {
    const permission = commandPermission(prefixMatcher(item.value), { agent: 'amp', setting: `"amp.commands.allowlist": "${item.value}"`, span: item.span });
    if (permission) emitPermission(file, out, permission);
  }
  const rules = get(root, 'amp.permissions');
  if (rules === undefined) return;
  if (rules.kind !== 'seq') {
    invalid(file, out, `"amp.permissions" in ${file.path} should be a list of rules; it was ignored.`, rules.span.line);
    return;
  }
  // Rules are ordered and the first match wins: an allow grants only what no earlier reject or ask rule catches.
  const earlier: CommandMatcher[] = [];
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
      const matcher = ampMatcher(pattern);
      if (!matcher) continue;
      const setting = `"amp.permissions": { tool: "${tool.value}", action: "${action.value}", cmd: "${pattern}" }`;
      if (action.value === 'allow') {
        const permission = commandPermission(matcher, { agent: 'amp', setting, span: action.span, except: [...earlier] });
        if (permission) emitPermission(file, out, permission);
      } else if (action.value === 'reject' || action.value === 'ask') {
        earlier.push(matcher);
        emitBrake(file, out, 'amp', action.value === 'reject' ? 'deny' : 'ask', setting, action.span, matcher);
      }
    }
  }
}

function ampMatcher(pattern: string): CommandMatcher | undefined {
  const regex = /^\/(.*)\/([a-z]*)$/s.exec(pattern);
  if (regex) return regexMatcher(regex[1]!, regex[2]);
  return globMatcher(pattern);
}
