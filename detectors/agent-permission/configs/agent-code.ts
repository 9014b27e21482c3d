// Claude Code started from a program: the Agent SDK's options (`permissionMode: "bypassPermissions"`, an
// `allowedTools` list with the shell in it) and `claude` run as a subprocess with its bypass flag in the argument
// list. Orchestration code is where unattended agents get their permissions set, so it is read like a launcher.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { allowedToolPermission } from './launchers.js';

const CODE_FILE = /\.(?:[cm]?[jt]sx?|py)$/i;

/** Source files an agent can be started from; they are read only when the prefilter saw a launch keyword. */
export function isAgentCodeFile(path: string): boolean {
  return CODE_FILE.test(path);
}

/** The Agent SDK imported (TypeScript or Python), or its predecessor, the Claude Code SDK. */
const SDK_IMPORT = /@anthropic-ai\/claude-(?:agent|code)-sdk|@anthropic-ai\/claude-code\b|\bclaude_(?:agent|code)_sdk\b/;
const BYPASS_MODE = /\bpermission_?[Mm]ode\s*[:=]\s*["']bypassPermissions["']/g;
const ALLOWED_TOOLS = /\ballowed_?[Tt]ools\s*[:=]\s*\[([^\]]*)\]/g;
/** `claude` as a program in an argument list or command string, then its bypass flag later on the line. */
const SUBPROCESS_BYPASS = /["'`](?:claude|npx\s+@anthropic-ai\/claude-code)\b[^\n]*?(--dangerously-skip-permissions)\b/g;

export function readAgentCode(file: SourceFile, out: FileEmitter): void {
  const text = file.text;
  const sdk = SDK_IMPORT.test(text);
  for (const match of text.matchAll(SUBPROCESS_BYPASS)) {
    const at = match.index + match[0].length - match[1]!.length;
    report(file, out, RULE_IDS.bypassFlag, '--dangerously-skip-permissions', at, match[1]!.length);
  }
  if (!sdk) return;
  for (const match of text.matchAll(BYPASS_MODE)) {
    const at = match.index + match[0].indexOf('bypassPermissions');
    report(file, out, RULE_IDS.bypassMode, 'Agent SDK option permissionMode: bypassPermissions', at, 'bypassPermissions'.length);
  }
  for (const match of text.matchAll(ALLOWED_TOOLS)) {
    const listAt = match.index + match[0].length - match[1]!.length - 1;
    for (const entry of match[1]!.matchAll(/["']([^"'\n]+)["']/g)) {
      const at = listAt + entry.index;
      const position = file.positionAt(at);
      const span = { line: position.line, column: position.column, endLine: position.line, endColumn: position.column + entry[0].length };
      const permission = allowedToolPermission(entry[1]!, span, `Agent SDK option allowedTools: "${entry[1]}"`);
      if (!permission) continue;
      emitConfig(out, 'claude-code', 'launcher', file.path);
      emitPermission(file, out, permission);
    }
  }
}

function report(file: SourceFile, out: FileEmitter, ruleId: string, setting: string, at: number, length: number): void {
  const position = file.positionAt(at);
  emitConfig(out, 'claude-code', 'launcher', file.path);
  emitPermission(file, out, {
    ruleId,
    agent: 'claude-code',
    grant: 'bypass-mode',
    setting,
    span: { line: position.line, column: position.column, endLine: position.line, endColumn: position.column + length },
    lets: 'run every tool, shell and file writes included,',
    effective: true,
  });
}
