// The command line through main(): formats, output files, exit codes, --fail-on, --quiet, baselines, config and
// usage errors, as a user or CI sees them. One test runs the built bin as a process.
import { isAscii } from 'node:buffer';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { FIXTURES, materialise } from './helpers/fixture.js';
import { makeRepo, type TempRepo } from './helpers/repo.js';
import { sarifProblems } from './helpers/sarif.js';
import { githubToken, stripeLiveKey } from './helpers/tokens.js';

const repos: TempRepo[] = [];
afterAll(() => repos.forEach((repo) => repo.remove()));

const run = runCli;

function fixture(name: string): TempRepo {
  const repo = materialise(join(FIXTURES, name));
  repos.push(repo);
  return repo;
}

function repo(files: Record<string, string>): TempRepo {
  const made = makeRepo(files);
  repos.push(made);
  return made;
}

const RAILWAY = 'export RAILWAY_API_TOKEN=6f1c2a9e-3b7d-4c8e-9a12-5d4e3f2a1b0c\n';

describe('exit codes', () => {
  it('exits 1 when a finding is at or above --fail-on (default high), 0 below it or with none', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    expect((await run(['scan', r.root])).code).toBe(1);
    expect((await run(['scan', r.root, '--fail-on', 'none'])).code).toBe(0);
    const medium = repo({ 'src/client.py': 'PARTNER_API_TOKEN = "Zq4vW8yB2nM6kP0tR3xS7uD1gF5hJ9cL"\n' });
    expect((await run(['scan', medium.root])).code).toBe(0);
    expect((await run(['scan', medium.root, '--fail-on', 'medium'])).code).toBe(1);
  });

  it('exits 0 on a clean repository and says so in one line', async () => {
    const clean = fixture('exposed-credential/lookalikes-clean');
    const { code, stdout } = await run(['scan', clean.root, '--no-color']);
    expect(code).toBe(0);
    expect(stdout.trimEnd().split('\n').pop()).toMatch(/^0 findings · \d+ files scanned in/);
  });

  it('exits 2 with a one-line message for a missing path, a bad option, a broken config or baseline', async () => {
    const missing = await run(['scan', '/nonexistent/place']);
    expect(missing).toEqual({ code: 2, stdout: '', stderr: 'blast-radius: path does not exist: /nonexistent/place (see blast-radius --help)\n' });
    expect((await run(['scan', '.', '--format', 'xml'])).stderr).toMatch(/^blast-radius: --format must be one of text, json, sarif, markdown/);
    expect((await run(['scan', '.', '--fail-on', 'loud'])).code).toBe(2);
    expect((await run(['frobnicate'])).code).toBe(2);
    const broken = repo({ '.blast-radius.yml': 'rules:\n  exposed-credential/generic-secret: sometimes\n' });
    const config = await run(['scan', broken.root]);
    expect(config.code).toBe(2);
    expect(config.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    const baseline = await run(['scan', broken.root, '--baseline', join(broken.root, 'nope.json')]);
    expect(baseline.code).toBe(2);
  });

  it('prints help and the version', async () => {
    expect((await run(['--help'])).stdout).toContain('blast-radius scan [path] [options]');
    expect((await run(['--version'])).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });
});

describe('output', () => {
  it('writes each format to --output atomically and nothing to stdout', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    for (const format of ['json', 'sarif', 'markdown', 'text']) {
      const target = join(r.root, 'reports', `out.${format}`);
      const { stdout, code } = await run(['scan', r.root, '-f', format, '-o', target]);
      expect(code).toBe(1);
      expect(stdout).toBe('');
      expect(readFileSync(target, 'utf8').length).toBeGreaterThan(50);
    }
    expect(readdirSync(join(r.root, 'reports')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
    expect(sarifProblems(JSON.parse(readFileSync(join(r.root, 'reports', 'out.sarif'), 'utf8')))).toEqual([]);
  });

  it('creates --output\'s missing directories, and says so when a parent is a file (exit 2)', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    const nested = join(r.root, 'out', 'reports', 'scan.json');
    expect((await run(['scan', r.root, '-f', 'json', '-o', nested])).code).toBe(1);
    expect(JSON.parse(readFileSync(nested, 'utf8')).findings.length).toBeGreaterThan(0);
    const blocked = await run(['scan', r.root, '-f', 'json', '-o', join(r.root, 'scripts', 'deploy.sh', 'scan.json')]);
    expect(blocked.code).toBe(2);
    expect(blocked.stderr).toContain(`cannot write output: ${join(r.root, 'scripts', 'deploy.sh')} is not a directory`);
  });

  it('scans one file named on the command line, with its path as a whole scan reads it', async () => {
    const r = repo({
      'scripts/deploy.sh': RAILWAY,
      'docs/runbook.md': `Deploy with:\n\n    ${RAILWAY}`,
      '.github/workflows/deploy.yml': `on: push\njobs:\n  deploy:\n    runs-on: ubuntu-latest\n    steps:\n      - run: railway up\n        env:\n          RAILWAY_TOKEN: 7a2b3c4d-5e6f-4a1b-8c2d-3e4f5a6b7c8d\n`,
    });
    const paths = async (target: string): Promise<string[]> => {
      const { stdout, code } = await run(['scan', target, '-f', 'json', '--fail-on', 'none']);
      expect(code).toBe(0);
      return [...new Set((JSON.parse(stdout).findings as Array<{ path: string }>).map((finding) => finding.path))];
    };
    expect(await paths(join(r.root, 'scripts', 'deploy.sh'))).toEqual(['scripts/deploy.sh']);
    expect(await paths(join(r.root, '.github', 'workflows', 'deploy.yml'))).toEqual(['.github/workflows/deploy.yml']);
    expect((await paths(r.root)).sort()).toEqual(['.github/workflows/deploy.yml', 'docs/runbook.md', 'scripts/deploy.sh']);
    const fifo = join(r.root, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    const special = await run(['scan', fifo]);
    expect(special.code).toBe(2);
    expect(special.stderr).toContain('not a directory or a regular file');
  });

  it('writes into a device or pipe given as --output instead of replacing it with a file (-o /dev/null, a FIFO)', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    const fifo = join(r.root, 'report.pipe');
    execFileSync('mkfifo', [fifo]);
    // A reader in another process, as a CI step reading a pipe would be.
    const reader = spawn('cat', [fifo], { stdio: ['ignore', 'pipe', 'inherit'] });
    let received = '';
    reader.stdout.on('data', (chunk: Buffer) => (received += chunk.toString('utf8')));
    const closed = new Promise((resolve) => reader.on('close', resolve));
    const { code } = await run(['scan', r.root, '-f', 'json', '-o', fifo]);
    await closed;
    expect(code).toBe(1);
    expect(lstatSync(fifo).isFIFO()).toBe(true);
    expect(JSON.parse(received).findings.length).toBeGreaterThan(0);
    expect(readdirSync(r.root).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('prints no credential in full in any format, also where one line holds two (each snippet shows the whole line)', async () => {
    const stripe = stripeLiveKey('two-on-a-line');
    const github = githubToken('two-on-a-line');
    const r = repo({ 'src/clients.py': `clients = Clients(stripe="${stripe}", github="${github}")\n` });
    for (const format of ['json', 'sarif', 'markdown', 'text']) {
      const { stdout } = await run(['scan', r.root, '-f', format, '--fail-on', 'none']);
      expect(stdout).toMatch(/clients|Stripe/);
      expect(stdout, format).not.toContain(stripe);
      expect(stdout, format).not.toContain(github);
    }
  });

  it('colours only on a TTY and never with NO_COLOR or --no-color', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    expect((await run(['scan', r.root], {}, true)).stdout).toMatch(/\x1b\[/);
    expect((await run(['scan', r.root], { NO_COLOR: '1' }, true)).stdout).not.toMatch(/\x1b\[/);
    expect((await run(['scan', r.root, '--no-color'], {}, true)).stdout).not.toMatch(/\x1b\[/);
    expect((await run(['scan', r.root], {}, false)).stdout).not.toMatch(/\x1b\[/);
  });

  it('--quiet prints nothing when nothing is at or above --fail-on', async () => {
    const clean = repo({ 'README.md': '# nothing here\n' });
    expect(await run(['scan', clean.root, '--quiet'])).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('--profile prints time per detector and phase to stderr', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    const { stderr } = await run(['scan', r.root, '--profile', '-f', 'json']);
    expect(stderr).toMatch(/ms {2}exposed-credential scanFile/);
  });
});

describe('baselines', () => {
  it('--write-baseline then --baseline suppresses known findings, and a new secret still fails', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    const baseline = join(r.root, '.blast-radius-baseline.json');
    expect((await run(['scan', r.root, '--write-baseline', baseline, '-q'])).code).toBe(1);
    expect((await run(['scan', r.root, '--baseline', baseline])).code).toBe(0);
    r.write('scripts/release.sh', 'GH_TOKEN=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 gh release create\n');
    const after = await run(['scan', r.root, '--baseline', baseline, '-f', 'json']);
    expect(after.code).toBe(1);
    const active = JSON.parse(after.stdout).findings.filter((finding: { suppression?: unknown }) => !finding.suppression);
    expect(active.map((finding: { path: string }) => finding.path)).toEqual(['scripts/release.sh', 'scripts/release.sh', 'scripts/release.sh']);
  });

  it('accepts a SARIF report as a baseline', async () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    const sarif = join(r.root, 'previous.sarif');
    await run(['scan', r.root, '-f', 'sarif', '-o', sarif]);
    expect((await run(['scan', r.root, '--baseline', sarif])).code).toBe(0);
  });
});

describe('the installed bin', () => {
  // The `bin` of package.json: the bundle `npm run build` makes (scripts/bundle-cli.ts), not the modules tsc emits.
  const bin = join(process.cwd(), 'dist', 'bin', 'cli.js');

  it('reports what the sources report, loading the TypeScript parser and the HCL grammar from node_modules', async () => {
    // Both secrets are found only through a parser: a binding continued on the next line, a Terraform variable default.
    const r = repo({
      'src/db.ts': "export const databasePassword =\n  'Vq7#mR2!pL9xT4wZ';\n",
      'infra/main.tf': 'variable "db_password" {\n  type    = string\n  default = "Hn3$kW8@qZ5vB1yC"\n}\n',
    });
    const child = spawnSync(process.execPath, [bin, 'scan', r.root, '-f', 'json', '--fail-on', 'none'], { encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    const bundled = JSON.parse(child.stdout);
    expect(bundled.findings.map((finding: { path: string }) => finding.path).sort()).toEqual(['infra/main.tf', 'src/db.ts']);
    const sources = JSON.parse((await run(['scan', r.root, '-f', 'json', '--fail-on', 'none'])).stdout);
    expect({ findings: bundled.findings, summary: bundled.summary, notifications: bundled.notifications }).toEqual({
      findings: sources.findings,
      summary: sources.summary,
      notifications: sources.notifications,
    });
  });

  it('ships its bundle as ASCII, which the loader reads as one byte a character', () => {
    const bundle = readFileSync(join(process.cwd(), 'dist', 'bin', 'main.cjs'));
    expect(isAscii(bundle)).toBe(true);
    // The messages keep their characters: escaped in the bundle, not dropped.
    expect(bundle.toString('latin1')).toContain('\\u2192');
  });

  it('compiles its bundle from the code cache the build wrote, and scans the same when V8 refuses the cache', () => {
    const r = fixture('blast-radius/car-rental-incident');
    const scanWith = (nodeFlags: string[]) => {
      const child = spawnSync(process.execPath, [...nodeFlags, bin, 'scan', r.root, '-f', 'json', '--fail-on', 'none', '--profile'], { encoding: 'utf8' });
      expect(child.status, child.stderr).toBe(0);
      return { startup: child.stderr.split('\n')[0], findings: JSON.parse(child.stdout).findings };
    };
    const cached = scanWith([]);
    expect(cached.startup).toMatch(/ms {2}start-up \(bundle loaded, code cache used\)$/);
    // V8 takes a cache only under the flags that wrote it: another flag makes it compile the bundle afresh.
    const refused = scanWith(['--stack-size=2000']);
    expect(refused.startup).toMatch(/code cache refused by V8, compiled afresh/);
    expect(refused.findings.length).toBeGreaterThan(5);
    expect(refused.findings).toEqual(cached.findings);
  });

  it('reports the same findings, facts and summary when the per-file stage runs in worker threads', () => {
    const r = fixture('blast-radius/car-rental-incident');
    const run = (workers: string) => {
      const child = spawnSync(process.execPath, [bin, 'scan', r.root, '-f', 'json', '--fail-on', 'none'], { encoding: 'utf8', env: { ...process.env, BLAST_RADIUS_WORKERS: workers } });
      expect(child.status, child.stderr).toBe(0);
      const report = JSON.parse(child.stdout);
      return { findings: report.findings, summary: report.summary, notifications: report.notifications };
    };
    const threaded = run('2');
    expect(threaded.findings.length).toBeGreaterThan(5);
    expect(threaded).toEqual(run('0'));
  });

  // 6,000 tracked files (about 12 MB): on three or more cores, enough for workers to start before the listing.
  let large: TempRepo | undefined;
  const largeRepo = (): TempRepo => {
    if (!large) {
      const files: Record<string, string> = {};
      // Each file is code the detectors read line by line, so the scan outlasts the workers' start-up.
      const body = (index: number) => Array.from({ length: 25 }, (_, line) => `const token${line} = config.get("service-${index}-${line}", { secret: false });`).join('\n');
      for (let index = 0; index < 6000; index++) files[`pkg-${index % 60}/file-${index}.ts`] = index % 1000 === 7 ? `const stripeKey = '${stripeLiveKey(`k${index}`)}';\n` : `${body(index)}\n`;
      large = makeRepo(files);
      repos.push(large);
    }
    return large;
  };
  const scanLarge = (env: Record<string, string | undefined>) => {
    const { BLAST_RADIUS_WORKERS: _unset, ...inherited } = process.env;
    const child = spawnSync(process.execPath, [bin, 'scan', largeRepo().root, '-f', 'json', '--fail-on', 'none', '--profile'], { encoding: 'utf8', env: { ...inherited, ...env } });
    expect(child.status, child.stderr).toBe(0);
    const report = JSON.parse(child.stdout);
    const workerBatches = Number(/(\d+) of \d+ batches in workers/.exec(child.stderr)?.[1] ?? 0);
    return { findings: report.findings, summary: report.summary, notifications: report.notifications, workerBatches };
  };

  it('runs workers beside the calling thread when asked, and reports what one thread reports', () => {
    const threaded = scanLarge({ BLAST_RADIUS_WORKERS: '2' });
    const single = scanLarge({ BLAST_RADIUS_WORKERS: '1' });
    // The worker took part (it loads for about 0.2 s while the calling thread works through the first batches).
    expect(threaded.workerBatches).toBeGreaterThan(0);
    expect(single.workerBatches).toBe(0);
    expect(threaded.findings.length).toBe(6 * 3);
    expect({ ...threaded, workerBatches: 0 }).toEqual(single);
  });

  it('uses workers by itself for 6,000 files only with three or more cores (on two, from 20,000)', () => {
    const defaulted = scanLarge({});
    expect(defaulted.workerBatches > 0).toBe(availableParallelism() > 2);
    expect(defaulted.findings.length).toBe(6 * 3);
  });

  it('scans in the main thread what a failed worker held, and says a worker failed', () => {
    // Two workers beside the calling thread, each failing on the first batch it is handed.
    const failing = scanLarge({ BLAST_RADIUS_WORKERS: '3', BLAST_RADIUS_TEST_WORKER_FAILS_ON_BATCH: '0' });
    const single = scanLarge({ BLAST_RADIUS_WORKERS: '1' });
    expect(failing.workerBatches).toBe(0);
    expect(failing.notifications.filter((n: { code: string }) => n.code === 'worker-failed')).toHaveLength(1);
    expect(failing.findings).toEqual(single.findings);
    expect(failing.summary).toEqual(single.summary);
  });

  it('runs as `npx blast-radius` from the project, as the README says (the built bin is executable)', () => {
    expect(statSync(bin).mode & 0o111, 'npm run build marks the bin executable').not.toBe(0);
    const child = spawnSync('npx', ['--no-install', 'blast-radius', '--version'], { cwd: process.cwd(), encoding: 'utf8' });
    expect(child.status, child.stderr).toBe(0);
    expect(child.stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
  });

  it.runIf(existsSync('/proc/self'))('fails with a message, not a spinning core, where a directory refuses children (-o /proc/x/r.json)', () => {
    // Node's recursive mkdir never returns there: /proc exists, and mkdir under it says ENOENT.
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    const child = spawnSync(process.execPath, [bin, 'scan', r.root, '-o', '/proc/blast-radius-test/r.json'], { encoding: 'utf8', timeout: 30_000 });
    expect(child.signal).toBeNull();
    expect(child.status).toBe(2);
    expect(child.stderr).toContain('cannot write output: ENOENT');
  });

  it('ends quietly with the scan\'s exit code when the reader closes the pipe early (`scan . | head`)', () => {
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    // `true` exits before the scan prints, so the report is written into a closed pipe.
    const child = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" scan "${r.root}" --no-color | true; exit \${PIPESTATUS[0]}`], { encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(1);
  });

  it('runs as `blast-radius scan <dir>` and never writes into the scanned tree', () => {
    expect(existsSync(bin), 'npm ci builds dist/ through prepare').toBe(true);
    const r = repo({ 'scripts/deploy.sh': RAILWAY });
    const before = execFileSync('git', ['status', '--porcelain', '--ignored'], { cwd: r.root, encoding: 'utf8' });
    const child = spawnSync(process.execPath, [bin, 'scan', r.root, '--no-color'], { encoding: 'utf8' });
    expect(child.status).toBe(1);
    expect(child.stdout).toContain('Railway account token in RAILWAY_API_TOKEN');
    expect(execFileSync('git', ['status', '--porcelain', '--ignored'], { cwd: r.root, encoding: 'utf8' })).toBe(before);
  });
});
