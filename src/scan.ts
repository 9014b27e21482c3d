// The pipeline: discover -> read (once) -> prefilter -> detectors' per-file pass -> cross-file passes in fact order
// -> suppressions, baseline and config -> sorted findings and the blast-radius summary.
import { realpathSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError, loadConfig, ruleMatches } from './config.js';
import { gitIndexOf, type GitIndex } from './discover/git.js';
import { readText } from './discover/read.js';
import { discover } from './discover/walk.js';
import { FactStore } from './fact-store.js';
import { fingerprintOf } from './fingerprint.js';
import type {
  Detector,
  FactReader,
  FileEmitter,
  FileRef,
  Finding,
  FindingInput,
  FinishContext,
  Location,
  Notification,
  ResolvedConfig,
  RuleMeta,
  ScanResult,
  ScanStats,
} from './model.js';
import { severityRank } from './model.js';
import { formatOf } from './parse/index.js';
import { initParsers, parserSet } from './parse/parsers.js';
import { KeywordIndex } from './prefilter.js';
import { LoadedFile } from './source-file.js';
import { INLINE_MARKER, inlineSuppressionFor, inlineSuppressions, loadBaseline, type InlineSuppression } from './suppress.js';
import { buildSummary } from './summary.js';
import { orderByFacts } from './detector-order.js';
import { TOOL_VERSION } from './version.js';

export const DEFAULT_MAX_FILE_SIZE = 2 * 1024 * 1024;

/** A keyword set that contains every keyword: what files see when the prefilter is off. */
const EVERY_KEYWORD: ReadonlySet<string> = { has: () => true } as unknown as ReadonlySet<string>;

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

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const root = resolveRoot(options.root);
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

  let files: readonly FileRef[];
  if (options.files) {
    files = options.files;
  } else {
    const discovery = discover({ root, includeIgnored: options.includeIgnored ?? false, ignorePaths: config.ignorePaths, tracked: gitIndex.tracked });
    files = discovery.files;
    notifications.push(...discovery.notifications);
    stats.skippedBinary += discovery.skippedBinaryByName;
  }
  stats.filesDiscovered = files.length;

  await initParsers(new Set(files.map((file) => formatOf(file.path))));
  const parsers = parserSet();
  const keywordIndex = new KeywordIndex(detectors.flatMap((detector) => detector.keywords ?? []));
  const facts = new FactStore();
  const inputs: Array<{ input: FindingInput; detector: string }> = [];
  const markersByPath = new Map<string, Map<number, InlineSuppression>>();

  const emitterFor = (detector: Detector, defaultPath?: string, commit?: string): FileEmitter => ({
    report: (input) => inputs.push({ input: commit ? atCommit(input, defaultPath, commit) : input, detector: detector.id }),
    publish: (kind, fact) => facts.add(kind, commit ? atCommit(fact, defaultPath, commit) : fact),
    notify: (notification) => notifications.push({ ...notification, path: notification.path ?? defaultPath }),
  });

  for (const ref of files) {
    const admitted = detectors.filter((detector) => !detector.admits || detector.admits(ref));
    if (admitted.length === 0) continue;
    const outcome = time('read', () => readText(ref, maxFileSize));
    if (outcome.kind !== 'text') {
      recordSkip(outcome, ref, maxFileSize, stats, notifications);
      continue;
    }
    stats.filesRead++;
    stats.bytesRead += ref.content !== undefined ? Buffer.byteLength(ref.content) : ref.size;
    if (outcome.lossy) {
      notifications.push({
        level: 'note',
        code: 'non-utf8',
        message: `${ref.path} is not valid UTF-8; scanned as Latin-1.`,
        path: ref.path,
      });
    }
    const text = outcome.text;
    const found = options.exhaustive ? EVERY_KEYWORD : time('prefilter', () => keywordIndex.find(text));
    const file = new LoadedFile(ref, formatOf(ref.path), text, parsers, found, (notification) => notifications.push(notification));
    if (text.includes(INLINE_MARKER)) markersByPath.set(ref.path, inlineSuppressions(text));
    for (const detector of admitted) {
      if (!detector.scanFile) continue;
      const wanted =
        options.exhaustive ||
        !detector.keywords ||
        detector.admitsWithoutKeywords?.(ref) === true ||
        detector.keywords.some((keyword) => found.has(keyword.toLowerCase()));
      if (!wanted) continue;
      const emitter = emitterFor(detector, ref.path, ref.commit);
      try {
        time(`${detector.id} scanFile`, () => detector.scanFile!(file, emitter));
      } catch (error) {
        notifications.push(detectorFailure(detector, error, ref.path));
      }
    }
  }

  for (const detector of orderByFacts(detectors)) {
    if (!detector.finish) continue;
    const context: FinishContext = {
      ...emitterFor(detector),
      facts,
      config,
      enrich: (kind, predicate, patch) => facts.enrich(kind, predicate, patch),
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
  const findings = finalize(inputs, rules, config, markersByPath, baseline, notifications);
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

/** A report or fact from a historical file version: its location (if in that file) carries the commit. */
function atCommit<T extends object>(value: T, path: string | undefined, commit: string): T {
  const location = (value as { location?: Location }).location;
  if (!location || location.commit || location.path !== path) return value;
  return { ...value, location: { ...location, commit } };
}

function resolveRoot(path: string): string {
  const absolute = resolve(path);
  let stats;
  try {
    stats = statSync(absolute);
  } catch {
    throw new UsageError(`path does not exist: ${path}`);
  }
  if (!stats.isDirectory()) throw new UsageError(`not a directory: ${path}`);
  return realpathSync(absolute);
}

function recordSkip(
  outcome: { kind: 'binary' } | { kind: 'too-large' } | { kind: 'unreadable'; reason: string },
  ref: FileRef,
  maxFileSize: number,
  stats: ScanStats,
  notifications: Notification[],
): void {
  switch (outcome.kind) {
    case 'binary':
      stats.skippedBinary++;
      return;
    case 'too-large':
      stats.skippedTooLarge++;
      notifications.push({
        level: 'note',
        code: 'too-large',
        message: `${ref.path} is larger than --max-file-size (${ref.size} > ${maxFileSize} bytes); not scanned.`,
        path: ref.path,
      });
      return;
    case 'unreadable':
      stats.skippedUnreadable++;
      notifications.push({ level: 'warning', code: 'unreadable', message: `Could not read ${ref.path} (${outcome.reason}); not scanned.`, path: ref.path });
  }
}

function detectorFailure(detector: Detector, error: unknown, path?: string): Notification {
  const message = error instanceof Error ? error.message : String(error);
  return {
    level: 'error',
    code: 'detector-error',
    message: `Detector ${detector.id} failed${path ? ` on ${path}` : ''}: ${message}. Other detectors and files were still scanned.`,
    path,
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
