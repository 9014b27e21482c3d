// `scan <dir>` of a repository: today's tree, then the credentials its history still holds that the tree no longer
// does. A key deleted from a file stays readable by anyone, or any agent, that runs `git log -p` in a clone. The
// history is read only in a repository small enough to read in seconds; a larger one gets a note pointing at
// `scan --history`, which reads all of it.
import { git } from './discover/git.js';
import { resolveTarget } from './discover/target.js';
import { historyHoldsOtherVersions, rangeIsComplete, unchangedBlobs, type CommitRange } from './discover/history.js';
import type { Credential, FactKind, FactOf } from './facts/index.js';
import type { FactReader, Notification, ScanResult } from './model.js';
import { compareFindings, scan, type ScanOptions } from './scan.js';
import { rangeText, scanHistory, treeStateOf } from './scan-history.js';
import { buildSummary } from './summary.js';

/** Past these, reading the history would cost more than the tree scan itself in most repositories. */
export const HISTORY_COMMIT_LIMIT = 500;
export const HISTORY_OBJECT_BYTES_LIMIT = 64 * 1024 * 1024;

/** What a past version can still expose: the credential itself. Old configs and agent settings no longer act. */
const HISTORY_RULE_PREFIXES = ['exposed-credential/', 'root-scoped-token/'];

export interface RepositoryScanOptions extends ScanOptions {
  /** False: the tree only. */
  history?: boolean;
  /**
   * Only these commits' history, whatever the repository's size: a pull request's or a push's own, where a
   * credential one commit added and a later one removed is in the tree of neither end.
   */
  historyRange?: CommitRange;
  /** Tests lower them. */
  historyLimits?: { commits: number; objectBytes: number };
}

export async function scanRepository(options: RepositoryScanOptions): Promise<ScanResult> {
  let facts: FactReader | undefined;
  const tree = await scan({
    ...options,
    onFacts: (published) => {
      facts = published;
      options.onFacts?.(published);
    },
  });
  if (options.history === false || options.files || !facts || !isRepositoryRoot(options.root, tree.root)) return tree;

  const range = options.historyRange;
  let commits = 0;
  if (range) {
    // A shallow clone may lack commits between the two ends: its boundary commit would read as adding the whole tree.
    if (!rangeIsComplete(tree.root, range)) {
      return withNotification(tree, {
        level: 'note',
        code: 'history-not-scanned',
        message: `The clone is shallow, so the commits of ${rangeText(range)} were not read one by one: a credential one of them added and a later one removed is not reported. Fetch the whole history (actions/checkout's fetch-depth: 0) to read them.`,
      });
    }
  } else {
    const size = historySize(tree.root);
    commits = size.commits;
    const limits = options.historyLimits ?? { commits: HISTORY_COMMIT_LIMIT, objectBytes: HISTORY_OBJECT_BYTES_LIMIT };
    if (size.commits === 0) return tree;
    if (size.commits > limits.commits || size.objectBytes > limits.objectBytes) {
      const why = size.commits > limits.commits ? `${size.commits} commits` : `${Math.round(size.objectBytes / (1024 * 1024))} MB of git objects`;
      return withNotification(tree, {
        level: 'note',
        code: 'history-not-scanned',
        message: `Git history not scanned (${why}): a credential deleted from the tree is still readable with git log -p. Run \`blast-radius scan --history\` to read it all.`,
      });
    }
  }

  const blobs = unchangedBlobs(tree.root);
  if (!range && !historyHoldsOtherVersions(tree.root, blobs)) {
    return withNotification(tree, { level: 'note', code: 'history-scanned', message: `Git history read: its ${commits} commit${commits === 1 ? ' holds' : 's hold'} no file version the tree does not.` });
  }
  const treeCredentials = facts.all('credential');
  let historyCredentials: readonly Credential[] = [];
  const history = await scanHistory({
    root: tree.root,
    detectors: options.detectors,
    config: options.config,
    configPath: options.configPath,
    baseline: options.baseline,
    maxFileSize: options.maxFileSize,
    range,
    tree: treeStateOf(tree.findings, treeCredentials, blobs),
    onCredentials: (credentials) => (historyCredentials = credentials),
  });
  const gone = history.findings.filter((finding) => finding.details.stillInTree === false && HISTORY_RULE_PREFIXES.some((prefix) => finding.ruleId.startsWith(prefix)));
  const findings = [...tree.findings, ...gone].sort(compareFindings);

  // The summary counts a deleted credential as readable: it is, through the history.
  const inTree = new Set(treeCredentials.map((credential) => credential.valueHash));
  const credentials = [...treeCredentials, ...historyCredentials.filter((credential) => !inTree.has(credential.valueHash))];
  const reader: FactReader = { all: <K extends FactKind>(kind: K) => (kind === 'credential' ? (credentials as unknown as readonly FactOf<K>[]) : facts!.all(kind)) };
  const summary = buildSummary(reader, findings);
  const activeGone = gone.filter((finding) => !finding.suppression).length;
  if (activeGone > 0) {
    summary.headline += ` ${activeGone} of the findings ${activeGone === 1 ? 'is' : 'are'} only in git history: deleted from the tree, still in every clone.`;
  }
  // A history that cannot be read leaves the tree's scan whole: said, not failed.
  const notes = history.notifications.map((notification) =>
    notification.code === 'discovery-failed' ? { ...notification, level: 'warning' as const, code: 'history-failed' } : notification,
  );
  return {
    ...tree,
    findings,
    summary,
    notifications: [...tree.notifications, ...notes],
    stats: { ...tree.stats, durationMs: tree.stats.durationMs + history.stats.durationMs },
  };
}

/** The scan named a whole repository: a directory that is its work tree's top level (not a file, not a subfolder). */
function isRepositoryRoot(path: string, root: string): boolean {
  try {
    if (resolveTarget(path).file !== undefined) return false;
    return git(root, ['rev-parse', '--show-toplevel']).trim() === root;
  } catch {
    return false;
  }
}

/** Commits reachable from what a clone holds (HEAD, branches, remote branches, tags), and the bytes of its objects. */
function historySize(root: string): { commits: number; objectBytes: number } {
  let commits = 0;
  try {
    commits = Number(git(root, ['rev-list', '--count', 'HEAD', '--branches', '--remotes', '--tags']).trim()) || 0;
  } catch {
    // No commit yet (an unborn HEAD): nothing to read.
    return { commits: 0, objectBytes: 0 };
  }
  let objectBytes = 0;
  try {
    // `size` (loose) and `size-pack`, in KiB.
    for (const line of git(root, ['count-objects', '-v']).split('\n')) {
      const match = /^(size|size-pack): (\d+)$/.exec(line);
      if (match) objectBytes += Number(match[2]) * 1024;
    }
  } catch {
    objectBytes = 0;
  }
  return { commits, objectBytes };
}

function withNotification(result: ScanResult, notification: Notification): ScanResult {
  return { ...result, notifications: [...result.notifications, notification] };
}
