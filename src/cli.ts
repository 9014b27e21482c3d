#!/usr/bin/env node
// Command line: parse arguments, call the scan, pick a reporter, write the output atomically, set the exit code.
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError } from './config.js';
import { SEVERITIES, severityRank, type ScanResult, type Severity } from './model.js';
import { REPORT_FORMATS, render, type ReportFormat } from './report/index.js';
import { UsageError, DEFAULT_MAX_FILE_SIZE, type ScanOptions } from './scan.js';
import { scanHistory } from './scan-history.js';
import { scanRepository } from './scan-repository.js';
import { scanStaged } from './scan-staged.js';
import { describeLoad, type BundleLoad } from './bundle-loader.js';
import { installHook } from './install-hook.js';
import { TOOL_VERSION } from './version.js';
import { writeAtomically } from './write-report.js';

export const EXIT_CLEAN = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_ERROR = 2;

const HELP = `blast-radius ${TOOL_VERSION}: how much damage could an AI coding agent do in this repository?

Usage:
  blast-radius scan [path] [options]  scan a directory (default: .) or one file
  blast-radius install-hook [path]   write a git pre-commit hook that runs \`scan --staged\`

Options:
  -f, --format <text|json|sarif|markdown>  output format (default: text)
  -o, --output <file>            write the report to a file (atomically) instead of stdout
      --fail-on <severity|none>  exit 1 when a finding is at or above it (default: high)
      --include-ignored          also scan git-ignored files (what an agent on a laptop can read)
      --staged                   scan only what \`git commit\` would record: staged files, content from the index
      --history                  scan every line any branch's commits added (what \`git log --all -p\` shows a clone)
      --since <ref>              with --history: only the commits <ref> does not reach
      --no-history               the tree only (by default a repository of up to 500 commits also has its history
                                 read for credentials deleted from the tree)
      --max-file-size <bytes>    skip larger files (default: ${DEFAULT_MAX_FILE_SIZE})
  -c, --config <file>            config file (default: .blast-radius.yml at the root)
      --baseline <file>          suppress findings already in this JSON or SARIF report
      --write-baseline <file>    write the findings of this scan as a baseline (JSON)
      --sarif-include-suppressed emit suppressed findings in SARIF with suppressions[]
      --profile                  print time per detector and phase to stderr
      --no-color                 no ANSI colours (also NO_COLOR=1)
  -q, --quiet                    print nothing when there is nothing at or above --fail-on
  -h, --help                     this help
  -v, --version                  the version

Exit codes: 0 nothing at or above --fail-on, 1 findings at or above it, 2 usage or fatal error.`;

export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
  env: NodeJS.ProcessEnv;
  /** How the installed bin loaded its bundle, and when it was ready: the first line of `--profile`. */
  startup?: BundleLoad;
}

// A reader that stops early (`scan . | head`) closes the pipe: the report has nowhere to go, and that is the
// reader's choice, not a failure to print a stack for. Later writes are dropped; the exit code stays the scan's.
let stdoutClosed = false;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
  stdoutClosed = true;
});

const processIo: CliIo = {
  stdout: (text) => {
    if (!stdoutClosed) process.stdout.write(text);
  },
  stderr: (text) => process.stderr.write(text),
  isTty: Boolean(process.stdout.isTTY),
  env: process.env,
};

export async function main(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      options: {
        format: { type: 'string', short: 'f' },
        output: { type: 'string', short: 'o' },
        'fail-on': { type: 'string' },
        'include-ignored': { type: 'boolean' },
        staged: { type: 'boolean' },
        history: { type: 'boolean' },
        'no-history': { type: 'boolean' },
        since: { type: 'string' },
        'max-file-size': { type: 'string' },
        config: { type: 'string', short: 'c' },
        baseline: { type: 'string' },
        'write-baseline': { type: 'string' },
        'sarif-include-suppressed': { type: 'boolean' },
        profile: { type: 'boolean' },
        'no-color': { type: 'boolean' },
        quiet: { type: 'boolean', short: 'q' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    return usage(io, (error as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.version) {
    io.stdout(`${TOOL_VERSION}\n`);
    return EXIT_CLEAN;
  }
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    io.stdout(`${HELP}\n`);
    return command === undefined && !values.help ? EXIT_ERROR : EXIT_CLEAN;
  }
  if (command === 'install-hook') {
    if (rest.length > 1) return usage(io, `install-hook takes one path, got ${rest.length}`);
    return installHookCommand(rest[0] ?? '.', io);
  }
  if (command !== 'scan') return usage(io, `unknown command "${command}"`);
  if (rest.length > 1) return usage(io, `scan takes one path, got ${rest.length}`);
  if (values.staged && values.history) return usage(io, '--staged and --history are different scans; pick one');
  if (values['no-history'] && (values.staged || values.history)) return usage(io, '--no-history applies to a scan of the tree only');
  if (values.since !== undefined && !values.history) return usage(io, '--since only applies to --history');
  if (values['include-ignored'] && (values.staged || values.history)) return usage(io, '--include-ignored does not apply to --staged or --history (they read git objects)');

  const format = (values.format ?? 'text') as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) return usage(io, `--format must be one of ${REPORT_FORMATS.join(', ')}`);
  const failOn = values['fail-on'] ?? 'high';
  if (failOn !== 'none' && !(SEVERITIES as readonly string[]).includes(failOn)) {
    return usage(io, `--fail-on must be one of ${SEVERITIES.join(', ')}, none`);
  }
  let maxFileSize = DEFAULT_MAX_FILE_SIZE;
  if (values['max-file-size'] !== undefined) {
    maxFileSize = Number(values['max-file-size']);
    if (!Number.isInteger(maxFileSize) || maxFileSize <= 0) return usage(io, '--max-file-size must be a positive number of bytes');
  }

  const options: ScanOptions = {
    root: rest[0] ?? '.',
    includeIgnored: values['include-ignored'] ?? false,
    maxFileSize,
    configPath: values.config,
    baseline: values.baseline,
    profile: values.profile ?? false,
  };

  let result: ScanResult;
  try {
    if (values.staged) result = await scanStaged(options);
    else if (values.history) result = await scanHistory({ ...options, since: values.since });
    else result = await scanRepository({ ...options, history: !values['no-history'] });
  } catch (error) {
    if (error instanceof UsageError || error instanceof ConfigError) return usage(io, error.message);
    io.stderr(`blast-radius: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT_ERROR;
  }

  const color = !values['no-color'] && !io.env.NO_COLOR && io.isTty && values.output === undefined;
  const failing = failOn === 'none' ? [] : result.findings.filter((finding) => !finding.suppression && severityRank(finding.severity) >= severityRank(failOn as Severity));
  const exitCode = !result.complete ? EXIT_ERROR : failing.length > 0 ? EXIT_FINDINGS : EXIT_CLEAN;

  try {
    if (values['write-baseline']) writeAtomically(values['write-baseline'], render('json', result, { color: false }));
    const report = render(format, result, { color, includeSuppressed: values['sarif-include-suppressed'] ?? false });
    if (values.output) writeAtomically(values.output, report);
    else if (!(values.quiet && exitCode === EXIT_CLEAN)) io.stdout(report.endsWith('\n') ? report : `${report}\n`);
  } catch (error) {
    io.stderr(`blast-radius: cannot write output: ${(error as Error).message}\n`);
    return EXIT_ERROR;
  }
  if (values.profile && result.stats.profile) {
    const startup = io.startup ? [{ ms: io.startup.readyMs, key: `start-up (${describeLoad(io.startup)})` }] : [];
    io.stderr([...startup, ...result.stats.profile].map((entry) => `${entry.ms.toFixed(1).padStart(9)} ms  ${entry.key}`).join('\n') + '\n');
  }
  return exitCode;
}

function installHookCommand(path: string, io: CliIo): number {
  const outcome = installHook(path);
  if (outcome.kind === 'installed' || outcome.kind === 'updated') {
    io.stdout(`${outcome.message}\n`);
    return EXIT_CLEAN;
  }
  io.stderr(`blast-radius: ${outcome.message}\n`);
  return EXIT_ERROR;
}

function usage(io: CliIo, message: string): number {
  io.stderr(`blast-radius: ${message} (see blast-radius --help)\n`);
  return EXIT_ERROR;
}

// Run when executed directly (the bin, possibly through a symlink), not when imported by tests.
function invokedDirectly(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

/** Runs the command line and sets the exit code: an error that escapes `main` is reported, never thrown. */
export async function runCli(argv: readonly string[], startup?: BundleLoad): Promise<void> {
  try {
    process.exitCode = await main(argv, { ...processIo, startup });
  } catch (error) {
    process.stderr.write(`blast-radius: internal error: ${String(error)}\n`);
    process.exitCode = EXIT_ERROR;
  }
}

if (invokedDirectly()) void runCli(process.argv.slice(2));
