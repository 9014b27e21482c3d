// Tasks a repository defines (package.json scripts, Makefile targets, justfile recipes) that run a destructive CLI. An allow rule for
// the runner (`Bash(npm run:*)`, `Bash(make:*)`) lets the agent start them, and the deny rules it is judged against
// never see the command the task runs (Claude Code matches the command typed). The readers publish them here; they
// are judged with the allow rules in the cross-file pass.
import type { ProjectTask } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { destructiveUseOf, volumeUseOf, type CommandProbe } from '../../../knowledge/agents/commands.js';
import { lineSpan } from './tree.js';

/** How each kind of task is started (an allow rule matching `<runner> <name>` runs it), and what a message calls it. */
export const TASK_RUNNERS: Readonly<Record<ProjectTask['kind'], { title: string; runners: readonly string[] }>> = {
  'package-script': { title: 'package script', runners: ['npm run', 'npm run-script', 'pnpm run', 'pnpm', 'yarn run', 'yarn', 'bun run'] },
  'make-target': { title: 'make target', runners: ['make', 'gmake'] },
  'just-recipe': { title: 'just recipe', runners: ['just'] },
};

/**
 * The destructive CLI a task's command line runs. Removing files (`rm -rf dist`) is what build tasks do; databases
 * and infrastructure are not. A Docker volume command (`docker compose down -v`) counts where a compose database
 * keeps its data in one, judged once the stores are known (pending-grants.ts).
 */
export function destructiveTaskCommand(commandLine: string): CommandProbe | undefined {
  return destructiveUseOf(commandLine, ['data', 'infrastructure', 'migration']) ?? volumeUseOf(commandLine);
}

export function publishTask(file: SourceFile, out: FileEmitter, kind: ProjectTask['kind'], name: string, probe: CommandProbe, span: Span): void {
  out.publish('project-task', { kind, path: file.path, name, tool: probe.tool, does: probe.does, needsCredential: probe.needsCredential === true, ...(probe.dataIn ? { dataIn: probe.dataIn } : {}), location: { path: file.path, span: lineSpan(file, span) } });
}
