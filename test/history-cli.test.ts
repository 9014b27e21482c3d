// `blast-radius scan --history` through the CLI with the real detectors and realistic credentials: a secret deleted
// from the tree, one that moved with a rename, a branch merged with --no-ff, one never merged, and what each finding
// says about them.
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { makeGitRepo, removeAll } from './helpers/git-history.js';
import { githubToken, stripeLiveKey } from './helpers/tokens.js';

afterAll(removeAll);

const cli = (args: string[]) => runCli(args);

interface JsonFinding {
  ruleId: string;
  path: string;
  line: number;
  commit?: string;
  message: string;
  snippet?: string;
  details: { stillInTree?: boolean; commits?: number; commitDate?: string };
}

describe('scan --history', () => {
  it('names the commit, date and path of every secret the history holds, and whether it is still in the tree', async () => {
    const repo = makeGitRepo();
    const stripe = stripeLiveKey('history-env');
    const token = githubToken('history-release');
    const init = repo.commit('init', { 'README.md': '# shop\n', 'package.json': '{"name":"shop"}\n', '.env.production': `NODE_ENV=production\nSTRIPE_SECRET_KEY=${stripe}\n` }, '2023-05-02T09:30:00+02:00');
    repo.commit('stop tracking .env files', { '.env.production': null, '.gitignore': '.env*\n' });
    repo.git('checkout', '-q', '-b', 'release');
    const release = repo.commit('release script', { 'scripts/release.sh': `#!/bin/sh\nGH_TOKEN=${token} gh release create "$TAG"\n` }, '2023-06-10T16:00:00Z');
    repo.git('checkout', '-q', 'main');
    repo.commit('docs', { 'README.md': '# shop\n\nDocs.\n' });
    repo.git('merge', '-q', '--no-ff', '--no-edit', 'release');
    repo.move('scripts/release.sh', 'tools/release.sh');
    repo.commit('move scripts');

    const { code, stdout } = await cli(['scan', '--history', repo.root, '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { findings: JsonFinding[]; summary: { headline: string }; complete: boolean };
    expect(report.findings.map(({ ruleId, path, line, commit, details }) => ({ ruleId, path, line, commit, stillInTree: details.stillInTree, commits: details.commits, date: details.commitDate }))).toEqual([
      { ruleId: 'exposed-credential/committed-dotenv', path: '.env.production', line: 1, commit: init, stillInTree: false, commits: 1, date: '2023-05-02T09:30:00+02:00' },
      { ruleId: 'exposed-credential/stripe-live-secret-key', path: '.env.production', line: 2, commit: init, stillInTree: false, commits: 1, date: '2023-05-02T09:30:00+02:00' },
      { ruleId: 'root-scoped-token/stripe-live-secret-key', path: '.env.production', line: 2, commit: init, stillInTree: false, commits: 1, date: '2023-05-02T09:30:00+02:00' },
      // Reported at the branch commit that added it, not again at the merge; still in the tree under its new name.
      { ruleId: 'exposed-credential/github-classic-token', path: 'scripts/release.sh', line: 2, commit: release, stillInTree: true, commits: 1, date: '2023-06-10T16:00:00+00:00' },
      { ruleId: 'root-scoped-token/github-classic-token', path: 'scripts/release.sh', line: 2, commit: release, stillInTree: true, commits: 1, date: '2023-06-10T16:00:00+00:00' },
    ]);
    expect(report.findings[1]!.message).toBe(
      `Stripe live secret key in STRIPE_SECRET_KEY is stored in plain text where coding agents read it. Introduced in commit ${init.slice(0, 12)} (2023-05-02). It is no longer in the tree, but anyone with a clone reads it with git log --all -p: rotate it.`,
    );
    expect(report.summary.headline).toBe('5 findings in the lines 6 commits added; 3 no longer in the tree but readable by anyone who runs git log --all -p.');
    expect(stdout).not.toContain(stripe);
    expect(stdout).not.toContain(token);
    expect(report.complete).toBe(true);
  });

  it('prints commits beside paths in the text report, and honours --since', async () => {
    const repo = makeGitRepo();
    repo.commit('old', { 'deploy/.env.staging': `STRIPE_SECRET_KEY=${stripeLiveKey('old')}\n` });
    const boundary = repo.commit('remove', { 'deploy/.env.staging': null });
    const recent = repo.commit('ci token', { '.github/workflows/release.yml': `on: push\njobs:\n  release:\n    runs-on: ubuntu-latest\n    env:\n      GH_TOKEN: ${githubToken('ci')}\n    steps:\n      - run: gh release create v1\n` });
    const { code, stdout } = await cli(['scan', '--history', '--since', boundary, repo.root]);
    expect(code).toBe(1);
    expect(stdout).toContain(`.github/workflows/release.yml @ ${recent.slice(0, 12)}\n  6:17`);
    expect(stdout).not.toContain('deploy/.env.staging');
  });

  it('reads every branch a clone holds: a secret on a branch never merged is reported, once', async () => {
    const repo = makeGitRepo();
    repo.commit('init', { 'README.md': '# shop\n' });
    repo.git('checkout', '-q', '-b', 'wip/debug');
    const debug = repo.commit('debug notes', { 'notes.txt': `STRIPE_SECRET_KEY=${stripeLiveKey('wip')}\n` });
    repo.git('checkout', '-q', 'main');
    repo.commit('docs', { 'README.md': '# shop\n\nDocs.\n' });
    const { stdout } = await cli(['scan', '--history', repo.root, '--format', 'json']);
    const report = JSON.parse(stdout) as { findings: JsonFinding[] };
    expect(report.findings.filter((finding) => finding.ruleId === 'exposed-credential/stripe-live-secret-key').map(({ path, commit, details }) => ({ path, commit, stillInTree: details.stillInTree }))).toEqual([
      { path: 'notes.txt', commit: debug, stillInTree: false },
    ]);
  });

  it('exits 0 on a clean history and 2 with a clear message outside a repository or with a bad --since', async () => {
    const clean = makeGitRepo();
    clean.commit('init', { 'README.md': '# docs\n', 'config/app.yml': 'log_level: info\n' });
    expect((await cli(['scan', '--history', clean.root])).code).toBe(0);
    const plain = makeGitRepo({ git: false });
    const outside = await cli(['scan', '--history', plain.root]);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/^blast-radius: --history needs a git repository, and .* is not inside a git work tree/);
    const since = await cli(['scan', '--history', '--since', 'v9.9.9', clean.root]);
    expect(since).toEqual({ code: 2, stdout: '', stderr: 'blast-radius: --since v9.9.9 does not name a commit in this repository (see blast-radius --help)\n' });
    expect((await cli(['scan', '--since', 'HEAD', clean.root])).stderr).toBe('blast-radius: --since only applies to --history (see blast-radius --help)\n');
    expect((await cli(['scan', '--staged', '--history', clean.root])).stderr).toBe('blast-radius: --staged and --history are different scans; pick one (see blast-radius --help)\n');
  });
});
