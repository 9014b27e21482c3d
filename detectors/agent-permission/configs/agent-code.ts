// Coding agents started from a program: the Claude Agent SDK's options (`permissionMode: "bypassPermissions"`, an
// `allowedTools` list with the shell in it), and any agent CLI run as a subprocess with its bypass flag in the argument
// list (`["codex", "exec", "--dangerously-bypass-approvals-and-sandbox"]`). Orchestration code is where unattended
// agents get their permissions set, so it is read like a launcher.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { allowedToolPermission } from './launchers.js';
import { closingBracket } from '../../../src/parse/brackets.js';
import { AGENT_COMMANDS, LAUNCH_FLAGS } from '../../../knowledge/agents/launch-flags.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';

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
/** An argument list that starts with an agent CLI (`["claude", "-p", …]`, `spawn("codex", [...])`), lines included. */
const ARGV_START = /[[(]\s*["'`](claude|codex|gemini|cursor-agent|copilot|opencode|qwen|droid|crush|cline|kilo|openhands|amp)["'`]\s*,/g;
/** One string literal of an argument list. */
const ARGUMENT = /["'`]([^"'`\n]*)["'`]/g;
/** A command string handed to a process call: `subprocess.run("claude -p … --dangerously-skip-permissions", shell=True)`. */
const COMMAND_CALL = /\b(?:subprocess\.(?:run|call|check_call|check_output|Popen)|os\.system|exec(?:Sync)?|spawn(?:Sync)?|execa(?:Command)?|\$)\s*\(\s*[fr]?["'`](?:npx\s+@anthropic-ai\/claude-code|claude)\s[^"'`\n]*?(--dangerously-skip-permissions)\b/g;

export function readAgentCode(file: SourceFile, out: FileEmitter): void {
  const text = file.text;
  const sdk = SDK_IMPORT.test(text);
  // A launch, not a mention: the flag as an element of an argument list whose program is claude, or inside a
  // command string a process call runs. Guards, docstrings and warnings that name the flag do neither.
  for (const start of text.matchAll(ARGV_START)) {
    const program = start[1]!;
    const agent = agentOfProgram(program);
    if (!agent) continue;
    const from = start.index + start[0].length;
    // An argument list runs a few lines; one that does not close is read for as long as one would.
    const close = closingBracket(text, start.index, { quotes: `"'\``, limit: 4000 });
    const list = text.slice(from, close === -1 ? Math.min(text.length, from + 4000) : close);
    // The literal arguments joined into the command line they make, each remembered by where it starts in both.
    const argumentsAt: Array<{ inLine: number; inText: number }> = [];
    let line = program;
    for (const argument of list.matchAll(ARGUMENT)) {
      line += ' ';
      argumentsAt.push({ inLine: line.length, inText: from + argument.index + 1 });
      line += argument[1]!;
    }
    // One launch is one finding, even when two spellings of the bypass are in its list.
    let reported = false;
    for (const flag of LAUNCH_FLAGS) {
      if (reported || flag.agent !== agent || flag.inFile || (flag.command && !flag.command.test(line))) continue;
      for (const match of line.matchAll(flag.everywhere)) {
        const argument = argumentsAt.findLast((candidate) => candidate.inLine <= match.index);
        if (!argument) continue;
        const at = argument.inText + (match.index - argument.inLine);
        // A whole argument (`--yolo`, not `--yolo-mode`); `--dangerously-skip-permissions=false` turns the flag off.
        const after = line.slice(match.index + match[0].length);
        if (inComment(text, at) || !/^(?:$|[\s=])/.test(after) || /^=["']?(?:false|0|no)\b/i.test(after)) continue;
        report(file, out, agent, RULE_IDS.bypassFlag, match[0].trim(), at, match[0].length, flag);
        reported = true;
        break;
      }
    }
  }
  for (const match of text.matchAll(COMMAND_CALL)) {
    const at = match.index + match[0].length - match[1]!.length;
    if (!inComment(text, at)) report(file, out, 'claude-code', RULE_IDS.bypassFlag, '--dangerously-skip-permissions', at, match[1]!.length);
  }
  // Options written apart from the query call (a module of its own) still name Claude somewhere.
  if (!sdk && !/claude/i.test(text)) return;
  for (const match of text.matchAll(BYPASS_MODE)) {
    const at = match.index + match[0].indexOf('bypassPermissions');
    if (inComment(text, at)) continue;
    report(file, out, 'claude-code', RULE_IDS.bypassMode, 'Agent SDK option permissionMode: bypassPermissions', at, 'bypassPermissions'.length);
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

/** The agent a program name in an argument list starts (`amp` is too common a word for a command line elsewhere). */
function agentOfProgram(program: string): AgentId | undefined {
  if (program === 'amp') return 'amp';
  return AGENT_COMMANDS.find(({ command }) => command.test(program))?.agent;
}

function report(file: SourceFile, out: FileEmitter, agent: AgentId, ruleId: string, setting: string, at: number, length: number, flag?: { grant: 'bypass-mode' | 'file-write' | 'mcp-tool'; lets: string }): void {
  const position = file.positionAt(at);
  emitConfig(out, agent, 'launcher', file.path);
  emitPermission(file, out, {
    ruleId: flag?.grant === 'mcp-tool' ? RULE_IDS.mcpToolsAutoApproved : ruleId,
    agent,
    grant: flag?.grant ?? 'bypass-mode',
    setting,
    span: { line: position.line, column: position.column, endLine: position.line, endColumn: position.column + length },
    lets: flag?.lets ?? 'run every tool, shell and file writes included,',
    effective: true,
    ...(flag?.grant === 'file-write' ? { severity: 'low' as const } : {}),
  });
}
