// Claude Code slash commands (`.claude/commands/*.md`) and skills (`.claude/skills/<name>/SKILL.md`): the
// `allowed-tools` line of their front matter approves those tools, unasked, while the command or skill runs. A
// command that allows `Bash` or `Bash(psql:*)` lets the agent run that shell through whatever the prompt asks.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { emitConfig, emitPermission } from '../permission.js';
import { allowedToolPermission, splitToolList } from './launchers.js';

export const CLAUDE_COMMAND = /(^|\/)\.claude\/(?:commands\/(?:[^/]+\/)*[^/]+\.md|skills\/(?:[^/]+\/)*SKILL\.md)$/;

export function readClaudeCommand(file: SourceFile, out: FileEmitter): void {
  const lines = file.text.split('\n');
  if (lines[0]?.trim() !== '---') return;
  for (let index = 1; index < lines.length; index++) {
    const line = lines[index]!.replace(/\r$/, '');
    if (line.trim() === '---') return;
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
