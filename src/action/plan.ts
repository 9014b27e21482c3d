// Decides what the Action scans from the event: on a pull request only the lines it adds or changes (base from the
// event, head = the checked-out commit), a full scan otherwise, and a full scan with a notice whenever the range
// cannot be known (a new branch, a first commit, a base missing from a shallow clone).
import { existsSync, readFileSync } from 'node:fs';
import { git } from '../discover/git.js';
import { changedLines, hasCommit, type ChangedLines } from '../discover/diff.js';
import { isShallow } from '../discover/history.js';
import type { Env } from './toolkit.js';

export type ScanInput = 'auto' | 'changed' | 'full';
export const SCAN_INPUTS: readonly ScanInput[] = ['auto', 'changed', 'full'];

export type Plan =
  | { mode: 'full'; description: string; notice?: string }
  | { mode: 'changed'; base: string; head: string; description: string; changed: ChangedLines; notice?: string };

interface EventPayload {
  before?: unknown;
  after?: unknown;
  commits?: unknown;
  pull_request?: { number?: unknown; commits?: unknown; base?: { sha?: unknown; ref?: unknown }; head?: { sha?: unknown } };
  merge_group?: { base_sha?: unknown };
}

const PULL_REQUEST_EVENTS = new Set(['pull_request', 'pull_request_target', 'pull_request_review', 'pull_request_review_comment']);
const ZERO_SHA = /^0+$/;

/** Reads the payload the runner wrote; a missing or broken one is an empty event (manual runs, local tests). */
export function readEvent(env: Env): EventPayload {
  const path = env.GITHUB_EVENT_PATH;
  if (!path || !existsSync(path)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return parsed && typeof parsed === 'object' ? (parsed as EventPayload) : {};
  } catch {
    return {};
  }
}

/** GitHub lists at most this many commits of a push in its payload: a list this long may be cut. */
const PUSH_COMMITS_LISTED = 2048;

/**
 * How deep a clone must reach from the checked-out commit to hold each commit of the change, when the event says how
 * many it has: a pull request's commits, the test merge commit above them and the commit they fork from; a push's
 * commits and the commit before them.
 */
export function depthOfChange(eventName: string, event: EventPayload): number | undefined {
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    const commits = event.pull_request?.commits;
    return typeof commits === 'number' && Number.isInteger(commits) && commits > 0 ? commits + 2 : undefined;
  }
  if (eventName === 'push' && Array.isArray(event.commits) && event.commits.length > 0 && event.commits.length < PUSH_COMMITS_LISTED) {
    return event.commits.length + 1;
  }
  return undefined;
}

/**
 * The scan plan. `repository` is the git work tree (undefined when the workspace is not one). `deepen` is asked to
 * fetch a shallow checkout deep enough to hold the change's commits, and `fetchBase` to bring a base commit it still
 * lacks; either may fail.
 */
export async function planScan(
  env: Env,
  requested: ScanInput,
  repository: string | undefined,
  fetchBase: (sha: string) => boolean,
  deepen: (depth: number) => boolean = () => false,
): Promise<Plan> {
  const eventName = env.GITHUB_EVENT_NAME ?? '';
  const event = readEvent(env);
  const onPullRequest = PULL_REQUEST_EVENTS.has(eventName) || eventName === 'merge_group';
  if (requested === 'full' || (requested === 'auto' && !onPullRequest)) {
    return { mode: 'full', description: `Full scan (${eventName || 'no event'}).` };
  }
  if (!repository) {
    return { mode: 'full', description: 'Full scan.', notice: 'The workspace is not a git repository, so changed lines cannot be known; scanned everything.' };
  }

  // actions/checkout fetches one commit by default: without the change's commits, one that added a key and a later
  // one that removed it cannot be read. The event says how many there are, so the clone can be deepened that far.
  const depth = depthOfChange(eventName, event);
  if (depth !== undefined && isShallow(repository)) deepen(depth);

  const head = revParse(repository, 'HEAD');
  if (!head) return { mode: 'full', description: 'Full scan.', notice: 'The checkout has no commit; scanned everything.' };

  let base: string | undefined;
  let what: string;
  if (PULL_REQUEST_EVENTS.has(eventName)) {
    base = sha(event.pull_request?.base?.sha);
    const number = typeof event.pull_request?.number === 'number' ? ` #${event.pull_request.number}` : '';
    what = `pull request${number}`;
  } else if (eventName === 'merge_group') {
    base = sha(event.merge_group?.base_sha);
    what = 'merge group';
  } else if (eventName === 'push') {
    base = sha(event.before);
    what = 'push';
    if (!base) {
      return { mode: 'full', description: 'Full scan (push).', notice: 'This push has no previous commit to compare with (a new branch or a first commit); scanned everything.' };
    }
  } else {
    // Any other event: the commit's own change, when it has a parent.
    base = revParse(repository, 'HEAD^1');
    what = eventName || 'commit';
    if (!base) return { mode: 'full', description: 'Full scan.', notice: 'The checked-out commit has no parent to compare with; scanned everything.' };
  }
  if (!base) {
    return { mode: 'full', description: 'Full scan.', notice: `The ${what} event names no base commit; scanned everything.` };
  }

  if (!hasCommit(repository, base) && !(fetchBase(base) && hasCommit(repository, base))) {
    return {
      mode: 'full',
      description: 'Full scan.',
      notice:
        `The base commit ${base.slice(0, 12)} is not in this clone (a shallow checkout) and could not be fetched, so changed lines cannot be known; ` +
        'scanned everything. Give actions/checkout `fetch-depth: 0` (or 2 on pull requests) to scan only the changes.',
    };
  }

  // The test merge commit GitHub checks out on pull requests: its first parent is exactly what the PR merges into.
  const pullHead = sha(event.pull_request?.head?.sha);
  const mergedInto = pullHead && revParse(repository, 'HEAD^2') === pullHead ? revParse(repository, 'HEAD^1') : undefined;
  // Otherwise compare from where the checked-out commit forked off the base, when the history shows it.
  const from = mergedInto ?? mergeBase(repository, base, head) ?? base;
  const description = `Changed lines of the ${what} (${from.slice(0, 12)}..${head.slice(0, 12)}).`;
  if (from === head) {
    return { mode: 'changed', base: from, head, description, changed: new Map(), notice: 'The base and the head are the same commit: nothing changed, nothing to report.' };
  }
  return { mode: 'changed', base: from, head, description, changed: await changedLines(repository, from, head) };
}

function sha(value: unknown): string | undefined {
  return typeof value === 'string' && /^[0-9a-f]{7,64}$/i.test(value) && !ZERO_SHA.test(value) ? value : undefined;
}

function revParse(cwd: string, revision: string): string | undefined {
  try {
    return git(cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

function mergeBase(cwd: string, a: string, b: string): string | undefined {
  try {
    return git(cwd, ['merge-base', a, b]).trim() || undefined;
  } catch {
    return undefined;
  }
}
