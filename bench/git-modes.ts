// `npm run bench:git` (also run by `npm run bench`): the git modes at scale. `--history` over generated repositories of
// 2,500, 5,000 and 10,000 commits (merges and planted secrets, some deleted later): wall time, commits per second,
// time per thousand added lines (flat when the cost is linear in added lines), peak RSS and recall of the planted
// secrets at their introducing commits. `--staged` end to end, Node start-up included, on a
// 10,000-file repository with three staged files.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { base62, crc32 } from '../knowledge/credentials/values.js';

const HERE = fileURLToPath(import.meta.url);
/** The installed command (package.json `bin`): what a pre-commit hook runs. */
const CLI = join(dirname(HERE), '..', 'bin', 'cli.js');

interface Planted {
  path: string;
  line: number;
  commit: number;
}

/** Deterministic pseudo-random numbers, so every run measures the same repository. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state ^ (state >>> 15), 2246822507) + 0x9e3779b9) >>> 0;
    return state / 2 ** 32;
  };
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
function word(next: () => number, length: number, alphabet = ALPHANUMERIC): string {
  let out = '';
  for (let index = 0; index < length; index++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

function secretLine(next: () => number, index: number): string {
  switch (index % 3) {
    case 0:
      return `STRIPE_SECRET_KEY=sk_live_51${word(next, 46)}`;
    case 1: {
      const body = word(next, 30);
      return `GH_TOKEN=ghp_${body}${base62(crc32(body), 6)}`;
    }
    default:
      return `AWS_ACCESS_KEY_ID=AKIA${word(next, 16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`;
  }
}

/**
 * A repository of `commits` commits built with git fast-import: 600 source and config files, each commit editing
 * three of them; every 50th commit merges a side branch; every 97th plants a secret in a deploy file, and half of
 * those are deleted 20 commits later.
 */
function generateHistory(root: string, commits: number): { planted: Planted[]; addedLines: number } {
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  const next = random(commits);
  const files = new Map<string, string[]>();
  for (let index = 0; index < 600; index++) {
    const path = index % 3 === 0 ? `config/service-${index}.yml` : `src/module-${index}/index.ts`;
    const lines =
      index % 3 === 0
        ? ['service:', `  name: service-${index}`, '  replicas: 2', '  env:', '    LOG_LEVEL: info', `    API_URL: https://api-${index}.internal.example.com`]
        : [`import { log } from '../log';`, '', `export function handler${index}(input: string): string {`, `  log('handler ${index}');`, '  return input.trim();', '}'];
    files.set(path, lines);
  }
  const paths = [...files.keys()];
  const planted: Planted[] = [];
  const deletions = new Map<number, string>();
  const chunks: string[] = [];
  const blob = (text: string): string => `data ${Buffer.byteLength(text)}\n${text}\n`;
  let mark = 0;
  let previous = 0;
  let addedLines = 0;
  let time = 1_600_000_000;
  const commitHeader = (ref: string, message: string): string => {
    mark++;
    time += 3600;
    return `commit ${ref}\nmark :${mark}\nauthor Dev <dev@example.com> ${time} +0000\ncommitter Dev <dev@example.com> ${time} +0000\n${blob(message)}`;
  };

  for (let number = 1; number <= commits; number++) {
    const changes: string[] = [];
    if (number === 1) {
      for (const [path, lines] of files) {
        changes.push(`M 100644 inline ${path}\n${blob(`${lines.join('\n')}\n`)}`);
        addedLines += lines.length;
      }
    } else {
      for (let edit = 0; edit < 3; edit++) {
        const path = paths[Math.floor(next() * paths.length)]!;
        const lines = files.get(path)!;
        lines.splice(Math.floor(next() * lines.length), 0, path.endsWith('.yml') ? `    FEATURE_${word(next, 6).toUpperCase()}: "on"` : `  // ${word(next, 24)}`);
        addedLines++;
        changes.push(`M 100644 inline ${path}\n${blob(`${lines.join('\n')}\n`)}`);
      }
    }
    const deletion = deletions.get(number);
    if (deletion) changes.push(`D ${deletion}\n`);
    let side = 0;
    if (number % 97 === 0) {
      const path = `deploy/${number}/.env.production`;
      planted.push({ path, line: 2, commit: number });
      if (planted.length % 2 === 1) deletions.set(number + 20, path);
      changes.push(`M 100644 inline ${path}\n${blob(`NODE_ENV=production\n${secretLine(next, planted.length)}\n`)}`);
      addedLines += 2;
    }
    if (number % 50 === 0 && number > 1) {
      // A side commit, then a merge of it: the side's lines must be reported once, at the side commit.
      const path = `docs/notes-${number}.md`;
      chunks.push(`${commitHeader('refs/heads/side', `side ${number}`)}from :${previous}\nM 100644 inline ${path}\n${blob(`# Notes ${number}\n\n${word(next, 40)}\n`)}\n`);
      addedLines += 3;
      side = mark;
    }
    chunks.push(`${commitHeader('refs/heads/main', `change ${number}`)}${previous ? `from :${previous}\n` : ''}${side ? `merge :${side}\n` : ''}${changes.join('')}\n`);
    previous = mark;
  }
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: chunks.join(''), maxBuffer: 1024 * 1024 * 1024 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: root });
  return { planted, addedLines };
}

interface HistoryRun {
  wallMs: number;
  commits: number;
  fileVersions: number;
  maxRssKb: number;
  findings: Array<{ path: string; line: number; commit?: string }>;
}

/** Child mode: one history scan in a fresh process, so its RSS is its own. */
async function measureHistory(root: string): Promise<void> {
  const { scanHistory } = await import('../src/scan-history.js');
  const started = performance.now();
  const result = await scanHistory({ root });
  const wallMs = performance.now() - started;
  const note = result.notifications.find((notification) => notification.code === 'history-scanned')?.message ?? '';
  const run: HistoryRun = {
    wallMs,
    commits: Number(/by (\d+) commit/.exec(note)?.[1] ?? 0),
    fileVersions: result.stats.filesDiscovered,
    maxRssKb: process.resourceUsage().maxRSS,
    findings: result.findings.map((finding) => ({ path: finding.location.path, line: finding.location.span.line, commit: finding.location.commit })),
  };
  process.stdout.write(JSON.stringify(run));
}

function shaOfCommit(root: string, message: string): string {
  return execFileSync('git', ['log', '--all', '--format=%H', `--grep=^${message}$`], { cwd: root, encoding: 'utf8' }).trim();
}

function historyRow(commits: number): string[] {
  const root = join(tmpdir(), 'blast-radius-bench-history', `${commits}`);
  const { planted, addedLines } = generateHistory(root, commits);
  const child = spawnSync(process.execPath, [HERE, '--measure-history', root], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (child.status !== 0) throw new Error(`history measurement failed: ${child.stderr}`);
  const run = JSON.parse(child.stdout) as HistoryRun;
  const found = planted.filter((secret) => {
    const sha = shaOfCommit(root, `change ${secret.commit}`);
    return run.findings.some((finding) => finding.path === secret.path && finding.line === secret.line && finding.commit === sha);
  }).length;
  return [
    `--history ${commits} commits`,
    String(run.commits),
    String(run.fileVersions),
    String(addedLines),
    (run.wallMs / 1000).toFixed(2),
    String(Math.round(run.commits / (run.wallMs / 1000))),
    ((run.wallMs / addedLines) * 1000).toFixed(1),
    String(Math.round(run.maxRssKb / 1024)),
    `${found}/${planted.length}`,
  ];
}

/** `scan --staged` as a hook runs it: a new Node process, three staged files in a 10,000-file repository. */
function stagedRow(): string[] {
  const root = join(tmpdir(), 'blast-radius-bench-staged');
  rmSync(root, { recursive: true, force: true });
  mkdirSync(root, { recursive: true });
  const next = random(7);
  const chunks: string[] = ['commit refs/heads/main\nauthor Dev <dev@example.com> 1600000000 +0000\ncommitter Dev <dev@example.com> 1600000000 +0000\ndata 4\ninit\n'];
  for (let index = 0; index < 10_000; index++) {
    const path = `packages/pkg-${index % 100}/src/file-${index}.${['ts', 'js', 'yml', 'json', 'md', 'py', 'tf', 'go'][index % 8]}`;
    const text = Array.from({ length: 40 }, () => `// ${word(next, 60)}`).join('\n');
    chunks.push(`M 100644 inline ${path}\ndata ${Buffer.byteLength(text)}\n${text}\n`);
  }
  execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: root });
  execFileSync('git', ['fast-import', '--quiet'], { cwd: root, input: `${chunks.join('')}\n`, maxBuffer: 1024 * 1024 * 1024 });
  execFileSync('git', ['checkout', '-q', '-f', 'main'], { cwd: root });
  mkdirSync(join(root, 'deploy'), { recursive: true });
  writeFileSync(join(root, 'deploy', 'billing.yml'), `stripe:\n  secret_key: sk_live_51${word(next, 46)}\n`);
  writeFileSync(join(root, 'packages', 'pkg-1', 'src', 'extra.ts'), "export const retries = 3;\n");
  writeFileSync(join(root, 'README.md'), '# monorepo\n');
  execFileSync('git', ['add', 'deploy', 'packages/pkg-1/src/extra.ts', 'README.md'], { cwd: root });
  const times: number[] = [];
  let findings = 0;
  for (let run = 0; run < 6; run++) {
    const started = performance.now();
    const child = spawnSync(process.execPath, [CLI, 'scan', '--staged', '--format', 'json', root], { encoding: 'utf8' });
    times.push(performance.now() - started);
    findings = (JSON.parse(child.stdout) as { findings: unknown[] }).findings.length;
  }
  // The first run warms the page cache; the median of the rest is what a developer waits on each commit.
  const rest = times.slice(1).sort((a, b) => a - b);
  return ['--staged (3 of 10,000 files), Node start included', '-', '3', '-', (rest[Math.floor(rest.length / 2)]! / 1000).toFixed(2), '-', '-', '-', `${findings} findings`];
}

if (process.argv[2] === '--measure-history') {
  await measureHistory(process.argv[3]!);
} else {
  const sizes = (process.argv.includes('--commits') ? process.argv[process.argv.indexOf('--commits') + 1]! : '2500,5000,10000').split(',').map(Number);
  // Linear in added lines: the time per thousand added lines stays flat as the history grows.
  const header = ['mode', 'commits', 'file versions', 'added lines', 'wall s', 'commits/s', 'ms per 1k added lines', 'peak RSS MB', 'recall'];
  const rows = [...sizes.map(historyRow), stagedRow()];
  const widths = header.map((cell, index) => Math.max(cell.length, ...rows.map((row) => row[index]!.length)));
  const format = (cells: string[]): string => cells.map((cell, index) => cell.padEnd(widths[index]!)).join('  ');
  console.log(`machine: ${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  console.log(format(header));
  for (const row of rows) console.log(format(row));
}
