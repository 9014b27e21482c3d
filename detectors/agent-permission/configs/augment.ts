// Augment's Auggie CLI project settings (`.augment/settings.json`, `.augment/settings.local.json`): `toolPermissions`, a
// list of `{ toolName, shellInputRegex?, permission: { type: allow | deny | ask-user } }` read top-down, the first
// match winning (docs.augmentcode.com/cli/permissions). An allow rule for `launch-process`, its shell, is judged by
// the commands its regex lets through past the deny and ask rules above it.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get } from '../../../src/parse/data-tree.js';
import { readerOf, regexMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitPermission, emitReadGrant } from '../permission.js';
import { invalid, rootMap, stringAt, unknownValue } from './tree.js';

export const AUGMENT_SETTINGS = /(^|\/)\.augment\/settings(?:\.local)?\.json$/;

const SHELL_TOOL = 'launch-process';
const PERMISSION_TYPES = new Set(['allow', 'deny', 'ask-user']);

export function readAugmentSettings(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'augment', 'settings', file.path);
  const rules = get(root, 'toolPermissions');
  if (rules === undefined) return;
  if (rules.kind !== 'seq') {
    invalid(file, out, `toolPermissions in ${file.path} should be a list of rules; it was ignored.`, rules.span.line);
    return;
  }
  // The rules above an allow rule win over it: what they deny or ask about is not granted.
  const brakes: CommandMatcher[] = [];
  let shellSettled = false;
  for (const rule of rules.items) {
    const tool = stringAt(rule, 'toolName');
    const type = stringAt(get(rule, 'permission'), 'type');
    if (!tool || !type) continue;
    if (!PERMISSION_TYPES.has(type.value)) {
      unknownValue(file, out, `permission type "${type.value}" in ${file.path} is not one of allow, deny, ask-user; the rule was ignored.`, type.span.line);
      continue;
    }
    const regex = stringAt(rule, 'shellInputRegex');
    const setting = `toolPermissions: ${tool.value}${regex ? ` /${regex.value}/` : ''} ${type.value}`;
    if (tool.value === SHELL_TOOL) {
      // After a rule that matches every command, no later shell rule is ever reached.
      if (shellSettled) continue;
      const matcher = regex ? regexMatcher(regex.value) : () => true;
      if (!matcher) {
        unknownValue(file, out, `shellInputRegex "${regex!.value}" in ${file.path} does not compile; the rule was ignored.`, regex!.span.line);
        continue;
      }
      if (!regex) shellSettled = true;
      if (type.value !== 'allow') {
        brakes.push(matcher);
        emitBrake(file, out, 'augment', type.value === 'deny' ? 'deny' : 'ask', setting, tool.span, matcher);
        continue;
      }
      const permission = commandPermission(matcher, { agent: 'augment', setting, span: tool.span, except: [...brakes] });
      if (permission) emitPermission(file, out, permission);
      else {
        const reader = readerOf((command) => matcher(command) && !brakes.some((brake) => brake(command)));
        if (reader) emitReadGrant(file, out, 'augment', setting, tool.span, reader);
      }
    }
  }
}
