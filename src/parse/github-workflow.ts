// What a GitHub Actions workflow's tree says about when its jobs run: the events it triggers on with their activity
// types, a job's or step's `if:`, and the jobs a job waits for. Read off the parsed YAML, so every detector that
// judges workflows reads `on:` the same way, whichever of its three shapes a file uses.
import { get, literalString, type DataNode } from './data-tree.js';
import { conditionHolds, ignoresSkippedNeeds, type Verdict } from './github-condition.js';

/**
 * The events a workflow runs on (`on: push`, `on: [push, pull_request]`, or a map of events), in the order written,
 * each with its activity types as written (`types: [opened, labeled]`); undefined when none are written (or one is
 * not a literal), which means every type.
 */
export function workflowTriggers(on: DataNode | undefined): Map<string, readonly string[] | undefined> {
  const triggers = new Map<string, readonly string[] | undefined>();
  if (!on) return triggers;
  if (on.kind === 'scalar') {
    const event = literalString(on);
    if (event) triggers.set(event, undefined);
  } else if (on.kind === 'seq') {
    for (const item of on.items) {
      const event = literalString(item);
      if (event) triggers.set(event, undefined);
    }
  } else {
    for (const entry of on.entries) {
      const types = get(entry.value, 'types');
      const written = types?.kind === 'seq' ? types.items.map((item) => literalString(item)) : types ? [literalString(types)] : undefined;
      triggers.set(entry.key, written?.every((type): type is string => type !== undefined) ? written : undefined);
    }
  }
  return triggers;
}

/** The `if:` of a job or step as written (an expression or a literal), or undefined when it has none. */
export function conditionOf(node: DataNode | undefined): string | undefined {
  const condition = get(node, 'if');
  return condition?.kind === 'scalar' ? (condition.expression ?? String(condition.value ?? '')) : undefined;
}

/** The jobs a job waits for (`needs: build`, `needs: [build, test]`). */
export function needsOf(job: DataNode | undefined): string[] {
  const needs = get(job, 'needs');
  const names = needs?.kind === 'seq' ? needs.items.map((item) => literalString(item)) : [literalString(needs)];
  return names.filter((name): name is string => !!name);
}

/**
 * Whether a job can run on a run of `event`: `no` when its `if:`, or that of a job it needs (however far back), is
 * false for the event, since a job skipped by its `if:` skips the jobs that need it unless their `if:` says `always()`.
 */
export function jobRunsOn(jobs: DataNode | undefined, id: string, event: string, seen: Set<string> = new Set()): Verdict {
  const job = get(jobs, id);
  if (!job || seen.has(id)) return 'unknown';
  seen.add(id);
  const condition = conditionOf(job);
  const own = condition === undefined ? 'yes' : conditionHolds(condition, event);
  if (own === 'no' || (condition !== undefined && ignoresSkippedNeeds(condition))) return own;
  return needsOf(job).some((need) => jobRunsOn(jobs, need, event, seen) === 'no') ? 'no' : own;
}
