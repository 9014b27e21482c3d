// Zed's project settings (`.zed/settings.json`). Zed does not take `agent.*` settings from a project ("those get
// checked into code repositories and applied automatically", zed-industries/zed#16156), so tool permissions there
// are intent only; `private_files` is honoured and replaces the defaults (zed.dev/docs/ai/tool-permissions).
import { IGNORED_BECAUSE } from '../../../knowledge/agents/settings.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get } from '../../../src/parse/data-tree.js';
import { regexMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitConfig, emitExclusion, emitPermission, RULE_IDS } from '../permission.js';
import { holdTaskAllow } from './task-allows.js';
import { booleanAt, directoryOf, mapAt, rootMap, stringAt, stringsAt } from './tree.js';

export const ZED_SETTINGS = /(^|\/)\.zed\/settings\.json$/;

const IGNORED = IGNORED_BECAUSE.zedAgent;

export function readZedSettings(file: SourceFile, out: FileEmitter): void {
  const root = rootMap(file, out);
  if (!root) return;
  const agent = mapAt(file, out, root, 'agent');
  const privateFiles = get(root, 'private_files');
  if (!agent && !privateFiles && !get(root, 'context_servers')) return;
  emitConfig(out, 'zed', 'settings', file.path);
  const projectDirectory = directoryOf(directoryOf(file.path).replace(/\/$/, ''));
  for (const item of stringsAt(file, out, root, 'private_files')) {
    emitExclusion(file, out, 'zed', projectDirectory ? `/${projectDirectory}${item.value.replace(/^\/+/, '')}` : item.value, item.span);
  }
  if (!agent) return;
  const always = booleanAt(agent, 'always_allow_tool_actions');
  if (always?.value === true) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'zed',
      grant: 'bypass-mode',
      setting: 'agent.always_allow_tool_actions: true',
      span: always.span,
      lets: 'run every tool, terminal included,',
      effective: false,
      ignoredBecause: IGNORED,
    });
  }
  const permissions = mapAt(file, out, agent, 'tool_permissions');
  const fallback = stringAt(permissions, 'default');
  if (fallback?.value === 'allow') {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassMode,
      agent: 'zed',
      grant: 'bypass-mode',
      setting: 'agent.tool_permissions.default: "allow"',
      span: fallback.span,
      lets: 'run every tool, terminal included,',
      effective: false,
      ignoredBecause: IGNORED,
    });
  }
  const terminal = get(get(permissions, 'tools'), 'terminal');
  const terminalDefault = stringAt(terminal, 'default');
  if (terminalDefault?.value === 'allow') {
    emitPermission(file, out, {
      ruleId: RULE_IDS.shellAutoApproved,
      agent: 'zed',
      grant: 'shell',
      setting: 'agent.tool_permissions.tools.terminal.default: "allow"',
      span: terminalDefault.span,
      lets: 'run any terminal command',
      effective: false,
      ignoredBecause: IGNORED,
    });
  }
  const allowed = get(terminal, 'always_allow');
  if (allowed?.kind === 'seq') {
    for (const rule of allowed.items) {
      const pattern = stringAt(rule, 'pattern');
      const matcher = pattern && regexMatcher(pattern.value);
      if (!pattern || !matcher) continue;
      const setting = `agent.tool_permissions.tools.terminal.always_allow: "${pattern.value}"`;
      const permission = commandPermission(matcher, { agent: 'zed', setting, span: pattern.span, effective: false, ignoredBecause: IGNORED });
      if (permission) emitPermission(file, out, permission);
      else holdTaskAllow(file, out, { agent: 'zed', setting, rule: { syntax: 'regex', source: pattern.value, flags: '' }, written: pattern.value.trim(), except: [], span: pattern.span, project: projectDirectory, effective: false, ignoredBecause: IGNORED });
    }
  }
}
