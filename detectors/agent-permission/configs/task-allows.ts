// Allow rules of Codex, Gemini CLI, Cursor, VS Code, OpenCode, Amazon Q, Amp and Zed that start a project's tasks: `prefix_rule(pattern=["npm",
// "run"])` grants nothing destructive by itself, but `npm run db:reset` runs whatever the package.json says. The rule
// is held as data while files are read, and judged against every task of its project in the cross-file pass, as
// Claude Code's are (claude-code.ts).
import type { CommandRule } from '../../../src/facts/index.js';
import type { FileEmitter, FinishContext, SourceFile, Span } from '../../../src/model.js';
import type { AgentId } from '../../../knowledge/agents/agents.js';
import { matcherOfRule, type CommandMatcher } from '../../../knowledge/agents/commands.js';
import { reportPermission } from '../permission.js';
import { mayStartTasks, taskPermission } from './tasks.js';
import { lineSpan } from './tree.js';

export interface TaskAllow {
  agent: AgentId;
  setting: string;
  rule: CommandRule;
  /** The rule as written, for rules naming one task (`make db-drop`). */
  written: string;
  except: readonly CommandRule[];
  span: Span;
  /** The directory the agent works in, with a trailing slash: where the configuration's dot-directory sits. */
  project: string;
  effective?: boolean;
  ignoredBecause?: string;
}

/** Holds an allow rule that granted nothing by itself, when it may start a task. */
export function holdTaskAllow(file: SourceFile, out: FileEmitter, allow: TaskAllow): void {
  const matcher = matcherOfRule(allow.rule);
  if (!matcher || !mayStartTasks(matcher, allow.written)) return;
  out.publish('agent-task-allow', {
    agent: allow.agent,
    setting: allow.setting,
    rule: allow.rule,
    except: [...allow.except],
    project: allow.project,
    effective: allow.effective ?? true,
    ...(allow.ignoredBecause ? { ignoredBecause: allow.ignoredBecause } : {}),
    location: { path: file.path, span: lineSpan(file, allow.span) },
    snippet: file.line(allow.span.line).trim(),
  });
}

export function resolveTaskAllows(context: FinishContext): void {
  const allows = context.facts.all('agent-task-allow');
  if (allows.length === 0) return;
  const tasks = context.facts.all('project-task');
  if (tasks.length === 0) return;
  for (const allow of allows) {
    const matcher = matcherOfRule(allow.rule);
    if (!matcher) continue;
    const brakes = allow.except.map(matcherOfRule).filter((brake): brake is CommandMatcher => brake !== undefined);
    const through = (command: string) => matcher(command) && !brakes.some((brake) => brake(command));
    const permission = taskPermission(through, allow.project, tasks, {
      agent: allow.agent as AgentId,
      setting: allow.setting,
      span: allow.location.span,
      effective: allow.effective,
      ...(allow.ignoredBecause ? { ignoredBecause: allow.ignoredBecause } : {}),
    });
    if (permission) reportPermission(context, allow.location, allow.snippet, permission);
  }
}
