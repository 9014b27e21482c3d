// `npm run bench`: times full scans over generated corpora (1x, 2x, 4x) and over any paths given, reports files, bytes,
// wall time (of the scan, and of the installed command end to end), MB/s, peak RSS, recall on planted secrets, and ratios
// (end to end, as the peers are timed) against secretlint and ripgrep when they are installed.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus, type Corpus } from './corpus.js';
import { parallelCapacity } from './parallel-capacity.js';

interface Measurement {
  target: string;
  files: number;
  bytes: number;
  wallMs: number;
  /** CPU time of the scan over all the process's threads (workers, V8's compiler and garbage collector). */
  cpuMs: number;
  /** Loading the detectors in a fresh process, before the scan starts. */
  startupMs: number;
  /** The installed command as a user runs it, Node start-up and report included: what the peers are compared with. */
  endToEndMs: number;
  mbPerSecond: number;
  maxRssMb: number;
  findings: number;
  recall?: string;
  secretlintMs?: number;
  ripgrepMs?: number;
}

const args = process.argv.slice(2);
const scales = (valueOf('--scales') ?? '1,2,4').split(',').map(Number).filter((n) => n > 0);
const jsonOut = valueOf('--json');
const paths = args.filter((arg, index) => !arg.startsWith('--') && !['--scales', '--json', '--secretlint-max-mb'].includes(args[index - 1] ?? ''));
const measureScript = fileURLToPath(new URL('./measure.js', import.meta.url));
/** package.json `bin`: the bundle `npm run build` makes. */
const installedBin = fileURLToPath(new URL('../bin/cli.js', import.meta.url));

function valueOf(flag: string): string | undefined {
  const index = args.indexOf(flag);
  return index >= 0 ? args[index + 1] : undefined;
}

function measure(root: string): { wallMs: number; cpuMs: number; startupMs: number; files: number; bytes: number; maxRssKb: number; findings: Array<{ rule: string; path: string; line: number }> } {
  const child = spawnSync(process.execPath, [measureScript, root], { encoding: 'utf8', maxBuffer: 512 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`measure failed on ${root}: ${child.stderr}`);
  return JSON.parse(child.stdout);
}

/** Median wall time of three runs of the installed command, which writes its JSON report where nothing reads it. */
function endToEnd(root: string): number {
  const report = join(tmpdir(), 'blast-radius-bench-report.json');
  const times = [0, 1, 2]
    .map(() => timeCommand(process.execPath, [installedBin, 'scan', root, '-f', 'json', '-o', report, '--fail-on', 'none'], root))
    .map((ms) => {
      if (ms === undefined) throw new Error(`blast-radius scan ${root} failed`);
      return ms;
    })
    .sort((a, b) => a - b);
  rmSync(report, { force: true });
  return Math.round(times[1]!);
}

function onPath(command: string): string | undefined {
  const local = resolve('node_modules/.bin', command);
  if (existsSync(local)) return local;
  const found = spawnSync('sh', ['-c', `command -v ${command}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Wall time of a peer tool; undefined when it failed (exit status above 1: both peers exit 1 on findings). */
function timeCommand(command: string, commandArgs: string[], cwd: string): number | undefined {
  const started = performance.now();
  const run = spawnSync(command, commandArgs, { cwd, stdio: 'ignore', timeout: 600_000 });
  if (run.error || run.status === null || run.status > 1) return undefined;
  return performance.now() - started;
}

/** secretlint 11 takes minutes on large trees (its always-on profiler): bigger targets skip it. */
const secretlintMaxBytes = Number(valueOf('--secretlint-max-mb') ?? '60') * 1e6;

function row(target: string, corpus: Corpus | undefined, root: string): Measurement {
  // Warm the page cache and the module cache once, then keep the median of three.
  measure(root);
  const runs = [measure(root), measure(root), measure(root)].sort((a, b) => a.wallMs - b.wallMs);
  const median = runs[1]!;
  const measurement: Measurement = {
    target,
    files: median.files,
    bytes: median.bytes,
    wallMs: Math.round(median.wallMs),
    cpuMs: Math.round(median.cpuMs),
    startupMs: Math.round(median.startupMs),
    endToEndMs: endToEnd(root),
    mbPerSecond: Math.round((median.bytes / 1e6 / (median.wallMs / 1000)) * 10) / 10,
    maxRssMb: Math.round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024),
    findings: median.findings.length,
  };
  if (corpus) {
    const hit = corpus.planted.filter((secret) => median.findings.some((f) => f.path === secret.path && f.line === secret.line)).length;
    measurement.recall = `${hit}/${corpus.planted.length}`;
  }
  const secretlint = onPath('secretlint');
  if (secretlint && median.bytes <= secretlintMaxBytes) {
    writeFileSync(join(tmpdir(), 'blast-radius-secretlintrc.json'), JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
    const ms = timeCommand(secretlint, ['--secretlintrc', join(tmpdir(), 'blast-radius-secretlintrc.json'), '**/*'], root);
    if (ms !== undefined) measurement.secretlintMs = Math.round(ms);
  }
  const rg = onPath('rg');
  if (rg) {
    const ms = timeCommand(rg, ['-c', '--hidden', '-e', 'AKIA[A-Z2-7]{16}', '-e', 'sk_live_[A-Za-z0-9]{24}', '-e', 'hooks\\.slack\\.com', '-e', 'SG\\.[A-Za-z0-9_-]{22}', '-e', 'BEGIN [A-Z ]*PRIVATE KEY', '.'], root);
    if (ms !== undefined) measurement.ripgrepMs = Math.round(ms);
  }
  return measurement;
}

const results: Measurement[] = [];
const corpusBase = join(tmpdir(), 'blast-radius-bench');
for (const scale of scales) {
  const root = join(corpusBase, `${scale}x`);
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const corpus = generateCorpus(root, scale);
  execFileSync('git', ['init', '-q'], { cwd: root });
  results.push(row(`generated ${scale}x`, corpus, root));
}
for (const path of paths) results.push(row(path, undefined, resolve(path)));

const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
/** Which peers the ratios are against: versions as the tools print them. */
const versionOf = (command: string | undefined): string | undefined =>
  command ? spawnSync(command, ['--version'], { encoding: 'utf8' }).stdout.trim().split('\n')[0] || undefined : undefined;
const peers = { secretlint: versionOf(onPath('secretlint')), ripgrep: versionOf(onPath('rg')) };
const header = ['target', 'files', 'MB', 'scan s', 'CPU s', 'start-up s', 'end to end s', 'MB/s', 'peak RSS MB', 'findings', 'recall', 'vs secretlint', 'vs ripgrep'];
const lines = results.map((m) => [
  m.target,
  String(m.files),
  (m.bytes / 1e6).toFixed(1),
  (m.wallMs / 1000).toFixed(2),
  (m.cpuMs / 1000).toFixed(2),
  (m.startupMs / 1000).toFixed(2),
  (m.endToEndMs / 1000).toFixed(2),
  m.mbPerSecond.toFixed(1),
  String(m.maxRssMb),
  String(m.findings),
  m.recall ?? '-',
  m.secretlintMs ? `${(m.secretlintMs / m.endToEndMs).toFixed(1)}x faster` : onPath('secretlint') ? 'skipped (size)' : 'not installed',
  m.ripgrepMs ? `${(m.endToEndMs / m.ripgrepMs).toFixed(1)}x rg time` : 'not installed',
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)));
const format = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ');
const capacity = await parallelCapacity();
console.log(`machine: ${machine}; ${capacity.threads} threads of a CPU-bound task do ${capacity.speedup}x the work of one`);
console.log(`peers: secretlint ${peers.secretlint ?? 'not installed'} (recommended preset), ${peers.ripgrep ?? 'ripgrep not installed'}`);
console.log(format(header));
for (const line of lines) console.log(format(line));
const generated = results.filter((m) => m.target.startsWith('generated'));
let linearity: { fixedMs: number; msPerMb: number; maxResidualPercent: number; fromProportional: Record<string, number> } | undefined;
if (generated.length > 1) {
  // Two readings. Against proportional (time at kx = k times the time at 1x), which fixed costs (thread start-up,
  // JIT warm-up) pull below zero. Against the straight line fitted through every scale (t = fixed + slope x MB):
  // a cost that grows faster than the input (quadratic work, memory pressure) shows as a large residual.
  const base = generated[0]!;
  const baseScale = scales[0]!;
  const fromProportional: Record<string, number> = {};
  for (const [index, m] of generated.entries()) {
    const expected = (base.wallMs * scales[index]!) / baseScale;
    fromProportional[m.target] = Math.round((m.wallMs / expected - 1) * 1000) / 10;
    console.log(`linearity ${m.target}: ${fromProportional[m.target]!.toFixed(1)}% from proportional to 1x`);
  }
  const xs = generated.map((m) => m.bytes / 1e6);
  const ys = generated.map((m) => m.wallMs);
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  const slope = xs.reduce((sum, x, i) => sum + (x - meanX) * (ys[i]! - meanY), 0) / xs.reduce((sum, x) => sum + (x - meanX) ** 2, 0);
  const fixed = meanY - slope * meanX;
  const maxResidual = Math.max(...xs.map((x, i) => Math.abs(ys[i]! - (fixed + slope * x)) / ys[i]!));
  linearity = { fixedMs: Math.round(fixed), msPerMb: Math.round(slope * 10) / 10, maxResidualPercent: Math.round(maxResidual * 1000) / 10, fromProportional };
  console.log(
    `linear fit: ${linearity.fixedMs} ms fixed + ${linearity.msPerMb} ms per MB (${(1000 / slope).toFixed(1)} MB/s at the margin); largest residual ${linearity.maxResidualPercent}% of the measured time`,
  );
}
const report = { machine, parallelCapacity: capacity, peers, results, linearity };
console.log(JSON.stringify(report));
if (jsonOut) writeFileSync(jsonOut, JSON.stringify(report, null, 2));

// Then the git modes (`--staged`, `--history`) and the cost against what is found, unless asked not to: one command
// measures everything.
for (const [flag, script] of [
  ['--no-git', './git-modes.js'],
  ['--no-scale', './scale.js'],
] as const) {
  if (args.includes(flag)) continue;
  const child = spawnSync(process.execPath, [fileURLToPath(new URL(script, import.meta.url))], { stdio: 'inherit' });
  if (child.status !== 0) process.exitCode = 1;
}

