// Tasks a repository defines (package.json scripts, Makefile targets, justfile recipes) that run a destructive CLI. An allow rule for
// the runner (`Bash(npm run:*)`, `Bash(make:*)`) lets the agent start them, and the deny rules it is judged against
// never see the command the task runs (Claude Code matches the command typed). The readers publish them here; they
// are judged with the allow rules in the cross-file pass.
import type { ProjectTask } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile, Span } from '../../../src/model.js';
import { destructiveUseOf, volumeUseOf, type CommandMatcher, type CommandProbe } from '../../../knowledge/agents/commands.js';
import { RULE_IDS, type Permission } from '../permission.js';
import { directoryOf, lineSpan } from './tree.js';

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

/**
 * Whether an allow rule may start some task of a project (`npm run:*`, `pnpm db:*`, `make`, `make db-drop`): which
 * one, and whether it is destructive, is decided once every task is read.
 */
export function mayStartTasks(matcher: CommandMatcher, written: string): boolean {
  return Object.values(TASK_RUNNERS).some(({ runners }) =>
    runners.some((runner) => written.startsWith(`${runner} `) || matcher(`${runner} db:reset`) || matcher(`${runner} zqx-unlisted-task`)),
  );
}

/**
 * What an allow rule grants through the tasks of its project (`project`: the directory the agent works in): the first
 * task it starts that is destructive wherever it runs, else one deleting Docker volumes (held until the stores are known).
 */
export function taskPermission(
  through: CommandMatcher,
  project: string,
  tasks: readonly ProjectTask[],
  base: Pick<Permission, 'agent' | 'setting' | 'span' | 'effective' | 'ignoredBecause'>,
): Permission | undefined {
  const started = tasks.filter((candidate) => directoryOf(candidate.path) === project && TASK_RUNNERS[candidate.kind].runners.some((runner) => through(`${runner} ${candidate.name}`)));
  const task = started.find((candidate) => !candidate.dataIn) ?? started[0];
  if (!task) return undefined;
  const via = `the ${TASK_RUNNERS[task.kind].title} ${task.name}`;
  return {
    ...base,
    ruleId: RULE_IDS.destructiveCommandAllowed,
    grant: 'destructive-command',
    lets: `run ${via}, which runs ${task.tool} (it ${task.does}),`,
    reaches: task.tool,
    ...(task.needsCredential ? { severity: 'medium' as const } : {}),
    ...(task.dataIn ? { dataIn: task.dataIn, via } : {}),
  };
}
