// Shell scripts of the project that run a destructive CLI (`scripts/reset-db.sh` calling `prisma migrate reset`): tasks
// an allow rule naming the script (`Bash(./scripts/reset-db.sh)`, `Bash(bash scripts/*)`) lets the agent start, while
// the deny rules it is judged against never see the commands inside (tasks.ts).
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { isTestOrExamplePath } from '../../../src/paths.js';
import { DESTRUCTIVE_PROGRAM, type CommandProbe } from '../../../knowledge/agents/commands.js';
import { destructiveTaskCommand, publishTask } from './tasks.js';

export const SHELL_SCRIPT = /\.(?:sh|bash)$/;

export function readShellScript(file: SourceFile, out: FileEmitter): void {
  // Test set-up and example scripts act on throwaway databases; most other scripts name no destructive CLI at all. The
  // word naming the destruction is asked first: its short list scans a text about three times faster than the programs'.
  if (isTestOrExamplePath(file.path) || !NAMES_DESTRUCTION.test(file.text) || !DESTRUCTIVE_PROGRAM.test(file.text)) return;
  const lines = file.text.split('\n');
  let found: { probe: CommandProbe; index: number } | undefined;
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (line.startsWith('#') || !NAMES_DESTRUCTION.test(line) || !DESTRUCTIVE_PROGRAM.test(line)) continue;
    const probe = harmOf(line);
    if (!probe || (found && probe.dataIn)) continue;
    found = { probe, index };
    if (!probe.dataIn) break;
  }
  if (!found) return;
  // One task per script: its first command deleting wherever it runs (else one deleting Docker volumes) names it.
  const text = lines[found.index]!;
  publishTask(file, out, 'shell-script', file.path, found.probe, { line: found.index + 1, column: 1, endLine: found.index + 1, endColumn: text.length + 1 });
}

/**
 * What a line of a script destroys whatever it is started with. The agent steers none of a script's command lines:
 * `psql -c "SELECT 1"` or a `curl` of a fixed URL does what it says, so a line counts only when it names the
 * destruction itself (`DROP TABLE`, `migrate reset`, `terraform destroy`, `down -v`).
 */
function harmOf(line: string): CommandProbe | undefined {
  for (const part of line.split(/&&|\|\||;|\|/)) {
    if (!NAMES_DESTRUCTION.test(part)) continue;
    const probe = destructiveTaskCommand(part.trim());
    if (probe && !probe.needsCredential) return probe;
  }
  return undefined;
}

const NAMES_DESTRUCTION = /\b(?:delete|destroy|drop|dropdb|reset|rb|rm|remove|uninstall|down|flush(?:all)?|wipe|fresh|truncate|terminate|purge|clean|downgrade|rollback)\b/i;
