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
  // A script is started by its path (`./scripts/reset-db.sh`) or through a shell (`bash scripts/reset-db.sh`).
  'shell-script': { title: 'script', runners: ['bash', 'sh', 'zsh'] },
};

/** A rule written for a script of the project (`./scripts/reset-db.sh`, `bash scripts/seed.sh`, `scripts/*`). */
const NAMES_SCRIPT = /^(?:(?:ba|z)?sh\s+)?(?:\.\/)?[\w.-]+(?:\/[\w.*-]+)*\.(?:sh|bash)\b/;

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
  if (NAMES_SCRIPT.test(written) || matcher('./scripts/zqx-unlisted-script.sh')) return true;
  return Object.values(TASK_RUNNERS).some(({ runners }) =>
    runners.some((runner) => written.startsWith(`${runner} `) || matcher(`${runner} db:reset`) || matcher(`${runner} zqx-unlisted-task`)),
  );
}

/** The command lines that start a task from the project's directory. */
function invocationsOf(task: ProjectTask, project: string): string[] {
  if (task.kind !== 'shell-script') return TASK_RUNNERS[task.kind].runners.map((runner) => `${runner} ${task.name}`);
  const path = task.path.slice(project.length);
  return [`./${path}`, path, ...TASK_RUNNERS['shell-script'].runners.flatMap((shell) => [`${shell} ${path}`, `${shell} ./${path}`])];
}

/** A script belongs to every project above it; the other tasks to the project whose file declares them. */
function inProject(task: ProjectTask, project: string): boolean {
  return task.kind === 'shell-script' ? task.path.startsWith(project) : directoryOf(task.path) === project;
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
  const started = tasks.filter((candidate) => inProject(candidate, project) && invocationsOf(candidate, project).some((command) => through(command)));
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
