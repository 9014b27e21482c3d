// Claude Code started from a program: the Agent SDK's options (`permissionMode: "bypassPermissions"`, an
// `allowedTools` list with the shell in it) and `claude` run as a subprocess with its bypass flag in the argument
// list. Orchestration code is where unattended agents get their permissions set, so it is read like a launcher.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { allowedToolPermission } from './launchers.js';
import { closingBracket } from '../../../src/parse/brackets.js';

const CODE_FILE = /\.(?:[cm]?[jt]sx?|py)$/i;

/** Source files an agent can be started from; they are read only when the prefilter saw a launch keyword. */
export function isAgentCodeFile(path: string): boolean {
  return CODE_FILE.test(path);
}

/** The Agent SDK imported (TypeScript or Python), or its predecessor, the Claude Code SDK. */
const SDK_IMPORT = /@anthropic-ai\/claude-(?:agent|code)-sdk|@anthropic-ai\/claude-code\b|\bclaude_(?:agent|code)_sdk\b/;
/** `permissionMode: "bypassPermissions"`, `permission_mode="bypassPermissions"`, a quoted key, or one arm of a ternary. */
const BYPASS_MODE = /\bpermission_?[Mm]ode["']?\s*[:=]\s*(?:[^,\n}]*?\?\s*)?["']bypassPermissions["']/g;
const ALLOWED_TOOLS = /\ballowed_?[Tt]ools["']?\s*[:=]\s*\[([^\]]*)\]/g;
/** An argument list that starts with `claude` (`["claude", "-p", …]`, `spawn("claude", [...])`), lines included. */
const ARGV_START = /[[(]\s*["'`]claude["'`]\s*,/g;
/** A command string handed to a process call: `subprocess.run("claude -p … --dangerously-skip-permissions", shell=True)`. */
const COMMAND_CALL = /\b(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|exec(?:Sync)?|spawn(?:Sync)?|execa(?:Command)?|\$)\s*\(\s*[fr]?["'`](?:npx\s+@anthropic-ai\/claude-code|claude)\s[^"'`\n]*?(--dangerously-skip-permissions)\b/g;
const FLAG = /["'`](--dangerously-skip-permissions)["'`]/g;

export function readAgentCode(file: SourceFile, out: FileEmitter): void {
  const text = file.text;
  const sdk = SDK_IMPORT.test(text);
  // A launch, not a mention: the flag as an element of an argument list whose program is claude, or inside a
  // command string a process call runs. Guards, docstrings and warnings that name the flag do neither.
  for (const start of text.matchAll(ARGV_START)) {
    const from = start.index + start[0].length;
    // An argument list runs a few lines; one that does not close is read for as long as one would.
    const close = closingBracket(text, start.index, { quotes: `"'\``, limit: 4000 });
    const list = text.slice(from, close === -1 ? Math.min(text.length, from + 4000) : close);
    for (const flag of list.matchAll(FLAG)) {
      const at = from + flag.index + 1;
      if (!inComment(text, at)) report(file, out, RULE_IDS.bypassFlag, '--dangerously-skip-permissions', at, flag[1]!.length);
    }
  }
  for (const match of text.matchAll(COMMAND_CALL)) {
    const at = match.index + match[0].length - match[1]!.length;
    if (!inComment(text, at)) report(file, out, RULE_IDS.bypassFlag, '--dangerously-skip-permissions', at, match[1]!.length);
  }
  // Options written apart from the query call (a module of its own) still name Claude somewhere.
  if (!sdk && !/claude/i.test(text)) return;
  for (const match of text.matchAll(BYPASS_MODE)) {
    const at = match.index + match[0].indexOf('bypassPermissions');
    if (inComment(text, at)) continue;
    report(file, out, RULE_IDS.bypassMode, 'Agent SDK option permissionMode: bypassPermissions', at, 'bypassPermissions'.length);
  }
  if (!sdk) return;
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

/** On a line that is a comment (`#`, `//`, `*`) up to `at`: a mention, not a launch. */
function inComment(text: string, at: number): boolean {
  const lineStart = text.lastIndexOf('\n', at) + 1;
  return /^\s*(?:#|\/\/|\*|\/\*)/.test(text.slice(lineStart, at));
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
