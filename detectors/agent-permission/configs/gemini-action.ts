// google-github-actions/run-gemini-cli: the action always runs `gemini --yolo`, so every tool Gemini CLI has runs
// without a human unless the `settings` input narrows them with a `coreTools` list (`tools.core` in the newer
// layout). `run_shell_command` alone is every shell command; `run_shell_command(gh issue edit)` is that prefix.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString, type DataNode } from '../../../src/parse/data-tree.js';
import { parseJsoncValue } from '../../../src/parse/json.js';
import { allowMatcherOfRule } from '../../../knowledge/agents/commands.js';
import { actionSteps } from './workflow-steps.js';
import { commandPermission, emitConfig, emitPermission, RULE_IDS } from '../permission.js';

const ACTION = /^google-github-actions\/run-gemini-cli@/;
const SHELL_TOOL = /^(?:run_shell_command|ShellTool)(?:\((.*)\))?$/s;

export function readGeminiAction(file: SourceFile, out: FileEmitter): void {
  for (const { step, uses } of actionSteps(file, ACTION)) readStep(file, out, step, uses);
}

function readStep(file: SourceFile, out: FileEmitter, step: DataNode, uses: DataNode): void {
  const settingsNode = get(get(step, 'with'), 'settings');
  const text = literalString(settingsNode);
  let tools: unknown;
  let excluded: unknown;
  if (text !== undefined) {
    // Gemini CLI reads its settings as JSONC: comments and trailing commas included.
    const settings = parseJsoncValue(text) as { coreTools?: unknown; excludeTools?: unknown; tools?: { core?: unknown; exclude?: unknown } } | null | undefined;
    // Settings built from expressions cannot be read here: whatever they hold, they are not a known brake.
    if (settings === undefined) return;
    tools = settings?.coreTools ?? settings?.tools?.core;
    excluded = settings?.excludeTools ?? settings?.tools?.exclude;
  }
  emitConfig(out, 'gemini-cli', 'launcher', file.path);
  // Without a core list, `excludeTools` taking the shell away leaves file edits and the other tools unasked.
  const isExcluded = (pattern: RegExp) => Array.isArray(excluded) && excluded.some((tool) => typeof tool === 'string' && pattern.test(tool.trim()));
  const shellExcluded = isExcluded(/^(?:run_shell_command|ShellTool)$/);
  // With the writers gone too (the official triage setup), what is left reads.
  if (!Array.isArray(tools) && shellExcluded && isExcluded(/^(?:write_file|WriteFileTool)$/) && isExcluded(/^(?:replace|EditTool)$/)) return;
  if (!Array.isArray(tools) && shellExcluded) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassFlag,
      agent: 'gemini-cli',
      grant: 'file-write',
      setting: 'run-gemini-cli (gemini --yolo, the shell excluded)',
      span: uses.span,
      lets: 'run every tool but the shell',
      effective: true,
      severity: 'low',
    });
    return;
  }
  if (!Array.isArray(tools)) {
    emitPermission(file, out, {
      ruleId: RULE_IDS.bypassFlag,
      agent: 'gemini-cli',
      grant: 'bypass-mode',
      setting: 'run-gemini-cli (gemini --yolo, no coreTools list)',
      span: uses.span,
      lets: 'run every tool, shell included,',
      effective: true,
    });
    return;
  }
  for (const tool of tools) {
    if (typeof tool !== 'string') continue;
    const shell = SHELL_TOOL.exec(tool.trim());
    if (!shell) continue;
    const permission = commandPermission(shell[1] === undefined ? () => true : allowMatcherOfRule({ syntax: 'prefix', text: shell[1].trim() })!, {
      agent: 'gemini-cli',
      setting: `run-gemini-cli settings coreTools: "${tool}"`,
      span: settingsNode!.span,
    });
    if (permission) emitPermission(file, out, permission);
  }
}
