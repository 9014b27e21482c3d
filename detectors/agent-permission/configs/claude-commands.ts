// Claude Code slash commands (`.claude/commands/*.md`) and skills (`.claude/skills/<name>/SKILL.md`): the
// `allowed-tools` line of their front matter approves those tools, unasked, while the command or skill runs. A
// command that allows `Bash` or `Bash(psql:*)` lets the agent run that shell through whatever the prompt asks.
// Subagents (`.claude/agents/*.md`) choose their own permission mode: `permissionMode: bypassPermissions` runs every
// tool the subagent has without a prompt, whatever the project's settings say.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { emitConfig, emitPermission, RULE_IDS } from '../permission.js';
import { allowedToolPermission, splitToolList } from './launchers.js';

export const CLAUDE_COMMAND = /(^|\/)\.claude\/(?:commands\/(?:[^/]+\/)*[^/]+\.md|skills\/(?:[^/]+\/)*SKILL\.md|agents\/(?:[^/]+\/)*[^/]+\.md)$/;
const SUBAGENT = /(^|\/)\.claude\/agents\//;

export function readClaudeCommand(file: SourceFile, out: FileEmitter): void {
  const lines = file.text.split('\n');
  if (lines[0]?.trim() !== '---') return;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '---') return;
    const mode = /^permissionMode:[ \t]*["']?bypassPermissions["']?[ \t]*$/.exec(line);
    if (mode && SUBAGENT.test(file.path) && !readOnlyTools(lines)) {
      emitConfig(out, 'claude-code', 'settings', file.path);
      emitPermission(file, out, {
        ruleId: RULE_IDS.bypassMode,
        agent: 'claude-code',
        grant: 'bypass-mode',
        setting: 'permissionMode: bypassPermissions',
        span: { line: index + 1, column: 1, endLine: index + 1, endColumn: line.length + 1 },
        lets: 'run every tool the subagent has, shell included,',
        effective: true,
      });
      continue;
    }
    const field = /^allowed-tools:[ \t]*(.*)$/.exec(line);
    if (!field) continue;
    // `allowed-tools: Bash(git add:*), Read`, or a YAML list on the lines below.
    const inline = field[1]!.trim().replace(/^\[|\]$/g, '');
    const entries = inline !== '' ? splitToolList(inline.replace(/["']/g, '')) : listBelow(lines, index);
    for (const entry of entries) {
      const column = Math.max(0, line.indexOf(entry));
      const permission = allowedToolPermission(entry, { line: index + 1, column: column + 1, endLine: index + 1, endColumn: column + 1 + entry.length }, `allowed-tools: ${entry}`);
      if (!permission) continue;
      emitConfig(out, 'claude-code', 'settings', file.path);
      emitPermission(file, out, permission);
    }
  }
}

/** `- Bash(npm test:*)` items under the field. */
function listBelow(lines: readonly string[], index: number): string[] {
  const entries: string[] = [];
  for (let next = index + 1; next < lines.length; next++) {
    const item = /^[ \t]+-[ \t]*["']?([^"'\r]+?)["']?[ \t]*\r?$/.exec(lines[next]!);
    if (!item) break;
    entries.push(item[1]!);
  }
  return entries;
}

/** A subagent whose `tools:` list holds only readers (`Read, Grep, Glob`): bypassing their prompts changes nothing. */
function readOnlyTools(lines: readonly string[]): boolean {
  for (let index = 1; index < lines.length && lines[index]!.trim() !== '---'; index++) {
    const field = /^tools:[ \t]*(.*)$/.exec(lines[index]!.replace(/\r$/, ''));
    if (!field) continue;
    const tools = field[1]!.trim() !== '' ? splitToolList(field[1]!.replace(/["'[\]]/g, '')) : listBelow(lines, index);
    return tools.length > 0 && tools.every((tool) => /^(?:Read|Grep|Glob|LS|WebFetch|WebSearch|TodoWrite|Task)$/.test(tool.trim()));
  }
  return false;
}
