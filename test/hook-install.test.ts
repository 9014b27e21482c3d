// `blast-radius install-hook` and the hook it writes, run by real `git commit`s: a staged secret stops the commit,
// unstaged ones do not, `git commit <path>` is judged by what it records, a foreign hook or a hook manager is left
// alone (with the line to chain), and husky/lefthook-style hooks run the same staged scan.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync, chmodSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main, type CliIo } from '../src/cli.js';
import { CHAIN_LINE, HOOK_MARKER } from '../src/install-hook.js';
import { installCliInto, removeBuiltCli } from './helpers/cli-build.js';
import { gitEnv, makeGitRepo, removeAll, type GitRepo } from './helpers/git-history.js';
import { githubToken, stripeLiveKey } from './helpers/tokens.js';

afterAll(() => {
  removeAll();
  removeBuiltCli();
});

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), isTty: false, env: {} };
  const code = await main(args, io);
  return { code, stdout, stderr };
}

/** `git commit` as a developer runs it: hooks on, output captured, status returned. */
function commit(repo: GitRepo, args: string[]): { status: number; output: string } {
  const run = spawnSync('git', ['commit', '-q', '-m', 'change', ...args], { cwd: repo.root, env: gitEnv('2024-03-01T10:00:00Z'), encoding: 'utf8' });
  return { status: run.status ?? -1, output: `${run.stdout}${run.stderr}` };
}

async function project(): Promise<GitRepo> {
  const repo = makeGitRepo();
  repo.commit('init', {
    '.gitignore': 'node_modules/\n.env\n',
    'package.json': '{\n  "name": "shop",\n  "private": true,\n  "devDependencies": { "agent-blast-radius": "^0.1.0" }\n}\n',
    'README.md': '# shop\n',
    'config/billing.yml': 'stripe:\n  publishable_key: pk_live_51HqLyjWDarjtT1zdp7dc\n',
  });
  await installCliInto(repo.root);
  return repo;
}

describe('install-hook', () => {
  it('writes an executable pre-commit hook that stops a commit recording a secret', async () => {
    const repo = await project();
    const installed = await cli(['install-hook', repo.root]);
    expect(installed).toEqual({
      code: 0,
      stdout: 'Installed .git/hooks/pre-commit: every commit now runs `blast-radius scan --staged` (skip once with git commit --no-verify).\n',
      stderr: '',
    });
    const hook = join(repo.root, '.git', 'hooks', 'pre-commit');
    expect(readFileSync(hook, 'utf8')).toContain(HOOK_MARKER);
    expect(statSync(hook).mode & 0o111).not.toBe(0);

    const head = repo.git('rev-parse', 'HEAD');
    repo.write('config/billing.yml', `stripe:\n  publishable_key: pk_live_51HqLyjWDarjtT1zdp7dc\n  secret_key: ${stripeLiveKey('hook')}\n`);
    repo.git('add', 'config/billing.yml');
    const blocked = commit(repo, []);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain('config/billing.yml');
    expect(blocked.output).toContain('3:15     critical Stripe live secret key in secret_key reaches a whole account');
    expect(blocked.output).not.toContain(stripeLiveKey('hook'));
    expect(repo.git('rev-parse', 'HEAD')).toBe(head);
  });

  it('lets through a commit whose staged content is clean, whatever the working tree holds', async () => {
    const repo = await project();
    await cli(['install-hook', repo.root]);
    repo.write('README.md', '# shop\n\nRun `npm start`.\n');
    repo.git('add', 'README.md');
    repo.write('config/billing.yml', `stripe:\n  secret_key: ${stripeLiveKey('unstaged')}\n`);
    const passed = commit(repo, []);
    expect(passed).toEqual({ status: 0, output: '' });
    expect(repo.git('show', '--stat', '--format=', 'HEAD').trim()).toMatch(/^README\.md \| 2 \+\+/);
  });

  it('judges `git commit <path>` by the temporary index git hands the hook', async () => {
    const repo = await project();
    await cli(['install-hook', repo.root]);
    repo.write('README.md', '# shop\n\nDocs.\n');
    repo.write('scripts/release.sh', `#!/bin/sh\nGH_TOKEN=${githubToken('release')} gh release create "$TAG"\n`);
    repo.git('add', 'scripts/release.sh');
    // Only README.md is committed: the staged token is not part of this commit.
    expect(commit(repo, ['README.md']).status).toBe(0);
    // Committing the script itself is stopped.
    const blocked = commit(repo, ['scripts/release.sh']);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain('scripts/release.sh');
  });

  it('updates its own hook, and leaves a foreign one alone with the line to chain', async () => {
    const repo = await project();
    await cli(['install-hook', repo.root]);
    expect((await cli(['install-hook', repo.root])).stdout).toMatch(/^Updated \.git\/hooks\/pre-commit/);

    const other = await project();
    const hook = join(other.root, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\nnpm run lint\n');
    const refused = await cli(['install-hook', other.root]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `blast-radius: .git/hooks/pre-commit already exists and was not written by blast-radius; it was left as it is. To run both, add this line to it (before any final exit):\n    ${CHAIN_LINE}\n`,
    );
    expect(readFileSync(hook, 'utf8')).toBe('#!/bin/sh\nnpm run lint\n');
  });

  it('leaves hooks a manager owns (core.hooksPath) to it, and says what to add', async () => {
    const repo = await project();
    repo.git('config', 'core.hooksPath', '.husky/_');
    const refused = await cli(['install-hook', repo.root]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('core.hooksPath is set to .husky/_');
    expect(refused.stderr).toContain(CHAIN_LINE);
    expect(existsSync(join(repo.root, '.husky'))).toBe(false);
  });

  it('says clearly when the directory is not a git repository', async () => {
    const plain = makeGitRepo({ git: false });
    const result = await cli(['install-hook', plain.root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^blast-radius: install-hook needs a git repository, and .* is not inside a git work tree/);
  });
});

describe('hook managers', () => {
  it('runs the staged scan from a husky-style hooks directory with the documented line', async () => {
    const repo = await project();
    mkdirSync(join(repo.root, '.husky'), { recursive: true });
    writeFileSync(join(repo.root, '.husky', 'pre-commit'), `${CHAIN_LINE}\n`);
    chmodSync(join(repo.root, '.husky', 'pre-commit'), 0o755);
    repo.git('config', 'core.hooksPath', '.husky');
    repo.write('.env.production', `STRIPE_SECRET_KEY=${stripeLiveKey('husky')}\n`);
    repo.git('add', '.env.production');
    const blocked = commit(repo, []);
    expect(blocked.status).toBe(1);
    expect(blocked.output).toContain('.env.production');
    execFileSync('git', ['reset', '-q', '.env.production'], { cwd: repo.root });
    repo.git('add', 'README.md');
    expect(commit(repo, ['--allow-empty']).status).toBe(0);
  });
});
