// Which of the events a GitHub workflow runs on (read by src/parse/github-workflow.ts) a user without write access
// can cause, and the events a job's condition keeps it to.
import type { DataNode } from '../../../src/parse/data-tree.js';
import { workflowTriggers } from '../../../src/parse/github-workflow.js';

/** Events whose activity a user without write access can cause on a public repository. */
export const OPEN_EVENTS = new Set(['issues', 'issue_comment', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment', 'discussion', 'discussion_comment']);

/** Activity types only someone with triage or write access causes: a workflow limited to them is gated by GitHub. */
export const MEMBER_TYPES = new Set(['labeled', 'unlabeled', 'assigned', 'unassigned', 'milestoned', 'demilestoned', 'pinned', 'unpinned', 'locked', 'unlocked', 'transferred', 'deleted', 'review_requested', 'review_request_removed', 'category_changed', 'answered', 'unanswered', 'enqueued', 'dequeued']);

/** The open events a workflow runs on; an event limited to member-only activity types is left out. */
export function openEvents(on: DataNode | undefined): string[] {
  // No types (or an empty list): every activity type, `opened` and `created` included.
  return [...workflowTriggers(on)]
    .filter(([event, types]) => OPEN_EVENTS.has(event) && (!types || types.length === 0 || types.some((type) => !MEMBER_TYPES.has(type))))
    .map(([event]) => event);
}

/** The open events a job's condition lets it run on: `if: github.event_name == 'push'` keeps it off the others. */
export function eventsOfJob(condition: string, events: readonly string[]): readonly string[] {
  const named = [...condition.matchAll(/event_name\s*==\s*['"](\w+)['"]/g)].map((match) => match[1]!);
  return named.length === 0 ? events : events.filter((event) => named.includes(event));
}

/** A scalar's text as written, `${{ }}` expressions and all: a condition, a script, an input. */
export function scalarText(node: DataNode | undefined): string {
  if (node?.kind !== 'scalar') return '';
  return node.expression ?? String(node.value ?? '');
}
