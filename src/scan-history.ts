// `scan --history`: every line a commit added, as `git log --all -p` shows it to anyone (or any agent) with a clone. The
// log streams through the engine in bounded batches; a secret carried by many commits is reported once, at the
// commit that introduced it, with how many commits carried it and whether it is still in the tree today.
import { loadConfig, ruleMatches } from './config.js';
import { hasCommit } from './discover/diff.js';
import { pathExclusions } from './discover/exclusions.js';
import { headCommit, isShallow, rangeIsComplete, walkHistory, type CommitRange, type HistoryCommit } from './discover/history.js';
import type { Credential, FactKind, FactOf } from './facts/index.js';
import type { Detector, FactReader, FileRef, Finding, Notification, ScanResult, ScanStats } from './model.js';
import { compareFindings, DEFAULT_MAX_FILE_SIZE, scan, UsageError, type ScanOptions } from './scan.js';
import { loadBaseline } from './suppress.js';
import { buildSummary } from './summary.js';
import { workTree } from './scan-staged.js';
import { TOOL_VERSION } from './version.js';

export interface HistoryScanOptions extends Omit<ScanOptions, 'files' | 'includeIgnored' | 'reportOnly' | 'onFacts'> {
  /** Scan only the commits this revision does not reach (`<since>..HEAD`, and the same for every other branch). */
  since?: string;
  /** Scan only the commits `to` reaches and `from` does not: a pull request's or a push's own. */
  range?: CommitRange;
  /** Called after each batch with the commits walked so far (for a progress line on a terminal). */
  onProgress?(commits: number): void;
  /**
   * Today's tree as a scan that already read it saw it. Without it the history scan reads the tree itself, to say
   * which secrets are still there.
   */
  tree?: TreeState;
  /** Called once with every distinct credential the history holds (values left out), for a summary. */
  onCredentials?(credentials: readonly Credential[]): void;
}

/** What a scan of today's tree found, to compare the history with. */
export interface TreeState {
  /** Fingerprints of the tree's findings (rule, path, secret). */
  fingerprints: ReadonlySet<string>;
  /** Value hashes of the tree's credentials, outside git-ignored .env files. */
  valueHashes: ReadonlySet<string>;
  /** Object ids of the tracked files whose work-tree copy is unchanged, by path: versions the scan read already. */
  blobs: ReadonlyMap<string, string>;
}

/** A batch is scanned when it holds this many file versions or this much text, whichever comes first. */
const BATCH_FILES = 400;
const BATCH_BYTES = 8 * 1024 * 1024;

interface Introduced {
  finding: Finding;
  commit: HistoryCommit;
  /** Commits whose added lines carried this finding (its fingerprint: rule, path, secret). */
  commits: Set<string>;
  /** Value hashes of the credentials behind it, to find the same secret in today's tree under another name. */
  valueHashes: Set<string>;
}

export async function scanHistory(options: HistoryScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const { root } = workTree(options.root, '--history');
  const detectors: readonly Detector[] = options.detectors ?? (await import('../detectors/index.js')).detectors;
  const config = options.config ?? loadConfig(root, options.configPath);
  const baseline = typeof options.baseline === 'string' ? loadBaseline(options.baseline) : (options.baseline ?? new Set<string>());
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const rules = detectors.flatMap((detector) => detector.rules).filter((rule) => !config.disabledRules.some((pattern) => ruleMatches(pattern, rule.id)));
  const shared = { root, detectors, config, baseline, maxFileSize, profile: false } satisfies ScanOptions;

  const notifications: Notification[] = [];
  const historyCredentials = new Map<string, Credential>();
  const stats: ScanStats = { filesDiscovered: 0, filesRead: 0, bytesRead: 0, skippedBinary: 0, skippedTooLarge: 0, skippedUnreadable: 0, durationMs: 0 };
  if (options.since !== undefined && !hasCommit(root, options.since)) {
    throw new UsageError(`--since ${options.since} does not name a commit in this repository`);
  }
  for (const end of options.range ? [options.range.from, options.range.to] : []) {
    if (!hasCommit(root, end)) throw new UsageError(`${end} does not name a commit in this repository`);
  }
  if (headCommit(root) === undefined) {
    notifications.push({ level: 'note', code: 'history-empty', message: 'The repository has no commits yet; there is no history to scan.' });
    return finish([], 0);
  }
  // A range the clone holds whole (a change's commits, fetched that deep) is read whole, shallow or not.
  if (options.range ? !rangeIsComplete(root, options.range) : isShallow(root)) {
    notifications.push({
      level: 'warning',
      code: 'history-shallow',
      message: 'This is a shallow clone: commits before its boundary were not scanned (fetch them with `git fetch --unshallow`).',
    });
  }

  const exclusions = pathExclusions(root, config.ignorePaths);
  notifications.push(...exclusions.notifications);
  const introduced = new Map<string, Introduced>();
  const seenNotifications = new Set<string>();
  let commitCount = 0;
  let parseFailures = 0;
  let batch: FileRef[] = [];
  let batchBytes = 0;
  let commitsBySha = new Map<string, HistoryCommit>();

  const flush = async (): Promise<void> => {
    if (batch.length === 0) return;
    const files = batch;
    const batchCommits = commitsBySha;
    batch = [];
    batchBytes = 0;
    commitsBySha = new Map();
    let credentials: FactReader | undefined;
    const result = await scan({ ...shared, files, onFacts: (facts) => (credentials = facts) });
    stats.filesRead += result.stats.filesRead;
    stats.bytesRead += result.stats.bytesRead;
    for (const notification of result.notifications) {
      // Added lines alone rarely parse as a whole document: expected, not worth a line each.
      if (notification.code === 'parse-error') {
        parseFailures++;
        continue;
      }
      const key = `${notification.code}\0${notification.message}`;
      if (seenNotifications.has(key)) continue;
      seenNotifications.add(key);
      notifications.push(notification);
    }
    const byVersion = new Map<string, Credential[]>();
    for (const fact of credentials?.all('credential') ?? []) {
      // For the summary: every distinct secret the history holds, rated; the value itself is not kept.
      if (!fact.inIgnoredDotenv) historyCredentials.set(fact.valueHash, { ...fact, value: '', siblingValues: {} });
      const key = `${fact.location.commit ?? ''}\0${fact.location.path}`;
      byVersion.set(key, [...(byVersion.get(key) ?? []), fact]);
    }
    for (const finding of result.findings) {
      const sha = finding.location.commit;
      const commit = sha ? batchCommits.get(sha) : undefined;
      // Cross-file findings about the batch as a whole (no commit) say nothing about one version of the history.
      if (!sha || !commit) continue;
      const span = finding.location.span;
      const hashes = (byVersion.get(`${sha}\0${finding.location.path}`) ?? [])
        .filter((fact) => fact.location.span.line >= span.line && fact.location.span.line <= span.endLine)
        .map((fact) => fact.valueHash);
      const entry = introduced.get(finding.fingerprint);
      if (!entry) {
        introduced.set(finding.fingerprint, { finding, commit, commits: new Set([sha]), valueHashes: new Set(hashes) });
        continue;
      }
      entry.commits.add(sha);
      for (const hash of hashes) entry.valueHashes.add(hash);
      // git log walks newest first: a commit further along the walk is closer to where the secret came in.
      if (commit.order > entry.commit.order) {
        entry.finding = finding;
        entry.commit = commit;
      }
    }
    options.onProgress?.(commitCount);
  };

  try {
    await walkHistory({
      root,
      since: options.since,
      range: options.range,
      maxFileSize,
      excludes(path) {
        if (!exclusions.excludes(path)) return false;
        if (exclusions.binaryByName(path)) stats.skippedBinary++;
        return true;
      },
      inTree: options.tree ? (path, blob) => options.tree!.blobs.get(path) === blob : undefined,
      onCommit() {
        commitCount++;
      },
      onSkip(path, commit, reason) {
        if (reason === 'binary') {
          stats.skippedBinary++;
          return;
        }
        stats.skippedTooLarge++;
        notifications.push({
          level: 'note',
          code: 'too-large',
          message: `${path} at ${commit.sha.slice(0, 12)} added more than --max-file-size (${maxFileSize} bytes); that version was not scanned.`,
          path,
        });
      },
      onFile(file) {
        stats.filesDiscovered++;
        batch.push(file.ref);
        commitsBySha.set(file.commit.sha, file.commit);
        batchBytes += file.ref.size ?? file.ref.content?.length ?? 0;
        if (batch.length >= BATCH_FILES || batchBytes >= BATCH_BYTES) return flush();
        return undefined;
      },
    });
    await flush();
  } catch (error) {
    if (error instanceof UsageError) throw error;
    notifications.push({ level: 'error', code: 'discovery-failed', message: `Could not read the history: ${error instanceof Error ? error.message : String(error)}` });
    return finish([], commitCount, false);
  }

  const findings = [...introduced.values()];
  if (findings.length > 0) markStillInTree(findings, options.tree ?? (await treeState(shared)));
  if (parseFailures > 0) {
    notifications.push({
      level: 'note',
      code: 'history-partial-parse',
      message: `${parseFailures} file version${parseFailures === 1 ? '' : 's'} did not parse from their added lines alone and were read as text.`,
    });
  }
  return finish(findings.map(describe), commitCount);

  function finish(list: Finding[], commits: number, complete = true): ScanResult {
    stats.durationMs = Math.round(performance.now() - started);
    notifications.push({
      level: 'note',
      code: 'history-scanned',
      message: `Scanned the lines added by ${commits} commit${commits === 1 ? '' : 's'}${options.since ? ` since ${options.since}` : ''}${options.range ? ` in ${rangeText(options.range)}` : ''} (${stats.filesDiscovered} file versions) in ${(stats.durationMs / 1000).toFixed(1)} s.`,
    });
    const sorted = list.sort(compareFindings);
    const credentials = [...historyCredentials.values()];
    options.onCredentials?.(credentials);
    const reader: FactReader = { all: <K extends FactKind>(kind: K) => (kind === 'credential' ? credentials : []) as unknown as readonly FactOf<K>[] };
    const summary = buildSummary(reader, sorted);
    const active = sorted.filter((finding) => !finding.suppression);
    const gone = active.filter((finding) => finding.details.stillInTree === false).length;
    summary.headline =
      `${active.length} finding${active.length === 1 ? '' : 's'} in the lines ${commits} commit${commits === 1 ? '' : 's'} added; ` +
      `${gone} no longer in the tree but readable by anyone who runs git log --all -p.`;
    return { root, toolVersion: TOOL_VERSION, rules, findings: sorted, notifications, summary, stats, complete };
  }
}

/** Today's tree, scanned. */
async function treeState(shared: ScanOptions): Promise<TreeState> {
  let treeFacts: FactReader | undefined;
  const tree = await scan({ ...shared, onFacts: (facts) => (treeFacts = facts) });
  return treeStateOf(tree.findings, treeFacts?.all('credential') ?? [], new Map());
}

export function treeStateOf(findings: readonly Finding[], credentials: readonly Credential[], blobs: ReadonlyMap<string, string>): TreeState {
  return {
    fingerprints: new Set(findings.map((finding) => finding.fingerprint)),
    valueHashes: new Set(credentials.filter((credential) => !credential.inIgnoredDotenv).map((credential) => credential.valueHash)),
    blobs,
  };
}

/** Sets `stillInTree`: the tree has the same fingerprint (rule, path, secret), or the same secret value anywhere. */
function markStillInTree(entries: readonly Introduced[], tree: TreeState): void {
  for (const entry of entries) {
    const stillInTree = tree.fingerprints.has(entry.finding.fingerprint) || [...entry.valueHashes].some((hash) => tree.valueHashes.has(hash));
    entry.finding = { ...entry.finding, details: { ...entry.finding.details, stillInTree } };
  }
}

function describe(entry: Introduced): Finding {
  const { finding, commit, commits } = entry;
  const stillInTree = finding.details.stillInTree === true;
  const carried = commits.size > 1 ? ` ${commits.size} commits added it.` : '';
  const where = stillInTree
    ? ' It is still in the tree.'
    : ' It is no longer in the tree, but anyone with a clone reads it with git log --all -p: rotate it.';
  return {
    ...finding,
    message: `${finding.message} Introduced in commit ${commit.sha.slice(0, 12)} (${commit.authorDate.slice(0, 10)}).${carried}${where}`,
    details: { ...finding.details, commitDate: commit.authorDate, commits: commits.size },
  };
}

/** `from..to`, abbreviated as git does. */
export function rangeText(range: CommitRange): string {
  return `${range.from.slice(0, 12)}..${range.to.slice(0, 12)}`;
}
