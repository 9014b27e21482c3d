// The pipeline: discover -> read (once) -> prefilter -> detectors' per-file pass -> cross-file passes in fact order
// -> suppressions, baseline and config -> sorted findings and the blast-radius summary.
import { ConfigError, loadConfig, ruleMatches } from './config.js';
import { gitIndexOf, type GitIndex } from './discover/git.js';
import { namedFile, resolveTarget, TargetError } from './discover/target.js';
import { detectorFailure, FileStage, type FileStageOutput, type FileStageSettings } from './file-stage.js';
import { maxThreads, runInThreads, StageWorkers, threadCount, worthStartingEarly } from './parallel-stage.js';
import { discover } from './discover/walk.js';
import { FactStore } from './fact-store.js';
import { fingerprintOf } from './fingerprint.js';
import { SnippetSecrets } from './snippet-secrets.js';
import type {
  Detector,
  FactReader,
  FileEmitter,
  FileRef,
  Finding,
  FindingInput,
  FinishContext,
  Notification,
  ResolvedConfig,
  RuleMeta,
  ScanResult,
  ScanStats,
} from './model.js';
import { severityRank } from './model.js';
import { inlineSuppressionFor, loadBaseline, type InlineSuppression } from './suppress.js';
import { buildSummary } from './summary.js';
import { orderByFacts } from './detector-order.js';
import { TOOL_VERSION } from './version.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

export interface ScanOptions {
  root: string;
  /** Defaults to every registered detector. */
  detectors?: readonly Detector[];
  includeIgnored?: boolean;
  maxFileSize?: number;
  /** Path of a config file; defaults to `.blast-radius.yml` at the root. */
  configPath?: string;
  /** A resolved config (tests, the Action); wins over `configPath`. */
  config?: ResolvedConfig;
  /** Baseline report path, or fingerprints already loaded. */
  baseline?: string | ReadonlySet<string>;
  /**
   * Files to scan instead of walking the root (staged blobs, history): content may be given inline.
   * Paths are relative to the root.
   */
  files?: readonly FileRef[];
  /** Keep only findings this predicate accepts (changed lines of a pull request); facts still come from every file. */
  reportOnly?: (finding: Finding) => boolean;
  /** Collect time per detector and phase. */
  profile?: boolean;
  /**
   * Called once after the cross-file passes with every published fact (the history scan matches a secret across
   * versions and against the tree by the credential's value hash, which findings do not carry).
   */
  onFacts?: (facts: FactReader) => void;
  /**
   * Skip the keyword prefilter: every detector and rule sees every file it admits by path. The slow path, kept so
   * a test can prove the prefilter never hides a finding.
   */
  exhaustive?: boolean;
}

export class UsageError extends Error {}

function targetOf(path: string): ReturnType<typeof resolveTarget> {
  try {
    return resolveTarget(path);
  } catch (error) {
    throw error instanceof TargetError ? new UsageError(error.message) : error;
  }
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const target = targetOf(options.root);
  const root = target.root;
  const detectors = options.detectors ?? (await import('../detectors/index.js')).detectors;
  const config = options.config ?? loadConfig(root, options.configPath);
  const baseline = typeof options.baseline === 'string' ? loadBaseline(options.baseline) : (options.baseline ?? new Set<string>());
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const gitIndex: GitIndex = gitIndexOf(root);

  const notifications: Notification[] = [];
  const stats: ScanStats = {
    filesDiscovered: 0,
    filesRead: 0,
    bytesRead: 0,
    skippedBinary: 0,
    skippedTooLarge: 0,
    skippedUnreadable: 0,
    durationMs: 0,
  };
  const profile = new Map<string, number>();
  const time = <T>(key: string, work: () => T): T => {
    if (!options.profile) return work();
    const start = performance.now();
    try {
      return work();
    } finally {
      profile.set(key, (profile.get(key) ?? 0) + performance.now() - start);
    }
  };

  const settings: FileStageSettings = { maxFileSize, exhaustive: options.exhaustive ?? false, profile: options.profile ?? false };
  // When git already says the tree is large, start the workers now so they load the detectors while files are
  // listed (and stop them if the listing turns out too small to share); otherwise decide after the listing.
  const earlyThreads = !options.files && !options.detectors && worthStartingEarly(gitIndex.tracked.size) ? maxThreads() : 1;
  let pool = earlyThreads > 1 ? StageWorkers.start(earlyThreads - 1, settings) : undefined;
  let outputs: FileStageOutput[];
  try {
    let files: readonly FileRef[];
    if (options.files) {
      files = options.files;
    } else if (target.file !== undefined) {
      files = [namedFile(root, target.file, gitIndex)];
    } else {
      const discovery = time('discover', () => discover({ root, includeIgnored: options.includeIgnored ?? false, ignorePaths: config.ignorePaths, tracked: gitIndex.tracked }));
      files = discovery.files;
      notifications.push(...discovery.notifications);
      stats.skippedBinary += discovery.skippedBinaryByName;
    }
    stats.filesDiscovered = files.length;

    const threads = options.detectors ? 1 : threadCount(files);
    if (threads < 2 && pool) {
      await pool.stop();
      pool = undefined;
    }
    if (threads > 1 && !pool) pool = StageWorkers.start(threads - 1, settings);
    const stage = await FileStage.create(detectors, settings, files);
    if (pool) {
      const threaded = await runInThreads(files, pool, stage);
      outputs = threaded.outputs;
      if (options.profile) profile.set(`per-file stage in ${pool.workers.length + 1} threads, ${threaded.workerBatches} of ${threaded.batches} batches in workers (wall)`, performance.now() - started);
    } else {
      outputs = [stage.run(files)];
    }
  } finally {
    await pool?.stop();
  }

  // Batches merge in file order: facts, reports and notes come out exactly as a single thread would produce them.
  const facts = new FactStore();
  const inputs: Array<{ input: FindingInput; detector: string }> = [];
  const markersByPath = new Map<string, Map<number, InlineSuppression>>();
  for (const output of outputs) {
    inputs.push(...output.reports);
    for (const { kind, fact } of output.facts) facts.add(kind, fact as never);
    notifications.push(...output.notifications);
    for (const { path, markers } of output.markers) markersByPath.set(path, new Map(markers));
    stats.filesRead += output.counters.filesRead;
    stats.bytesRead += output.counters.bytesRead;
    stats.skippedBinary += output.counters.skippedBinary;
    stats.skippedTooLarge += output.counters.skippedTooLarge;
    stats.skippedUnreadable += output.counters.skippedUnreadable;
    for (const [key, ms] of output.profile) profile.set(key, (profile.get(key) ?? 0) + ms);
  }

  const emitterFor = (detector: Detector): FileEmitter => ({
    report: (input) => inputs.push({ input, detector: detector.id }),
    publish: (kind, fact) => facts.add(kind, fact),
    notify: (notification) => notifications.push({ ...notification }),
  });

  for (const detector of orderByFacts(detectors)) {
    if (!detector.finish) continue;
    const context: FinishContext = {
      ...emitterFor(detector),
      facts,
      config,
      enrich: (kind, predicate, patch) => facts.enrich(kind, predicate, patch),
      enrichEach: (kind, patchOf) => facts.enrichEach(kind, patchOf),
      root,
      git: { isRepo: gitIndex.isRepo, topLevel: gitIndex.topLevel },
    };
    try {
      time(`${detector.id} finish`, () => detector.finish!(context));
    } catch (error) {
      notifications.push(detectorFailure(detector, error));
    }
  }

  options.onFacts?.(facts);
  const rules = detectors.flatMap((detector) => detector.rules).filter((rule) => !config.disabledRules.some((pattern) => ruleMatches(pattern, rule.id)));
  const findings = finalize(inputs, rules, config, markersByPath, baseline, notifications, new SnippetSecrets(facts.all('credential')));
  const reported = options.reportOnly ? findings.filter(options.reportOnly) : findings;

  stats.durationMs = Math.round(performance.now() - started);
  if (options.profile) {
    stats.profile = [...profile.entries()].map(([key, ms]) => ({ key, ms: Math.round(ms * 10) / 10 })).sort((a, b) => b.ms - a.ms);
  }
  return {
    root,
    toolVersion: TOOL_VERSION,
    rules,
    findings: reported,
    notifications: sortNotifications(notifications),
    summary: buildSummary(facts, reported),
    stats,
    complete: !notifications.some((notification) => notification.code === 'discovery-failed'),
  };
}

/** Applies config, fingerprints, suppressions and the baseline; dedupes; sorts deterministically. */
function finalize(
  inputs: ReadonlyArray<{ input: FindingInput; detector: string }>,
  rules: readonly RuleMeta[],
  config: ResolvedConfig,
  markersByPath: ReadonlyMap<string, ReadonlyMap<number, InlineSuppression>>,
  baseline: ReadonlySet<string>,
  notifications: Notification[],
  secrets: SnippetSecrets,
): Finding[] {
  const ruleById = new Map(rules.map((rule) => [rule.id, rule]));
  const allowed = new Set(config.allowedValues);
  const seen = new Set<string>();
  const findings: Finding[] = [];
  const unknownRules = new Set<string>();
  for (const { input, detector } of inputs) {
    const rule = ruleById.get(input.ruleId);
    if (!rule) {
      // Either turned off in config, or a detector reported a rule it did not declare (a bug worth seeing).
      if (!config.disabledRules.some((pattern) => ruleMatches(pattern, input.ruleId))) unknownRules.add(`${detector}: ${input.ruleId}`);
      continue;
    }
    if (allowed.has(input.evidence)) continue;
    const override = config.severityOverrides.find((candidate) => ruleMatches(candidate.rule, input.ruleId));
    const { evidence, ...rest } = input;
    const finding: Finding = {
      ...rest,
      ...(input.snippet ? { snippet: secrets.redact(input.snippet, input.location) } : {}),
      severity: override?.severity ?? input.severity ?? rule.severity,
      fingerprint: fingerprintOf(input.ruleId, input.location.path, evidence),
      details: input.details ?? {},
    };
    const key = `${finding.fingerprint}:${finding.location.path}:${finding.location.span.line}:${finding.location.span.column}:${finding.location.commit ?? ''}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const marker = input.location.commit ? undefined : inlineSuppressionFor(markersByPath.get(input.location.path), input.location.span.line, input.ruleId);
    if (marker) finding.suppression = { kind: 'inSource', justification: marker.reason };
    else if (baseline.has(finding.fingerprint)) finding.suppression = { kind: 'external', justification: 'in baseline' };
    findings.push(finding);
  }
  for (const unknown of unknownRules) {
    notifications.push({ level: 'error', code: 'undeclared-rule', message: `Detector reported a rule it does not declare (${unknown}).` });
  }
  return findings.sort(compareFindings);
}

export function compareFindings(a: Finding, b: Finding): number {
  return (
    compare(a.location.path, b.location.path) ||
    a.location.span.line - b.location.span.line ||
    a.location.span.column - b.location.span.column ||
    compare(a.location.commit ?? '', b.location.commit ?? '') ||
    compare(a.ruleId, b.ruleId) ||
    severityRank(b.severity) - severityRank(a.severity) ||
    compare(a.fingerprint, b.fingerprint)
  );
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortNotifications(notifications: Notification[]): Notification[] {
  return notifications
    .map((notification, index) => ({ notification, index }))
    .sort((a, b) => compare(a.notification.path ?? '', b.notification.path ?? '') || (a.notification.line ?? 0) - (b.notification.line ?? 0) || a.index - b.index)
    .map(({ notification }) => notification);
}

export { ConfigError };
