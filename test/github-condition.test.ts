// A GitHub `if:` read for one event as yes, no or unknown: only what the event fixes is known.
import { describe, expect, it } from 'vitest';
import { conditionHolds, type Verdict } from '../src/parse/github-condition.js';

const cases: Array<[condition: string, event: string, verdict: Verdict]> = [
  ["github.event_name == 'push'", 'pull_request', 'no'],
  ["github.event_name == 'push'", 'push', 'yes'],
  ["${{ github.event_name != 'pull_request' }}", 'pull_request', 'no'],
  ["github.event_name == 'PUSH'", 'push', 'yes'],
  ["github.ref == 'refs/heads/main'", 'pull_request', 'no'],
  ["github.ref == 'refs/heads/main'", 'pull_request_target', 'unknown'],
  ["github.ref == 'refs/heads/main'", 'push', 'unknown'],
  ["github.ref_name == 'main'", 'pull_request', 'no'],
  ["startsWith(github.ref, 'refs/tags/')", 'pull_request', 'no'],
  ["startsWith(github.ref, 'refs/pull/')", 'pull_request', 'yes'],
  ["github.event_name == 'push' && github.ref == 'refs/heads/main'", 'pull_request', 'no'],
  ["github.event_name == 'push' || github.actor == 'me'", 'pull_request', 'unknown'],
  ["github.event_name == 'push' || github.event_name == 'pull_request'", 'pull_request', 'yes'],
  ["!(github.event_name == 'pull_request')", 'pull_request', 'no'],
  ["always() && github.event_name == 'push'", 'pull_request', 'no'],
  ['always()', 'pull_request', 'yes'],
  ['success()', 'pull_request', 'yes'],
  ['cancelled()', 'pull_request', 'no'],
  ["contains(github.event.pull_request.labels.*.name, 'deploy')", 'pull_request', 'unknown'],
  ["github.actor == 'dependabot[bot]'", 'pull_request', 'unknown'],
  ["github['event_name'] == 'push'", 'pull_request', 'no'],
  ["format('{0}', github.event_name) == 'push'", 'pull_request', 'unknown'],
  ["needs.plan.outputs.changed == 'true'", 'pull_request', 'unknown'],
  ["'it''s' == 'it''s'", 'pull_request', 'yes'],
  ['github.event_name == ', 'pull_request', 'unknown'],
  ["${{ github.event_name == 'push' }} && x", 'pull_request', 'unknown'],
  ['true', 'pull_request', 'yes'],
  ['false', 'pull_request', 'no'],
];

describe('conditionHolds', () => {
  it.each(cases)('%s on %s is %s', (condition, event, verdict) => {
    expect(conditionHolds(condition, event)).toBe(verdict);
  });
});

describe('conditionHolds with lists and strings', () => {
  const more: Array<[condition: string, event: string, verdict: Verdict]> = [
    ['contains(fromJSON(\'["push", "workflow_dispatch"]\'), github.event_name)', 'pull_request', 'no'],
    ['contains(fromJSON(\'["push", "workflow_dispatch"]\'), github.event_name)', 'push', 'yes'],
    ['!contains(fromJSON(\'["pull_request", "pull_request_target"]\'), github.event_name)', 'pull_request', 'no'],
    ["contains('push,schedule', github.event_name)", 'pull_request', 'no'],
    ["contains(fromJSON('[\"refs/heads/main\"]'), github.ref)", 'pull_request', 'no'],
    ["contains(fromJSON('[\"refs/heads/main\"]'), github.ref)", 'push', 'unknown'],
    ["endsWith(github.event_name, '_target')", 'pull_request', 'no'],
    ["github.event_name == fromJSON('\"push\"')", 'pull_request', 'no'],
  ];
  it.each(more)('%s on %s is %s', (condition, event, verdict) => {
    expect(conditionHolds(condition, event)).toBe(verdict);
  });
});
