// Windsurf workflows (`.windsurf/workflows/*.md`, and the `.agent/workflows/` of Google's Antigravity, which reads the
// same format): `// turbo-all` makes Cascade run every command step of the workflow without asking, and `// turbo`
// above one step runs that step's command unasked.
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { prefixMatcher } from '../../../knowledge/agents/commands.js';
import { commandPermission, emitConfig, emitPermission, RULE_IDS } from '../permission.js';

export const WINDSURF_WORKFLOW = /(^|\/)\.(?:windsurf|agent)\/workflows\/(?:[^/]+\/)*[^/]+\.md$/;

export function readWindsurfWorkflow(file: SourceFile, out: FileEmitter): void {
  const lines = file.text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const marker = /^\s*\/\/\s*turbo(-all)?\s*$/.exec(lines[index]!.replace(/\r$/, ''));
    if (!marker) continue;
    const span = { line: index + 1, column: 1, endLine: index + 1, endColumn: lines[index]!.length + 1 };
    emitConfig(out, 'windsurf', 'settings', file.path);
    if (marker[1]) {
      emitPermission(file, out, { ruleId: RULE_IDS.shellAutoApproved, agent: 'windsurf', grant: 'shell', setting: '// turbo-all', span, lets: "run every command the workflow's steps name", effective: true });
      return;
    }
    // `// turbo` applies to the next step: judged by the command it runs.
    const command = nextCommand(lines, index);
    if (!command) continue;
    const permission = commandPermission(prefixMatcher(command), { agent: 'windsurf', setting: `// turbo: ${command}`, span });
    if (permission) emitPermission(file, out, permission);
  }
}

/** The first command written in backquotes or a fenced block in the lines after a `// turbo` marker. */
function nextCommand(lines: readonly string[], index: number): string | undefined {
  for (let next = index + 1; next < Math.min(lines.length, index + 6); next++) {
    const inline = /`([^`]+)`/.exec(lines[next]!)?.[1];
    if (inline) return inline.trim();
    if (/^\s*```/.test(lines[next]!) && lines[next + 1]) return lines[next + 1]!.trim();
  }
  return undefined;
}
