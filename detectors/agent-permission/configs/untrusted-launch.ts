// Agents a GitHub workflow starts with approvals off on an event any GitHub user causes (an issue opened, a comment,
// a fork's pull request under pull_request_target), in a job no condition keeps to the repository's members. The
// agent actions that check the actor's access themselves (claude-code-action, codex-action) are judged by their
// access inputs instead (agent-actions.ts); run-gemini-cli and a CLI started in a `run:` step check nothing.
import type { AgentGrant } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString, type DataNode, type MapNode } from '../../../src/parse/data-tree.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { untrustedTrigger } from '../rules/untrusted-trigger.js';

/** Events whose activity a user without write access can cause on a public repository. */
export const OPEN_EVENTS = new Set(['issues', 'issue_comment', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'discussion', 'discussion_comment']);

/** Activity types only someone with triage or write access causes: a workflow limited to them is gated by GitHub. */
export const MEMBER_TYPES = new Set(['labeled', 'unlabeled', 'assigned', 'unassigned', 'milestoned', 'demilestoned', 'pinned', 'unpinned', 'locked', 'unlocked', 'transferred', 'deleted', 'review_requested', 'review_request_removed', 'category_changed', 'answered', 'unanswered', 'enqueued', 'dequeued']);

/**
 * A condition that looks at who acted or at what only members can set: `author_association`, the actor, a label, a
 * permission check, a pull request from the repository itself (`head.repo.full_name == github.repository`).
 */
export const GATE = /author_association|\bgithub\.(?:triggering_)?actor\b|\bsender\.(?:login|id)\b|\.user\.login\b|\brepository_owner\b|permission|\blabels?\b|\bhead\.repo\.(?:full_name|fork)\b|collaborators/i;

/** A step that checks the actor's access: an action (`check-user-permission`) or a `gh api …/collaborators/…/permission` call. */
export const ACCESS_CHECK = /permission|collaborators/i;

/** Actions that refuse actors without write access unless a workflow lists others. */
const SELF_CHECKING = /^(?:anthropics\/claude-code-action|openai\/codex-action)@/;

/** Grants that let the agent act, not only edit: what a stranger's prompt then reaches. */
const ACTING_GRANTS = new Set(['bypass-mode', 'shell', 'interpreter', 'destructive-command']);

/** Reports, once per job, an agent launch that `grants` (published while the workflow was read) put in an open job. */
export function reportUntrustedLaunches(file: SourceFile, out: FileEmitter, grants: readonly AgentGrant[]): void {
  const acting = grants.filter((grant) => grant.effective && ACTING_GRANTS.has(grant.grant));
  if (acting.length === 0) return;
  const root = file.data()?.roots[0];
  const events = openEvents(get(root, 'on'));
  const jobs = get(root, 'jobs');
  if (events.length === 0 || jobs?.kind !== 'map') return;
  for (const job of jobs.entries) {
    if (job.value.kind !== 'map' || gated(job.value)) continue;
    const jobEvents = eventsOfJob(conditionText(get(job.value, 'if')), events);
    if (jobEvents.length === 0) continue;
    const steps = get(job.value, 'steps');
    if (steps?.kind !== 'seq') continue;
    const launch = firstLaunch(steps.items, acting);
    if (!launch) continue;
    const { grant } = launch;
    const agent = agentTitle(grant.agent);
    out.report({
      ruleId: untrustedTrigger.id,
      message:
        `${grant.setting} in job \`${job.key}\` of ${file.path} starts ${agent} without approvals on \`${jobEvents.join('`, `')}\`, which any GitHub user ` +
        "can cause, and no condition keeps the job to the repository's members: a stranger's issue, comment or pull request " +
        "becomes the agent's input, with the job's secrets and token in reach.",
      location: grant.location,
      snippet: file.line(grant.location.span.line).trim(),
      evidence: `${job.key}:open-launch`,
      details: { job: job.key, events: [...jobEvents], agent: grant.agent, setting: grant.setting },
    });
  }
}

/** The open events a workflow runs on; an event limited to member-only activity types is left out. */
export function openEvents(on: DataNode | undefined): string[] {
  if (!on) return [];
  if (on.kind === 'scalar') return typeof on.value === 'string' && OPEN_EVENTS.has(on.value) ? [on.value] : [];
  if (on.kind === 'seq') return on.items.map((item) => literalString(item)).filter((event): event is string => event !== undefined && OPEN_EVENTS.has(event));
  return on.entries
    .filter((entry) => OPEN_EVENTS.has(entry.key))
    .filter((entry) => {
      const types = get(entry.value, 'types');
      const written = types?.kind === 'seq' ? types.items.map((item) => literalString(item)) : types ? [literalString(types)] : [];
      // No types: every activity type, `opened` and `created` included.
      return written.length === 0 || written.some((type) => type === undefined || !MEMBER_TYPES.has(type));
    })
    .map((entry) => entry.key);
}

/** The open events a job's condition lets it run on: `if: github.event_name == 'push'` keeps it off the others. */
export function eventsOfJob(condition: string, events: readonly string[]): readonly string[] {
  const named = [...condition.matchAll(/event_name\s*==\s*['"](\w+)['"]/g)].map((match) => match[1]!);
  return named.length === 0 ? events : events.filter((event) => named.includes(event));
}

/**
 * A job that runs only for members, or may: a condition on the actor, a protected environment (its reviewers), or a
 * job it waits for (which may check the actor first).
 */
export function gated(job: MapNode): boolean {
  if (get(job, 'environment') || get(job, 'needs')) return true;
  return GATE.test(conditionText(get(job, 'if')));
}

export function conditionText(node: DataNode | undefined): string {
  if (node?.kind !== 'scalar') return '';
  return node.expression ?? String(node.value ?? '');
}

/**
 * The first step a grant sits in, unless that step or one before it limits who gets there (a step `if:` on the
 * actor, a permission check) or the step's action checks the actor itself.
 */
function firstLaunch(steps: readonly DataNode[], grants: readonly AgentGrant[]): { grant: AgentGrant } | undefined {
  for (const step of steps) {
    const stepText = conditionText(get(step, 'if'));
    const uses = literalString(get(step, 'uses')) ?? '';
    const run = literalString(get(step, 'run')) ?? '';
    const grant = grants.find((candidate) => candidate.location.span.line >= step.span.line && candidate.location.span.line <= step.span.endLine);
    if (grant) {
      if (SELF_CHECKING.test(uses) || GATE.test(stepText)) return undefined;
      return { grant };
    }
    if (ACCESS_CHECK.test(uses) || ACCESS_CHECK.test(run)) return undefined;
  }
  return undefined;
}
