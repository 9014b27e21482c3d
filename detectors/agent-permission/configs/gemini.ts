// Gemini CLI's project settings (`.gemini/settings.json`, honoured in trusted folders): tools that skip the
// confirmation (`tools.allowed`, v1 `allowedTools`), tools taken away (`tools.exclude`, v1 `excludeTools`), the approval
// mode, and MCP servers marked `trust: true`. YOLO "can only be enabled via command line", so a yolo default in the
// file is intent only (gemini-cli docs/reference/configuration.md).
import { IGNORED_BECAUSE } from '../../../knowledge/agents/settings.js';
import type { CommandRule } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { allowMatcherOfRule, prefixMatcher, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitBrake, emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { mapAt, projectOfConfig, rootMap, stringAt, stringsAt, unknownValue, type StringItem } from './tree.js';

export const GEMINI_SETTINGS = /(^|\/)\.gemini\/settings\.json$/;

const SHELL_TOOL = /^\s*(run_shell_command|ShellTool)\s*(?:\((.*)\))?\s*$/s;
const APPROVAL_MODES = new Set(['default', 'auto_edit', 'yolo', 'plan']);

export function readGeminiSettings(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  emitConfig(out, 'gemini-cli', 'settings', file.path);
  const tools = mapAt(file, out, root, 'tools');
  const allowed = [...stringsAt(file, out, tools, 'allowed'), ...stringsAt(file, out, root, 'allowedTools')];
  const excluded = [...stringsAt(file, out, tools, 'exclude'), ...stringsAt(file, out, root, 'excludeTools')];
  // Excluded tools are taken away whatever the allowlist says.
  const brakes: CommandMatcher[] = [];
  const brakeRules: CommandRule[] = [];
  for (const item of excluded) {
    const rule = shellRule(item);
    if (!rule) continue;
    const matcher = prefixMatcher(rule.text);
    brakes.push(matcher);
    brakeRules.push(rule);
    emitBrake(file, out, 'gemini-cli', 'deny', `tools.exclude: "${item.value}"`, item.span, matcher);
  }
  for (const item of allowed) {
    const rule = shellRule(item);
    if (!rule) continue;
    const setting = `tools.allowed: "${item.value}"`;
    const permission = commandPermission(allowMatcherOfRule({ syntax: 'prefix', text: rule.text })!, { agent: 'gemini-cli', setting, span: item.span, except: brakes });
    if (permission) emitPermission(file, out, permission);
    else holdTaskAllow(file, out, { agent: 'gemini-cli', setting, rule, written: rule.text, except: brakeRules, span: item.span, project: projectOfConfig(file.path) });
  }

  const general = mapAt(file, out, root, 'general');
  const mode = stringAt(general, 'defaultApprovalMode');
  if (mode && !APPROVAL_MODES.has(mode.value)) {
    unknownValue(file, out, `general.defaultApprovalMode "${mode.value}" in ${file.path} is not a Gemini CLI approval mode; it was ignored.`, mode.span.line);
  } else if (mode?.value === 'yolo') {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'gemini-cli',
      grant: 'bypass-mode',
      setting: 'general.defaultApprovalMode: "yolo"',
      span: mode.span,
      lets: 'approve every tool call',
      effective: false,
      ignoredBecause: IGNORED_BECAUSE.geminiYolo,
    });
  }
}

/** `run_shell_command` (every command) or `run_shell_command(git status)` (that prefix); other tools are not shell. */
function shellRule(item: StringItem): { syntax: 'prefix'; text: string } | undefined {
  const match = SHELL_TOOL.exec(item.value);
  if (!match) return undefined;
  return { syntax: 'prefix', text: match[2]?.trim() ?? '' };
}
