// Agents a GitHub workflow starts with approvals off on an event any GitHub user causes (an issue opened, a comment,
// a fork's pull request under pull_request_target), in a job no condition keeps to the repository's members. The
// agent actions that check the actor's access themselves (claude-code-action, codex-action) are judged by their
// access inputs instead (agent-actions.ts); run-gemini-cli and a CLI started in a `run:` step check nothing.
import type { AgentGrant } from '../../../src/facts/index.js';
import type { FileEmitter, SourceFile } from '../../../src/model.js';
import { get, literalString, type DataNode } from '../../../src/parse/data-tree.js';
import { agentTitle } from '../../../knowledge/agents/agents.js';
import { ACCESS_CHECKING_ACTION } from '../../../knowledge/agents/ci-actions.js';
import { eventsOfJob, openEvents, scalarText } from './workflow-events.js';
import { untrustedTrigger } from '../rules/untrusted-trigger.js';
import { needsOf } from '../../../src/parse/github-workflow.js';

/**
 * A condition that looks at who acted or at what only members can set: `author_association`, the actor, a label, a
 * permission check, a pull request from the repository itself (`head.repo.full_name == github.repository`).
 */
export const GATE = /author_association|\bgithub\.(?:triggering_)?actor\b|\bsender\.(?:login|id)\b|\.user\.login\b|\brepository_owner\b|permission|\blabels?\b|\bhead\.repo\.(?:full_name|fork)\b|collaborators/i;

/** A step that checks the actor's access: an action (`check-user-permission`) or a `gh api …/collaborators/…/permission` call. */
export const ACCESS_CHECK = /permission|collaborators/i;

/** Grants that let the agent act, not only edit: what a stranger's prompt, or a credential in its environment, is then used through. */
export const ACTING_GRANTS: ReadonlySet<string> = new Set(['bypass-mode', 'shell', 'interpreter', 'destructive-command']);

/** Reports, once per job, an agent launch that `grants` (published while the workflow was read) put in an open job. */
export function reportUntrustedLaunches(file: SourceFile, out: FileEmitter, grants: readonly AgentGrant[]): void {
  const acting = grants.filter((grant) => grant.effective && ACTING_GRANTS.has(grant.grant));
  if (acting.length === 0) return;
  const root = file.data()?.roots[0];
  const events = openEvents(get(root, 'on'));
  const jobs = get(root, 'jobs');
  if (events.length === 0 || jobs?.kind !== 'map') return;
  for (const job of jobs.entries) {
    if (job.value.kind !== 'map' || gatedAfterNeeds(jobs, job.key)) continue;
    const jobEvents = eventsOfJob(scalarText(get(job.value, 'if')), events);
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

/**
 * Whether a job runs only for members, or may: a condition on the actor or a protected environment (its reviewers),
 * on the job or on a job it waits for, however far back, or a job it waits for checking the actor's access in a step
 * (whose result or outputs then decide whether it runs). A job after others that check nothing runs for anyone.
 */
export function gatedAfterNeeds(jobs: DataNode, id: string, seen: Set<string> = new Set()): boolean {
  const job = get(jobs, id);
  if (job?.kind !== 'map' || seen.has(id)) return false;
  seen.add(id);
  if (get(job, 'environment') || GATE.test(scalarText(get(job, 'if')))) return true;
  return needsOf(job).some((need) => checksAccess(get(jobs, need)) || gatedAfterNeeds(jobs, need, seen));
}

function checksAccess(job: DataNode | undefined): boolean {
  const steps = get(job, 'steps');
  return (
    steps?.kind === 'seq' &&
    steps.items.some((step) => [literalString(get(step, 'uses')) ?? '', scalarText(get(step, 'run')), scalarText(get(get(step, 'with'), 'script'))].some((text) => ACCESS_CHECK.test(text)) || GATE.test(scalarText(get(step, 'if'))))
  );
}

/**
 * The first step a grant sits in, unless that step or one before it limits who gets there (a step `if:` on the
 * actor, a permission check) or the step's action checks the actor itself.
 */
function firstLaunch(steps: readonly DataNode[], grants: readonly AgentGrant[]): { grant: AgentGrant } | undefined {
  for (const step of steps) {
    const stepText = scalarText(get(step, 'if'));
    const uses = literalString(get(step, 'uses')) ?? '';
    const run = literalString(get(step, 'run')) ?? '';
    const grant = grants.find((candidate) => candidate.location.span.line >= step.span.line && candidate.location.span.line <= step.span.endLine);
    if (grant) {
      if (ACCESS_CHECKING_ACTION.test(uses) || GATE.test(stepText)) return undefined;
      return { grant };
    }
    if (ACCESS_CHECK.test(uses) || ACCESS_CHECK.test(run)) return undefined;
  }
  return undefined;
}
