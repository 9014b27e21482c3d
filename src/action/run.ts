// The GitHub Action: plan the scan from the event, scan (reporting only changed lines on pull requests while reading
// the whole repository for cross-file facts, and the change's own commits for credentials added and removed again), then write SARIF, annotations, the job summary and outputs, and exit
// as the CLI does: 0 clean, 1 findings at or above fail-on, 2 a usage error or an incomplete scan.
import { execFileSync } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { ConfigError } from '../config.js';
import { git } from '../discover/git.js';
import type { ChangedLines } from '../discover/diff.js';
import { SEVERITIES, severityRank, type Finding, type Location, type ScanResult, type Severity } from '../model.js';
import { render } from '../report/index.js';
import { UsageError, type ScanOptions } from '../scan.js';
import { scanRepository } from '../scan-repository.js';
import { planScan, SCAN_INPUTS, type Plan, type ScanInput } from './plan.js';
import { writeAtomically } from '../write-report.js';
import { annotation, appendSummary, booleanInput, input, InputError, setOutput, type Env } from './toolkit.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

/** GitHub rejects a SARIF upload over 10 MB gzipped; stay clear of it. */
export const MAX_SARIF_GZIP_BYTES = 10 * 1000 * 1000;
/** GitHub shows at most 10 annotations of each level per step. */
export const MAX_ANNOTATIONS_PER_LEVEL = 10;
/** Job summaries are capped at 1 MiB per step; leave room for what others append. */
const MAX_SUMMARY_BYTES = 900 * 1024;

export interface ActionIo {
  stdout(text: string): void;
}

export interface ActionOptions {
  /** Detectors to run (tests); defaults to every registered detector. */
  detectors?: ScanOptions['detectors'];
}

export async function runAction(env: Env, io: ActionIo, options: ActionOptions = {}): Promise<number> {
  const log = (line: string): void => io.stdout(`${line}\n`);
  try {
    return await run(env, log, options);
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError || error instanceof InputError) {
      log(annotation('error', `blast-radius: ${error.message}`));
      return EXIT_ERROR;
    }
    log(annotation('error', `blast-radius: internal error: ${error instanceof Error ? error.message : String(error)}`));
    if (error instanceof Error && error.stack) log(error.stack);
    return EXIT_ERROR;
  }
}

async function run(env: Env, log: (line: string) => void, options: ActionOptions): Promise<number> {
  const workspace = resolve(env.GITHUB_WORKSPACE ?? process.cwd());
  const root = resolve(workspace, input(env, 'path', '.'));
  const failOn = input(env, 'fail-on', 'high');
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    throw new InputError(`input fail-on must be one of ${SEVERITIES.join(', ')}, none; got "${failOn}"`);
  }
  const requested = input(env, 'scan', 'auto') as ScanInput;
  if (!SCAN_INPUTS.includes(requested)) throw new InputError(`input scan must be one of ${SCAN_INPUTS.join(', ')}; got "${requested}"`);
  const sarifInput = input(env, 'sarif-file', 'blast-radius.sarif');
  const writeSummary = booleanInput(env, 'summary', true);
  const baseline = input(env, 'baseline');
  const config = input(env, 'config');

  const topLevel = workTreeTop(root);
  const plan = await planScan(
    env,
    requested,
    topLevel,
    (sha) => fetchFromOrigin(topLevel!, sha, 1, `Fetching the base commit ${sha.slice(0, 12)} (the checkout is shallow)...`, log),
    (depth) => {
      const head = commitOf(topLevel!, 'HEAD');
      return head !== undefined && fetchFromOrigin(topLevel!, head, depth, `Fetching the change's commits (${depth} deep from the checked-out commit; the checkout is shallow)...`, log);
    },
  );
  log(plan.description);
  if (plan.notice) log(annotation('notice', plan.notice, { title: 'blast-radius' }));

  // Paths in every report are relative to the repository (what annotations, SARIF and code scanning expect).
  const reportBase = topLevel ?? workspace;
  const prefix = relative(reportBase, root).split(sep).join('/');
  // As `scan` does on a repository: the history too. On a change, exactly the change's commits: a credential one of
  // them added and a later one removed is in neither end's tree, but it is in every clone of the pushed branch.
  const scanned = await scanRepository({
    root,
    detectors: options.detectors,
    configPath: config ? resolve(workspace, config) : undefined,
    baseline: baseline ? resolve(workspace, baseline) : undefined,
    reportOnly: plan.mode === 'changed' ? onChangedLines(plan.changed, prefix) : undefined,
    historyRange: plan.mode === 'changed' ? { from: plan.base, to: plan.head } : undefined,
  });
  const result = prefix && !prefix.startsWith('..') ? rebase(scanned, prefix, reportBase) : scanned;

  const active = result.findings.filter((finding) => !finding.suppression);
  const failing = failOn === 'none' ? [] : active.filter((finding) => severityRank(finding.severity) >= severityRank(failOn as Severity));
  const exitCode = !result.complete ? EXIT_ERROR : failing.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;

  log(render('text', result, { color: false }).trimEnd());
  // The one note a workflow can act on: its checkout is too shallow to show the change's commits.
  for (const notification of result.notifications) if (notification.code === 'history-not-scanned') log(notification.message);
  for (const line of annotationsOf(result, failOn)) log(line);

  let sarifPath = '';
  if (sarifInput !== 'false' && sarifInput !== 'none') {
    const sarif = sarifWithinLimits(result);
    if (sarif.cut) log(annotation('warning', sarif.cut, { title: 'blast-radius SARIF' }));
    const target = isAbsolute(sarifInput) ? sarifInput : join(workspace, sarifInput);
    writeAtomically(target, sarif.text);
    sarifPath = relative(workspace, target).split(sep).join('/') || target;
    log(`SARIF written to ${sarifPath} (${active.length} results) for github/codeql-action/upload-sarif.`);
  }

  if (writeSummary) {
    const written = appendSummary(env, jobSummary(result, plan, failOn, failing.length));
    if (!written) log('No $GITHUB_STEP_SUMMARY file: job summary not written.');
  }

  setOutput(env, 'sarif-file', sarifPath);
  setOutput(env, 'findings', String(active.length));
  for (const severity of SEVERITIES) setOutput(env, severity, String(active.filter((finding) => finding.severity === severity).length));
  setOutput(env, 'blast-radius', result.summary.headline);
  setOutput(env, 'exit-code', String(exitCode));

  if (exitCode === EXIT_FINDINGS) log(`blast-radius: ${failing.length} finding${failing.length === 1 ? '' : 's'} at or above ${failOn}; failing the step (fail-on: ${failOn}).`);
  if (exitCode === EXIT_ERROR) log(annotation('error', 'blast-radius: the scan did not complete; see the scan warnings above.'));
  return exitCode;
}

function workTreeTop(root: string): string | undefined {
  try {
    return git(root, ['rev-parse', '--show-toplevel']).trim() || undefined;
  } catch {
    return undefined;
  }
}

function commitOf(topLevel: string, revision: string): string | undefined {
  try {
    return git(topLevel, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * One shallow fetch from origin (the checkout's own remote and token) of a commit and `depth` commits of its history:
 * a missing base, or the checked-out commit's history back to where the change starts. False when it fails.
 */
function fetchFromOrigin(topLevel: string, sha: string, depth: number, message: string, log: (line: string) => void): boolean {
  try {
    const remotes = git(topLevel, ['remote']).split('\n').map((line) => line.trim());
    if (!remotes.includes('origin')) return false;
    log(message);
    execFileSync('git', ['fetch', '--quiet', '--no-tags', '--no-recurse-submodules', `--depth=${depth}`, 'origin', sha], {
      cwd: topLevel,
      stdio: ['ignore', 'ignore', 'pipe'],
      timeout: 120_000,
      env: { ...process.env, GIT_TERMINAL_PROMPT: '0' },
    });
    return true;
  } catch {
    return false;
  }
}

/** Findings whose location, or one of whose related locations, is on a line the change adds or modifies. */
function onChangedLines(changed: ChangedLines, prefix: string): (finding: Finding) => boolean {
  const inRepo = (path: string): string => (prefix && !prefix.startsWith('..') ? `${prefix}/${path}` : path);
  const touches = (location: Location): boolean => {
    const lines = changed.get(inRepo(location.path));
    if (!lines) return false;
    for (let line = location.span.line; line <= Math.max(location.span.line, location.span.endLine); line++) if (lines.has(line)) return true;
    return false;
  };
  return (finding) => touches(finding.location) || (finding.related ?? []).some((entry) => touches(entry.location));
}

/** The result with every path made relative to the repository instead of the scanned subdirectory. */
function rebase(result: ScanResult, prefix: string, root: string): ScanResult {
  const move = (location: Location): Location => ({ ...location, path: `${prefix}/${location.path}` });
  const findings = result.findings.map((finding) => ({
    ...finding,
    location: move(finding.location),
    ...(finding.related ? { related: finding.related.map((entry) => ({ ...entry, location: move(entry.location) })) } : {}),
    ...(finding.flow ? { flow: finding.flow.map((entry) => ({ ...entry, location: move(entry.location) })) } : {}),
  }));
  const notifications = result.notifications.map((notification) => (notification.path ? { ...notification, path: `${prefix}/${notification.path}` } : notification));
  return { ...result, root, findings, notifications };
}

/** Errors for findings at or above fail-on, warnings for the rest, worst first, ten of each, then one notice. */
function annotationsOf(result: ScanResult, failOn: string): string[] {
  const titles = new Map(result.rules.map((rule) => [rule.id, rule.title]));
  const active = result.findings.filter((finding) => !finding.suppression).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  const fails = (finding: Finding): boolean => failOn !== 'none' && severityRank(finding.severity) >= severityRank(failOn as Severity);
  const lines: string[] = [];
  let left = 0;
  for (const level of ['error', 'warning'] as const) {
    const group = active.filter((finding) => (level === 'error') === fails(finding));
    for (const finding of group.slice(0, MAX_ANNOTATIONS_PER_LEVEL)) {
      const span = finding.location.span;
      lines.push(
        annotation(level, finding.message, {
          file: finding.location.path,
          line: span.line,
          endLine: span.endLine > span.line ? span.endLine : undefined,
          col: span.endLine === span.line ? span.column : undefined,
          endColumn: span.endLine === span.line ? span.endColumn : undefined,
          title: `${finding.severity}: ${titles.get(finding.ruleId) ?? finding.ruleId} (${finding.ruleId})`,
        }),
      );
    }
    left += Math.max(0, group.length - MAX_ANNOTATIONS_PER_LEVEL);
  }
  if (left > 0) lines.push(annotation('notice', `${left} more finding${left === 1 ? '' : 's'} than GitHub shows as annotations: see the job summary and the SARIF file.`, { title: 'blast-radius' }));
  const problems = result.notifications.filter((notification) => notification.level !== 'note');
  for (const notification of problems.slice(0, MAX_ANNOTATIONS_PER_LEVEL)) {
    lines.push(annotation('warning', notification.message, { file: notification.path, line: notification.path ? notification.line : undefined, title: `blast-radius: ${notification.code}` }));
  }
  return lines;
}

/** SARIF that GitHub accepts: if gzip would pass 10 MB, keep the worst results that fit and say how many were cut. */
export function sarifWithinLimits(result: ScanResult, limit = MAX_SARIF_GZIP_BYTES): { text: string; cut?: string } {
  let text = render('sarif', result, { color: false });
  if (gzipSync(text).length <= limit) return { text };
  const ranked = [...result.findings].filter((finding) => !finding.suppression).sort((a, b) => severityRank(b.severity) - severityRank(a.severity));
  let keep = ranked.length;
  let cut = '';
  while (keep > 0) {
    keep = Math.floor(keep / 2);
    const dropped = ranked.length - keep;
    cut = `The SARIF file would pass GitHub's 10 MB (gzipped) upload limit: kept the ${keep} most severe of ${ranked.length} results and left out ${dropped}. The job summary lists them.`;
    const trimmed: ScanResult = {
      ...result,
      findings: ranked.slice(0, keep),
      notifications: [...result.notifications, { level: 'warning', code: 'sarif-size-cut', message: cut }],
    };
    text = render('sarif', trimmed, { color: false });
    if (gzipSync(text).length <= limit) break;
  }
  return { text, cut };
}

function jobSummary(result: ScanResult, plan: Plan, failOn: string, failing: number): string {
  const verdict =
    failOn === 'none'
      ? 'Reporting only (fail-on: none).'
      : failing > 0
        ? `**${failing} finding${failing === 1 ? '' : 's'} at or above ${failOn}**: the step fails.`
        : `Nothing at or above ${failOn}.`;
  const header = [plan.description, plan.notice ? `> ${plan.notice}` : '', verdict].filter(Boolean).join('\n\n');
  for (const maxRows of [200, 50, 10, 0]) {
    // Under the report's own heading: what was scanned and the verdict, then the blast-radius table and findings.
    const markdown = render('markdown', result, { color: false, maxRows }).replace(/^## [^\n]*\n/, (heading) => `${heading}\n${header}\n`);
    if (Buffer.byteLength(markdown) <= MAX_SUMMARY_BYTES) return markdown;
  }
  return `## Blast radius\n\n${header}\n`;
}

